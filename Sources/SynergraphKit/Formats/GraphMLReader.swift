import Foundation

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
        // records!.exact, kept apart so that every record does not read it through the optional.
        var exact = false
        // Node slots in document order (a node holding a nested graph is read after the nodes inside).
        var nodes: [Node?] = []
        var slots: [Int] = []
        var ties: [Tie] = []
        ties.reserveCapacity(min(edgeTags(bytes), options.limits.records))
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
            exact = keys.values.contains { $0.name == ManifestEmbedding.key && ($0.domain == "graph" || $0.domain == "all") }
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

        /// A record's values: its `<data>` children (key, text, line) of this domain, then the defaults of
        /// the keys it has no data for.
        func values<Data: Sequence>(_ data: Data, at line: Int, domain: String) -> [ForeignValue] where Data.Element == (key: String?, text: String, line: Int) {
            var out: [ForeignValue] = []
            var seen = Set<String>()
            for d in data {
                guard let k = d.key, let key = keys[k], key.domain == domain || key.domain == "all" else { continue }
                if seen.insert(k).inserted { out.append(ForeignValue(key.name, d.text, FileLocation(file: file, line: d.line))) }
            }
            for id in keyOrder where !seen.contains(id) {
                if let key = keys[id], key.domain == domain || key.domain == "all", let def = key.defaultValue {
                    out.append(ForeignValue(key.name, def, FileLocation(file: file, line: line)))
                }
            }
            return out
        }

        func data(_ element: XMLNode) -> some Sequence<(key: String?, text: String, line: Int)> {
            element.children.lazy.filter { $0.name == "data" }.map { (key: $0.attribute("key"), text: $0.text, line: $0.line) }
        }

        func data(_ record: XMLRecord) -> some Sequence<(key: String?, text: String, line: Int)> {
            record.children.lazy.filter { $0.name == "data" }.map { (key: $0.attribute("key"), text: $0.text, line: $0.line) }
        }

        /// Counts a node or an edge of the top graph when its start tag is read (a node takes its slot).
        func begin(_ name: String, at line: Int) -> XMLStep {
            recordCount += 1
            if recordCount > limits.records {
                return .fail(limits.exceeded(.records, at: FileLocation(file: file, line: line), "the graph has more than \(grouped(limits.records)) nodes and edges"))
            }
            start()
            if name == "node" {
                slots.append(nodes.count)
                nodes.append(nil)
            }
            return .keep
        }

        /// A node of the top graph, read (`label`: a yEd label, looked for when the values name none).
        func readNode(id: String?, values vals: [ForeignValue], label: () -> String?, at line: Int) -> XMLStep {
            let slot = slots.removeLast()
            let place = FileLocation(file: file, line: line)
            guard var id else {
                log.error(.missingValue, place, "a <node> has no id")
                return .drop
            }
            if exact { id = XEscape.decode(id) }  // GraphMLWriter's NMTOKEN escapes
            var vals = vals
            if !vals.contains(where: { ["name", "label"].contains($0.key.lowercased()) }), let label = label()?.trimmingWhitespace(), !label.isEmpty {
                vals.append(ForeignValue("label", label, place))
            }
            nodes[slot] = records!.node(id: id, values: vals, at: place)
            return .drop
        }

        /// An edge of the top graph or of a graph nested in it, read.
        func readEdge(source: String?, target: String?, directed: String?, values: () -> [ForeignValue], at line: Int) -> XMLStep {
            let place = FileLocation(file: file, line: line)
            guard var s = source, var t = target else {
                log.error(.missingValue, place, "an <edge> needs both source and target")
                return .drop
            }
            if exact {
                s = XEscape.decode(s)
                t = XEscape.decode(t)
            }
            let directed = directed.map { $0 == "true" || $0 == "1" } ?? directedDefaults.last ?? false
            let vals = values()
            // Plain ties straight into the array (as ForeignRecords.tie builds them); the others through it.
            if !exact, ForeignRecords.appendPlainTie(source: s, target: t, values: vals, directed: directed, at: place, to: &ties) { return .drop }
            if let tie = records!.tie(source: s, target: t, values: vals, directedByFormat: directed, at: place) {
                ties.append(tie)
            }
            return .drop
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
                return begin("node", at: element.line)
            case "edge", "hyperedge":
                if parent.name == "graph", inTop(stack) {
                    return begin(element.name, at: element.line)
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
                return readNode(id: element.attribute("id"), values: values(data(element), at: element.line, domain: "node"),
                                label: { element.firstDescendant("NodeLabel")?.text }, at: element.line)
            case "edge" where parent.name == "graph":
                return readEdge(source: element.attribute("source"), target: element.attribute("target"), directed: element.attribute("directed"),
                                values: { values(data(element), at: element.line, domain: "edge") }, at: element.line)
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

        // The nodes and edges of the top graph (nearly every element of a large file) are read as flat
        // records, without an XMLNode each, while their children are <data> holding text; anything else
        // inside one (yEd's graphics, ports, a nested graph) falls back to the general path above.
        let flat = XMLRecords(
            isRecord: { name, stack in (name == "node" || name == "edge") && stack.count == 2 && stack[1] === top },
            isLeaf: { $0 == "data" },
            opened: { element, _ in begin(element.name, at: element.line) },
            closed: { record, _ in
                let e = record.element
                if e.name == "node" {
                    return readNode(id: e.attribute("id"), values: values(data(record), at: e.line, domain: "node"), label: { nil }, at: e.line)
                }
                return readEdge(source: e.attribute("source"), target: e.attribute("target"), directed: e.attribute("directed"),
                                values: { values(data(record), at: e.line, domain: "edge") }, at: e.line)
            })
        var xmlLog = DiagnosticLog()
        let ok = SafeXML.stream(bytes, file: file, limits: limits, log: &xmlLog, textless: ["graphml", "graph", "node", "edge", "hyperedge", "port", "endpoint"],
                                records: flat, opened: opened, closed: closed)
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

    /// How many `<edge` tags the document holds: an estimate of its ties, to reserve room for them once
    /// (growing an array of 1M ties reallocates it about twenty times).
    static func edgeTags(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return 0 }
            var count = 0
            var i = 0
            let n = b.count - 5
            while i < n, let p = memchr(base + i, Int32(UInt8(ascii: "<")), n - i) {
                i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                if b[i + 1] == UInt8(ascii: "e"), b[i + 2] == UInt8(ascii: "d"), b[i + 3] == UInt8(ascii: "g"), b[i + 4] == UInt8(ascii: "e") { count += 1 }
                i += 1
            }
            return count
        }
    }
}
