/// A partition of the vertices into communities.
public struct CommunityPartition: Sendable, Equatable {
    /// The community of every vertex; communities are numbered `0..<count` in order of their smallest vertex.
    public let communityOf: [Int]
    /// Number of communities.
    public let count: Int
    /// Modularity of the partition on the graph it was computed for (`nil` when the graph has no edges).
    public let modularity: Double?

    /// The vertices of each community, ascending.
    public var members: [[Int]] {
        var m = [[Int]](repeating: [], count: count)
        for (v, c) in communityOf.enumerated() { m[c].append(v) }
        return m
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded generator, so Louvain runs are reproducible on
/// every platform and Swift version (the standard library's generator is neither seedable nor stable).
struct _SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Graph {
    /// Louvain community detection, a port of `nx.community.louvain_communities(G, resolution=1, threshold=1e-7, seed=…)`.
    ///
    /// Each level visits the (aggregated) vertices in one random order — a Fisher–Yates shuffle of
    /// `0..<n` driven by SplitMix64 seeded with `seed`, reused for every pass of the level — and moves each
    /// vertex to the neighbouring community with the largest positive modularity gain (ties: the first
    /// neighbouring community met in ascending neighbour order; staying put wins a tie at 0). Passes repeat
    /// until no vertex moves; then communities are contracted into weighted vertices (intra-community weight
    /// becomes a self-loop) and the next level runs, until a level improves modularity by at most `threshold`.
    /// The gain formula is NetworkX's, with resolution `γ = 1` by default.
    ///
    /// - Determinism: the same seed gives the same partition; a given seed does *not* reproduce NetworkX's
    ///   partition for the same seed (Python's Mersenne Twister shuffle is not replicated).
    /// - Directed graphs: run on the undirected view (arc weights of both directions summed) and scored with
    ///   undirected modularity — NetworkX's directed Louvain variant is not implemented.
    /// - Weights: `weighted` uses edge weights (NetworkX's default); otherwise 1 per edge.
    /// - A graph without edges yields singletons.
    /// - Complexity: roughly O(E) per pass, a few passes per level, O(log V) levels in practice.
    /// - Reference: V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, "Fast unfolding of
    ///   communities in large networks", J. Stat. Mech. P10008, 2008. doi:10.1088/1742-5468/2008/10/P10008
    public func louvainCommunities(
        seed: UInt64 = 0, resolution: Double = 1, threshold: Double = 1e-7, weighted: Bool = false
    ) -> CommunityPartition {
        let g = isDirected ? undirected() : self
        let n = g.vertexCount
        var membership = Array(0..<n)
        guard g.edgeCount > 0 else {
            return CommunityPartition(communityOf: membership, count: n, modularity: nil)
        }
        var level = _LouvainLevel(g, weighted: weighted)
        let m = level.totalWeight
        var rng = _SplitMix64(seed: seed)
        var mod = level.modularity(of: Array(0..<level.n), m: m, resolution: resolution)
        while true {
            let (inner, moved) = level.oneLevel(m: m, resolution: resolution, rng: &rng)
            for v in 0..<n { membership[v] = inner[membership[v]] }
            let newMod = level.modularity(of: inner, m: m, resolution: resolution)
            if !moved || newMod - mod <= threshold { break }
            mod = newMod
            level = level.aggregated(by: inner)
        }
        // Refinement (not in NetworkX): one more round of local moving of the original vertices, starting
        // from the final partition. It never lowers modularity and usually lifts it a little.
        let bottom = _LouvainLevel(g, weighted: weighted)
        var dense = [Int](repeating: -1, count: n), used = 0
        for v in 0..<n where dense[membership[v]] < 0 { dense[membership[v]] = used; used += 1 }
        let start = membership.map { dense[$0] }
        let (refined, _) = bottom.oneLevel(m: m, resolution: resolution, rng: &rng, start: start)
        if bottom.modularity(of: refined, m: m, resolution: resolution) > bottom.modularity(of: start, m: m, resolution: resolution) {
            membership = refined
        }
        // Canonical numbering by smallest vertex.
        var map = [Int: Int]()
        let labels = membership.map { c -> Int in
            if let x = map[c] { return x }
            map[c] = map.count
            return map.count - 1
        }
        let q = g.modularity(communityOf: labels, weighted: weighted, resolution: resolution)
        return CommunityPartition(communityOf: labels, count: map.count, modularity: q)
    }
}

/// One level of the Louvain hierarchy: a weighted undirected graph with self-loop weights.
struct _LouvainLevel {
    let n: Int
    let offsets: [Int]
    let targets: [Int32]
    let weights: [Double]
    /// Weight of each vertex's self-loop (intra-community weight of the level below), counted once.
    let selfLoop: [Double]
    /// Weighted degree, self-loop counted twice (NetworkX's `G.degree(weight=…)`).
    let degree: [Double]

    /// Total edge weight `m` (self-loops once).
    var totalWeight: Double {
        var s = 0.0
        for d in degree { s += d }
        return s / 2
    }

    init(_ g: Graph, weighted: Bool) {
        n = g.vertexCount
        offsets = g.offsets
        targets = g.targets
        weights = weighted ? g.weights : [Double](repeating: 1, count: g.targets.count)
        selfLoop = [Double](repeating: 0, count: n)
        var d = [Double](repeating: 0, count: n)
        for v in 0..<n { for i in offsets[v]..<offsets[v + 1] { d[v] += weights[i] } }
        degree = d
    }

    init(n: Int, offsets: [Int], targets: [Int32], weights: [Double], selfLoop: [Double], degree: [Double]) {
        self.n = n; self.offsets = offsets; self.targets = targets; self.weights = weights
        self.selfLoop = selfLoop; self.degree = degree
    }

    /// Local moving. Returns each vertex's community, renumbered densely `0..<k` in order of community
    /// index (NetworkX keeps the non-empty communities in index order), and whether any vertex moved.
    func oneLevel(m: Double, resolution: Double, rng: inout _SplitMix64, start: [Int]? = nil) -> ([Int], Bool) {
        var community = start ?? Array(0..<n)
        var stot = [Double](repeating: 0, count: n)
        for v in 0..<n { stot[community[v]] += degree[v] }
        var order = Array(0..<n)
        order.shuffle(using: &rng)
        var toCommunity = [Double](repeating: 0, count: n)
        var isTouched = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        var improvement = false
        var moves = 1
        let twoMSquared = 2 * m * m
        while moves > 0 {
            moves = 0
            for u in order {
                let own = community[u]
                var bestGain = 0.0
                var best = own
                for i in offsets[u]..<offsets[u + 1] {
                    let c = community[Int(targets[i])]
                    if !isTouched[c] { isTouched[c] = true; touched.append(c) }
                    toCommunity[c] += weights[i]
                }
                let d = degree[u]
                stot[own] -= d
                let removeCost = -toCommunity[own] / m + resolution * (stot[own] * d) / twoMSquared
                for c in touched {
                    let gain = removeCost + toCommunity[c] / m - resolution * (stot[c] * d) / twoMSquared
                    if gain > bestGain { bestGain = gain; best = c }
                }
                stot[best] += d
                for c in touched { toCommunity[c] = 0; isTouched[c] = false }
                touched.removeAll(keepingCapacity: true)
                if best != own {
                    community[u] = best
                    improvement = true
                    moves += 1
                }
            }
        }
        var renumber = [Int](repeating: -1, count: n)
        var used = [Bool](repeating: false, count: n)
        for c in community { used[c] = true }
        var next = 0
        for c in 0..<n where used[c] { renumber[c] = next; next += 1 }
        return (community.map { renumber[$0] }, improvement)
    }

    /// Modularity of `community` (dense labels) on this level, as NetworkX computes it on the level graph.
    func modularity(of community: [Int], m: Double, resolution: Double) -> Double {
        let k = (community.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: k)
        var degreeSum = [Double](repeating: 0, count: k)
        for u in 0..<n {
            let c = community[u]
            inside[c] += selfLoop[u]
            degreeSum[c] += degree[u]
            for i in offsets[u]..<offsets[u + 1] where community[Int(targets[i])] == c && Int(targets[i]) > u {
                inside[c] += weights[i]
            }
        }
        let norm = 1 / ((2 * m) * (2 * m))
        var q = 0.0
        for c in 0..<k { q += inside[c] / m - resolution * degreeSum[c] * degreeSum[c] * norm }
        return q
    }

    /// Contracts each community into one vertex.
    func aggregated(by community: [Int]) -> _LouvainLevel {
        let k = (community.max() ?? -1) + 1
        var loops = [Double](repeating: 0, count: k)
        var deg = [Double](repeating: 0, count: k)
        var edges: [Graph.Edge] = []
        for u in 0..<n {
            let cu = community[u]
            loops[cu] += selfLoop[u]
            deg[cu] += degree[u]
            for i in offsets[u]..<offsets[u + 1] where Int(targets[i]) > u {
                let cv = community[Int(targets[i])]
                if cu == cv { loops[cu] += weights[i] } else { edges.append(.init(Int32(cu), Int32(cv), weight: weights[i])) }
            }
        }
        let g = Graph(vertexCount: k, edges: edges, directed: false)
        return _LouvainLevel(n: k, offsets: g.offsets, targets: g.targets, weights: g.weights, selfLoop: loops, degree: deg)
    }
}
