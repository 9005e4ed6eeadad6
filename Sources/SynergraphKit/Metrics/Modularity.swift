extension Graph {
    /// Newman–Girvan modularity of a partition, as `nx.community.modularity(G, communities, weight=…, resolution=…)`.
    ///
    /// - Undirected: `Q = Σ_c [ L_c / m − γ (D_c / 2m)² ]`, `L_c` the weight inside community `c`, `D_c` the
    ///   summed (weighted) degree of its vertices, `m` the total edge weight.
    /// - Directed: `Q = Σ_c [ L_c / m − γ D⁺_c D⁻_c / m² ]` with out- and in-strength sums.
    /// - Weights: `weighted` uses edge weights (NetworkX's default `weight="weight"`); otherwise 1 per edge.
    /// - Parameter communityOf: one community label (any integers) per vertex.
    /// - Returns `nil` when the graph has no edges (NetworkX divides by zero there).
    /// - Complexity: O(V + E + K) for K labels.
    /// - Reference: M. E. J. Newman, "Analysis of weighted networks", Physical Review E 70:056131, 2004;
    ///   E. A. Leicht and M. E. J. Newman, "Community structure in directed networks", PRL 100:118703, 2008.
    public func modularity(communityOf: [Int], weighted: Bool = false, resolution: Double = 1) -> Double? {
        precondition(communityOf.count == vertexCount, "one community per vertex")
        var index: [Int: Int] = [:]
        var dense = [Int](repeating: 0, count: vertexCount)
        for v in 0..<vertexCount {
            if let i = index[communityOf[v]] { dense[v] = i } else { dense[v] = index.count; index[communityOf[v]] = index.count }
        }
        let k = index.count
        var inside = [Double](repeating: 0, count: k)
        var outSum = [Double](repeating: 0, count: k)
        var inSum = [Double](repeating: 0, count: k)
        var total = 0.0
        for u in 0..<vertexCount {
            for i in offsets[u]..<offsets[u + 1] {
                let v = Int(targets[i])
                let w = weighted ? weights[i] : 1
                total += w
                outSum[dense[u]] += w
                inSum[dense[v]] += w
                if dense[u] == dense[v] { inside[dense[u]] += w }
            }
        }
        guard total > 0 else { return nil }
        var q = 0.0
        if isDirected {
            let norm = 1 / (total * total)
            for c in 0..<k { q += inside[c] / total - resolution * outSum[c] * inSum[c] * norm }
        } else {
            // Every undirected edge was seen as two arcs: `total` is 2m and `inside` twice L_c.
            let m = total / 2
            let norm = 1 / (total * total)
            for c in 0..<k { q += (inside[c] / 2) / m - resolution * outSum[c] * outSum[c] * norm }
        }
        return q
    }
}
