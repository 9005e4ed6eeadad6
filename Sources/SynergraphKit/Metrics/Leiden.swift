/// Which community search to run.
public enum CommunityMethod: String, Sendable, CaseIterable, Codable {
    /// ``Graph/louvainCommunities(seed:resolution:threshold:weighted:)``, NetworkX's Louvain.
    case louvain
    /// ``Graph/leidenCommunities(seed:resolution:weighted:maximumIterations:tolerance:progress:)``: connected
    /// communities; the default of `synergraph metrics`, maps and the atlas.
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
    /// 1. Local moving from the current partition `P`: the paper's fast local move (`_LeidenLocalMoving.swift`):
    ///    a queue, first every vertex in a seeded random order, then the neighbours of moved vertices outside
    ///    their new community; the level ends when the queue is empty.
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
    /// Stopping rule: each iteration starts from the partition the previous one found, and iterations stop
    /// after the first one that raises modularity by at most `tolerance` times its value (relative gain;
    /// default 0.2 %), or after `maximumIterations` (default 50). An iteration never lowers modularity (local
    /// moving makes only positive moves, refinement and aggregation keep `P`), so the rule also stops when
    /// the partition no longer changes. On the uniform random benchmark graphs (seed 1) it stops after 6
    /// iterations at 10k/50k and 8 at 100k/1M (`Scripts/bench-results.md`). Last, each community is split into its connected components: that can only
    /// raise modularity (no edge crosses the split, so only the `−γ (K/2m)²` terms change, and they drop),
    /// and it makes connectedness unconditional even where step 4 aggregated `P`.
    ///
    /// - Directed graphs: the search runs on the undirected view (arcs as edges, reciprocal arcs summed),
    ///   as `simple` graphs in the metrics report are undirected anyway; modularity is then reported on `self`.
    /// - Determinism: the same seed gives the same partition, bit for bit (one SplitMix64 stream drives the
    ///   shuffles of local moving and refinement); numbering by smallest vertex.
    /// - Weights: `weighted` uses edge weights; otherwise 1 per edge. A graph without edges yields singletons.
    /// - Complexity: O(E) per level for refinement and aggregation (the bottom level reuses the graph's rows;
    ///   aggregation buckets vertices by community and gathers each row in a dense scatter array, no sort),
    ///   plus O(deg v) per local-moving visit; O(log V) levels per iteration in practice (on a uniform random
    ///   graph the refined communities are mostly pairs, so each level halves V but keeps most of E).
    ///   Modularity after each iteration is computed on its top level, not on the graph. Memory O(V + E).
    /// - Reference: V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden: guaranteeing
    ///   well-connected communities", Scientific Reports 9:5233, 2019. doi:10.1038/s41598-019-41695-z
    public func leidenCommunities(
        seed: UInt64 = 0, resolution: Double = 1, weighted: Bool = false,
        maximumIterations: Int = Graph.leidenDefaultMaximumIterations,
        tolerance: Double = Graph.leidenDefaultTolerance, progress: WorkProgress? = nil
    ) -> CommunityPartition {
        let n = vertexCount
        guard edgeCount > 0 else {
            return CommunityPartition(communityOf: Array(0..<n), count: n, modularity: nil)
        }
        let undirected = isDirected ? _undirectedView() : self
        let bottom = _LeidenLevel(bottom: undirected, weighted: weighted)
        let m = bottom.totalWeight
        var rng = _SplitMix64(seed: seed)
        var partition = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            for v in 0..<n { buffer[v] = Int32(v) }
            count = n
        }
        var quality = -Double.infinity
        progress?.start("Leiden levels", total: 0)
        for _ in 0..<max(1, maximumIterations) {
            let (next, q) = Self._leidenIteration(bottom, start: partition, m: m, resolution: resolution, rng: &rng,
                                                   progress: progress)
            let gain = q - quality
            if q > quality { partition = next; quality = q }
            if !(gain > tolerance * abs(q)) { break }
        }
        let labels = undirected._connectedPieces(of: partition)
        let count = (labels.max() ?? -1) + 1
        return CommunityPartition(communityOf: labels, count: count,
                                  modularity: modularity(communityOf: labels, weighted: weighted, resolution: resolution))
    }

    /// At most this many iterations by default (see ``leidenCommunities(seed:resolution:weighted:maximumIterations:tolerance:progress:)``).
    public static let leidenDefaultMaximumIterations = 50
    /// Iterations stop by default once one raises modularity by at most this fraction of it.
    public static let leidenDefaultTolerance = 2e-3

    /// One Leiden iteration from `start` (labels on `bottom`); returns labels on `bottom` and their modularity
    /// (computed on the top level, which holds the same partition contracted).
    static func _leidenIteration(_ bottom: _LeidenLevel, start: [Int32], m: Double, resolution: Double,
                                 rng: inout _SplitMix64, progress: WorkProgress?) -> ([Int32], Double) {
        var level = bottom
        var membership: [Int32]? = nil  // bottom vertex → vertex of `level` (nil: the identity)
        var p = start
        while true {
            let (moved, communities) = level.fastLocalMove(from: p, m: m, resolution: resolution, rng: &rng)
            p = moved
            progress?.advance()
            if communities == level.n { break }
            var (refined, refinedCount) = level.refinement(of: p, communities: communities, m: m,
                                                           resolution: resolution, rng: &rng)
            if refinedCount == level.n {
                refined = p
                refinedCount = communities
            }
            var next = [Int32](repeating: 0, count: refinedCount)
            for v in 0..<level.n { next[Int(refined[v])] = p[v] }
            if var composed = membership {
                for v in 0..<composed.count { composed[v] = refined[Int(composed[v])] }
                membership = composed
            } else {
                membership = refined
            }
            level = level.aggregated(by: refined, count: refinedCount)
            p = next
        }
        let q = level.modularity(of: p, m: m, resolution: resolution)
        guard let membership else { return (p, q) }
        return (membership.map { p[Int($0)] }, q)
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
    func _connectedPieces(of community: [Int32]) -> [Int] {
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


/// One level of Leiden's hierarchy, always undirected: symmetric rows without self-loops, each vertex's
/// self-loop weight (the weight inside the refined community it stands for, counted once) and its strength
/// (self-loop counted twice).
struct _LeidenLevel {
    let n: Int
    let offsets: [Int]
    let targets: [Int32]
    /// Arc weights aligned with ``targets``; empty when every arc weighs 1 (the unweighted bottom level, whose
    /// rows are the graph's own).
    let weights: [Double]
    let selfLoop: [Double]
    let degree: [Double]

    /// Total edge weight `m` (self-loops once).
    var totalWeight: Double {
        var s = 0.0
        for d in degree { s += d }
        return s / 2
    }

    /// The bottom level of an undirected graph without a rebuild: its rows are already symmetric and free of
    /// self-loops and parallel edges.
    init(bottom g: Graph, weighted: Bool) {
        precondition(!g.isDirected)
        n = g.vertexCount
        offsets = g.offsets
        targets = g.targets
        weights = weighted ? g.weights : []
        selfLoop = [Double](repeating: 0, count: n)
        var strength = [Double](repeating: 0, count: n)
        for v in 0..<n {
            if weighted {
                var s = 0.0
                for i in g.offsets[v]..<g.offsets[v + 1] { s += g.weights[i] }
                strength[v] = s
            } else {
                strength[v] = Double(g.offsets[v + 1] - g.offsets[v])
            }
        }
        degree = strength
    }

    init(n: Int, offsets: [Int], targets: [Int32], weights: [Double], selfLoop: [Double], degree: [Double]) {
        self.n = n; self.offsets = offsets; self.targets = targets; self.weights = weights
        self.selfLoop = selfLoop; self.degree = degree
    }

    /// Modularity of `community` (labels below `n`) on this level; equal to the modularity of the
    /// partition it stands for on the bottom level.
    func modularity(of community: [Int32], m: Double, resolution: Double) -> Double {
        var inside = [Double](repeating: 0, count: n)
        var strength = [Double](repeating: 0, count: n)
        for u in 0..<n {
            let c = Int(community[u])
            inside[c] += selfLoop[u]
            strength[c] += degree[u]
            for i in offsets[u]..<offsets[u + 1] where Int(targets[i]) > u && Int(community[Int(targets[i])]) == c {
                inside[c] += weights.isEmpty ? 1 : weights[i]
            }
        }
        var q = 0.0
        let norm = 1 / ((2 * m) * (2 * m))
        for c in 0..<n where strength[c] > 0 { q += inside[c] / m - resolution * strength[c] * strength[c] * norm }
        return q
    }

    /// Contracts each of the `count` communities (dense labels) into one vertex in O(V + E): members are
    /// bucketed by community, and each community's row is gathered in a dense scatter array, marked by the
    /// community that last wrote each entry (so nothing is reset), in the order its neighbours are first met.
    func aggregated(by community: [Int32], count k: Int) -> _LeidenLevel {
        var first = [Int](repeating: 0, count: k + 1)
        for u in 0..<n { first[Int(community[u]) + 1] += 1 }
        for c in 0..<k { first[c + 1] += first[c] }
        var fill = first, members = [Int32](repeating: 0, count: n)
        for u in 0..<n {
            let c = Int(community[u])
            members[fill[c]] = Int32(u)
            fill[c] += 1
        }
        var loops = [Double](repeating: 0, count: k), strength = [Double](repeating: 0, count: k)
        var newOffsets = [Int](repeating: 0, count: k + 1)
        var scatter = [Double](repeating: 0, count: k)
        var mark = [Int32](repeating: -1, count: k)
        var touched = [Int32](repeating: 0, count: k)
        let unitWeights = weights.isEmpty
        // At most one arc per arc of this level; the rows are written into scratch buffers, then copied.
        let outTargets = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, targets.count))
        let outWeights = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, targets.count))
        defer { outTargets.deallocate(); outWeights.deallocate() }
        var arcs = 0
        offsets.withUnsafeBufferPointer { off in
        targets.withUnsafeBufferPointer { tgt in
        weights.withUnsafeBufferPointer { wgt in
        community.withUnsafeBufferPointer { com in
        members.withUnsafeBufferPointer { mem in
        scatter.withUnsafeMutableBufferPointer { sc in
        mark.withUnsafeMutableBufferPointer { mk in
        touched.withUnsafeMutableBufferPointer { list in
            for c in 0..<k {
                var loop = 0.0, insideTwice = 0.0, s = 0.0, listed = 0
                let c32 = Int32(c)
                for j in first[c]..<first[c + 1] {
                    let u = Int(mem[j])
                    loop += selfLoop[u]
                    s += degree[u]
                    for i in off[u]..<off[u + 1] {
                        let d = Int(com[Int(tgt[i])])
                        let w = unitWeights ? 1 : wgt[i]
                        if d == c {
                            insideTwice += w  // each inside edge is met from both ends
                        } else if mk[d] != c32 {
                            mk[d] = c32
                            sc[d] = w
                            list[listed] = Int32(d)
                            listed += 1
                        } else {
                            sc[d] += w
                        }
                    }
                }
                loops[c] = loop + insideTwice / 2
                strength[c] = s
                for t in 0..<listed {
                    let d = list[t]
                    outTargets[arcs] = d
                    outWeights[arcs] = sc[Int(d)]
                    arcs += 1
                }
                newOffsets[c + 1] = arcs
            }
        }}}}}}}}
        let newTargets = Array(outTargets[0..<arcs]), newWeights = Array(outWeights[0..<arcs])
        return _LeidenLevel(n: k, offsets: newOffsets, targets: newTargets, weights: newWeights,
                            selfLoop: loops, degree: strength)
    }

    /// Leiden's refinement of `p` (dense labels, `communities` of them): see
    /// ``Graph/leidenCommunities(seed:resolution:weighted:maximumIterations:tolerance:progress:)``. Returns
    /// dense labels of the refined communities (in order of first member), each inside one community of `p`
    /// and connected, and their number.
    func refinement(of p: [Int32], communities: Int, m: Double, resolution: Double,
                    rng: inout _SplitMix64) -> (labels: [Int32], count: Int) {
        var order = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            for v in 0..<n { buffer[v] = Int32(v) }
            count = n
        }
        order.shuffle(using: &rng)
        var refined = order  // overwritten below with the identity
        for v in 0..<n { refined[v] = Int32(v) }
        var alone = [Bool](repeating: true, count: n)  // whether refined community `v` is still the singleton {v}
        var strength = degree  // K of each refined community
        var total = [Double](repeating: 0, count: communities)  // K_S
        for v in 0..<n { total[Int(p[v])] += degree[v] }
        // w(C, S − C) of each refined community C (initially w(v, S − v)).
        var external = [Double](repeating: 0, count: n)
        let unitWeights = weights.isEmpty
        let scale = resolution / (2 * m)
        var toCommunity = [Double](repeating: 0, count: n)
        var isTouched = [Bool](repeating: false, count: n)
        var touched = [Int32](repeating: 0, count: n)

        offsets.withUnsafeBufferPointer { off in
        targets.withUnsafeBufferPointer { tgt in
        weights.withUnsafeBufferPointer { wgt in
        degree.withUnsafeBufferPointer { deg in
        p.withUnsafeBufferPointer { part in
        refined.withUnsafeMutableBufferPointer { ref in
        alone.withUnsafeMutableBufferPointer { single in
        strength.withUnsafeMutableBufferPointer { str in
        external.withUnsafeMutableBufferPointer { ext in
        toCommunity.withUnsafeMutableBufferPointer { toC in
        isTouched.withUnsafeMutableBufferPointer { marked in
        touched.withUnsafeMutableBufferPointer { list in
            for v in 0..<n {
                let s = part[v]
                var e = 0.0
                for i in off[v]..<off[v + 1] where part[Int(tgt[i])] == s { e += unitWeights ? 1 : wgt[i] }
                ext[v] = e
            }
            for j in 0..<n {
                let v = Int(order[j])
                guard single[Int(ref[v])] else { continue }
                let s = part[v], kv = deg[v], ks = total[Int(s)]
                // v itself well connected to S.
                guard ext[v] >= kv * (ks - kv) * scale else { continue }
                var listed = 0
                for i in off[v]..<off[v + 1] {
                    let u = Int(tgt[i])
                    guard part[u] == s else { continue }
                    let c = Int(ref[u])
                    if !marked[c] { marked[c] = true; list[listed] = Int32(c); listed += 1 }
                    toC[c] += unitWeights ? 1 : wgt[i]
                }
                let own = Int(ref[v])
                var best = own, bestGain = 0.0
                let kScale = kv * scale
                for t in 0..<listed {
                    let c = Int(list[t])
                    guard c != own else { continue }
                    let k = str[c]
                    // C well connected to S, and the merge does not lower modularity.
                    guard ext[c] >= k * (ks - k) * scale else { continue }
                    let gain = toC[c] - kScale * k
                    if gain >= 0 && (best == own || gain > bestGain) { best = c; bestGain = gain }
                }
                if best != own {
                    ext[best] += ext[v] - 2 * toC[best]
                    str[best] += kv
                    single[best] = false
                    single[own] = false
                    ref[v] = Int32(best)
                }
                for t in 0..<listed {
                    let c = Int(list[t])
                    toC[c] = 0
                    marked[c] = false
                }
            }
        }}}}}}}}}}}}
        var renumber = [Int32](repeating: -1, count: n), next: Int32 = 0
        for v in 0..<n {
            let c = Int(refined[v])
            if renumber[c] < 0 { renumber[c] = next; next += 1 }
            refined[v] = renumber[c]
        }
        return (refined, Int(next))
    }
}
