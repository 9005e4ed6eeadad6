extension Graph {
    /// PageRank by power iteration, as NetworkX's `nx.pagerank` (its SciPy implementation).
    ///
    /// `x ← α (x P + (Σ_{dangling d} x_d) · p) + (1 − α) p`, starting from the uniform vector, where
    /// `P[v][w] = W(v, w) / Σ_u W(v, u)` is the row-stochastic transition matrix, `p` the personalisation
    /// vector (uniform if `nil`, otherwise scaled to sum 1) and dangling vertices (no out-arcs) jump
    /// according to `p`, NetworkX's default (`dangling=None`). Undirected edges are followed both ways.
    ///
    /// - Stopping rule: NetworkX's L1 test `Σ_v |x_v − x'_v| < n · tolerance`; the returned vector is the
    ///   last iterate, not renormalised (as NetworkX). The default `tolerance` is 1e-12, much tighter than
    ///   NetworkX's 1e-6, so that results agree with NetworkX run to the same tolerance to 1e-9 relative;
    ///   `maxIterations` defaults to 1000 (NetworkX: 100) because the tighter tolerance needs more steps.
    /// - Weights: `weighted` uses the edge weights (NetworkX's default `weight="weight"`); otherwise
    ///   every arc counts 1 (`weight=None`).
    /// - Isolated vertices are dangling and receive `(1 − α) p_v + α · (dangling mass) · p_v`.
    /// - Throws ``MetricError/notConverged(metric:iterations:)`` if the tolerance is not reached, and
    ///   returns `[]` for the empty graph (as NetworkX).
    /// - Precondition: `personalization`, if given, has one non-negative entry per vertex and a positive sum.
    /// - Complexity: O(E) per iteration, memory O(V).
    /// - Reference: L. Page, S. Brin, R. Motwani and T. Winograd, "The PageRank citation ranking: bringing
    ///   order to the web", Stanford InfoLab technical report 1999-66, 1999.
    public func pageRank(
        damping alpha: Double = 0.85, personalization: [Double]? = nil, weighted: Bool = false,
        tolerance: Double = 1e-12, maxIterations: Int = 1000
    ) throws(MetricError) -> [Double] {
        let n = vertexCount
        guard n > 0 else { return [] }
        var p = [Double](repeating: 1 / Double(n), count: n)
        if let personalization {
            precondition(personalization.count == n, "one personalisation entry per vertex")
            let total = personalization.reduce(0, +)
            precondition(total > 0, "personalisation must have a positive sum")
            p = personalization.map { $0 / total }
        }
        // Inverse out-strength (0 for dangling vertices).
        var inverseOut = [Double](repeating: 0, count: n)
        var dangling: [Int32] = []
        for v in 0..<n {
            var s = 0.0
            if weighted {
                for i in offsets[v]..<offsets[v + 1] { s += weights[i] }
            } else {
                s = Double(offsets[v + 1] - offsets[v])
            }
            if s != 0 { inverseOut[v] = 1 / s } else { dangling.append(Int32(v)) }
        }
        var iterate = [Double](repeating: 1 / Double(n), count: n)
        var scratch = [Double](repeating: 0, count: n)
        var scaled = [Double](repeating: 0, count: n)
        let limit = Double(n) * tolerance
        // 0: not converged; 1: converged with the result in `iterate`; 2: converged with it in `scratch`.
        let outcome: Int = _withArcs(reversed: true) { arcs in
            let off = arcs.offsets.baseAddress!, src = arcs.targets.baseAddress!, wts = arcs.weights.baseAddress!
            return iterate.withUnsafeMutableBufferPointer { a in
                scratch.withUnsafeMutableBufferPointer { b in
                    scaled.withUnsafeMutableBufferPointer { scaled in
                        p.withUnsafeBufferPointer { p in
                            inverseOut.withUnsafeBufferPointer { inv in
                                var x = a.baseAddress!, next = b.baseAddress!
                                var inA = true
                                for _ in 0..<maxIterations {
                                    var danglingMass = 0.0
                                    for d in dangling { danglingMass += x[Int(d)] }
                                    for v in 0..<n { scaled[v] = x[v] * inv[v] }
                                    var err = 0.0
                                    for w in 0..<n {
                                        var acc = 0.0
                                        var i = off[w]
                                        let end = off[w + 1]
                                        if weighted {
                                            while i < end { acc += scaled[Int(src[i])] * wts[i]; i += 1 }
                                        } else {
                                            while i < end { acc += scaled[Int(src[i])]; i += 1 }
                                        }
                                        let value = alpha * (acc + danglingMass * p[w]) + (1 - alpha) * p[w]
                                        err += abs(value - x[w])
                                        next[w] = value
                                    }
                                    swap(&x, &next)
                                    inA.toggle()
                                    if err < limit { return inA ? 1 : 2 }
                                }
                                return 0
                            }
                        }
                    }
                }
            }
        }
        guard outcome != 0 else { throw .notConverged(metric: "PageRank", iterations: maxIterations) }
        return outcome == 1 ? iterate : scratch
    }
}
