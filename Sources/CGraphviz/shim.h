#ifndef SYNERGRAPH_CGRAPHVIZ_SHIM_H
#define SYNERGRAPH_CGRAPHVIZ_SHIM_H
// The one header through which Swift sees Graphviz. Only `SynergraphGraphviz` imports it.
//
// Besides including gvc.h and cgraph.h it adds a few `static inline` wrappers for what Swift
// cannot call directly or portably:
//   - `sg_gvRenderData`: absorbs the length-type difference of `gvRenderData` (see below);
//   - `sg_agdirected` / `sg_agundirected`: accessors for the C globals `Agdirected` / `Agundirected`,
//     which Swift 6 refuses as not concurrency-safe;
//   - `sg_agwrite_string`: writes a graph as DOT text into a malloc'd buffer (cgraph's own writer,
//     so quoting is cgraph's, never ours).
#include <stdio.h>
#include <stdlib.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// `gvRenderData`'s length parameter is `unsigned int *` in Graphviz 2.x (Debian 12 ships 2.43) and
// `size_t *` in current releases. graphviz_version.h has no numeric version macro to test in 2.43,
// so instead of a configure step we ask the compiler which prototype the header declared:
// C11 `_Generic` on the type of `&gvRenderData` yields a constant 1 for the `size_t *` prototype,
// and each branch calls through a pointer of the matching type (the other branch is dead code,
// removed by the compiler, and never called). Callers always get a `size_t` length.
typedef int (*sg_gvRenderData_size_fn)(GVC_t *, graph_t *, const char *, char **, size_t *);
typedef int (*sg_gvRenderData_uint_fn)(GVC_t *, graph_t *, const char *, char **, unsigned int *);
#define SG_GVRENDERDATA_TAKES_SIZE_T _Generic(&gvRenderData, sg_gvRenderData_size_fn: 1, default: 0)

static inline int sg_gvRenderData(GVC_t *gvc, graph_t *g, const char *format, char **result,
                                  size_t *length) {
    if (SG_GVRENDERDATA_TAKES_SIZE_T) {
        size_t n = 0;
        int rc = ((sg_gvRenderData_size_fn)(void *)&gvRenderData)(gvc, g, format, result, &n);
        *length = n;
        return rc;
    } else {
        unsigned int n = 0;
        int rc = ((sg_gvRenderData_uint_fn)(void *)&gvRenderData)(gvc, g, format, result, &n);
        *length = (size_t)n;
        return rc;
    }
}

static inline Agdesc_t sg_agdirected(void) { return Agdirected; }
static inline Agdesc_t sg_agundirected(void) { return Agundirected; }

// DOT text of `g` (cgraph's `agwrite`) in a malloc'd buffer the caller frees, or NULL.
static inline char *sg_agwrite_string(Agraph_t *g, size_t *length) {
    char *buffer = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&buffer, &size);
    if (stream == NULL) return NULL;
    int rc = agwrite(g, stream);
    if (fclose(stream) != 0 || rc != 0) {
        free(buffer);
        return NULL;
    }
    *length = size;
    return buffer;
}

#endif
