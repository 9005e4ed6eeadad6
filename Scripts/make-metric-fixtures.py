#!/usr/bin/env python3
"""Reference values for Synergraph's metrics engine, computed with NetworkX 3.6.1 (igraph as a cross-check).

Usage:  python3 Scripts/make-metric-fixtures.py [NAME ...]  # makes /tmp/synergraph-ref-venv if needed; only NAMEs if given
Writes: Tests/SynergraphKitTests/Fixtures/metrics/NAME.json

Each fixture holds the *input* edge list (vertex indices, possibly with repeats and self-loops, exactly what
the Swift test feeds to `Graph(vertexCount:edges:directed:)`), the vertex names, and the expected values,
computed by NetworkX on the simple graph Synergraph builds from that input: self-loops dropped, parallel
edges merged with their weights summed. Weighted path metrics use `distance = 1 / weight`.
Undefined values (NaN in NetworkX, or an exception) are written as null.
"""
import json
import math
import os
import random
import subprocess
import sys

VENV = os.environ.get("SYNERGRAPH_REF_VENV", "/tmp/synergraph-ref-venv")
REQUIREMENTS = ["networkx==3.6.1", "python-igraph", "scipy", "numpy"]


def ensure_venv():
    """Re-executes this script inside a throwaway venv that has NetworkX 3.6.1."""
    if os.environ.get("SYNERGRAPH_IN_REF_VENV") == "1":
        return
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([python, "-m", "pip", "install", "-q", *REQUIREMENTS])
    env = dict(os.environ, SYNERGRAPH_IN_REF_VENV="1")
    os.execve(python, [python, *sys.argv], env)


ensure_venv()

import networkx as nx  # noqa: E402
import igraph as ig  # noqa: E402

assert nx.__version__ == "3.6.1", nx.__version__

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "SynergraphKitTests", "Fixtures", "metrics")
POWER_TOL = 1e-12       # tighter than NetworkX's default 1e-6, so 1e-9 comparisons are meaningful
POWER_MAX_ITER = 1000
LOUVAIN_SEEDS = range(10)


def clean(x):
    if x is None:
        return None
    if isinstance(x, float) and (math.isnan(x) or math.isinf(x)):
        return None
    return float(x)


def simple_graph(n, edges, directed):
    """The simple graph Synergraph builds: self-loops dropped, parallel edges merged, weights summed in input order."""
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(range(n))
    for u, v, w in edges:
        if u == v:
            continue
        if G.has_edge(u, v):
            G[u][v]["weight"] += w
        else:
            G.add_edge(u, v, weight=w)
    for u, v, d in G.edges(data=True):
        d["distance"] = 1 / d["weight"]
    return G


def per_node(G, d):
    return [clean(d[v]) for v in range(G.number_of_nodes())]


def attempt(f):
    try:
        return f()
    except (nx.PowerIterationFailedConvergence, nx.NetworkXPointlessConcept, nx.NetworkXError, ZeroDivisionError):
        return None


def effective_size_documented(G, w):
    forward = nx.effective_size(G, nodes=list(G), weight=w)
    backward = nx.effective_size(G.reverse(), nodes=list(G), weight=w) if G.is_directed() else forward
    return [clean(forward[v]) if not math.isnan(forward[v]) else clean(backward[v]) for v in range(G.number_of_nodes())]


def largest_component(G):
    comps = list(nx.strongly_connected_components(G) if G.is_directed() else nx.connected_components(G))
    if not comps:
        return None
    # Largest; ties broken by the smallest vertex, as Synergraph's ComponentPartition.largest.
    return max(comps, key=lambda c: (len(c), -min(c)))


def distance_stats(G, weight):
    comp = largest_component(G)
    if comp is None:
        return None, None
    H = G.subgraph(comp)
    diameter = 0
    for _, lengths in nx.all_pairs_dijkstra_path_length(H, weight=weight) if weight else nx.all_pairs_shortest_path_length(H):
        diameter = max(diameter, max(lengths.values()))
    aspl = nx.average_shortest_path_length(H, weight=weight)
    return clean(float(diameter)), clean(aspl)


def components(partition_iter):
    return sorted(sorted(c) for c in partition_iter)


def edge_scores(G, scores):
    out = []
    for (u, v), x in scores.items():
        a, b = (u, v) if G.is_directed() else (min(u, v), max(u, v))
        out.append([a, b, clean(x)])
    return sorted(out)


ONLY = set(sys.argv[1:])  # fixture names to (re)write; all when empty


def compute(name, source, n, edges, directed, names=None, labels=None):
    if ONLY and name not in ONLY:
        return
    G = simple_graph(n, edges, directed)
    names = names or [str(v) for v in range(n)]
    labels = labels if labels is not None else [v % 3 for v in range(n)]
    for v in range(n):
        G.nodes[v]["label"] = labels[v]
    node, edge, graph = {}, {}, {}

    node["degree"] = [G.degree(v) for v in range(n)]
    node["strength"] = [float(G.degree(v, weight="weight")) for v in range(n)]
    if directed:
        node["in_degree"] = [G.in_degree(v) for v in range(n)]
        node["out_degree"] = [G.out_degree(v) for v in range(n)]
    node["degree_centrality"] = per_node(G, nx.degree_centrality(G))
    for suffix, w in (("", None), ("_weighted", "distance")):
        node["betweenness" + suffix] = per_node(G, nx.betweenness_centrality(G, weight=w))
        node["betweenness_raw" + suffix] = per_node(G, nx.betweenness_centrality(G, normalized=False, weight=w))
        node["closeness" + suffix] = per_node(G, nx.closeness_centrality(G, distance=w))
        node["harmonic" + suffix] = per_node(G, nx.harmonic_centrality(G, distance=w))
        edge["edge_betweenness" + suffix] = edge_scores(G, nx.edge_betweenness_centrality(G, weight=w))
        edge["edge_betweenness_raw" + suffix] = edge_scores(G, nx.edge_betweenness_centrality(G, normalized=False, weight=w))
        graph["diameter" + suffix], graph["average_shortest_path_length" + suffix] = distance_stats(G, w)
    for suffix, w in (("", None), ("_weighted", "weight")):
        pr = attempt(lambda: nx.pagerank(G, tol=POWER_TOL, max_iter=POWER_MAX_ITER, weight=w))
        node["pagerank" + suffix] = per_node(G, pr) if pr is not None else None
        ev = attempt(lambda: nx.eigenvector_centrality(G, tol=POWER_TOL, max_iter=POWER_MAX_ITER, weight=w))
        node["eigenvector" + suffix] = per_node(G, ev) if ev is not None else None
        kz = attempt(lambda: nx.katz_centrality(G, tol=POWER_TOL, max_iter=POWER_MAX_ITER, weight=w))
        node["katz" + suffix] = per_node(G, kz) if kz is not None else None
        # NetworkX's scipy path rejects the null graph; there is nothing to compute there.
        node["constraint" + suffix] = per_node(G, nx.constraint(G, weight=w)) if n else []
        # nx.effective_size(G) without `nodes` takes a SciPy fast path that, for weighted or directed graphs,
        # divides m(u, w) by the largest mutual weight of *w* (a broadcasting slip) instead of u's, contrary to
        # its docstring and to its own pure-Python path. Passing `nodes` selects the documented formula.
        # That path also calls a directed vertex with in-arcs but no out-arcs isolated (it looks at G[v] only);
        # mutual weights do not change under reversal, so those vertices are taken from the reversed graph.
        node["effective_size" + suffix] = effective_size_documented(G, w) if n else []
        node["effective_size_scipy_path" + suffix] = per_node(G, nx.effective_size(G, weight=w)) if n else []
        graph["modularity_of_labels" + suffix] = clean(nx.community.modularity(
            G, [{v for v in range(n) if labels[v] == l} for l in sorted(set(labels))], weight=w)) if G.number_of_edges() else None
    if n > 1:
        pers = {v: (1.0 if v in (0, n - 1) else 0.0) for v in range(n)}
        node["pagerank_personalized"] = per_node(G, nx.pagerank(G, personalization=pers, tol=POWER_TOL, max_iter=POWER_MAX_ITER, weight=None))
        graph["pagerank_personalization"] = [pers[v] for v in range(n)]
    node["clustering"] = per_node(G, nx.clustering(G))
    node["core_number"] = [nx.core_number(G)[v] for v in range(n)]
    U = G.to_undirected() if directed else G
    node["articulation_point"] = [v in set(nx.articulation_points(U)) for v in range(n)]
    edge["bridges"] = sorted([min(u, v), max(u, v)] for u, v in nx.bridges(U))
    graph["weak_components"] = components(nx.weakly_connected_components(G) if directed else nx.connected_components(G))
    graph["strong_components"] = components(nx.strongly_connected_components(G)) if directed else graph["weak_components"]
    graph["density"] = clean(nx.density(G)) if n > 0 else 0.0
    graph["average_clustering"] = clean(nx.average_clustering(G)) if n > 0 else None
    graph["transitivity"] = None if directed else clean(float(nx.transitivity(G)))
    graph["degree_assortativity"] = attempt(lambda: clean(nx.degree_assortativity_coefficient(G))) if G.number_of_edges() else None
    graph["attribute_assortativity"] = attempt(lambda: clean(nx.attribute_assortativity_coefficient(G, "label"))) if G.number_of_edges() else None
    if G.number_of_edges() > 0:
        mods = []
        for s in LOUVAIN_SEEDS:
            comms = nx.community.louvain_communities(G, seed=s)
            mods.append(nx.community.modularity(G, comms))
        graph["louvain_modularity_by_seed"] = mods
        mods_u = []
        for s in LOUVAIN_SEEDS:
            comms = nx.community.louvain_communities(G, weight=None, seed=s)
            mods_u.append(nx.community.modularity(G, comms, weight=None))
        graph["louvain_modularity_unweighted_by_seed"] = mods_u

    cross_check_with_igraph(G, node)
    fixture = {
        "name": name,
        "source": source,
        "directed": directed,
        "vertex_count": n,
        "names": names,
        "labels": labels,
        "edges": [[u, v, w] for u, v, w in edges],
        "node": node,
        "edge": edge,
        "graph": graph,
    }
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(fixture, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"{name}: {n} vertices, {G.number_of_edges()} edges")


def cross_check_with_igraph(G, node):
    """igraph must agree with NetworkX on the unambiguous metrics, or the fixture is not written."""
    n = G.number_of_nodes()
    if n < 3:
        return
    h = ig.Graph(n=n, edges=list(G.edges()), directed=G.is_directed())
    h.es["distance"] = [G[u][v]["distance"] for u, v in G.edges()]
    bi = h.betweenness(directed=G.is_directed())
    scale = 1 / ((n - 1) * (n - 2)) * (1 if G.is_directed() else 2)
    for v in range(n):
        assert math.isclose(bi[v] * scale, node["betweenness"][v], rel_tol=1e-9, abs_tol=1e-12), ("betweenness", v)
    bw = h.betweenness(directed=G.is_directed(), weights="distance")
    for v in range(n):
        assert math.isclose(bw[v] * scale, node["betweenness_weighted"][v], rel_tol=1e-6, abs_tol=1e-9), ("weighted betweenness", v)
    hc = h.harmonic_centrality(mode="in" if G.is_directed() else "all")
    for v in range(n):
        assert math.isclose(hc[v] * (n - 1), node["harmonic"][v], rel_tol=1e-9, abs_tol=1e-12), ("harmonic", v)
    cores = h.coreness(mode="all")
    assert cores == node["core_number"], "core number"


def edges_of(G, index, weight=None):
    return [[index[u], index[v], float(d.get(weight, 1)) if weight else 1.0] for u, v, d in G.edges(data=True)]


def named(name, source, G, weight=None, labels=None):
    nodes = list(G.nodes())
    index = {u: i for i, u in enumerate(nodes)}
    compute(name, source, len(nodes), edges_of(G, index, weight), G.is_directed(), names=[str(u) for u in nodes],
            labels=labels(G, nodes) if labels else None)


def main():
    os.makedirs(OUT, exist_ok=True)
    K = nx.karate_club_graph()
    named("karate", "nx.karate_club_graph(), unweighted (the edge 'weight' attribute of NetworkX >= 3 is ignored); labels: club (Mr. Hi = 0, Officer = 1)",
          K, labels=lambda G, ns: [0 if G.nodes[u]["club"] == "Mr. Hi" else 1 for u in ns])
    D = nx.davis_southern_women_graph()
    named("davis", "nx.davis_southern_women_graph() as an ordinary undirected graph; labels: bipartite side",
          D, labels=lambda G, ns: [G.nodes[u]["bipartite"] for u in ns])
    named("florentine", "nx.florentine_families_graph() (Padgett's marriage ties); labels: vertex index mod 3", nx.florentine_families_graph())
    named("lesmis", "nx.les_miserables_graph() with its co-appearance 'weight'; labels: vertex index mod 3", nx.les_miserables_graph(), weight="weight")

    # Synthetic graphs.
    dis = [[0, 1, 1.0], [1, 2, 1.0], [2, 0, 1.0], [2, 3, 1.0], [5, 6, 2.0], [6, 7, 1.0], [7, 8, 3.0], [8, 5, 1.0], [5, 7, 1.0], [10, 11, 1.0]]
    compute("disconnected", "hand-made: a triangle with a tail, a 4-cycle with a chord, a single edge, isolated vertices 4, 9 and 12", 13, dis, False)
    loops = [[0, 1, 1.0], [1, 1, 5.0], [1, 2, 1.0], [2, 3, 2.0], [3, 3, 1.0], [3, 0, 1.0], [0, 2, 1.0], [4, 4, 1.0]]
    compute("selfloops", "hand-made: a 4-cycle with a chord plus self-loops (vertex 4 has only a self-loop); expected values on the loop-free graph", 5, loops, False)
    multi = [[0, 1, 1.0], [0, 1, 1.0], [1, 0, 2.0], [1, 2, 1.0], [2, 3, 1.0], [2, 3, 1.0], [3, 4, 1.0], [4, 0, 1.0], [1, 3, 1.0], [3, 1, 0.5]]
    compute("multiedges", "hand-made: repeated undirected edges (0-1 three times, 2-3 twice, 1-3 in both orientations); expected values on the merged graph with summed weights", 5, multi, False)
    rng = random.Random(7)
    DG = nx.gnp_random_graph(30, 0.1, seed=42, directed=True)
    compute("directed", "nx.gnp_random_graph(30, 0.1, seed=42, directed=True), weights random.Random(7).choice([1, 2, 4]) per arc in edge order",
            30, [[u, v, float(rng.choice([1, 2, 4]))] for u, v in DG.edges()], True)
    WG = nx.gnm_random_graph(25, 60, seed=11)
    rng = random.Random(3)
    compute("weighted", "nx.gnm_random_graph(25, 60, seed=11), weights random.Random(3).choice([0.5, 1, 2, 4]) per edge in edge order (powers of two: exact ties between path lengths)",
            25, [[u, v, float(rng.choice([0.5, 1, 2, 4]))] for u, v in WG.edges()], False)
    RW = nx.gnm_random_graph(40, 120, seed=5)
    rng = random.Random(9)
    compute("weighted_real", "nx.gnm_random_graph(40, 120, seed=5), weights random.Random(9).uniform(0.1, 10) per edge in edge order (no ties)",
            40, [[u, v, rng.uniform(0.1, 10)] for u, v in RW.edges()], False)
    # Partner-shaped: what degree-1 folding (Baglioni et al.) works on.
    OG = nx.gnm_random_graph(20, 40, seed=3)
    rng = random.Random(5)
    pe = [[u, v] for u, v in OG.edges()]
    nxt = 20
    for _ in range(60):  # experts with one tie to an organisation
        pe.append([nxt, rng.randrange(20)]); nxt += 1
    for _ in range(6):  # experts known only through another expert (trees of depth 2 and more)
        pe.append([nxt, rng.randrange(20, nxt)]); nxt += 1
    chain = [rng.randrange(20), nxt, nxt + 1, nxt + 2]  # a pendant chain of three organisations off the core
    pe += [[chain[i], chain[i + 1]] for i in range(3)]
    pe += [[nxt + 3, nxt + 1], [nxt + 4, nxt + 2], [nxt + 5, nxt + 2]]
    nxt += 6
    pe += [[nxt, nxt + 1], [nxt + 1, nxt + 2], [nxt + 2, nxt + 3], [nxt + 1, nxt + 4], [nxt + 5, nxt + 6]]  # a tree and a lone tie
    nxt += 7
    nxt += 1  # one isolated vertex
    compute("partners", "partner-shaped, hand-built from random.Random(5): nx.gnm_random_graph(20, 40, seed=3) organisations, 60 single-tie experts, "
            "6 experts tied to an expert, a pendant chain of 3 with experts, a 5-vertex tree component, a lone tie, one isolated vertex; "
            "weight of edge i random.Random(6 + i).choice([1, 2, 4])",
            nxt, [[u, v, float(random.Random(6 + i).choice([1, 2, 4]))] for i, (u, v) in enumerate(pe)], False)
    named("star", "nx.star_graph(6): centre 0 and leaves 1-6", nx.star_graph(6))
    named("path", "nx.path_graph(6)", nx.path_graph(6))
    named("complete", "nx.complete_graph(6)", nx.complete_graph(6))
    compute("empty", "the null graph: no vertices", 0, [], False)
    compute("single", "one vertex, no edges", 1, [], False)


if __name__ == "__main__":
    main()
