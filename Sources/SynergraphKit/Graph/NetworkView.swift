/// Why a view cannot be made.
public enum ViewError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownFocus(String)
    case focusFilteredOut(String)

    public var description: String {
        switch self {
        case .unknownFocus(let id): "--focus '\(id)' is not an actor of the network; use an id from the nodes table (or expert-N as shown in outputs)"
        case .focusFilteredOut(let id): "--focus '\(id)' is filtered out of the view by the other filters; loosen them or pick another actor"
        }
    }
}

/// A filtered look at a network: which nodes and ties are in it, and the compact graph over them.
///
/// The view keeps the network as it is (arrays are shared, not copied) and lists positions into it.
/// Graph vertex `v` is model node `nodes[v]`; vertices are numbered in model order, so results are
/// deterministic and line up with the input files.
public struct NetworkView: Sendable {
    /// One tie of the view, between graph vertices.
    public struct ViewTie: Sendable, Equatable {
        public var source: Int32
        public var target: Int32
        public var weight: Double
        public var kind: String
        public var isDirected: Bool
        /// Position in ``Network/ties``, or nil for a derived co-participation tie.
        public var modelTie: Int?
        /// Position in ``Network/activities`` for a co-participation tie.
        public var activity: Int?
    }

    public let network: Network
    public let filter: ViewFilter
    /// Model node positions, one per graph vertex, ascending.
    public let nodes: [Int]
    /// Graph vertex of each model node, or -1 when the node is not in the view.
    public let vertexOfNode: [Int32]
    /// The ties in the view: model ties first (in model order), then co-participation ties.
    public let ties: [ViewTie]
    /// Activities overlapping the window (model positions).
    public let activities: [Int]
    /// The simple undirected graph of the view (parallel ties merged, self-loops dropped): what metrics use by default.
    public let graph: Graph

    /// The view of `network` through `filter`.
    ///
    /// - Throws: ``ViewError`` when the filter's focus is not an actor of the network or is filtered out.
    public init(_ network: Network, filter: ViewFilter = ViewFilter()) throws(ViewError) {
        var parts = Self.select(network, filter, mask: nil)
        if let focus = filter.focus {
            guard let m = network.nodeIndex(forPublicID: focus) else { throw ViewError.unknownFocus(focus) }
            let start = Int(parts.vertexOf[m])
            guard start >= 0 else { throw ViewError.focusFilteredOut(focus) }
            let graph = Graph(vertexCount: parts.nodes.count, edges: parts.ties.map { Graph.Edge($0.source, $0.target) }, directed: false)
            var mask = [Bool](repeating: false, count: network.nodes.count)
            for v in graph.verticesWithin(hops: max(0, filter.radius), of: start) { mask[parts.nodes[v]] = true }
            parts = Self.select(network, filter, mask: mask)
        }
        if let top = filter.top {
            let graph = Graph(vertexCount: parts.nodes.count, edges: parts.ties.map { Graph.Edge($0.source, $0.target, weight: $0.weight) }, directed: false)
            var computer = NodeMetricComputer(graph: graph, simple: graph)
            let values = computer.values(filter.topBy).map { $0 ?? -.infinity }
            var mask = [Bool](repeating: false, count: network.nodes.count)
            for v in NetworkSummary.top(top, values) { mask[parts.nodes[v]] = true }
            var unwindowed = filter
            unwindowed.allNodes = true
            parts = Self.select(network, unwindowed, mask: mask)
        }
        self.network = network
        self.filter = filter
        self.nodes = parts.nodes
        self.vertexOfNode = parts.vertexOf
        self.ties = parts.ties
        self.activities = parts.activities
        self.graph = Graph(vertexCount: parts.nodes.count, edges: parts.ties.map { Graph.Edge($0.source, $0.target, weight: $0.weight) }, directed: false)
    }

    private struct Parts {
        var nodes: [Int]
        var vertexOf: [Int32]
        var ties: [ViewTie]
        var activities: [Int]
    }

    /// Nodes, ties and activities passing the filter's kind, country, tie and date rules, among the
    /// model nodes in `mask` (all when nil).
    private static func select(_ network: Network, _ filter: ViewFilter, mask: [Bool]?) -> Parts {
        let n = network.nodes.count
        var eligible = [Bool](repeating: false, count: n)
        let hub = filter.withoutHub ? network.manifest.hub.flatMap { network.nodeIndex[$0] } : nil
        for (i, node) in network.nodes.enumerated() {
            var ok = mask?[i] ?? true
            if let kinds = filter.kinds, !kinds.contains(node.kind) { ok = false }
            if let countries = filter.countries, !(node.country.map(countries.contains) ?? false) { ok = false }
            if i == hub { ok = false }
            eligible[i] = ok
        }
        // Ties inside the window between eligible nodes.
        var candidate: [ViewTie] = []
        for (k, t) in network.ties.enumerated() {
            guard let s = network.nodeIndex[t.source], let d = network.nodeIndex[t.target], eligible[s], eligible[d] else { continue }
            if let kinds = filter.tieKinds, !kinds.contains(t.kind) { continue }
            if let mw = filter.minWeight, t.weight < mw { continue }
            guard filter.window.overlaps(since: t.since, until: t.until) else { continue }
            candidate.append(ViewTie(source: Int32(s), target: Int32(d), weight: t.weight, kind: t.kind,
                                     isDirected: network.isDirected(t), modelTie: k, activity: nil))
        }
        var activities: [Int] = []
        var participants: [Int: [Int]] = [:]
        for p in network.participation {
            guard let a = network.activityIndex[p.activity], let v = network.nodeIndex[p.node], eligible[v] else { continue }
            participants[a, default: []].append(v)
        }
        for (a, act) in network.activities.enumerated() where filter.window.overlaps(since: act.date, until: act.lastDay) {
            activities.append(a)
        }
        let coKindAllowed = filter.tieKinds?.contains(ViewFilter.coParticipationKind) ?? true
        let coWeightAllowed = (filter.minWeight ?? 0) <= 1
        if filter.coParticipation, coKindAllowed, coWeightAllowed {
            for a in activities {
                let members = (participants[a] ?? []).uniqued().sorted()
                for i in 0..<members.count {
                    for j in (i + 1)..<max(i + 1, members.count) {
                        candidate.append(ViewTie(source: Int32(members[i]), target: Int32(members[j]), weight: 1,
                                                 kind: ViewFilter.coParticipationKind, isDirected: false, modelTie: nil, activity: a))
                    }
                }
            }
        }
        // Node presence.
        var present = eligible
        if filter.hasWindow, !filter.allNodes {
            present = [Bool](repeating: false, count: n)
            for t in candidate {
                present[Int(t.source)] = true
                present[Int(t.target)] = true
            }
            for a in activities {
                for v in participants[a] ?? [] { present[v] = true }
            }
        }
        var nodes: [Int] = []
        var vertexOf = [Int32](repeating: -1, count: n)
        for i in 0..<n where present[i] {
            vertexOf[i] = Int32(nodes.count)
            nodes.append(i)
        }
        let ties = candidate.map { t -> ViewTie in
            var t = t
            t.source = vertexOf[Int(t.source)]
            t.target = vertexOf[Int(t.target)]
            return t
        }
        return Parts(nodes: nodes, vertexOf: vertexOf, ties: ties, activities: activities)
    }

    /// The directed graph of the view: directed ties as arcs source → target, undirected ties as arcs both ways.
    public func directedGraph() -> Graph {
        var edges: [Graph.Edge] = []
        edges.reserveCapacity(ties.count * 2)
        for t in ties {
            edges.append(Graph.Edge(t.source, t.target, weight: t.weight))
            if !t.isDirected { edges.append(Graph.Edge(t.target, t.source, weight: t.weight)) }
        }
        return Graph(vertexCount: nodes.count, edges: edges, directed: true)
    }

    /// Number of vertices.
    public var vertexCount: Int { nodes.count }

    /// The model node of vertex `v`.
    public func node(_ v: Int) -> Node { network.nodes[nodes[v]] }

    /// The name to publish for vertex `v` (see ``Network/displayName(ofNode:showAllNames:)``).
    public func displayName(_ v: Int, showAllNames: Bool = false) -> String {
        network.displayName(ofNode: nodes[v], showAllNames: showAllNames)
    }

    /// The id to publish for vertex `v` (see ``Network/publicID(ofNode:showAllNames:)``).
    public func publicID(_ v: Int, showAllNames: Bool = false) -> String {
        network.publicID(ofNode: nodes[v], showAllNames: showAllNames)
    }
}
