/// A graph as a reader outside SynergraphKit found it: nodes and edges with keyed text values, in file
/// order. ``network(file:options:diagnostics:)`` turns it into a ``Network`` exactly as the GraphML,
/// GEXF, GML and Pajek readers do (known names become model fields, everything else an attribute, then
/// validation), and ``init(network:)`` gives the values a writer outside SynergraphKit writes.
///
/// This is how the Graphviz facade reads and writes DOT without SynergraphKit depending on Graphviz
/// (see ``ForeignFormats``).
public struct ForeignGraph: Sendable {
    /// One keyed value of a node or an edge.
    public struct Value: Sendable, Equatable {
        public var key: String
        public var text: String

        public init(_ key: String, _ text: String) {
            self.key = key
            self.text = text
        }
    }

    public struct Node: Sendable {
        public var id: String
        public var values: [Value]
        /// Where the node is, for messages: a line, or a description such as `node "a"`.
        public var line: Int?
        public var place: String?

        public init(id: String, values: [Value], line: Int? = nil, place: String? = nil) {
            self.id = id
            self.values = values
            self.line = line
            self.place = place
        }
    }

    public struct Edge: Sendable {
        public var source: String
        public var target: String
        public var values: [Value]
        /// What the format's structure says (an edge of a directed graph); an explicit `directed`
        /// value wins.
        public var directed: Bool
        public var line: Int?
        public var place: String?

        public init(source: String, target: String, values: [Value], directed: Bool, line: Int? = nil, place: String? = nil) {
            self.source = source
            self.target = target
            self.values = values
            self.directed = directed
            self.line = line
            self.place = place
        }
    }

    /// The graph's own name or label (the network title when no manifest is embedded).
    public var title: String?
    /// The manifest JSON Synergraph embeds when it writes (`synergraph_manifest`); with it, values are
    /// read exactly (only the model's own names are fields).
    public var manifestJSON: String?
    public var nodes: [Node]
    public var edges: [Edge]

    /// The graph attribute name under which Synergraph embeds its manifest.
    public static let manifestKey = ManifestEmbedding.key

    public init(title: String? = nil, manifestJSON: String? = nil, nodes: [Node] = [], edges: [Edge] = []) {
        self.title = title
        self.manifestJSON = manifestJSON
        self.nodes = nodes
        self.edges = edges
    }

    /// The network these records describe, or nil when anything (in `diagnostics` or found here) is an
    /// error; with every diagnostic, `diagnostics` first.
    ///
    /// - Complexity: O(n + m) for n nodes and m edges, plus validation.
    public func network(file: String, options: LoadOptions, diagnostics: [Diagnostic] = []) -> (Network?, [Diagnostic]) {
        var log = DiagnosticLog()
        log.append(contentsOf: diagnostics)
        var manifest = ManifestEmbedding.foreign(file: file, title: title)
        var exact = false
        if let json = manifestJSON {
            guard let m = ManifestEmbedding.decode(json, at: FileLocation(file: file), log: &log) else { return (nil, log.items) }
            manifest = m
            exact = true
        }
        guard !log.hasErrors else { return (nil, log.items) }
        var records = ForeignRecords(options: options, exact: exact)
        var nodes: [ModelNode] = []
        nodes.reserveCapacity(self.nodes.count)
        for n in self.nodes {
            let at = FileLocation(file: file, line: n.line, path: n.place)
            let values = n.values.map { ForeignValue($0.key, $0.text, at) }
            if let node = records.node(id: n.id, values: values, at: at) { nodes.append(node) }
        }
        var ties: [Tie] = []
        ties.reserveCapacity(edges.count)
        for e in edges {
            let at = FileLocation(file: file, line: e.line, path: e.place)
            let values = e.values.map { ForeignValue($0.key, $0.text, at) }
            if let tie = records.tie(source: e.source, target: e.target, values: values, directedByFormat: e.directed, at: at) {
                ties.append(tie)
            }
        }
        log.append(contentsOf: records.finish())
        return FormatRead.finish(manifest, nodes, ties, file: file, log: log)
    }

    /// The values Synergraph's own writers write for `network`: model fields by their column names
    /// (lists joined with `;`), then attributes; the manifest as JSON; each tie's direction.
    public init(network: Network) {
        self.title = network.manifest.title
        self.manifestJSON = ManifestEmbedding.encode(network.manifest)
        self.nodes = network.nodes.map { n in
            Node(id: n.id, values: ModelColumns.node(n).map { Value($0.0, $0.1) } + n.attributes.map { Value($0.key, $0.value) })
        }
        self.edges = network.ties.map { t in
            Edge(source: t.source, target: t.target,
                 values: ModelColumns.tie(t).map { Value($0.0, $0.1) } + t.attributes.map { Value($0.key, $0.value) },
                 directed: network.isDirected(t))
        }
    }
}

/// The model's node (``ForeignGraph`` has its own `Node`); not spelled `SynergraphKit.Node`, because
/// the fuzzers compile these sources under another module name.
typealias ModelNode = Node
