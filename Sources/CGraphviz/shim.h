#ifndef SYNERGRAPH_CGRAPHVIZ_SHIM_H
#define SYNERGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
