/// Reads GraphML (graphml.graphdrawing.org) as NetworkX, igraph, yEd and Gephi write it.
///
/// - `<key>` declarations give each `<data>` its attribute name (`attr.name`) and default; values are
///   kept as text whatever their `attr.type`. Keys without `attr.name` (yEd's `yfiles.type` graphics)
///   and elements of other namespaces are ignored; a yEd node's `y:NodeLabel` gives its name when it has none.
/// - `edgedefault` and each edge's `directed` give direction; parallel edges and self-loops are kept.
/// - Nested graphs are flattened into one, with a warning; hyperedges and ports cannot be held and are
///   reported. Edge ids are not kept.
/// - Files Synergraph wrote carry the manifest under the graph key `synergraph_manifest` and are read exactly.
public enum GraphMLReader {
    struct Key {
        var name: String
        var domain: String
        var defaultValue: String?
    }

    static func read(_ bytes: [UInt8], file: String, options: LoadOptions) -> (Network?, [Diagnostic]) {
        var log = DiagnosticLog()
        guard let root = SafeXML.parse(bytes, file: file, log: &log) else { return (nil, log.items) }
        guard root.name == "graphml" else {
            log.error(.badXML, FileLocation(file: file, line: root.line), "the root element is <\(root.name)>, not <graphml>; this is not a GraphML file")
            return (nil, log.items)
        }
        func place(_ n: XMLNode) -> FileLocation { FileLocation(file: file, line: n.line) }
        var keys: [String: Key] = [:]
        var keyOrder: [String] = []
        for k in root.children("key") {
            guard let id = k.attribute("id") else { continue }
            guard let name = k.attribute("attr.name") else { continue }  // yFiles graphics and the like
            keys[id] = Key(name: name, domain: k.attribute("for") ?? "all", defaultValue: k.child("default")?.text)
            keyOrder.append(id)
        }
        let graphs = root.children("graph")
        guard let top = graphs.first else {
            log.error(.badXML, place(root), "the GraphML file has no <graph>")
            return (nil, log.items)
        }
        if graphs.count > 1 {
            log.warning(.notKept, place(graphs[1]), "the file holds \(graphs.count) graphs; only the first is read")
        }
        var graphData: [String: (String, XMLNode)] = [:]
        for d in top.children("data") {
            if let k = d.attribute("key"), let key = keys[k] { graphData[key.name] = (d.text, d) }
        }
        var manifest: Manifest?
        if let (json, node) = graphData[ManifestEmbedding.key] {
            manifest = ManifestEmbedding.decode(json, at: place(node), log: &log)
            guard manifest != nil else { return (nil, log.items) }
        } else {
            let title = graphData["title"]?.0 ?? graphData["name"]?.0 ?? graphData["label"]?.0
            manifest = ManifestEmbedding.foreign(file: file, title: title)
            for (name, (_, node)) in graphData.sorted(by: { $0.value.1.line < $1.value.1.line }) where !["title", "name", "label"].contains(name) {
                log.warning(.notKept, place(node), "graph attribute \(quoted(name)) has no place in a Synergraph network and is not kept")
            }
        }
        var records = ForeignRecords(options: options, exact: graphData[ManifestEmbedding.key] != nil)

        func values(_ element: XMLNode, domain: String) -> [ForeignValue] {
            var out: [ForeignValue] = []
            var seen = Set<String>()
            for d in element.children("data") {
                guard let k = d.attribute("key"), let key = keys[k], key.domain == domain || key.domain == "all" else { continue }
                if seen.insert(k).inserted { out.append(ForeignValue(key.name, d.text, place(d))) }
            }
            for id in keyOrder where !seen.contains(id) {
                if let key = keys[id], key.domain == domain || key.domain == "all", let def = key.defaultValue {
                    out.append(ForeignValue(key.name, def, place(element)))
                }
            }
            return out
        }

        var nodes: [Node] = []
        var ties: [Tie] = []
        var warnedNested = false
        var warnedHyper = false
        // Graphs to read, flattened: (graph, its edgedefault).
        var pending: [(XMLNode, Bool)] = [(top, top.attribute("edgedefault") == "directed")]
        while !pending.isEmpty {
            let (graph, directedDefault) = pending.removeFirst()
            for element in graph.children {
                switch element.name {
                case "node":
                    guard let id = element.attribute("id") else {
                        log.error(.missingValue, place(element), "a <node> has no id")
                        continue
                    }
                    var vals = values(element, domain: "node")
                    if !vals.contains(where: { ["name", "label"].contains($0.key.lowercased()) }),
                       let label = element.firstDescendant("NodeLabel")?.text.trimmingWhitespace(), !label.isEmpty {
                        vals.append(ForeignValue("label", label, place(element)))
                    }
                    if let node = records.node(id: id, values: vals, at: place(element)) { nodes.append(node) }
                    for inner in element.children("graph") {
                        if !warnedNested {
                            log.warning(.notKept, place(inner), "nested graphs are flattened: their nodes and edges join the top graph, and the nesting is not kept")
                            warnedNested = true
                        }
                        pending.append((inner, inner.attribute("edgedefault").map { $0 == "directed" } ?? directedDefault))
                    }
                case "edge":
                    guard let s = element.attribute("source"), let t = element.attribute("target") else {
                        log.error(.missingValue, place(element), "an <edge> needs both source and target")
                        continue
                    }
                    let directed = element.attribute("directed").map { $0 == "true" || $0 == "1" } ?? directedDefault
                    if let tie = records.tie(source: s, target: t, values: values(element, domain: "edge"), directedByFormat: directed, at: place(element)) {
                        ties.append(tie)
                    }
                    for inner in element.children("graph") { pending.append((inner, directedDefault)) }
                case "hyperedge":
                    if !warnedHyper {
                        log.warning(.notKept, place(element), "hyperedges join more than two nodes and cannot be held; they are not loaded")
                        warnedHyper = true
                    }
                default:
                    continue
                }
            }
        }
        var all = log
        all.append(contentsOf: records.finish())
        return FormatRead.finish(manifest ?? ManifestEmbedding.foreign(file: file, title: nil), nodes, ties, file: file, log: all)
    }
}
