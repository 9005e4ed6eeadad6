extension Graph {
    /// Assortativity by a categorical vertex attribute, `nx.attribute_assortativity_coefficient(G, attr)`:
    /// with `e[a][b]` the fraction of arcs from label `a` to label `b` (both directions of undirected edges),
    /// `r = (Σ_a e[a][a] − Σ_a α_a β_a) / (1 − Σ_a α_a β_a)`, `α`, `β` the row and column sums.
    ///
    /// - Parameter labels: one integer label per vertex.
    /// - Returns `nil` when undefined: no edges, or every arc joins one single label to itself (`1 − Σαβ = 0`).
    /// - Complexity: O(V + E + L) for L distinct labels.
    /// - Reference: M. E. J. Newman, "Mixing patterns in networks", Physical Review E 67:026126, 2003.
    public func attributeAssortativity(labels: [Int]) -> Double? {
        precondition(labels.count == vertexCount, "one label per vertex")
        var index: [Int: Int] = [:]
        var dense = [Int](repeating: 0, count: vertexCount)
        for v in 0..<vertexCount {
            if let i = index[labels[v]] { dense[v] = i } else { dense[v] = index.count; index[labels[v]] = index.count }
        }
        let k = index.count
        var diagonal = [Double](repeating: 0, count: k)
        var rows = [Double](repeating: 0, count: k)
        var columns = [Double](repeating: 0, count: k)
        var total = 0.0
        for u in 0..<vertexCount {
            for v in neighbours(of: u) {
                let a = dense[u], b = dense[Int(v)]
                rows[a] += 1; columns[b] += 1; total += 1
                if a == b { diagonal[a] += 1 }
            }
        }
        guard total > 0 else { return nil }
        var trace = 0.0, products = 0.0
        for a in 0..<k {
            trace += diagonal[a] / total
            products += (rows[a] / total) * (columns[a] / total)
        }
        guard 1 - products != 0 else { return nil }
        return (trace - products) / (1 - products)
    }
}
