internal import CGraphviz
import SynergraphKit

/// Reads Graphviz DOT with Graphviz's own parser (cgraph `agread`), into a ``Network`` the way the
/// GraphML, GEXF, GML and Pajek readers do (through ``ForeignGraph``, so `kind`/`type`, `weight`,
/// `start`/`end`, ... map to model fields the same way, and everything else is kept as an attribute).
///
/// What is kept (Docs/formats.md, "DOT"):
/// - nodes in file order, the DOT node id as id; `label` as the name (``DOTLabelText``: escapes
///   applied, an HTML-like label as its text without tags, the markup kept as `html_label`); every other
///   attribute as an attribute, with its value as text (defaults from `node [...]` statements apply,
///   as in Graphviz);
/// - membership: `cluster` = the names of the clusters (subgraphs named `cluster…`, or with
///   `cluster=true`) holding the node, outermost first, joined with `;`; `subgraph` = the same for
///   other named subgraphs (anonymous `{ … }` groups are not recorded);
/// - edges in file order with their attributes; `label` stays an attribute (it is display text, often a
///   number), never the kind; an edge `key` (`a -> b [key=k]`) is kept as `key`;
/// - `digraph`: ties directed; `graph`: undirected; `strict`: cgraph has already merged repeated edges
///   into one (the later statement's attributes win) when the reader sees them — a warning says so;
/// - the graph's `label` (else its name) as the title; a `synergraph_manifest` graph attribute (written
///   by ``DOTWriter``) as the manifest, and then values are read exactly. Other graph attributes are not
///   kept (one warning lists them).
///
/// Safety: files over ``NetworkLoader/maximumFormatFileSize`` and braces nested deeper than
/// ``maximumNesting`` are refused before Graphviz sees them (cgraph's parser returns a partial graph
/// with "memory exhausted" at about 3,400 levels); a NUL byte is refused; only the first graph of a file
/// is read. Reading only parses: nothing is laid out or rendered, so no attribute (`image`,
/// `shapefile`, `fontpath`, ...) makes Graphviz open a file; such values are kept as text, and the
/// renderer never hands them back to Graphviz (it builds its graphs from ``MapDocument``'s fields).
/// Every Graphviz message is captured (never printed); any error fails the read.
public enum DOTReader {
    /// The deepest brace nesting read by default (``ReaderLimits/depth``): the graph body is level 1, a subgraph in it 2.
    public static let maximumNesting = ReaderLimits().depth

    /// Registers this reader and ``DOTWriter`` with SynergraphKit, so ``NetworkLoader`` reads `.dot`
    /// and `.gv` files and ``NetworkWriter`` writes them. Call once at start-up.
    public static func register() {
        ForeignFormats.dotReader = { bytes, file, options in read(bytes, file: file, options: options) }
        ForeignFormats.dotWriter = { network in try DOTWriter.bytes(network) }
    }

    /// The network in `bytes` of DOT text, with every problem found; nil when any is an error.
    ///
    /// - Parameter file: the name used in messages.
    /// - Complexity: O(n + m + s·d) for n nodes, m edges and s subgraph memberships of depth d, plus
    ///   Graphviz's parse.
    public static func read(_ bytes: [UInt8], file: String, options: LoadOptions = LoadOptions()) -> (Network?, [Diagnostic]) {
        let (graph, diagnostics) = foreignGraph(bytes, file: file, limits: options.limits)
        guard let graph else { return (nil, diagnostics) }
        return graph.network(file: file, options: options, diagnostics: diagnostics)
    }

    /// The records of the first graph in `bytes`, before they become a network.
    static func foreignGraph(_ raw: [UInt8], file: String, limits: ReaderLimits = ReaderLimits()) -> (ForeignGraph?, [Diagnostic]) {
        func refuse(_ problem: Diagnostic.Problem, _ line: Int?, _ message: String) -> (ForeignGraph?, [Diagnostic]) {
            (nil, [Diagnostic(.error, problem, at: FileLocation(file: file, line: line), message)])
        }
        guard raw.count <= limits.fileSize(format: true) else {
            return (nil, [limits.exceeded(.fileSize, at: FileLocation(file: file), "the file is \(raw.count >> 20) MB", needed: raw.count, limit: limits.fileSize(format: true))])
        }
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            return refuse(.invalidEncoding, 1, "the file is UTF-16; Graphviz reads UTF-8 DOT text: save it as UTF-8")
        }
        // A UTF-8 byte-order mark is blanked (cgraph would call it a syntax error); lines stay put.
        var bytes = raw
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.replaceSubrange(0..<3, with: [0x20, 0x20, 0x20]) }
        var diagnostics: [Diagnostic] = []
        if String(validating: bytes, as: UTF8.self) == nil {
            diagnostics.append(Diagnostic(.warning, .invalidEncoding, at: FileLocation(file: file),
                                          "the file is not valid UTF-8 (Graphviz's default); invalid bytes are read as U+FFFD"))
        }
        let scan = DOTScan(bytes, file: file, limits: limits)
        if let line = scan.nulLine {
            return refuse(.badSyntax, line, "the file contains a NUL byte; this is not DOT text")
        }
        if let refusal = scan.refusal { return (nil, [refusal]) }
        if let line = scan.trailingLine {
            diagnostics.append(Diagnostic(.warning, .notKept, at: FileLocation(file: file, line: line),
                                          "the file holds more after its first graph; only the first graph is read"))
        }
        let parsed: Parsed
        do {
            parsed = try GraphvizEngine.withSession(needsLayouts: false) { (_) throws(GraphvizError) -> Parsed in
                parse(bytes)
            }
        } catch {
            return (nil, diagnostics + [Diagnostic(.error, .unreadable, at: FileLocation(file: file), "Graphviz could not read the file: \(error)")])
        }
        for message in parsed.messages {
            let (line, text) = lineAndText(message.text)
            let problem: Diagnostic.Problem = text.hasPrefix("memory exhausted") ? .tooDeep : .badSyntax
            diagnostics.append(Diagnostic(message.isError ? .error : .warning, problem, at: FileLocation(file: file, line: line),
                                          "Graphviz: \(text)"))
        }
        guard let graph = parsed.graph, !diagnostics.contains(where: { $0.severity == .error }) else {
            if parsed.graph == nil, !diagnostics.contains(where: { $0.severity == .error }) {
                diagnostics.append(Diagnostic(.error, .badSyntax, at: FileLocation(file: file, line: 1), "there is no DOT graph in the file"))
            }
            return (nil, diagnostics)
        }
        if !parsed.graphAttributes.isEmpty {
            let names = parsed.graphAttributes.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
            diagnostics.append(Diagnostic(.warning, .notKept, at: FileLocation(file: file),
                                          "graph attributes have no place in a Synergraph network and are not kept: \(names)\(parsed.graphAttributes.count > 8 ? ", ..." : "")"))
        }
        if parsed.strict {
            diagnostics.append(Diagnostic(.warning, .duplicateRecord, at: FileLocation(file: file),
                                          "the graph is strict: Graphviz merged any repeated edges between the same nodes into one (the last statement's attributes win)"))
        }
        return (graph, diagnostics)
    }

    /// `syntax error in line 4 near ';'` → (4, `syntax error near ';'`).
    static func lineAndText(_ message: String) -> (Int?, String) {
        guard let r = message.range(of: " in line ") else { return (nil, message) }
        let digits = message[r.upperBound...].prefix { $0.isNumber }
        guard let line = Int(digits) else { return (nil, message) }
        var rest = message[message.index(r.upperBound, offsetBy: digits.count)...]
        if rest.hasPrefix(" of input") { rest = rest.dropFirst(" of input".count) }
        return (line, String(message[..<r.lowerBound] + rest))
    }

    // MARK: Under the lock

    /// What the parse found, copied out of Graphviz's memory.
    struct Parsed: Sendable {
        var graph: ForeignGraph?
        var messages: [GraphvizMessages.Message] = []
        var strict = false
        /// Names of graph attributes with a value that are not kept.
        var graphAttributes: [String] = []
    }

    /// Parses and copies out. Call with the engine lock held.
    private static func parse(_ bytes: [UInt8]) -> Parsed {
        let root: UnsafeMutablePointer<Agraph_t>? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { sg_agread_memory($0.baseAddress, $0.count) }
        }
        var parsed = Parsed()
        parsed.messages = GraphvizMessages.drain()
        guard let root else { return parsed }
        defer { agclose(root) }
        guard !parsed.messages.contains(where: \.isError) else { return parsed }
        parsed.graph = Copier(root).copy(into: &parsed)
        parsed.messages += GraphvizMessages.drain()
        return parsed
    }

    /// Copies one parsed graph into ``ForeignGraph`` records.
    private struct Copier {
        let root: UnsafeMutablePointer<Agraph_t>
        let graphName: String
        let directed: Bool

        init(_ root: UnsafeMutablePointer<Agraph_t>) {
            self.root = root
            let name = text(agnameof(UnsafeMutableRawPointer(root)))
            graphName = name.hasPrefix("%") ? "" : name
            directed = agisdirected(root) != 0
        }

        func copy(into parsed: inout Parsed) -> ForeignGraph {
            parsed.strict = agisstrict(root) != 0
            var graph = ForeignGraph()
            var title = graphName.isEmpty ? nil : graphName
            for (name, symbol) in symbols(Int32(AGRAPH)) {
                let value = text(agxget(UnsafeMutableRawPointer(root), symbol))
                guard !value.isEmpty else { continue }
                if name == ForeignGraph.manifestKey {
                    graph.manifestJSON = DOTWriter.unescape(value)
                } else if name == "label" {
                    let raw = agxget(UnsafeMutableRawPointer(root), symbol)
                    let plain = raw.map { aghtmlstr($0) != 0 } == true
                        ? DOTLabelText.html(value) : DOTLabelText.plain(value, .init(graph: graphName))
                    if !plain.isEmpty { title = plain }
                } else {
                    parsed.graphAttributes.append(name)
                }
            }
            graph.title = title
            // Synergraph's own file (DOTWriter): the label is the name; ids and values are escaped.
            let exact = graph.manifestJSON != nil
            func unescape(_ s: String) -> String { exact ? DOTWriter.unescape(s) : s }

            // Nodes, in creation (file) order.
            let nodeSymbols = symbols(Int32(AGNODE))
            var index: [UnsafeMutablePointer<Agnode_t>: Int] = [:]
            var node = agfstnode(root)
            while let n = node {
                let id = unescape(text(agnameof(UnsafeMutableRawPointer(n))))
                var values: [ForeignGraph.Value] = []
                for (name, symbol) in nodeSymbols {
                    guard let raw = agxget(UnsafeMutableRawPointer(n), symbol) else { continue }
                    let value = String(cString: raw)
                    guard !value.isEmpty else { continue }
                    if name == "label" {
                        if aghtmlstr(raw) != 0 {
                            values.append(.init("label", DOTLabelText.html(value)))
                            values.append(.init("html_label", value))
                        } else if exact {
                            values.append(.init("name", unescape(value)))
                        } else {
                            values.append(.init("label", DOTLabelText.plain(value, .init(graph: graphName, node: id))))
                        }
                    } else {
                        // Membership takes the names `cluster` and `subgraph`; a node attribute of that name
                        // in another tool's file is kept as `original_cluster`, `original_subgraph`.
                        values.append(.init(!exact && (name == "cluster" || name == "subgraph") ? "original_" + name : name, unescape(value)))
                    }
                }
                index[n] = graph.nodes.count
                graph.nodes.append(ForeignGraph.Node(id: id, values: values, place: "node \"\(id)\""))
                node = agnxtnode(root, n)
            }

            // Membership, outermost first; depth is bounded by DOTReader.maximumNesting.
            var clusters = [[String]](repeating: [], count: graph.nodes.count)
            var groups = [[String]](repeating: [], count: graph.nodes.count)
            let clusterSymbol = withMutableCString("cluster") { agattr(root, Int32(AGRAPH), $0, nil) }
            func visit(_ parent: UnsafeMutablePointer<Agraph_t>) {
                var sub = agfstsubg(parent)
                while let s = sub {
                    let name = text(agnameof(UnsafeMutableRawPointer(s)))
                    if !name.hasPrefix("%") {
                        let flagged = clusterSymbol.map { ["true", "1", "yes"].contains(text(agxget(UnsafeMutableRawPointer(s), $0)).lowercased()) } ?? false
                        let isCluster = flagged || name.lowercased().hasPrefix("cluster")
                        var member = agfstnode(s)
                        while let m = member {
                            if let i = index[m] {
                                if isCluster { clusters[i].append(name) } else { groups[i].append(name) }
                            }
                            member = agnxtnode(s, m)
                        }
                    }
                    visit(s)
                    sub = agnxtsubg(s)
                }
            }
            visit(root)
            for i in graph.nodes.indices {
                var extra: [ForeignGraph.Value] = []
                if !clusters[i].isEmpty { extra.append(.init("cluster", clusters[i].joined(separator: ";"))) }
                if !groups[i].isEmpty { extra.append(.init("subgraph", groups[i].joined(separator: ";"))) }
                graph.nodes[i].values += extra
            }

            // Edges, in creation (file) order.
            let edgeSymbols = symbols(Int32(AGEDGE))
            var edges: [(seq: UInt, edge: ForeignGraph.Edge)] = []
            node = agfstnode(root)
            while let n = node {
                var out = agfstout(root, n)
                while let e = out {
                    let tail = unescape(text(agnameof(UnsafeMutableRawPointer(sg_agtail(e)))))
                    let head = unescape(text(agnameof(UnsafeMutableRawPointer(sg_aghead(e)))))
                    var values: [ForeignGraph.Value] = []
                    if let key = agnameof(UnsafeMutableRawPointer(e)).map({ String(cString: $0) }), !key.isEmpty, !key.hasPrefix("%") {
                        values.append(.init("key", key))
                    }
                    for (name, symbol) in edgeSymbols where name != "key" {
                        guard let raw = agxget(UnsafeMutableRawPointer(e), symbol) else { continue }
                        let value = String(cString: raw)
                        guard !value.isEmpty else { continue }
                        if name == "label", !exact {
                            if aghtmlstr(raw) != 0 {
                                values.append(.init("label", DOTLabelText.html(value)))
                                values.append(.init("html_label", value))
                            } else {
                                values.append(.init("label", DOTLabelText.plain(value, .init(graph: graphName, tail: tail, head: head))))
                            }
                        } else {
                            values.append(.init(name, unescape(value)))
                        }
                    }
                    let place = "edge \"\(tail)\" \(directed ? "->" : "--") \"\(head)\""
                    edges.append((UInt(sg_agseq(UnsafeMutableRawPointer(e))), ForeignGraph.Edge(source: tail, target: head, values: values, directed: directed, place: place)))
                    out = agnxtout(root, e)
                }
                node = agnxtnode(root, n)
            }
            graph.edges = edges.sorted { $0.seq < $1.seq }.map(\.edge)
            return graph
        }

        /// The declared attributes of one kind, in declaration order.
        private func symbols(_ kind: Int32) -> [(String, UnsafeMutablePointer<Agsym_t>)] {
            var out: [(String, UnsafeMutablePointer<Agsym_t>)] = []
            var symbol = agnxtattr(root, kind, nil)
            while let s = symbol {
                out.append((text(s.pointee.name), s))
                symbol = agnxtattr(root, kind, s)
            }
            return out
        }
    }
}

/// A C string as text ("" for NULL); invalid UTF-8 becomes U+FFFD.
private func text(_ s: UnsafeMutablePointer<CChar>?) -> String {
    s.map { String(cString: $0) } ?? ""
}
