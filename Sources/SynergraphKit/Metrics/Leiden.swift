/// Which community search to run.
public enum CommunityMethod: String, Sendable, CaseIterable, Codable {
    /// ``Graph/louvainCommunities(seed:resolution:threshold:weighted:)``, NetworkX's Louvain.
    case louvain
    /// ``Graph/leidenCommunities(seed:resolution:weighted:maximumIterations:)``: connected communities.
    case leiden
}

extension Graph {
    /// The communities of `method`.
    public func communities(_ method: CommunityMethod, seed: UInt64, weighted: Bool = false, progress: WorkProgress? = nil) -> CommunityPartition {
        switch method {
        case .louvain: return louvainCommunities(seed: seed, weighted: weighted, progress: progress)
        case .leiden: return leidenCommunities(seed: seed, weighted: weighted, progress: progress)
        }
    }

    /// Leiden community detection (Traag, Waltman and van Eck 2019), maximising modularity with
    /// resolution `γ`; every community it returns is connected.
    ///
    /// Definition: modularity `Q = Σ_c [ w_in(c)/m − γ (K_c / 2m)² ]` (undirected; `w_in` the weight inside
    /// `c`, `K_c` its total strength, `m` the total weight), the same quality Louvain maximises.
    ///
    /// One iteration:
    /// 1. Local moving from the current partition `P`: the paper's fast local move (`_LouvainLocalMoving.swift`
    ///    with `exhaustive: false`): a queue, first every vertex in a seeded random order, then the neighbours
    ///    of moved vertices outside their new community; the level ends when the queue is empty (without
    ///    Louvain's screen and closing full passes, which cost more than a further iteration gains).
    /// 2. If every (aggregate) vertex is alone in its community, the iteration ends.
    /// 3. Refinement: inside each community `S` of `P`, start from singletons and visit the vertices in a
    ///    seeded random order; a vertex `v` still alone, and well connected to `S`
    ///    (`w(v, S − v) ≥ γ k_v (K_S − k_v) / 2m`), joins the neighbouring refined community `C ⊆ S` that is
    ///    itself well connected to `S` (`w(C, S − C) ≥ γ K_C (K_S − K_C) / 2m`) and has the largest
    ///    modularity gain `w(v, C)/m − γ k_v K_C / 2m²`, if that gain is not negative. The paper draws `C`
    ///    at random with probability ∝ `exp(gain/θ)`; here `θ → 0` (the best merge; ties: the first
    ///    neighbouring community met), which keeps the guarantee and gave the higher modularity on the
    ///    benchmark graphs. Refined communities grow only along edges, so each is connected.
    /// 4. Aggregation: the refined communities become the vertices of the next level, whose starting
    ///    partition is `P` (so a community of `P` may hold several aggregate vertices), then back to 1.
    ///    If refinement merged nothing, `P` itself is aggregated so that the level still shrinks.
    ///
    /// Iterations repeat from the partition found until one improves modularity by at most `1e-7`, or
    /// `maximumIterations`. Last, each community is split into its connected components: that can only
    /// raise modularity (no edge crosses the split, so only the `−γ (K/2m)²` terms change, and they drop),
    /// and it makes connectedness unconditional even where step 4 aggregated `P`.
    ///
    /// - Directed graphs: the search runs on the undirected view (arcs as edges, reciprocal arcs summed),
    ///   as `simple` graphs in the metrics report are undirected anyway; modularity is then reported on `self`.
    /// - Determinism: the same seed gives the same partition, bit for bit (one SplitMix64 stream drives the
    ///   shuffles of local moving and refinement); numbering by smallest vertex.
    /// - Weights: `weighted` uses edge weights; otherwise 1 per edge. A graph without edges yields singletons.
    /// - Complexity: O(E) per level for refinement and aggregation (the bottom level reuses the graph's rows;
    ///   aggregation buckets vertices by community, no edge sort) plus local moving's cost (see
    ///   ``louvainCommunities(seed:resolution:threshold:weighted:)``); O(log V) levels in practice.
    /// - Reference: V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden: guaranteeing
    ///   well-connected communities", Scientific Reports 9:5233, 2019. doi:10.1038/s41598-019-41695-z
    public func leidenCommunities(
        seed: UInt64 = 0, resolution: Double = 1, weighted: Bool = false, maximumIterations: Int = 8,
        progress: WorkProgress? = nil
    ) -> CommunityPartition {
        let n = vertexCount
        guard edgeCount > 0 else {
            return CommunityPartition(communityOf: Array(0..<n), count: n, modularity: nil)
        }
        let undirected = isDirected ? _undirectedView() : self
        let bottom = _LouvainLevel(leidenBottom: undirected, weighted: weighted)
        let m = bottom.totalWeight
        var rng = _SplitMix64(seed: seed)
        var partition = Array(0..<n)
        var quality = bottom.modularity(of: partition, m: m, resolution: resolution)
        progress?.start("Leiden levels", total: 0)
        for _ in 0..<max(1, maximumIterations) {
            let next = Self._leidenIteration(bottom, start: partition, m: m, resolution: resolution, rng: &rng, progress: progress)
            let q = bottom.modularity(of: next, m: m, resolution: resolution)
            if q > quality { partition = next }
            if q - quality <= 1e-7 { break }
            quality = q
        }
        let labels = undirected._connectedPieces(of: partition)
        let count = (labels.max() ?? -1) + 1
        return CommunityPartition(communityOf: labels, count: count,
                                  modularity: modularity(communityOf: labels, weighted: weighted, resolution: resolution))
    }

    /// One Leiden iteration from `start` (dense labels on `bottom`); returns dense labels on `bottom`.
    static func _leidenIteration(_ bottom: _LouvainLevel, start: [Int], m: Double, resolution: Double,
                                 rng: inout _SplitMix64, progress: WorkProgress?) -> [Int] {
        var level = bottom
        var membership = Array(0..<bottom.n)  // bottom vertex → vertex of `level`
        var p = start
        while true {
            let (moved, _) = level.oneLevel(m: m, resolution: resolution, rng: &rng, start: p, exhaustive: false)
            p = moved
            progress?.advance()
            let communities = (p.max() ?? -1) + 1
            if communities == level.n { break }
            var refined = level.leidenRefinement(of: p, communities: communities, m: m, resolution: resolution, rng: &rng)
            var refinedCount = (refined.max() ?? -1) + 1
            if refinedCount == level.n {
                refined = p
                refinedCount = communities
            }
            var next = [Int](repeating: 0, count: refinedCount)
            for v in 0..<level.n { next[refined[v]] = p[v] }
            for v in 0..<membership.count { membership[v] = refined[membership[v]] }
            level = level.leidenAggregated(by: refined, count: refinedCount)
            p = next
        }
        return membership.map { p[$0] }
    }

    /// The arcs as undirected edges (reciprocal arcs summed), for the community search on a directed graph.
    func _undirectedView() -> Graph {
        var edges: [Graph.Edge] = []
        edges.reserveCapacity(targets.count)
        for v in 0..<vertexCount {
            for i in offsets[v]..<offsets[v + 1] {
                edges.append(.init(Int32(v), targets[i], weight: weights.isEmpty ? 1 : weights[i]))
            }
        }
        return Graph(vertexCount: vertexCount, edges: edges, directed: false)
    }

    /// Labels `0..<k` that split every community of `community` into its connected pieces (in this graph),
    /// numbered by smallest vertex.
    func _connectedPieces(of community: [Int]) -> [Int] {
        let n = vertexCount
        var label = [Int](repeating: -1, count: n)
        var stack: [Int] = []
        var next = 0
        for root in 0..<n where label[root] < 0 {
            label[root] = next
            stack.append(root)
            while let v = stack.popLast() {
                for i in offsets[v]..<offsets[v + 1] {
                    let w = Int(targets[i])
                    if label[w] < 0 && community[w] == community[v] { label[w] = next; stack.append(w) }
                }
            }
            next += 1
        }
        return label
    }
}

extension _LouvainLevel {
    /// The bottom level of an undirected graph without a rebuild: its rows are already symmetric, sorted and
    /// free of self-loops and parallel edges.
    init(leidenBottom g: Graph, weighted: Bool) {
        precondition(!g.isDirected)
        let n = g.vertexCount
        let w = weighted ? g.weights : [Double](repeating: 1, count: g.targets.count)
        var degree = [Double](repeating: 0, count: n)
        for v in 0..<n {
            var s = 0.0
            for i in g.offsets[v]..<g.offsets[v + 1] { s += w[i] }
            degree[v] = s
        }
        self.init(directed: false, n: n, offsets: g.offsets, targets: g.targets, weights: w,
                  selfLoop: [Double](repeating: 0, count: n), outDegree: degree, inDegree: degree)
    }

    /// Contracts each of the `count` communities (dense labels) into one vertex in O(V + E): members are
    /// bucketed by community, and each community's row is gathered in a scatter array and sorted by target
    /// (rows stay ascending, as ``aggregated(by:)`` leaves them). Undirected levels only.
    func leidenAggregated(by community: [Int], count k: Int) -> _LouvainLevel {
        precondition(!directed)
        var first = [Int](repeating: 0, count: k + 1)
        for u in 0..<n { first[community[u] + 1] += 1 }
        for c in 0..<k { first[c + 1] += first[c] }
        var fill = first, members = [Int](repeating: 0, count: n)
        for u in 0..<n { members[fill[community[u]]] = u; fill[community[u]] += 1 }
        var loops = [Double](repeating: 0, count: k), degree = [Double](repeating: 0, count: k)
        var newOffsets = [Int](repeating: 0, count: k + 1)
        var newTargets: [Int32] = [], newWeights: [Double] = []
        newTargets.reserveCapacity(targets.count / 2)
        newWeights.reserveCapacity(targets.count / 2)
        var scatter = [Double](repeating: 0, count: k)
        var isTouched = [Bool](repeating: false, count: k)
        var touched: [Int32] = []
        for c in 0..<k {
            for j in first[c]..<first[c + 1] {
                let u = members[j]
                loops[c] += selfLoop[u]
                degree[c] += outDegree[u]
                for i in offsets[u]..<offsets[u + 1] {
                    let t = Int(targets[i]), d = community[t]
                    if d == c {
                        if t > u { loops[c] += weights[i] }
                    } else {
                        if !isTouched[d] { isTouched[d] = true; touched.append(Int32(d)) }
                        scatter[d] += weights[i]
                    }
                }
            }
            touched.sort()
            for d in touched {
                newTargets.append(d)
                newWeights.append(scatter[Int(d)])
                scatter[Int(d)] = 0
                isTouched[Int(d)] = false
            }
            touched.removeAll(keepingCapacity: true)
            newOffsets[c + 1] = newTargets.count
        }
        return _LouvainLevel(directed: false, n: k, offsets: newOffsets, targets: newTargets, weights: newWeights,
                             selfLoop: loops, outDegree: degree, inDegree: degree)
    }

    /// Leiden's refinement of `p` (dense labels, `communities` of them): see
    /// ``Graph/leidenCommunities(seed:resolution:weighted:maximumIterations:)``. Returns dense labels of
    /// the refined communities, each inside one community of `p`.
    func leidenRefinement(of p: [Int], communities: Int, m: Double, resolution: Double,
                          rng: inout _SplitMix64) -> [Int] {
        precondition(!directed)
        var refined = Array(0..<n)
        var size = [Int](repeating: 1, count: n)
        var strength = outDegree  // K of each refined community
        var total = [Double](repeating: 0, count: communities)  // K_S
        for v in 0..<n { total[p[v]] += outDegree[v] }
        // w(C, S − C) of each refined community C (initially w(v, S − v)).
        var external = [Double](repeating: 0, count: n)
        for v in 0..<n {
            for i in offsets[v]..<offsets[v + 1] where p[Int(targets[i])] == p[v] { external[v] += weights[i] }
        }
        let twoM = 2 * m, twoMSquared = 2 * m * m
        var toCommunity = [Double](repeating: 0, count: n)
        var isTouched = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        var order = Array(0..<n)
        order.shuffle(using: &rng)
        for v in order {
            guard size[refined[v]] == 1 else { continue }
            let s = p[v], kv = outDegree[v]
            guard external[v] >= resolution * kv * (total[s] - kv) / twoM else { continue }
            for i in offsets[v]..<offsets[v + 1] {
                let u = Int(targets[i])
                guard p[u] == s else { continue }
                let c = refined[u]
                if !isTouched[c] { isTouched[c] = true; touched.append(c) }
                toCommunity[c] += weights[i]
            }
            let own = refined[v]
            var best = own, bestGain = 0.0
            for c in touched where c != own {
                let k = strength[c]
                guard external[c] >= resolution * k * (total[s] - k) / twoM else { continue }
                let gain = toCommunity[c] / m - resolution * kv * k / twoMSquared
                if gain >= 0 && (best == own || gain > bestGain) { best = c; bestGain = gain }
            }
            if best != own {
                external[best] += external[v] - 2 * toCommunity[best]
                strength[best] += kv
                size[best] += 1
                size[own] = 0
                refined[v] = best
            }
            for c in touched { toCommunity[c] = 0; isTouched[c] = false }
            touched.removeAll(keepingCapacity: true)
        }
        var renumber = [Int](repeating: -1, count: n), next = 0
        return refined.map { c in
            if renumber[c] < 0 { renumber[c] = next; next += 1 }
            return renumber[c]
        }
    }
}
