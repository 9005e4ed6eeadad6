import Foundation

/// The headline figures of a network view, as `synergraph analyze` prints them.
///
/// Computed on the simple undirected graph of the view (parallel ties merged, self-loops dropped,
/// directions and weights ignored), as the metrics are by default. Names of experts who have not
/// consented are never included unless `showAllNames` was asked for.
public struct NetworkSummary: Sendable, Codable, Equatable {
    /// One actor in a ranking.
    public struct RankedNode: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var kind: String
        public var value: Double
    }

    /// A count under a label.
    public struct Count: Sendable, Codable, Equatable {
        public var label: String
        public var count: Int
    }

    public var network: String
    public var title: String?
    public var view: String
    public var nodes: Int
    /// Ties of the data in the view (each record counted; parallel ties counted separately).
    public var ties: Int
    /// Ties derived from taking part in the same activity.
    public var coParticipationTies: Int
    /// Distinct pairs tied, after merging parallel ties and dropping self-loops.
    public var edges: Int
    public var activities: Int
    public var density: Double
    public var components: Int
    public var largestComponent: Int
    public var nodesByKind: [Count]
    public var tiesByKind: [Count]
    public var isolated: [RankedNode]
    public var topByDegree: [RankedNode]
    /// Normalised betweenness (NetworkX's `betweenness_centrality`, normalized=True).
    public var topByBetweenness: [RankedNode]
    /// Present when ``topByBetweenness`` was estimated by sampling (the view is above
    /// ``exactBetweennessBudget``); absent when exact.
    public var betweennessEstimate: BetweennessEstimate?

    /// How the betweenness of a large view was estimated: every value within `epsilon` of the exact one with
    /// probability at least `1 − delta` (``Graph/approximateBetweenness(epsilon:delta:weighted:seed:threads:progress:)``).
    public struct BetweennessEstimate: Sendable, Codable, Equatable {
        public var epsilon: Double
        public var delta: Double
        public var samples: Int
        public var seed: UInt64
    }

    /// Exact betweenness costs about `V · 2E` arc visits (Brandes); above this many the summary estimates it
    /// (about 10 s of one core here at 10,000 actors and 50,000 ties, which is 10⁹).
    public static let exactBetweennessBudget = 2_000_000_000
    /// The estimate's guarantee: within 0.01 of the exact normalised value, with probability 0.9.
    public static let estimateEpsilon = 0.01, estimateDelta = 0.1

    /// One gap of `synergraph analyze`'s digest (``SynergyDigest``); `synergraph gaps` has the full report.
    public struct GapEntry: Sendable, Codable, Equatable {
        public var category: String
        public var severity: Double
        public var country: String?
        public var title: String
        /// Names of the candidate fillers, best first ("A ↔ B" for an introduction).
        public var fillers: [String]
    }

    /// One recommended introduction of the digest; `synergraph synergy` has the full report.
    public struct IntroductionEntry: Sendable, Codable, Equatable {
        public var a: String
        public var aName: String
        public var b: String
        public var bName: String
        /// Latent synergy, in [0, 1].
        public var synergy: Double
        public var reason: String
        /// `closure` or `bridging` (``IntroductionStrategy``).
        public var strategy: String? = nil
        /// The gaps the introduction would close or shrink, as sentences.
        public var wouldChange: [String]? = nil
    }

    /// The most severe gaps and the best introductions, when the summary carries the digest
    /// (`synergraph analyze`; absent from quarterly summaries, whose gaps are in gaps.json).
    public var topGaps: [GapEntry]?
    public var topIntroductions: [IntroductionEntry]?

    /// Summarises `view`, listing `top` actors in each ranking.
    ///
    /// `exactBetweennessBudget`: above this many arc visits (`V · 2E`) the betweenness ranking is estimated
    /// by sampling shortest paths, seed 1, and ``betweennessEstimate`` says so.
    public init(view: NetworkView, top: Int = 10, showAllNames: Bool = false, threads: Int = defaultMetricThreadCount,
                exactBetweennessBudget: Int = NetworkSummary.exactBetweennessBudget, progress: WorkProgress? = nil) {
        let g = view.graph
        let n = g.vertexCount
        let m = view.network.manifest
        network = m.name
        title = m.title
        self.view = view.filter.summary
        nodes = n
        ties = view.ties.filter { $0.modelTie != nil }.count
        coParticipationTies = view.ties.count - ties
        edges = g.edgeCount
        activities = view.activities.count
        density = n > 1 ? Double(2 * g.edgeCount) / Double(n * (n - 1)) : 0
        let parts = g.connectedComponents()
        components = parts.count
        largestComponent = parts.sizes.max() ?? 0

        var kindCounts: [NodeKind: Int] = [:]
        for v in 0..<n { kindCounts[view.node(v).kind, default: 0] += 1 }
        nodesByKind = NodeKind.allCases.compactMap { k in kindCounts[k].map { Count(label: k.rawValue, count: $0) } }
        var tieCounts: [String: Int] = [:]
        for t in view.ties { tieCounts[t.kind, default: 0] += 1 }
        tiesByKind = tieCounts.map { Count(label: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.label) < ($0.count, $1.label) }

        func ranked(_ v: Int, _ value: Double) -> RankedNode {
            RankedNode(id: view.publicID(v, showAllNames: showAllNames), name: view.displayName(v, showAllNames: showAllNames),
                       kind: view.node(v).kind.rawValue, value: value)
        }
        let degree = g.degrees()
        isolated = (0..<n).filter { degree[$0] == 0 }.map { ranked($0, 0) }
        topByDegree = Self.top(top, degree.map(Double.init)).map { ranked($0, Double(degree[$0])) }
        let betweenness: [Double]
        if n.multipliedReportingOverflow(by: 2 * g.edgeCount).partialValue > exactBetweennessBudget {
            let estimate = g.approximateBetweenness(epsilon: Self.estimateEpsilon, delta: Self.estimateDelta, seed: 1,
                                                    threads: threads, progress: progress)
            betweenness = estimate.values
            betweennessEstimate = BetweennessEstimate(epsilon: estimate.epsilon, delta: estimate.delta, samples: estimate.samples, seed: 1)
        } else {
            betweenness = g.betweennessCentrality(normalized: true, weighted: false, threads: threads, progress: progress)
            betweennessEstimate = nil
        }
        topByBetweenness = Self.top(top, betweenness).filter { betweenness[$0] > 0 }.map { ranked($0, betweenness[$0]) }
    }

    /// Indices of the `k` largest values, ties broken by position (model order), so rankings are stable.
    static func top(_ k: Int, _ values: [Double]) -> [Int] {
        Array(values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }.prefix(k))
    }

    /// The summary as JSON (snake_case keys, sorted).
    public func json() throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        enc.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try enc.encode(self), as: UTF8.self)
    }

    /// The summary as readable text for a terminal.
    public var text: String {
        var out = ""
        out += (title ?? network) + "\n"
        out += String(repeating: "=", count: min(78, (title ?? network).count)) + "\n"
        out += "View: \(view)\n\n"
        out += "\(nodes) actors, \(ties) ties (+\(coParticipationTies) from co-participation in \(activities) activities)\n"
        out += "\(edges) distinct tied pairs, density \(Self.fixed(density, 4))\n"
        out += "\(components) connected component\(components == 1 ? "" : "s"), the largest with \(largestComponent) actors\n\n"
        out += "Actors by kind\n"
        for c in nodesByKind { out += "  \(Self.pad(c.label, 12)) \(Self.padLeft(String(c.count), 5))\n" }
        out += "\nTies by kind\n"
        for c in tiesByKind { out += "  \(Self.pad(c.label, 18)) \(Self.padLeft(String(c.count), 5))\n" }
        out += "\nIsolated actors (no tie): \(isolated.count)\n"
        for r in isolated.prefix(10) { out += "  \(r.name) [\(r.kind)]\n" }
        if isolated.count > 10 { out += "  … and \(isolated.count - 10) more\n" }
        out += "\nTop \(topByDegree.count) by degree (distinct partners)\n"
        out += Self.table(topByDegree) { String(Int($0)) }
        out += "\nTop \(topByBetweenness.count) by betweenness (normalised; share of shortest paths through the actor)\n"
        if let e = betweennessEstimate {
            out += "  estimated from \(e.samples) sampled shortest paths (the view is too large to count them all): "
                + "each value within \(Self.fixed(e.epsilon, 2)) of the exact one with probability \(Self.fixed(1 - e.delta, 2))\n"
            if (topByBetweenness.first?.value ?? 0) < e.epsilon {
                out += "  no actor stands out: every estimate is below that error, so the order below says little\n"
            }
        }
        out += Self.table(topByBetweenness) { Self.fixed($0, 4) }
        return out
    }

    private static func table(_ rows: [RankedNode], _ format: (Double) -> String) -> String {
        var out = ""
        for (i, r) in rows.enumerated() {
            let name = r.name.count > 46 ? String(r.name.prefix(45)) + "…" : r.name
            out += "  \(padLeft(String(i + 1), 2)). \(pad(name, 47)) \(pad(r.kind, 10)) \(padLeft(format(r.value), 7))\n"
        }
        return out
    }

    static func fixed(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }
    static func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
    static func padLeft(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }
}
