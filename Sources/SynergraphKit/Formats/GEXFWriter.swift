import Foundation

/// Writes GEXF 1.3 (the default) or 1.2draft for Gephi, read back to the same network by ``GEXFReader``.
///
/// - Nodes: `label` is the name; kind, scope, country, lists, consent, source_ref and attributes are
///   `<attvalue>`s of declared columns; `viz:color` is the kind's colour from ``MapStyle`` (or the node's
///   own `viz_color` attribute) and `viz:size` grows with the node's degree (or its `viz_size`).
/// - Edges: GEXF 1.3 `kind` is the tie kind, `weight`, `type` directed or undirected, and `start`/`end`
///   are since/until as dates (`timeformat="date"`, `mode="dynamic"` when any tie has dates), so Gephi's
///   timeline shows ties appearing and ending. Trust, value, an explicit direction, source_ref and
///   attributes are attvalues.
/// - The manifest is embedded as JSON in `<meta><description>`, with `<creator>Synergraph</creator>`.
///   Activities and participation are not written.
///
/// GEXF 1.2draft (``Version/v1_2draft``) writes only what the 1.2draft schema (`gexf.xsd`, `viz.xsd`)
/// allows, checked with xmllint in `GEXFSchemaTests`:
/// - 1.2draft has no edge `kind`: the tie kind is the first edge attribute column, titled `kind`
///   (``GEXFReader`` maps it back to the tie kind).
/// - The schema declares `color`, `size` and `position` in the GEXF namespace itself
///   (`http://www.gexf.net/1.2draft`), not in `http://www.gexf.net/1.2draft/viz`, and rejects
///   `viz:color`; they are written that way (Gephi reads them by local name, as does ``GEXFReader``).
/// - `viz_size` is used only when it is a finite number ≥ 0 and `viz_x`/`viz_y` only when finite
///   (the schema's `xs:float`, size ≥ 0); else the size grows with the degree and no position is written.
/// - Everything else (`mode`, `timeformat="date"`, `start`/`end`, edge `type` and `weight`, attribute
///   types `string`, `double`, `boolean`, `<meta>` with creator and description) is the same as in 1.3.
public enum GEXFWriter {
    /// The GEXF version written.
    public enum Version: String, CaseIterable, Sendable {
        /// GEXF 1.2draft (`http://www.gexf.net/1.2draft`), for tools that read no 1.3.
        case v1_2draft = "1.2draft"
        /// GEXF 1.3 (`http://gexf.net/1.3`), the default.
        case v1_3 = "1.3"
    }

    public static func text(_ network: Network, version: Version = .v1_3) -> String {
        let draft = version == .v1_2draft
        let nodeFixed = ["kind", "scope", "country", "sdgs", "accomplishments", "sectors", "consent", "source_ref"]
        let nodeUsed = Set(network.nodes.flatMap { ModelColumns.node($0).map(\.0) })
        var nodeCols: [(id: String, title: String, type: String)] = []
        for name in nodeFixed where nodeUsed.contains(name) { nodeCols.append(("n\(nodeCols.count)", name, name == "consent" ? "boolean" : "string")) }
        for name in ModelColumns.attributeNames(network.nodes.map(\.attributes)) { nodeCols.append(("n\(nodeCols.count)", name, "string")) }
        // 1.2draft has no edge `kind`: the tie kind is an attribute column there.
        let edgeFixed = (draft ? ["kind"] : []) + ["trust", "value", "directed", "source_ref"]
        let tieUsed = Set(network.ties.flatMap { ModelColumns.tie($0).map(\.0) })
        var edgeCols: [(id: String, title: String, type: String)] = []
        for name in edgeFixed where tieUsed.contains(name) {
            edgeCols.append(("e\(edgeCols.count)", name, name == "directed" ? "boolean" : name == "source_ref" || name == "kind" ? "string" : "double"))
        }
        for name in ModelColumns.attributeNames(network.ties.map(\.attributes)) { edgeCols.append(("e\(edgeCols.count)", name, "string")) }
        let nodeColID = Dictionary(nodeCols.map { ($0.title, $0.id) }, uniquingKeysWith: { a, _ in a })
        let edgeColID = Dictionary(edgeCols.map { ($0.title, $0.id) }, uniquingKeysWith: { a, _ in a })

        let anyDirected = network.ties.contains { network.isDirected($0) }
        let dynamic = network.ties.contains { $0.since != nil || $0.until != nil }
        var degree = [Int](repeating: 0, count: network.nodes.count)
        for t in network.ties {
            if let a = network.nodeIndex[t.source] { degree[a] += 1 }
            if let b = network.nodeIndex[t.target] { degree[b] += 1 }
        }
        let root = draft
            ? #"<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">"#
            : #"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
        // The viz elements: `viz:` in 1.3; in 1.2draft's schema they are in the GEXF namespace.
        let viz = draft ? "" : "viz:"
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            \(root)
              <meta>
                <creator>Synergraph</creator>
                <description>\(WriterText.xml(ManifestEmbedding.encode(network.manifest)))</description>
              </meta>

            """
        out += "  <graph defaultedgetype=\"\(anyDirected ? "directed" : "undirected")\" mode=\"\(dynamic ? "dynamic" : "static")\""
        out += dynamic ? " timeformat=\"date\">\n" : ">\n"
        for (cls, cols) in [("node", nodeCols), ("edge", edgeCols)] where !cols.isEmpty {
            out += "    <attributes class=\"\(cls)\" mode=\"static\">\n"
            for c in cols { out += "      <attribute id=\"\(c.id)\" title=\"\(WriterText.xml(c.title))\" type=\"\(c.type)\"/>\n" }
            out += "    </attributes>\n"
        }
        out += "    <nodes>\n"
        for (i, n) in network.nodes.enumerated() {
            out += "      <node id=\"\(WriterText.xml(n.id))\" label=\"\(WriterText.xml(n.name))\">\n"
            let values = ModelColumns.node(n).filter { $0.0 != "name" } + n.attributes.map { ($0.key, $0.value) }
            if !values.isEmpty {
                out += "        <attvalues>\n"
                for (title, value) in values {
                    if let id = nodeColID[title] { out += "          <attvalue for=\"\(id)\" value=\"\(WriterText.xml(value))\"/>\n" }
                }
                out += "        </attvalues>\n"
            }
            let color = n.attribute("viz_color").flatMap(hexColor) ?? MapStyle.color(of: n.kind)
            out += "        <\(viz)color r=\"\(color.red)\" g=\"\(color.green)\" b=\"\(color.blue)\"/>\n"
            let ownSize = n.attribute("viz_size").flatMap(Double.init).flatMap { !draft || ($0.isFinite && $0 >= 0) ? $0 : nil }
            let size = ownSize ?? sizeForDegree(degree[i])
            out += "        <\(viz)size value=\"\(WriterText.number(size))\"/>\n"
            if let x = n.attribute("viz_x").flatMap(Double.init), let y = n.attribute("viz_y").flatMap(Double.init), !draft || (x.isFinite && y.isFinite) {
                out += "        <\(viz)position x=\"\(WriterText.number(x))\" y=\"\(WriterText.number(y))\" z=\"0.0\"/>\n"
            }
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (i, t) in network.ties.enumerated() {
            out += "      <edge id=\"\(i)\" source=\"\(WriterText.xml(t.source))\" target=\"\(WriterText.xml(t.target))\""
            out += " type=\"\(network.isDirected(t) ? "directed" : "undirected")\""
            if !draft { out += " kind=\"\(WriterText.xml(t.kind))\"" }
            out += " weight=\"\(WriterText.number(t.weight))\""
            if let s = t.since { out += " start=\"\(s)\"" }
            if let u = t.until { out += " end=\"\(u)\"" }
            let values = ModelColumns.tie(t).filter { edgeColID[$0.0] != nil && edgeFixed.contains($0.0) } + t.attributes.map { ($0.key, $0.value) }
            if values.isEmpty {
                out += "/>\n"
                continue
            }
            out += ">\n        <attvalues>\n"
            for (title, value) in values {
                if let id = edgeColID[title] { out += "          <attvalue for=\"\(id)\" value=\"\(WriterText.xml(value))\"/>\n" }
            }
            out += "        </attvalues>\n      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    /// Node size: 10 for an isolated node, growing with the logarithm of the degree, one decimal.
    static func sizeForDegree(_ d: Int) -> Double {
        let grown: Double = 10 + 4 * log2(1 + Double(d))
        return (grown * 10).rounded() / 10
    }

    /// `#rrggbb` as a colour.
    static func hexColor(_ s: String) -> MapColor? {
        let h = s.hasPrefix("#") ? s.dropFirst() : Substring(s)
        guard h.count == 6, let v = UInt32(h, radix: 16) else { return nil }
        return MapColor(red: UInt8(v >> 16 & 0xFF), green: UInt8(v >> 8 & 0xFF), blue: UInt8(v & 0xFF))
    }
}
