extension Graph {
    /// Burt's effective size of every vertex's ego network, as `nx.effective_size(G, weight=None or "weight")`:
    /// `e(v) = Σ_{u ∈ N(v)} (1 − Σ_{w ∈ N(v)} p(v, w) m(u, w) / max_x m(u, x))`, with mutual weights `m`
    /// and normalised mutual weights `p` as in ``constraint(weighted:)``. For undirected unweighted graphs
    /// this equals Borgatti's `n − 2t/n` (`n` alters, `t` ties among them).
    ///
    /// - Isolated vertices: undefined (NetworkX: NaN) → `nil`.
    /// - Complexity: O(Σ_v Σ_{u ∈ N(v)} d(u)) time, O(V + E) memory.
    /// - References: R. S. Burt, *Structural Holes*, Harvard University Press, 1992; S. P. Borgatti,
    ///   "Structural holes: unpacking Burt's redundancy measures", Connections 20(1):35–38, 1997.
    public func effectiveSize(weighted: Bool = false) -> [Double?] {
        let mw = _MutualWeights(self, weighted: weighted)
        let u = mw.graph
        let n = u.vertexCount
        var scratch = [Double](repeating: 0, count: n)
        var out = [Double?](repeating: nil, count: n)
        for v in 0..<n where mw.sum[v] > 0 {
            let lo = u.offsets[v], hi = u.offsets[v + 1]
            for i in lo..<hi { scratch[Int(u.targets[i])] = u.weights[i] / mw.sum[v] }
            var total = 0.0
            for i in lo..<hi {
                let alter = Int(u.targets[i])
                var redundancy = 0.0
                for j in u.offsets[alter]..<u.offsets[alter + 1] {
                    redundancy += scratch[Int(u.targets[j])] * (u.weights[j] / mw.maximum[alter])
                }
                total += 1 - redundancy
            }
            for i in lo..<hi { scratch[Int(u.targets[i])] = 0 }
            out[v] = total
        }
        return out
    }
}
