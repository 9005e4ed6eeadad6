/// Choices shared by every per-vertex metric in ``NodeMetrics``.
public struct NodeMetricOptions: Sendable, Equatable {
    /// Use edge weights: as arc length `1 / weight` for path metrics (betweenness, closeness, harmonic),
    /// as multipliers for PageRank, eigenvector and Katz centrality, as mutual weights for constraint and
    /// effective size. Degree, clustering and core number stay unweighted (strength is always reported).
    public var weighted: Bool
    /// Worker threads for the O(V·E) metrics; results do not depend on it.
    public var threads: Int
    /// Normalise betweenness by `(n − 1)(n − 2)` (NetworkX's default).
    public var normalizedBetweenness: Bool
    /// PageRank damping factor.
    public var damping: Double
    /// Katz attenuation factor.
    public var katzAlpha: Double

    public init(
        weighted: Bool = false, threads: Int = defaultMetricThreadCount, normalizedBetweenness: Bool = true,
        damping: Double = 0.85, katzAlpha: Double = 0.1
    ) {
        self.weighted = weighted
        self.threads = threads
        self.normalizedBetweenness = normalizedBetweenness
        self.damping = damping
        self.katzAlpha = katzAlpha
    }
}

/// Every per-vertex metric of a graph, computed in one call; see each metric's own documentation on
/// ``Graph`` for its definition and NetworkX equivalent.
///
/// Arrays are indexed by vertex. A metric that failed for the whole graph (a power iteration that did not
/// converge) is `nil`, with the reason in ``failures``; a value undefined for one vertex (constraint of an
/// isolated vertex) is a `nil` entry. No value is ever NaN.
public struct NodeMetrics: Sendable {
    public let vertexCount: Int
    /// In-plus-out degree (the degree when undirected).
    public let degree: [Int]
    public let inDegree: [Int]
    public let outDegree: [Int]
    /// Sum of incident edge weights (in plus out when directed).
    public let strength: [Double]
    public let betweenness: [Double]
    public let closeness: [Double]
    public let harmonic: [Double]
    /// `nil` if the power iteration failed.
    public let pageRank: [Double]?
    /// `nil` if the power iteration failed or the graph is empty.
    public let eigenvector: [Double]?
    /// `nil` if the series diverged (alpha ≥ 1/λ_max).
    public let katz: [Double]?
    public let clustering: [Double]
    public let coreNumber: [Int]
    /// `nil` entries for isolated vertices.
    public let constraint: [Double?]
    /// `nil` entries for isolated vertices.
    public let effectiveSize: [Double?]
    public let isArticulationPoint: [Bool]
    /// Weakly connected component of each vertex, numbered by smallest vertex.
    public let component: [Int32]
    /// Why a whole-graph metric above is `nil`.
    public let failures: [MetricError]

    /// Computes every metric of `graph`.
    ///
    /// - Complexity: dominated by betweenness and the distance sums, O(V·E) (unweighted) each; closeness and
    ///   harmonic centrality share one search per vertex.
    public init(of graph: Graph, options: NodeMetricOptions = NodeMetricOptions()) {
        let w = options.weighted
        var failures: [MetricError] = []
        func attempt(_ f: () throws(MetricError) -> [Double]) -> [Double]? {
            do { return try f() } catch { failures.append(error); return nil }
        }
        vertexCount = graph.vertexCount
        degree = graph.degrees()
        inDegree = graph.inDegrees()
        outDegree = graph.outDegrees()
        strength = graph.strengths()
        betweenness = graph.betweennessCentrality(normalized: options.normalizedBetweenness, weighted: w, threads: options.threads)
        let sums = graph._incomingDistanceSums(weighted: w, threads: options.threads)
        closeness = Graph._closeness(from: sums, vertexCount: graph.vertexCount)
        harmonic = sums.inverseDistanceSum
        pageRank = attempt { () throws(MetricError) in try graph.pageRank(damping: options.damping, weighted: w) }
        eigenvector = attempt { () throws(MetricError) in try graph.eigenvectorCentrality(weighted: w) }
        katz = attempt { () throws(MetricError) in try graph.katzCentrality(alpha: options.katzAlpha, weighted: w) }
        clustering = graph.clusteringCoefficients(threads: options.threads)
        coreNumber = graph.coreNumbers()
        constraint = graph.constraint(weighted: w)
        effectiveSize = graph.effectiveSize(weighted: w)
        isArticulationPoint = graph.cutStructure().isArticulationPoint
        component = graph.weaklyConnectedComponents().componentOf
        self.failures = failures
    }

    /// All metrics of one vertex.
    public subscript(vertex v: Int) -> NodeMetricRow {
        NodeMetricRow(
            vertex: v, degree: degree[v], inDegree: inDegree[v], outDegree: outDegree[v], strength: strength[v],
            betweenness: betweenness[v], closeness: closeness[v], harmonic: harmonic[v],
            pageRank: pageRank?[v], eigenvector: eigenvector?[v], katz: katz?[v], clustering: clustering[v],
            coreNumber: coreNumber[v], constraint: constraint[v], effectiveSize: effectiveSize[v],
            isArticulationPoint: isArticulationPoint[v], component: Int(component[v]))
    }

    /// One row per vertex, in vertex order.
    public var rows: [NodeMetricRow] { (0..<vertexCount).map { self[vertex: $0] } }
}

/// The metrics of one vertex, as a row of ``NodeMetrics``.
public struct NodeMetricRow: Sendable, Equatable {
    public let vertex: Int
    public let degree: Int
    public let inDegree: Int
    public let outDegree: Int
    public let strength: Double
    public let betweenness: Double
    public let closeness: Double
    public let harmonic: Double
    public let pageRank: Double?
    public let eigenvector: Double?
    public let katz: Double?
    public let clustering: Double
    public let coreNumber: Int
    public let constraint: Double?
    public let effectiveSize: Double?
    public let isArticulationPoint: Bool
    public let component: Int
}
