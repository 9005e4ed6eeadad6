/// Writes GML as NetworkX writes it (ASCII, with `&#N;` and `&quot;` escapes in strings), read by
/// NetworkX, igraph and ``GMLReader``.
///
/// Nodes are numbered from 0 (`id`); `label` is the Synergraph id (NetworkX uses it as the node key),
/// `name` the name, then the model fields and attributes. Attribute names that are not GML identifiers
/// are written with `_xHHHH_` escapes. `directed 1` when any tie is directed; an explicit tie direction
/// is `directed 1`/`0` on the edge. The manifest is embedded as `synergraph_manifest`. Activities and
/// participation are not written.
public enum GMLWriter {
    public static func text(_ network: Network) -> String {
        let anyDirected = network.ties.contains { network.isDirected($0) }
        let multigraph = hasParallelTies(network)
        var out = "graph [\n"
        out += "  directed \(anyDirected ? 1 : 0)\n"
        if multigraph { out += "  multigraph 1\n" }
        out += "  \(ManifestEmbedding.key) \(string(ManifestEmbedding.encode(network.manifest)))\n"
        for (i, n) in network.nodes.enumerated() {
            out += "  node [\n    id \(i)\n    label \(string(n.id))\n"
            for (k, v) in ModelColumns.node(n) { out += "    \(k) \(k == "consent" ? (v == "true" ? "1" : "0") : string(v))\n" }
            for (k, v) in n.attributes { out += "    \(GMLKey.encode(k)) \(string(v))\n" }
            out += "  ]\n"
        }
        var seenPair: [String: Int] = [:]
        for t in network.ties {
            guard let s = network.nodeIndex[t.source], let d = network.nodeIndex[t.target] else { continue }
            out += "  edge [\n    source \(s)\n    target \(d)\n"
            if multigraph {
                let pair = "\(s) \(d)"
                out += "    key \(seenPair[pair, default: 0])\n"
                seenPair[pair, default: 0] += 1
            }
            for (k, v) in ModelColumns.tie(t) {
                switch k {
                case "weight", "trust", "value": out += "    \(k) \(v)\n"
                case "directed": out += "    directed \(v == "true" ? 1 : 0)\n"
                default: out += "    \(k) \(string(v))\n"
                }
            }
            for (k, v) in t.attributes { out += "    \(GMLKey.encode(k)) \(string(v))\n" }
            out += "  ]\n"
        }
        out += "]\n"
        return out
    }

    private static func hasParallelTies(_ network: Network) -> Bool {
        var seen = Set<String>()
        for t in network.ties where !seen.insert(t.source + "\u{1F}" + t.target).inserted { return true }
        return false
    }

    /// A GML string: printable ASCII as is; `"`, `&` and everything else as character references.
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            if u.value >= 0x20, u.value <= 0x7E, u != "\"", u != "&" {
                out.unicodeScalars.append(u)
            } else {
                out += "&#\(u.value);"
            }
        }
        return out + "\""
    }
}
