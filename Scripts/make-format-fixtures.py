#!/usr/bin/env python3
"""Writes sample GraphML, GEXF, GML and Pajek files with NetworkX and igraph, and what each tool reports.

Usage: Scripts/make-format-fixtures.py   (re-runs itself inside a throwaway venv at /tmp/synergraph-fmt-venv
with networkx==3.6.1 and python-igraph from PyPI; writes Tests/SynergraphKitTests/Fixtures/formats/).

Every file is read back by the tool that wrote it, and what that tool reports (node count, edge count,
directedness, a few attributes) goes into reports.json; the Swift tests compare Synergraph's reading
with it.
"""
import json
import os
import subprocess
import sys

VENV = "/tmp/synergraph-fmt-venv"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "SynergraphKitTests", "Fixtures", "formats")


def ensure_venv():
    if sys.prefix == VENV:
        return
    if not os.path.exists(os.path.join(VENV, "bin", "python")):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([os.path.join(VENV, "bin", "pip"), "install", "-q", "networkx==3.6.1", "python-igraph"])
    os.execv(os.path.join(VENV, "bin", "python"), [os.path.join(VENV, "bin", "python"), os.path.abspath(__file__)])


def graphs():
    import networkx as nx

    karate = nx.karate_club_graph()  # node attribute "club", edge attribute "weight" (NetworkX 3.x)
    karate.graph = {"name": "Zachary's karate club"}
    # Labels as strings so every tool agrees on them.
    karate = nx.relabel_nodes(karate, {n: f"k{n}" for n in karate.nodes})

    multi = nx.MultiDiGraph()
    for n, kind in [("unpog", "agency"), ("nasc", "school"), ("tiri", "cso"), ("exp-1", "expert")]:
        multi.add_node(n, kind=kind, country="KOR" if n == "unpog" else "NPL")
    multi.add_edge("unpog", "nasc", weight=2.0, kind="partnership")
    multi.add_edge("unpog", "nasc", weight=5.0, kind="funding")
    multi.add_edge("nasc", "unpog", weight=1.5, kind="partnership")
    multi.add_edge("exp-1", "tiri", weight=1.0, kind="affiliation")
    multi.add_edge("tiri", "tiri", weight=3.0, kind="membership")  # a self-loop

    uni = nx.Graph()
    names = ["Hà Nội", "Zürich", "東京", "Ōsaka \"north\" & co", "Ελλάδα"]
    for name in names:
        uni.add_node(name, note="ünïcödé <tag>")
    for i in range(len(names) - 1):
        uni.add_edge(names[i], names[i + 1], weight=float(i + 1))
    return {"karate": karate, "multi": multi, "unicode": uni}


def nx_report(path, reader, g=None):
    import networkx as nx
    g = reader(path)
    nodes = list(g.nodes(data=True))
    edges = list(g.edges(data=True))
    return {
        "tool": f"networkx {nx.__version__}",
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "directed": g.is_directed(),
        "first_nodes": [{"id": str(n), **{k: str(v) for k, v in d.items()}} for n, d in nodes[:3]],
        "weight_sum": sum(float(d.get("weight", 1)) for _, _, d in edges),
    }


def ig_report(path, fmt):
    import igraph as ig
    # An ncol file says nothing of direction (igraph would read it as directed); edge lists are undirected.
    g = ig.Graph.Read(path, format=fmt, **({"directed": False} if fmt == "ncol" else {}))
    first = []
    for v in g.vs[:3]:
        first.append({k: str(v[k]) for k in g.vs.attributes()})
    ws = g.es["weight"] if "weight" in g.es.attributes() else [1.0] * g.ecount()
    return {
        "tool": f"igraph {ig.__version__}",
        "nodes": g.vcount(),
        "edges": g.ecount(),
        "directed": g.is_directed(),
        "first_nodes": first,
        "weight_sum": sum(float(w if w is not None else 1) for w in ws),
    }


def main():
    import networkx as nx
    import igraph as ig

    os.makedirs(OUT, exist_ok=True)
    reports = {}
    for name, g in graphs().items():
        p = os.path.join(OUT, f"{name}.networkx.graphml")
        nx.write_graphml(g, p)
        reports[os.path.basename(p)] = nx_report(p, nx.read_graphml)
        p = os.path.join(OUT, f"{name}.networkx.gexf")
        nx.write_gexf(g, p)
        reports[os.path.basename(p)] = nx_report(p, nx.read_gexf)
        p = os.path.join(OUT, f"{name}.networkx.gml")
        nx.write_gml(g, p)
        reports[os.path.basename(p)] = nx_report(p, nx.read_gml)

        if name == "karate":
            # Space-separated edge lists: NetworkX's weighted edge list and igraph's ncol (names hold no blanks).
            p = os.path.join(OUT, f"{name}.networkx.edgelist")
            nx.write_weighted_edgelist(g, p)
            reports[os.path.basename(p)] = nx_report(p, nx.read_weighted_edgelist)

        h = ig.Graph.from_networkx(g)  # vertex attribute "_nx_name" holds the NetworkX node key
        h.vs["name"] = h.vs["_nx_name"]
        del h.vs["_nx_name"]
        for fmt, ext in [("graphml", "graphml"), ("gml", "gml"), ("pajek", "net")] + ([("ncol", "ncol")] if name == "karate" else []):
            p = os.path.join(OUT, f"{name}.igraph.{ext}")
            if fmt == "pajek":
                # Pajek holds the "name" attribute as vertex labels and weights as the third column.
                k = h.copy()
                for a in list(k.vs.attributes()):
                    if a != "name":
                        del k.vs[a]
                for a in list(k.es.attributes()):
                    if a != "weight":
                        del k.es[a]
                k.write(p, format=fmt)
            else:
                h.write(p, format=fmt)
            reports[os.path.basename(p)] = ig_report(p, fmt)
    with open(os.path.join(OUT, "reports.json"), "w", encoding="utf-8") as f:
        json.dump(reports, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    ensure_venv()
    main()
