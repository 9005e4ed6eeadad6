/// Computes one per-node metric at a time for a view's graph, sharing what several metrics need
/// (the cut structure, the community partition) and collecting notes on what could not be computed.
public struct NodeMetricComputer {
    /// The graph the metric is defined on (directed or not).
    let graph: Graph
    /// The simple undirected graph (clustering, core number, structural holes, communities use it).
    let simple: Graph
    let weighted: Bool
    let threads: Int
    let seed: UInt64
    /// Katz centrality's attenuation factor (NetworkX's default 0.1); the series converges only below
    /// 1/λ_max of the adjacency matrix.
    public var katzAlpha: Double = 0.1
    /// When set, betweenness is estimated within this error with probability `1 − betweennessDelta`
    /// (``Graph/approximateBetweenness(epsilon:delta:weighted:seed:threads:)``), seeded with ``seed``.
    public var betweennessEpsilon: Double?
    public var betweennessDelta: Double = 0.1
    /// The community search behind `community` (seeded with ``seed``); Leiden unless told otherwise.
    public var communityMethod: CommunityMethod = .leiden
    /// Told of each long stage (searches from every vertex, sampled paths, community levels).
    public var progress: WorkProgress?
    var cut: CutStructure?
    var partition: CommunityPartition?
    /// One search from every vertex serves both closeness and harmonic centrality.
    private var distanceSums: _IncomingDistanceSums?
    /// Why some values are nil.
    public private(set) var notes: [String] = []

    public init(graph: Graph, simple: Graph, weighted: Bool = false, threads: Int = defaultMetricThreadCount, seed: UInt64 = 1) {
        self.graph = graph
        self.simple = simple
        self.weighted = weighted
        self.threads = threads
        self.seed = seed
    }

    /// Records why values are missing, once however often the metric is asked for.
    private mutating func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }

    private mutating func sharedDistanceSums() -> _IncomingDistanceSums {
        if let d = distanceSums { return d }
        let d = graph._incomingDistanceSums(weighted: weighted, threads: threads, progress: progress)
        distanceSums = d
        return d
    }

    /// The values of `metric`, one per vertex; nil where undefined (never NaN).
    public mutating func values(_ metric: NodeMetricName) -> [Double?] {
        let g = graph, w = weighted, n = graph.vertexCount
        func some(_ a: [Double]) -> [Double?] { a.map { Optional($0) } }
        func attempt(_ name: String, _ f: () throws(MetricError) -> [Double]) -> [Double?] {
            do { return some(try f()) } catch {
                note("\(name): \(error)")
                return [Double?](repeating: nil, count: n)
            }
        }
        switch metric {
        case .degree: return some(g.degrees().map(Double.init))
        case .strength: return some(g.strengths())
        case .betweenness:
            if let epsilon = betweennessEpsilon {
                let a = g.approximateBetweenness(epsilon: epsilon, delta: betweennessDelta, weighted: w, seed: seed, threads: threads, progress: progress)
                note("betweenness: estimated from \(a.samples) sampled shortest paths (Riondato–Kornaropoulos, vertex-diameter bound \(a.vertexDiameterBound), seed \(seed)): every value within \(epsilon) of the exact one with probability \(1 - betweennessDelta)")
                return some(a.values)
            }
            return some(g.betweennessCentrality(normalized: true, weighted: w, threads: threads, progress: progress))
        case .closeness: return some(Graph._closeness(from: sharedDistanceSums(), vertexCount: n))
        case .harmonic: return some(sharedDistanceSums().inverseDistanceSum)
        case .pagerank: return attempt("pagerank") { () throws(MetricError) in try g.pageRank(weighted: w) }
        case .eigenvector: return attempt("eigenvector") { () throws(MetricError) in try g.eigenvectorCentrality(weighted: w) }
        case .katz:
            do { return some(try g.katzCentrality(alpha: katzAlpha, weighted: w)) } catch {
                note("katz: \(error): alpha \(katzAlpha) must be below 1/λ_max of this graph's adjacency matrix; pass a smaller --katz-alpha")
                return [Double?](repeating: nil, count: n)
            }
        case .clustering: return some(simple.clusteringCoefficients(threads: threads))
        case .coreNumber: return some(simple.coreNumbers().map(Double.init))
        case .constraint: return simple.constraint(weighted: w)
        case .effectiveSize: return simple.effectiveSize(weighted: w)
        case .articulationPoint:
            if cut == nil { cut = simple.cutStructure() }
            return cut!.isArticulationPoint.map { $0 ? 1 : 0 }
        case .community:
            if partition == nil { partition = simple.communities(communityMethod, seed: seed, weighted: w, progress: progress) }
            return partition!.communityOf.map { Double($0) }
        }
    }
}
