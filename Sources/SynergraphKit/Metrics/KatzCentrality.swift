extension Graph {
    /// Katz centrality by NetworkX's iteration (`nx.katz_centrality`): `x ← α Aᵀ x + β`, from `x = 0`,
    /// then scaled to unit Euclidean norm (`normalized=True`).
    ///
    /// - Defaults: `alpha = 0.1`, `beta = 1` (NetworkX's). The series converges only if
    ///   `alpha < 1 / λ_max`; otherwise this throws ``MetricError/notConverged(metric:iterations:)``.
    /// - Direction: `x_w` gathers from in-neighbours for directed graphs.
    /// - Weights: `weighted` multiplies by edge weights; the default counts each edge 1 (`weight=None`).
    /// - Stopping rule: `Σ_v |x_v − x'_v| < n · tolerance`, default 1e-12 (NetworkX: 1e-6), up to 1000
    ///   iterations (NetworkX's default).
    /// - Isolated vertices score `β` before normalisation. Returns `[]` for the empty graph (as NetworkX).
    /// - Complexity: O(E) per iteration, memory O(V).
    /// - Reference: L. Katz, "A new status index derived from sociometric analysis", Psychometrika
    ///   18(1):39–43, 1953. doi:10.1007/BF02289026
    public func katzCentrality(
        alpha: Double = 0.1, beta: Double = 1, normalized: Bool = true, weighted: Bool = false,
        tolerance: Double = 1e-12, maxIterations: Int = 1000
    ) throws(MetricError) -> [Double] {
        let n = vertexCount
        guard n > 0 else { return [] }
        var x = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        let limit = Double(n) * tolerance
        let converged: Bool = _withArcs(reversed: true) { arcs in
            let off = arcs.offsets.baseAddress!, src = arcs.targets.baseAddress!, wts = arcs.weights.baseAddress!
            for _ in 0..<maxIterations {
                var err = 0.0
                for w in 0..<n {
                    var acc = 0.0
                    var i = off[w]
                    let end = off[w + 1]
                    if weighted {
                        while i < end { acc += x[Int(src[i])] * wts[i]; i += 1 }
                    } else {
                        while i < end { acc += x[Int(src[i])]; i += 1 }
                    }
                    let value = alpha * acc + beta
                    err += abs(value - x[w])
                    next[w] = value
                }
                swap(&x, &next)
                if err < limit { return true }
            }
            return false
        }
        guard converged else { throw .notConverged(metric: "Katz centrality", iterations: maxIterations) }
        if normalized {
            var squares = 0.0
            for v in x { squares += v * v }
            let s = squares > 0 ? 1 / squares.squareRoot() : 1
            for v in 0..<n { x[v] *= s }
        }
        return x
    }
}
