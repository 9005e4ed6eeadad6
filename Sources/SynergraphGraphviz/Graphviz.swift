// The Graphviz facade is being written (see issue: network maps). This file keeps the target building.
internal import CGraphviz
