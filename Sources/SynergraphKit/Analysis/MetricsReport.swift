import Foundation

/// Per-node metrics the `metrics` command can compute, by their names in the JSON contract.
public enum NodeMetricName: String, Sendable, CaseIterable, Codable {
    case degree, strength, betweenness, closeness, harmonic, pagerank, eigenvector, katz, clustering
    case coreNumber = "core_number"
    case constraint
    case effectiveSize = "effective_size"
    case articulationPoint = "articulation_point"
    case community

    /// Whether values are whole numbers or flags (printed without decimals).
    var isDiscrete: Bool { [.degree, .coreNumber, .articulationPoint, .community].contains(self) }
}

/// Whole-graph figures that cost more than a pass over the edges, grouped by the work they share. The
/// linear figures (nodes, edges, density, components, largest component, degree and kind assortativity)
/// are always computed; a group left out is `null` in the JSON contract and empty in the table.
public enum GraphFigureGroup: String, Sendable, CaseIterable, Codable {
    /// `average_clustering` and `transitivity`: a triangle count, O(E^1.5).
    case clustering
    /// `communities` and `modularity`: a Leiden (default) or Louvain run, O(E) per level.
    case communities
    /// `diameter` and `average_path_length`: a search from every node, O(V·E); only up to
    /// ``MetricsReport/distanceFigureLimit`` nodes.
    case distances
    /// `articulation_points` and `bridges`: one depth-first search, O(V + E), but lists that can be long.
    case cuts

    /// The groups whose work the per-node metrics already do: clustering for `clustering`, communities for
    /// `community`, cuts for `articulation_point`. Distances are never implied: closeness and harmonic
    /// search from every node too, but along other arcs and keeping other sums, so the distance figures
    /// would be a second O(V·E) pass.
    public static func needed(by metrics: [NodeMetricName]) -> Set<GraphFigureGroup> {
        var out: Set<GraphFigureGroup> = []
        for m in metrics {
            switch m {
            case .clustering: out.insert(.clustering)
            case .community: out.insert(.communities)
            case .articulationPoint: out.insert(.cuts)
            default: break
            }
        }
        return out
    }
}

/// What to compute: which metrics, on which graph.
public struct MetricsRequest: Sendable, Equatable {
    public var metrics: [NodeMetricName]
    /// Use tie weights (path lengths 1/weight; weighted PageRank, eigenvector, Katz, constraint; weighted modularity).
    public var weighted: Bool
    /// Use the directed view (directed ties one way, the others both ways).
    public var directed: Bool
    public var threads: Int
    /// Seed of the community search.
    public var seed: UInt64
    public var showAllNames: Bool
    /// Gould–Fernandez brokerage grouped by this node attribute (`kind`, `scope`, `country` or any extra
    /// column); nil: not computed. Always on the directed view (undirected ties both ways).
    public var brokerageGroupBy: String?
    /// Katz centrality's attenuation factor (NetworkX's default 0.1).
    public var katzAlpha: Double
    /// The whole-graph figure groups to compute (the linear figures are always computed).
    public var figures: Set<GraphFigureGroup>
    /// Approximate betweenness: every value within `epsilon` of the exact normalised one with probability
    /// `1 − delta` (``Graph/approximateBetweenness(epsilon:delta:seed:threads:)``); nil: exact.
    public var betweennessEpsilon: Double?
    public var betweennessDelta: Double
    /// The community search behind `community`, `communities` and `modularity`.
    public var communityMethod: CommunityMethod

    public init(metrics: [NodeMetricName] = NodeMetricName.allCases, weighted: Bool = false, directed: Bool = false,
                threads: Int = defaultMetricThreadCount, seed: UInt64 = 1, showAllNames: Bool = false, brokerageGroupBy: String? = nil,
                katzAlpha: Double = 0.1, figures: Set<GraphFigureGroup> = Set(GraphFigureGroup.allCases),
                betweennessEpsilon: Double? = nil, betweennessDelta: Double = 0.1, communityMethod: CommunityMethod = .leiden) {
        self.communityMethod = communityMethod
        self.figures = figures
        self.betweennessEpsilon = betweennessEpsilon
        self.betweennessDelta = betweennessDelta
        self.brokerageGroupBy = brokerageGroupBy
        self.katzAlpha = katzAlpha
        self.metrics = metrics
        self.weighted = weighted
        self.directed = directed
        self.threads = threads
        self.seed = seed
        self.showAllNames = showAllNames
    }
}

/// Metrics of a network view: graph-level figures and a row of per-node values.
///
/// A value that is undefined for a node (constraint of an isolated node) or for the whole graph (an
/// eigenvector iteration that did not converge, assortativity of a regular graph) is nil, written as
/// `null` in JSON and empty in CSV; never NaN. The reasons are in ``notes``.
public struct MetricsReport: Sendable {
    public struct GraphFigures: Sendable {
        public var nodes: Int
        public var edges: Int
        public var directed: Bool
        public var weighted: Bool
        public var density: Double
        /// Weakly connected components (connected components when undirected).
        public var components: Int
        /// Strongly connected components, for the directed view.
        public var strongComponents: Int?
        public var largestComponent: Int
        public var averageClustering: Double?
        public var transitivity: Double?
        public var degreeAssortativity: Double?
        /// Assortativity by node kind (attribute assortativity, Newman 2003).
        public var kindAssortativity: Double?
        /// Of the largest connected component.
        public var diameter: Double?
        public var averagePathLength: Double?
        public var communities: Int?
        public var modularity: Double?
        /// nil when the cuts group was not computed.
        public var articulationPoints: [String]?
        public var bridges: [[String]]?
    }

    public let columns: [NodeMetricName]
    public let graph: GraphFigures
    /// Public id, kind and name of each row's node (experts without consent anonymised).
    public let ids: [String]
    public let kinds: [String]
    public let names: [String]
    /// `values[c][row]` for column `columns[c]`.
    public let values: [[Double?]]
    /// Conventions applied and metrics that could not be computed.
    public let notes: [String]
    /// Largest graph whose diameter and average path length the report computes.
    public static let distanceFigureLimit = 20_000

    /// Brokerage roles per row, when asked for.
    public let brokerage: BrokerageResult?

    /// `progress` is told of each long stage (for a terminal progress line).
    public init(view: NetworkView, request: MetricsRequest, progress: WorkProgress? = nil) {
        var kindIndex: [NodeKind: Int] = [:]
        let kindLabels = (0..<view.vertexCount).map { v -> Int in
            let k = view.node(v).kind
            if let i = kindIndex[k] { return i }
            kindIndex[k] = kindIndex.count
            return kindIndex.count - 1
        }
        let brokerage = request.brokerageGroupBy.map {
            view.directedGraph().brokerage(groups: BrokerageGroups.labels(view: view, attribute: $0))
        }
        self.init(graph: request.directed ? view.directedGraph() : view.graph, simple: view.graph, request: request,
                  kindLabels: kindLabels, brokerage: brokerage,
                  ids: (0..<view.vertexCount).map { view.publicID($0, showAllNames: request.showAllNames) },
                  kinds: (0..<view.vertexCount).map { view.node($0).kind.rawValue },
                  names: (0..<view.vertexCount).map { view.displayName($0, showAllNames: request.showAllNames) }, progress: progress)
    }

    /// The metrics of a plain edge list read by ``EdgeListGraphReader``: the same report the model path
    /// gives for the same file (every node of kind `other`, named by its id; no directed tie kinds).
    public init(edgeList: EdgeListGraph, request: MetricsRequest, progress: WorkProgress? = nil) {
        let n = edgeList.vertexCount
        let ids = edgeList.ids
        self.init(graph: request.directed ? edgeList.graph.bothWaysDirected() : edgeList.graph, simple: edgeList.graph,
                  request: request, kindLabels: [Int](repeating: 0, count: n),
                  brokerage: request.brokerageGroupBy.map { _ in
                      edgeList.graph.bothWaysDirected().brokerage(groups: [Int](repeating: 0, count: n))
                  }, ids: ids,
                  kinds: [String](repeating: NodeKind.other.rawValue, count: n), names: ids, progress: progress)
    }

    /// The report for graph `g` (the requested view) and its simple undirected graph `simple`, with the
    /// public id, kind and name of each vertex and the kind labels for kind assortativity.
    init(graph g: Graph, simple: Graph, request: MetricsRequest, kindLabels: [Int], brokerage: BrokerageResult?,
         ids: [String], kinds: [String], names: [String], progress: WorkProgress? = nil) {
        let n = g.vertexCount
        let w = request.weighted
        let want = Set(request.metrics)
        var notes: [String] = []
        columns = NodeMetricName.allCases.filter { want.contains($0) }

        let groups = request.figures.union(GraphFigureGroup.needed(by: columns))
        let cut = groups.contains(.cuts) ? simple.cutStructure() : nil
        let parts = g.weaklyConnectedComponents()
        let partition: CommunityPartition? = groups.contains(.communities) ? simple.communities(request.communityMethod, seed: request.seed, weighted: w, progress: progress) : nil
        // Diameter and average path length need a search from every node (O(V·E)): on large graphs they
        // would dominate, so they are left out there, with a note.
        var distances: DistanceSummary?
        if groups.contains(.distances) {
            if n <= MetricsReport.distanceFigureLimit {
                distances = simple.distanceSummary(weighted: w, threads: request.threads, progress: progress)
                if distances == nil, n > 0 { notes.append("diameter and average path length are undefined: the largest component has one node") }
            } else {
                notes.append("diameter and average path length are left out (null) above \(MetricsReport.distanceFigureLimit) nodes: they need a search from every node")
            }
        }
        let skipped = GraphFigureGroup.allCases.filter { !groups.contains($0) }
        if !skipped.isEmpty {
            let keys: [GraphFigureGroup: String] = [.clustering: "average_clustering, transitivity", .communities: "communities, modularity",
                                                    .distances: "diameter, average_path_length", .cuts: "articulation_points, bridges"]
            notes.append("not computed (null): \(skipped.map { keys[$0]! }.joined(separator: ", ")); ask with --figures \(skipped.map(\.rawValue).joined(separator: ","))")
        }
        if n > 1, parts.count > 1 {
            notes.append("the graph has \(parts.count) components: closeness uses the Wasserman–Faust correction, diameter and path length are of the largest component")
        }
        let clusteringFigures = groups.contains(.clustering)
        graph = GraphFigures(
            nodes: n, edges: g.edgeCount, directed: request.directed, weighted: w, density: g.density(),
            components: parts.count, strongComponents: request.directed ? g.stronglyConnectedComponents().count : nil,
            largestComponent: parts.sizes.max() ?? 0,
            averageClustering: clusteringFigures ? simple.averageClustering(threads: request.threads) : nil,
            transitivity: clusteringFigures ? simple.transitivity(threads: request.threads) : nil,
            degreeAssortativity: simple.degreeAssortativity(), kindAssortativity: simple.attributeAssortativity(labels: kindLabels),
            diameter: distances?.diameter, averagePathLength: distances?.averageShortestPathLength,
            communities: partition?.count, modularity: partition?.modularity,
            articulationPoints: cut.map { cut in (0..<simple.vertexCount).filter { cut.isArticulationPoint[$0] }.map { ids[$0] } },
            bridges: cut.map { $0.bridges.map { [ids[$0.source], ids[$0.target]] } }
        )

        var computer = NodeMetricComputer(graph: g, simple: simple, weighted: w, threads: request.threads, seed: request.seed)
        computer.katzAlpha = request.katzAlpha
        computer.betweennessEpsilon = request.betweennessEpsilon
        computer.betweennessDelta = request.betweennessDelta
        computer.communityMethod = request.communityMethod
        computer.progress = progress
        computer.cut = cut
        computer.partition = partition
        let values = columns.map { computer.values($0) }
        notes += computer.notes
        if want.contains(.constraint) || want.contains(.effectiveSize) {
            if (0..<simple.vertexCount).contains(where: { simple.degree(of: $0) == 0 }) {
                notes.append("constraint and effective size are undefined (null) for isolated nodes")
            }
        }
        self.values = values
        self.brokerage = brokerage
        if let attribute = request.brokerageGroupBy {
            notes.append("brokerage: Gould–Fernandez roles grouped by \(attribute), on the directed view (undirected ties both ways), z-scores as R's sna::brokerage")
        }
        self.notes = notes
        self.ids = ids
        self.kinds = kinds
        self.names = names
    }

    /// Row order: all rows in model order, or the `top` rows by a metric (descending, ties by model order).
    public func rowOrder(top: Int?, by metric: NodeMetricName?) -> [Int] {
        let all = Array(0..<ids.count)
        guard let metric, let c = columns.firstIndex(of: metric) else { return top.map { Array(all.prefix($0)) } ?? all }
        let v = values[c]
        let sorted = all.sorted { a, b in
            switch (v[a], v[b]) {
            case let (x?, y?): return x != y ? x > y : a < b
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
        return top.map { Array(sorted.prefix($0)) } ?? sorted
    }

    // MARK: Output

    /// The JSON contract: `{"graph": {...}, "nodes": [{"id", "kind", metric...}], "notes": [...]}`.
    public func json(rows: [Int]) -> String {
        var out = "{\n  \"graph\": {"
        let gf = graph
        var fields: [String] = [
            "\"nodes\": \(gf.nodes)", "\"edges\": \(gf.edges)", "\"directed\": \(gf.directed)", "\"weighted\": \(gf.weighted)",
            "\"density\": \(JSONText.number(gf.density))", "\"components\": \(gf.components)",
        ]
        if let s = gf.strongComponents { fields.append("\"strong_components\": \(s)") }
        fields += [
            "\"largest_component\": \(gf.largestComponent)",
            "\"average_clustering\": \(JSONText.number(gf.averageClustering))",
            "\"transitivity\": \(JSONText.number(gf.transitivity))",
            "\"degree_assortativity\": \(JSONText.number(gf.degreeAssortativity))",
            "\"kind_assortativity\": \(JSONText.number(gf.kindAssortativity))",
            "\"diameter\": \(JSONText.number(gf.diameter))",
            "\"average_path_length\": \(JSONText.number(gf.averagePathLength))",
            "\"communities\": \(gf.communities.map(String.init) ?? "null")",
            "\"modularity\": \(JSONText.number(gf.modularity))",
            "\"articulation_points\": " + (gf.articulationPoints.map { "[" + $0.map(JSONText.string).joined(separator: ", ") + "]" } ?? "null"),
            "\"bridges\": " + (gf.bridges.map { "[" + $0.map { "[" + $0.map(JSONText.string).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]" } ?? "null"),
        ]
        out += "\n    " + fields.joined(separator: ",\n    ") + "\n  },\n  \"nodes\": ["
        var first = true
        for r in rows {
            out += first ? "\n    {" : ",\n    {"
            first = false
            out += "\"id\": \(JSONText.string(ids[r])), \"kind\": \(JSONText.string(kinds[r])), \"name\": \(JSONText.string(names[r]))"
            for (c, col) in columns.enumerated() {
                out += ", \"\(col.rawValue)\": "
                if col == .articulationPoint {
                    out += values[c][r] == 1 ? "true" : "false"
                } else if col.isDiscrete, let v = values[c][r] {
                    out += String(Int(v))
                } else {
                    out += JSONText.number(values[c][r])
                }
            }
            if let b = brokerage {
                let raw = b.raw[r], z = b.z[r]
                out += ", \"brokerage\": {" + BrokerageRole.allCases.map { "\"\($0.rawValue)\": \(JSONText.number(raw[role: $0]))" }.joined(separator: ", ")
                    + ", \"total\": \(JSONText.number(raw.total))}"
                out += ", \"brokerage_z\": {" + BrokerageRole.allCases.map { "\"\($0.rawValue)\": \(JSONText.number(z[role: $0]))" }.joined(separator: ", ")
                    + ", \"total\": \(JSONText.number(z.total))}"
            }
            out += "}"
        }
        out += rows.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"notes\": [" + notes.map(JSONText.string).joined(separator: ", ") + "]\n}\n"
        return out
    }

    /// CSV with a header: `id,kind,name,metric...`; undefined values empty.
    public func csv(rows: [Int]) -> String {
        let brokerageColumns = brokerage == nil ? [] : (BrokerageRole.allCases.map { "brokerage_\($0.rawValue)" } + ["brokerage_total"]
            + BrokerageRole.allCases.map { "brokerage_z_\($0.rawValue)" } + ["brokerage_z_total"])
        var out = (["id", "kind", "name"] + columns.map(\.rawValue) + brokerageColumns).joined(separator: ",") + "\n"
        for r in rows {
            var cells = [CSVText.field(ids[r]), CSVText.field(kinds[r]), CSVText.field(names[r])]
            for (c, col) in columns.enumerated() {
                guard let v = values[c][r] else { cells.append(""); continue }
                if col == .articulationPoint { cells.append(v == 1 ? "true" : "false") } else {
                    cells.append(col.isDiscrete ? String(Int(v)) : JSONText.number(v))
                }
            }
            if let b = brokerage {
                cells += BrokerageRole.allCases.map { JSONText.number(b.raw[r][role: $0]) } + [JSONText.number(b.raw[r].total)]
                cells += BrokerageRole.allCases.map { b.z[r][role: $0].map { JSONText.number($0) } ?? "" } + [b.z[r].total.map { JSONText.number($0) } ?? ""]
            }
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    /// An aligned table for the terminal, values rounded to 4 decimals.
    public func table(rows: [Int]) -> String {
        var head = ["name", "kind"] + columns.map(\.rawValue)
        if brokerage != nil { head += BrokerageRole.allCases.map(\.rawValue) + ["brokerage"] }
        var body: [[String]] = []
        for r in rows {
            var cells = [names[r].count > 40 ? String(names[r].prefix(39)) + "…" : names[r], kinds[r]]
            for (c, col) in columns.enumerated() {
                guard let v = values[c][r] else { cells.append("–"); continue }
                if col == .articulationPoint { cells.append(v == 1 ? "yes" : "") } else {
                    cells.append(col.isDiscrete ? String(Int(v)) : String(format: "%.4f", v))
                }
            }
            if let b = brokerage {
                cells += BrokerageRole.allCases.map { String(Int(b.raw[r][role: $0])) } + [String(Int(b.raw[r].total))]
            }
            body.append(cells)
        }
        var widths = head.map(\.count)
        for row in body { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - c.count)
                return i < 2 ? c + pad : pad + c
            }.joined(separator: "  ")
        }
        var out = line(head) + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in body { out += line(row) + "\n" }
        let gf = graph
        out += "\n\(gf.nodes) nodes, \(gf.edges) edges, density \(String(format: "%.4f", gf.density)), \(gf.components) component\(gf.components == 1 ? "" : "s")"
        if let m = gf.modularity, let k = gf.communities { out += ", \(k) communit\(k == 1 ? "y" : "ies") (modularity \(String(format: "%.4f", m)))" }
        out += "\n"
        for note in notes { out += "note: \(note)\n" }
        return out
    }
}

/// JSON text for values, with no NaN or infinity ever written.
enum JSONText {
    static func number(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "null" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    static func string(_ s: String) -> String {
        // Most ids and names need no escape: copy them whole (bytes ≥ 0x80 are kept as they are below too).
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

