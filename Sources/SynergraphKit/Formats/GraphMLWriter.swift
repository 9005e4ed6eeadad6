/// Writes GraphML that NetworkX, igraph, yEd and Gephi read, and that ``GraphMLReader`` reads back to
/// the same network.
///
/// Every model field is a `<key>` named as its column in Networks/README.md (`kind`, `weight`, `since`,
/// ...), attributes follow under their own names, all values as strings except `weight`, `trust` and
/// `value` (double) and `consent` and `directed` (boolean). The graph's `edgedefault` is `directed` when
/// any tie is, and each edge says its own direction. The manifest is embedded as JSON under the graph
/// key `synergraph_manifest`. Activities and participation are not written (GraphML holds a graph).
/// Output is deterministic: the same network gives the same bytes.
///
/// Node ids and edge ends are XML NMTOKENs, as the GraphML schema requires: an id that is not one (a
/// space, a slash...) is written with `_xHHHH_` escapes (``XEscape/nmtoken(_:)``; `gov npl/1` →
/// `gov_x20_npl_x2F_1`), which GraphMLReader undoes in files Synergraph wrote. Other tools see the
/// escaped id; the name is unchanged.
public enum GraphMLWriter {
    public static func text(_ network: Network) -> String {
        var keys: [(id: String, domain: String, name: String, type: String)] = [("g0", "graph", ManifestEmbedding.key, "string")]
        var nodeKey: [String: String] = [:], edgeKey: [String: String] = [:]
        let nodeUsed = Set(network.nodes.flatMap { ModelColumns.node($0).map(\.0) })
        for name in ModelColumns.nodeOrder where nodeUsed.contains(name) {
            nodeKey[name] = "n\(nodeKey.count)"
            keys.append((nodeKey[name]!, "node", name, name == "consent" ? "boolean" : "string"))
        }
        var nodeAttr: [String: String] = [:]
        for name in ModelColumns.attributeNames(network.nodes.map(\.attributes)) {
            nodeAttr[name] = "n\(nodeKey.count + nodeAttr.count)"
            keys.append((nodeAttr[name]!, "node", name, "string"))
        }
        let tieUsed = Set(network.ties.flatMap { ModelColumns.tie($0).map(\.0) })
        for name in ModelColumns.tieOrder where tieUsed.contains(name) {
            edgeKey[name] = "e\(edgeKey.count)"
            let type = ["weight", "trust", "value"].contains(name) ? "double" : name == "directed" ? "boolean" : "string"
            keys.append((edgeKey[name]!, "edge", name, type))
        }
        var edgeAttr: [String: String] = [:]
        for name in ModelColumns.attributeNames(network.ties.map(\.attributes)) {
            edgeAttr[name] = "e\(edgeKey.count + edgeAttr.count)"
            keys.append((edgeAttr[name]!, "edge", name, "string"))
        }
        let anyDirected = network.ties.contains { network.isDirected($0) }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        for k in keys {
            out += "  <key id=\"\(k.id)\" for=\"\(k.domain)\" attr.name=\"\(WriterText.xml(k.name))\" attr.type=\"\(k.type)\"/>\n"
        }
        out += "  <graph id=\"G\" edgedefault=\"\(anyDirected ? "directed" : "undirected")\">\n"
        out += "    <data key=\"g0\">\(WriterText.xml(ManifestEmbedding.encode(network.manifest)))</data>\n"
        for n in network.nodes {
            out += "    <node id=\"\(WriterText.xml(XEscape.nmtoken(n.id)))\">\n"
            for (name, value) in ModelColumns.node(n) {
                out += "      <data key=\"\(nodeKey[name]!)\">\(WriterText.xml(value))</data>\n"
            }
            for (name, value) in n.attributes {
                if let key = nodeAttr[name] { out += "      <data key=\"\(key)\">\(WriterText.xml(value))</data>\n" }
            }
            out += "    </node>\n"
        }
        for t in network.ties {
            let directed = network.isDirected(t)
            out += "    <edge source=\"\(WriterText.xml(XEscape.nmtoken(t.source)))\" target=\"\(WriterText.xml(XEscape.nmtoken(t.target)))\""
            out += directed == anyDirected ? ">\n" : " directed=\"\(directed)\">\n"
            for (name, value) in ModelColumns.tie(t) {
                out += "      <data key=\"\(edgeKey[name]!)\">\(WriterText.xml(value))</data>\n"
            }
            for (name, value) in t.attributes {
                if let key = edgeAttr[name] { out += "      <data key=\"\(key)\">\(WriterText.xml(value))</data>\n" }
            }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }
}
