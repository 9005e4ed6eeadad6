extension Graph {
    /// Burt's constraint of every vertex, as `nx.constraint(G, weight=None or "weight")`:
    /// `c(v) = Σ_{n ∈ N(v)} (p(v, n) + Σ_{w ∈ N(v)} p(v, w) p(w, n))²`, where `N(v)` are in- and
    /// out-neighbours and `p(u, v) = m(u, v) / Σ_w m(u, w)` is the normalised mutual weight.
    ///
    /// - Isolated vertices: undefined (NetworkX: NaN) → `nil`.
    /// - Direction: arcs in both directions add to the mutual weight.
    /// - Weights: `weighted` uses edge weights; otherwise each arc counts 1.
    /// - Complexity: O(Σ_v Σ_{n ∈ N(v)} d(n)) time, O(V + E) memory.
    /// - Reference: R. S. Burt, "Structural holes and good ideas", American Journal of Sociology
    ///   110(2):349–399, 2004. doi:10.1086/421787
    public func constraint(weighted: Bool = false) -> [Double?] {
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
                let nb = Int(u.targets[i])
                var indirect = 0.0
                for j in u.offsets[nb]..<u.offsets[nb + 1] {
                    let w = Int(u.targets[j])
                    indirect += scratch[w] * (u.weights[j] / mw.sum[w])
                }
                let local = scratch[nb] + indirect
                total += local * local
            }
            for i in lo..<hi { scratch[Int(u.targets[i])] = 0 }
            out[v] = total
        }
        return out
    }
}
