/// Reads GraphML (graphml.graphdrawing.org) as NetworkX, igraph, yEd and Gephi write it.
///
/// - `<key>` declarations give each `<data>` its attribute name (`attr.name`) and default; values are
///   kept as text whatever their `attr.type`. Keys without `attr.name` (yEd's `yfiles.type` graphics)
///   and elements of other namespaces are ignored; a yEd node's `y:NodeLabel` gives its name when it has none.
/// - `edgedefault` and each edge's `directed` give direction; parallel edges and self-loops are kept.
/// - Nested graphs are flattened into one, with a warning; hyperedges and ports cannot be held and are
///   reported. Edge ids are not kept.
/// - Files Synergraph wrote carry the manifest under the graph key `synergraph_manifest` and are read exactly,
///   their ids un-escaped (GraphMLWriter writes ids as NMTOKENs).
public enum GraphMLReader {
    struct Key {
        var name: String
        var domain: String
        var defaultValue: String?
    }

    static func read(_ bytes: [UInt8], file: String, options: LoadOptions) -> (Network?, [Diagnostic]) {
        // The document streams (SafeXML.stream): each key, node and edge is read when its end tag is
        // and then dropped, so memory holds one record's elements at a time.
        var log = DiagnosticLog()
        func place(_ n: XMLNode) -> FileLocation { FileLocation(file: file, line: n.line) }
        var keys: [String: Key] = [:]
        var keyOrder: [String] = []
        var top: XMLNode?
        var graphCount = 0
        var graphData: [(name: String, text: String, element: XMLNode)] = []
        var records: ForeignRecords?
        // Node slots in document order (a node holding a nested graph is read after the nodes inside).
        var nodes: [Node?] = []
        var slots: [Int] = []
        var ties: [Tie] = []
        // edgedefault of the graphs open now, innermost last.
        var directedDefaults: [Bool] = []
        var warnedNested = false
        var warnedHyper = false
        let limits = options.limits
        var recordCount = 0

        /// Decides how records are read, before the first one: exactly when the file declares Synergraph's
        /// manifest key (keys come before graphs; the manifest itself may come last, as NetworkX writes
        /// graph data after the nodes and edges).
        func start() {
            guard records == nil else { return }
            let exact = keys.values.contains { $0.name == ManifestEmbedding.key && ($0.domain == "graph" || $0.domain == "all") }
            records = ForeignRecords(options: options, exact: exact)
        }

        /// The manifest, from the graph's data (read by the end).
        func finishManifest() -> Manifest? {
            var graphLog = DiagnosticLog()
            defer {
                graphLog.append(contentsOf: log.items)
                log = graphLog
            }
            if let (_, json, element) = graphData.first(where: { $0.name == ManifestEmbedding.key }) {
                return ManifestEmbedding.decode(json, at: place(element), log: &graphLog)
            }
            let title = ["title", "name", "label"].lazy.compactMap { n in graphData.first { $0.name == n }?.text }.first
            for d in graphData where !["title", "name", "label"].contains(d.name) {
                graphLog.warning(.notKept, place(d.element), "graph attribute \(quoted(d.name)) has no place in a Synergraph network and is not kept")
            }
            return ManifestEmbedding.foreign(file: file, title: title)
        }

        func values(_ element: XMLNode, domain: String) -> [ForeignValue] {
            var out: [ForeignValue] = []
            var seen = Set<String>()
            for d in element.children where d.name == "data" {
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

        /// Inside the first top-level graph (`stack` holds the ancestors of an element).
        func inTop(_ stack: [XMLNode]) -> Bool { stack.count >= 2 && stack[1] === top }

        func opened(_ element: XMLNode, _ stack: [XMLNode]) -> XMLStep {
            guard let parent = stack.last else {
                guard element.name == "graphml" else {
                    return .fail(Diagnostic(.error, .badXML, at: place(element), "the root element is <\(element.name)>, not <graphml>; this is not a GraphML file"))
                }
                return .keep
            }
            switch element.name {
            case "graph" where stack.count == 1:
                graphCount += 1
                if graphCount == 1 {
                    top = element
                    directedDefaults.append(element.attribute("edgedefault") == "directed")
                } else if graphCount == 2 {
                    log.warning(.notKept, place(element), "the file holds more than one graph; only the first is read")
                }
            case "graph" where inTop(stack):
                if !warnedNested {
                    log.warning(.notKept, place(element), "nested graphs are flattened: their nodes and edges join the top graph, and the nesting is not kept")
                    warnedNested = true
                }
                directedDefaults.append(element.attribute("edgedefault").map { $0 == "directed" } ?? directedDefaults.last ?? false)
            case "node" where parent.name == "graph" && inTop(stack):
                recordCount += 1
                if recordCount > limits.records {
                    return .fail(limits.exceeded(.records, at: place(element), "the graph has more than \(grouped(limits.records)) nodes and edges"))
                }
                start()
                slots.append(nodes.count)
                nodes.append(nil)
            case "edge", "hyperedge":
                if parent.name == "graph", inTop(stack) {
                    recordCount += 1
                    if recordCount > limits.records {
                        return .fail(limits.exceeded(.records, at: place(element), "the graph has more than \(grouped(limits.records)) nodes and edges"))
                    }
                    start()
                }
            default:
                break
            }
            return .keep
        }

        func closed(_ element: XMLNode, _ stack: [XMLNode]) -> XMLStep {
            guard let parent = stack.last else { return .keep }
            if stack.count == 1 {
                switch element.name {
                case "key":
                    if let id = element.attribute("id"), let name = element.attribute("attr.name") {  // else yFiles graphics and the like
                        if keys[id] == nil {
                            keyOrder.append(id)
                            if keyOrder.count > limits.attributes {
                                return .fail(limits.exceeded(.attributes, at: place(element), "the file declares more than \(grouped(limits.attributes)) keys"))
                            }
                        }
                        keys[id] = Key(name: name, domain: element.attribute("for") ?? "all", defaultValue: element.child("default")?.text)
                    }
                    return .drop
                case "graph" where element === top:
                    directedDefaults.removeLast()
                    start()
                    return .drop
                default:
                    return .drop
                }
            }
            guard inTop(stack) else {
                // Key defaults and the like stay until their top-level element is read; other graphs go.
                return stack[1].name == "graph" ? .drop : .keep
            }
            switch element.name {
            case "data" where parent === top:
                if let k = element.attribute("key"), let key = keys[k] { graphData.append((key.name, element.text, element)) }
                return .drop
            case "node" where parent.name == "graph":
                let slot = slots.removeLast()
                guard var id = element.attribute("id") else {
                    log.error(.missingValue, place(element), "a <node> has no id")
                    return .drop
                }
                if records!.exact { id = XEscape.decode(id) }  // GraphMLWriter's NMTOKEN escapes
                var vals = values(element, domain: "node")
                if !vals.contains(where: { ["name", "label"].contains($0.key.lowercased()) }),
                   let label = element.firstDescendant("NodeLabel")?.text.trimmingWhitespace(), !label.isEmpty {
                    vals.append(ForeignValue("label", label, place(element)))
                }
                nodes[slot] = records!.node(id: id, values: vals, at: place(element))
                return .drop
            case "edge" where parent.name == "graph":
                guard var s = element.attribute("source"), var t = element.attribute("target") else {
                    log.error(.missingValue, place(element), "an <edge> needs both source and target")
                    return .drop
                }
                if records!.exact {
                    s = XEscape.decode(s)
                    t = XEscape.decode(t)
                }
                let directed = element.attribute("directed").map { $0 == "true" || $0 == "1" } ?? directedDefaults.last ?? false
                if let tie = records!.tie(source: s, target: t, values: values(element, domain: "edge"), directedByFormat: directed, at: place(element)) {
                    ties.append(tie)
                }
                return .drop
            case "hyperedge":
                if !warnedHyper {
                    log.warning(.notKept, place(element), "hyperedges join more than two nodes and cannot be held; they are not loaded")
                    warnedHyper = true
                }
                return .drop
            case "graph":
                directedDefaults.removeLast()
                return .drop
            default:
                return .keep
            }
        }

        var xmlLog = DiagnosticLog()
        let ok = SafeXML.stream(bytes, file: file, limits: limits, log: &xmlLog, textless: ["graphml", "graph", "node", "edge", "hyperedge", "port", "endpoint"],
                                opened: opened, closed: closed)
        guard ok else {
            log.append(contentsOf: xmlLog.items)
            return (nil, log.items)
        }
        guard top != nil, var records else {
            log.error(.badXML, FileLocation(file: file, line: 1), "the GraphML file has no <graph>")
            return (nil, log.items)
        }
        guard let manifest = finishManifest() else { return (nil, log.items) }
        log.append(contentsOf: records.finish())
        return FormatRead.finish(manifest, nodes.compactMap { $0 }, ties, file: file, log: log)
    }
}
