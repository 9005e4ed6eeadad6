import Foundation

extension Graph {
    /// Eigenvector centrality by NetworkX's power iteration (`nx.eigenvector_centrality`).
    ///
    /// Starting from `x = 1/n`, each step computes `x ← (A + I)ᵀ x` — the shift by `I` makes bipartite
    /// graphs converge — then scales `x` to unit Euclidean norm. For directed graphs `x_w` gathers from
    /// in-neighbours (left eigenvector: a vertex is central if central vertices point to it).
    ///
    /// - Stopping rule: NetworkX's `Σ_v |x_v − x'_v| < n · tolerance`, default 1e-12 (NetworkX: 1e-6) with
    ///   up to 1000 iterations (NetworkX: 100); see Docs/metrics.md.
    /// - Weights: `weighted` multiplies by edge weights (NetworkX's `weight="weight"`); the default counts
    ///   each edge 1 (NetworkX's default `weight=None`).
    /// - Disconnected graphs: the iteration still converges; components other than the dominant one decay
    ///   towards 0 at their own rate, exactly as in NetworkX.
    /// - Throws ``MetricError/emptyGraph(metric:)`` for no vertices and ``MetricError/notConverged(metric:iterations:)``
    ///   when the tolerance is not reached.
    /// - Complexity: O(E) per iteration, memory O(V).
    /// - Reference: P. Bonacich, "Power and centrality: a family of measures", American Journal of Sociology
    ///   92(5):1170–1182, 1987. doi:10.1086/228631
    public func eigenvectorCentrality(
        weighted: Bool = false, tolerance: Double = 1e-12, maxIterations: Int = 1000
    ) throws(MetricError) -> [Double] {
        let n = vertexCount
        guard n > 0 else { throw .emptyGraph(metric: "eigenvector centrality") }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        let limit = Double(n) * tolerance
        let converged: Bool = _withArcs(reversed: true) { arcs in
            let off = arcs.offsets.baseAddress!, src = arcs.targets.baseAddress!, wts = arcs.weights.baseAddress!
            for _ in 0..<maxIterations {
                var squares = 0.0
                for w in 0..<n {
                    var acc = x[w]
                    var i = off[w]
                    let end = off[w + 1]
                    if weighted {
                        while i < end { acc += x[Int(src[i])] * wts[i]; i += 1 }
                    } else {
                        while i < end { acc += x[Int(src[i])]; i += 1 }
                    }
                    next[w] = acc
                    squares += acc * acc
                }
                var norm = squares.squareRoot()
                if norm == 0 { norm = 1 }
                var err = 0.0
                for v in 0..<n {
                    let value = next[v] / norm
                    err += abs(value - x[v])
                    next[v] = value
                }
                swap(&x, &next)
                if err < limit { return true }
            }
            return false
        }
        guard converged else { throw .notConverged(metric: "eigenvector centrality", iterations: maxIterations) }
        return x
    }
}
