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
//     so quoting is cgraph's, never ours);
//   - `sg_agopen` / `sg_agread_memory`: create or parse a graph with a deterministic ID discipline
//     (below); `sg_agread_memory` also leaves nothing in cgraph's scanner for the next read;
//   - `sg_agseq`, `sg_agtail`, `sg_aghead`: the `AGSEQ`, `agtail` and `aghead` macros;
//   - `sg_ordered_memory_begin` / `sg_ordered_memory_end`: give the nodes of the graphs a layout
//     creates internally addresses in creation order (fdp compares node addresses; see the end).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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

// An object's sequence number (`AGSEQ`, a macro): nodes and edges are numbered in creation order,
// which for a parsed graph is file order.
static inline unsigned long sg_agseq(void *obj) { return (unsigned long)AGSEQ(obj); }

// An edge's ends (`agtail`/`aghead` are macros).
static inline Agnode_t *sg_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *sg_aghead(Agedge_t *e) { return aghead(e); }

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


// ---------------------------------------------------------------------------------------------
// A deterministic ID discipline.
//
// cgraph's default discipline uses the *address* of an object's interned name as its ID, and keeps
// subgraphs ordered by ID. So the order in which `agfstsubg`/`agnxtsubg` (and with them `agwrite`,
// dot's cluster handling, ...) visit clusters depends on where malloc put the names: it changes
// from call to call in one process. This discipline numbers names in the order they are first
// seen instead (even IDs, as cgraph expects for named objects; anonymous objects get odd IDs from
// a per-graph counter). Names are still interned with `agstrdup`, because cgraph inspects the
// string header of what `print` returns (`aghtmlstr`). The table holds one reference of its own to
// every name, released with the graph's string dictionary when the graph is closed.
typedef struct {
    Agraph_t *graph;
    char **names;        // names[i] has ID 2 * (i + 1)
    size_t count, capacity;
    size_t *slots;       // open addressing: index + 1, or 0 for empty
    size_t slot_count;   // power of two
    IDTYPE next_anonymous;
} sg_idmap;

static inline size_t sg_idmap_hash(const char *s) {
    size_t h = 1469598103934665603ULL;  // FNV-1a
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static inline void *sg_idmap_open(Agraph_t *g, Agdisc_t *disc) {
    (void)disc;
    sg_idmap *m = (sg_idmap *)calloc(1, sizeof(sg_idmap));
    if (m == NULL) return NULL;
    m->graph = g;
    m->next_anonymous = 1;
    return m;
}

// The slot where `str` is, or the empty slot where it would go.
static inline size_t sg_idmap_find(sg_idmap *m, const char *str) {
    size_t mask = m->slot_count - 1;
    size_t i = sg_idmap_hash(str) & mask;
    while (m->slots[i] != 0 && strcmp(m->names[m->slots[i] - 1], str) != 0) i = (i + 1) & mask;
    return i;
}

static inline int sg_idmap_grow(sg_idmap *m) {
    if (m->count + 1 > m->capacity) {
        size_t capacity = m->capacity ? m->capacity * 2 : 64;
        char **names = (char **)realloc(m->names, capacity * sizeof(char *));
        if (names == NULL) return 0;
        m->names = names;
        m->capacity = capacity;
    }
    if ((m->count + 1) * 2 > m->slot_count) {
        size_t slot_count = m->slot_count ? m->slot_count * 2 : 128;
        size_t *slots = (size_t *)calloc(slot_count, sizeof(size_t));
        if (slots == NULL) return 0;
        free(m->slots);
        m->slots = slots;
        m->slot_count = slot_count;
        for (size_t k = 0; k < m->count; k++) m->slots[sg_idmap_find(m, m->names[k])] = k + 1;
    }
    return 1;
}

static inline long sg_idmap_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    (void)objtype;
    sg_idmap *m = (sg_idmap *)state;
    if (m == NULL) return 0;
    if (str == NULL) {
        *id = m->next_anonymous;
        m->next_anonymous += 2;
        return 1;
    }
    if (m->slot_count > 0) {
        size_t slot = sg_idmap_find(m, str);
        if (m->slots[slot] != 0) {
            if (createflag) agstrdup(m->graph, str);  // the new object's reference, as cgraph expects
            *id = (IDTYPE)(2 * m->slots[slot]);
            return 1;
        }
    }
    if (!createflag) return 0;
    if (!sg_idmap_grow(m)) return 0;
    char *interned = agstrdup(m->graph, str);  // the table's reference
    if (interned == NULL) return 0;
    agstrdup(m->graph, str);                   // the object's reference
    m->names[m->count] = interned;
    m->slots[sg_idmap_find(m, str)] = m->count + 1;
    m->count += 1;
    *id = (IDTYPE)(2 * m->count);
    return 1;
}

static inline long sg_idmap_alloc(void *state, int objtype, IDTYPE request) {
    (void)state; (void)objtype; (void)request;
    return 0;  // explicit IDs are not supported (as in cgraph's default)
}

static inline char *sg_idmap_name(sg_idmap *m, IDTYPE id) {
    if (m == NULL || id == 0 || id % 2 != 0) return NULL;
    size_t index = (size_t)(id / 2) - 1;
    return index < m->count ? m->names[index] : NULL;
}

static inline void sg_idmap_free(void *state, int objtype, IDTYPE id) {
    (void)objtype;
    sg_idmap *m = (sg_idmap *)state;
    char *name = sg_idmap_name(m, id);
    if (name != NULL) agstrfree(m->graph, name);  // the object's reference
}

static inline char *sg_idmap_print(void *state, int objtype, IDTYPE id) {
    (void)objtype;
    return sg_idmap_name((sg_idmap *)state, id);
}

static inline void sg_idmap_close(void *state) {
    sg_idmap *m = (sg_idmap *)state;
    if (m == NULL) return;
    free(m->names);
    free(m->slots);
    free(m);
}

static inline void sg_idmap_register(void *state, int objtype, void *obj) {
    (void)state; (void)objtype; (void)obj;
}

static Agiddisc_t sg_iddisc = {
    sg_idmap_open, sg_idmap_map, sg_idmap_alloc, sg_idmap_free, sg_idmap_print, sg_idmap_close,
    sg_idmap_register,
};

// Reading DOT from memory (as `agmemread` does, but with the discipline above).
typedef struct {
    const char *cursor;
    size_t left;
} sg_memory_reader;

// Hands cgraph's lexer one line at a time, like `agmemread`'s reader.
static inline int sg_memory_read(void *chan, char *buf, int bufsize) {
    sg_memory_reader *reader = (sg_memory_reader *)chan;
    if (bufsize <= 0 || reader->left == 0) return 0;
    size_t n = 0;
    while (n < (size_t)bufsize && n < reader->left) {
        char c = reader->cursor[n++];
        if (c == '\n') break;
    }
    memcpy(buf, reader->cursor, n);
    reader->cursor += n;
    reader->left -= n;
    return (int)n;
}

static inline Agdisc_t *sg_deterministic_disc(void) {
    static Agdisc_t disc;
    disc.mem = &AgMemDisc;
    disc.id = &sg_iddisc;
    disc.io = &AgIoDisc;
    return &disc;
}

// `agopen` with the deterministic ID discipline.
static inline Agraph_t *sg_agopen(char *name, Agdesc_t desc) {
    return agopen(name, desc, sg_deterministic_disc());
}

// cgraph's scanner (flex, prefix `aag`) keeps its buffer in globals between reads: whatever follows
// the first graph in one text (a second graph, garbage, the final newline) is what the *next* read
// starts with (measured on 2.43: after reading "graph { a } graph { c }", the next `agmemread` of
// another text returned the graph `c` and lost its own text). `aaglex_destroy` (flex's
// `yylex_destroy`, exported but not declared in cgraph.h) drops that buffer. Weak, so a Graphviz
// without it still links; the call is then skipped.
extern int aaglex_destroy(void) __attribute__((weak));

// Parses `length` bytes of DOT text with the deterministic ID discipline; NULL on a syntax error.
// Line numbers in messages count from 1 for this text, and nothing of it is left for the next read.
static inline Agraph_t *sg_agread_memory(const char *text, size_t length) {
    static Agiodisc_t io;
    io.afread = sg_memory_read;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    Agdisc_t disc;
    disc.mem = &AgMemDisc;
    disc.id = &sg_iddisc;
    disc.io = &io;
    sg_memory_reader reader = {text, length};
    agreadline(1);
    Agraph_t *graph = agread(&reader, &disc);
    if (aaglex_destroy) aaglex_destroy();
    return graph;
}

// ---------------------------------------------------------------------------------------------
// Graph memory in creation order, for fdp.
//
// fdp (lib/fdpgen/layout.c, Graphviz 2.43) lays out each cluster level on a "derived graph" it
// opens with cgraph's default disciplines (`agopen("derived", Agstrictdirected, NULL)`), and
//   - orients every derived edge by comparing the two nodes' *addresses*:
//         if (hd > tl) de = agedge(dg, tl, hd, NULL, 1); else de = agedge(dg, hd, tl, NULL, 1);
//     (likewise `if (dn > m)` for port nodes; `if (n < other)` in `genPorts` orders the ports of
//     a cluster). The orientation decides the order in which spring forces are summed, rounding
//     differs, and the layout diverges;
//   - collects the connected components of a derived graph with `agfstsubg`/`agnxtsubg`
//     (comp.c, `findCComp`), which visit subgraphs by ID, and the default ID discipline's ID of a
//     named object is the *address* of its interned name. The component order decides how they are
//     packed (seen: two equal clusters swapping places).
// Addresses come from `calloc`, and their relative order depends on the state of the heap, which
// pango's font threads change at times that vary from run to run, and every earlier render in the
// same process changes too. So fdp gave several layouts for the same input even in a fresh process
// (the `fdp` program as well), and a stable one under valgrind (own allocator, serialised threads).
// Without labels (no pango) it was stable in a fresh process.
//
// cgraph allocates all graph memory through the memory discipline `AgMemDisc` (a writable global).
// Between `sg_ordered_memory_begin` and `sg_ordered_memory_end`, every graph opened with it (all the
// graphs Graphviz opens internally) takes its memory from one reserved address range, handed out
// upwards: whatever is created later has the higher address, so the same input gives the same
// orientations, the same component order and the same layout. Every graph opened at any other time
// (closure NULL, as cgraph's own `memopen` returns) gets cgraph's behaviour: calloc/realloc/free.
// So the alloc/resize/free functions installed here can stay installed for good.
//
// Traps met while building this:
//   - `AgMemDisc.close` must stay NULL: when a discipline has `close`, `agclose` takes it to free
//     the whole heap at once and frees nothing itself (every graph leaked).
//   - cgraph's dictionaries allocate holders through a global "current graph" (`Ag_dictop_G`) that
//     `agdtdelete` leaves set, so memory can be allocated through one graph and freed through
//     another, even one already closed (memory per graph, unmapped at `agclose`, crashed on nested
//     clusters that way). Hence one range for all, and ownership decided by address, not by graph.
//   - Nothing in the range is reused while anything may point to it: blocks are counted, freeing
//     only counts down, and the range is emptied (MADV_DONTNEED: reads as zero again, like calloc)
//     at the start of the next layout, and only when every block has been freed. If something
//     stays (fdp's error exit leaves its derived graphs behind), the range keeps growing, and when
//     full, memory comes from calloc: correct, only no longer ordered.
//
// The range is address space only (MAP_NORESERVE); one fdp layout's graphs take what they took from
// calloc before (a few MB for thousands of nodes). If it cannot be reserved, memory comes from
// calloc. All calls happen with the facade's Graphviz lock held (or in the single-render worker).
// Call begin/end from one Swift file only: the state below is a static of the translation unit that
// emits these inline functions.
typedef struct {
    char *base;
    size_t used, capacity;
    size_t live;           // blocks handed out and not freed yet
    int unavailable;       // the reservation failed: plain calloc
} sg_ordered_range;

// Each block starts with a 16-byte header holding its usable size (keeps 16-byte alignment).
#define SG_BLOCK_HEADER ((size_t)16)

static inline sg_ordered_range *sg_ordered_range_state(void) {
    static sg_ordered_range range;
    return &range;
}

static inline int sg_ordered_range_owns(const void *ptr) {
    const sg_ordered_range *range = sg_ordered_range_state();
    return range->base != NULL && ptr != NULL && (const char *)ptr >= range->base &&
           (const char *)ptr < range->base + range->capacity;
}

static inline void *sg_mem_open_plain(Agdisc_t *disc) {
    (void)disc;
    return NULL;  // what cgraph's own `memopen` returns
}

static inline void *sg_mem_open_ordered(Agdisc_t *disc) {
    (void)disc;
    sg_ordered_range *range = sg_ordered_range_state();
    if (range->base == NULL && !range->unavailable) {
        // 16 GiB of address space, or 1 GiB where that is refused.
        for (size_t capacity = (size_t)1 << 34; capacity >= ((size_t)1 << 30); capacity >>= 4) {
            void *base = mmap(NULL, capacity, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
            if (base != MAP_FAILED) {
#ifdef MADV_NOHUGEPAGE
                madvise(base, capacity, MADV_NOHUGEPAGE);  // a small graph must not take 2 MiB pages
#endif
                range->base = (char *)base;
                range->capacity = capacity;
                break;
            }
        }
        if (range->base == NULL) range->unavailable = 1;
    }
    return range;  // non-NULL: marks the graph as one whose memory is ordered
}

static inline void *sg_mem_alloc(void *state, size_t request) {
    if (state != NULL) {
        sg_ordered_range *range = sg_ordered_range_state();
        size_t total = (request + SG_BLOCK_HEADER + 15) & ~(size_t)15;
        if (range->base != NULL && total > request && total <= range->capacity - range->used) {
            char *block = range->base + range->used;
            range->used += total;
            range->live += 1;
            *(size_t *)block = total - SG_BLOCK_HEADER;
            return block + SG_BLOCK_HEADER;  // zero: fresh or emptied pages
        }
    }
    return calloc(1, request);
}

static inline void sg_mem_free(void *state, void *ptr) {
    (void)state;
    if (ptr == NULL) return;
    if (sg_ordered_range_owns(ptr)) {
        sg_ordered_range *range = sg_ordered_range_state();
        if (range->live > 0) range->live -= 1;  // the block itself waits for the range to be emptied
    } else {
        free(ptr);
    }
}

static inline void *sg_mem_resize(void *state, void *ptr, size_t old, size_t request) {
    if (sg_ordered_range_owns(ptr)) {
        size_t usable = *(size_t *)((char *)ptr - SG_BLOCK_HEADER);
        if (request <= usable) {
            if (request > old) memset((char *)ptr + old, 0, request - old);
            return ptr;
        }
        char *moved = (char *)sg_mem_alloc(state, request);
        if (moved == NULL) return NULL;
        memcpy(moved, ptr, old < usable ? old : usable);  // the rest is zero (fresh pages, calloc)
        sg_mem_free(state, ptr);
        return moved;
    }
    if (ptr == NULL) return sg_mem_alloc(state, request);
    void *resized = realloc(ptr, request);  // as cgraph's `memresize`
    if (resized != NULL && request > old) memset((char *)resized + old, 0, request - old);
    return resized;
}

// From here on, graphs opened with `AgMemDisc` (all that Graphviz opens internally) get ordered
// memory, until `sg_ordered_memory_end`. The range is emptied first if nothing in it is in use.
static inline void sg_ordered_memory_begin(void) {
    sg_ordered_range *range = sg_ordered_range_state();
    if (range->live == 0 && range->used > 0) {
        madvise(range->base, range->used, MADV_DONTNEED);  // zero-filled again when touched
        range->used = 0;
    }
    AgMemDisc.alloc = sg_mem_alloc;
    AgMemDisc.resize = sg_mem_resize;
    AgMemDisc.free = sg_mem_free;
    AgMemDisc.open = sg_mem_open_ordered;  // `close` stays NULL (see above)
}

// Graphs opened from here on get cgraph's plain memory again.
static inline void sg_ordered_memory_end(void) {
    AgMemDisc.open = sg_mem_open_plain;
}

#endif
