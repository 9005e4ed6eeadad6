/// One quarter of a network, measured: the view as of the quarter, its headline summary and its metrics.
///
/// The view is the network through the batch's filter with the quarter's window
/// (``Quarter/window``): a tie is in the quarter when `[since, until]` overlaps it, an activity when
/// its days do, and an actor is present only with a tie or an activity in the quarter (unless the
/// filter keeps all nodes).
public struct QuarterSnapshot: Sendable {
    public let quarter: Quarter
    public let view: NetworkView
    public let summary: NetworkSummary
    /// Every per-node metric (simple undirected unweighted view, Leiden communities, seed 1).
    public let metrics: MetricsReport
    public let showAllNames: Bool

    /// Measures `network` as of `quarter` through `filter` (whose own window is replaced by the quarter's).
    public init(network: Network, quarter: Quarter, filter: ViewFilter, showAllNames: Bool = false, top: Int = 10,
                threads: Int = defaultMetricThreadCount) throws(ViewError) {
        var f = filter
        f.window = quarter.window
        let view = try NetworkView(network, filter: f)
        self.quarter = quarter
        self.view = view
        self.showAllNames = showAllNames
        summary = NetworkSummary(view: view, top: top, showAllNames: showAllNames, threads: threads)
        metrics = MetricsReport(view: view, request: MetricsRequest(threads: threads, showAllNames: showAllNames))
    }

    /// The values of one metric, one per row (vertex), nil where undefined.
    public func values(_ metric: NodeMetricName) -> [Double?] {
        metrics.columns.firstIndex(of: metric).map { metrics.values[$0] } ?? []
    }

    /// The actor with the highest betweenness (the quarter's top broker), if any actor has betweenness above 0.
    public var topBroker: NetworkSummary.RankedNode? { summary.topByBetweenness.first }

    /// A distinct tied pair, by public ids (`a < b`).
    public struct Pair: Sendable, Hashable, Comparable {
        public var a: String
        public var b: String
        public static func < (x: Pair, y: Pair) -> Bool { (x.a, x.b) < (y.a, y.b) }
    }

    /// Every distinct tied pair of the view (self-loops left out) with the kinds of tie between them, sorted.
    public var tiedPairs: [Pair: [String]] {
        var out: [Pair: [String]] = [:]
        for t in view.ties where t.source != t.target {
            let x = view.publicID(Int(t.source), showAllNames: showAllNames)
            let y = view.publicID(Int(t.target), showAllNames: showAllNames)
            let key = x < y ? Pair(a: x, b: y) : Pair(a: y, b: x)
            var kinds = out[key, default: []]
            if !kinds.contains(t.kind) { kinds.append(t.kind) }
            out[key] = kinds
        }
        return out.mapValues { $0.sorted() }
    }
}
