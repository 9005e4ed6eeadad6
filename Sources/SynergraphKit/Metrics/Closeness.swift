extension Graph {
    /// Closeness centrality with the Wasserman–Faust correction, as
    /// `nx.closeness_centrality(G, distance=None or "distance", wf_improved=True)`.
    ///
    /// For a vertex `v` reached by `r − 1` other vertices at total distance `D`:
    /// `C(v) = ((r − 1) / D) · ((r − 1) / (n − 1))`, and `C(v) = 0` when `D = 0` (an isolated vertex or
    /// one nobody reaches) or `n ≤ 1` — NetworkX's value, kept for compatibility.
    ///
    /// - Direction: directed graphs use *incoming* distances `d(u, v)`, as NetworkX does (it reverses
    ///   the graph).
    /// - Weights: `weighted` uses arc length `1 / weight` (Dijkstra); otherwise hops (BFS).
    /// - Disconnected graphs: the correction factor `(r − 1)/(n − 1)` scales down vertices in small
    ///   components.
    /// - Parallel over vertices with `threads` workers; each vertex's value comes from its own search, so
    ///   the result does not depend on `threads`.
    /// - Complexity: O(V·E) unweighted, O(V·E log V) weighted.
    /// - References: L. C. Freeman, "Centrality in networks: I. Conceptual clarification", Social Networks
    ///   1(3):215–239, 1979, doi:10.1016/0378-8733(78)90021-7; S. Wasserman and K. Faust, *Social Network
    ///   Analysis*, Cambridge University Press, 1994, p. 201.
    public func closenessCentrality(weighted: Bool = false, threads: Int = defaultMetricThreadCount) -> [Double] {
        Self._closeness(from: _incomingDistanceSums(weighted: weighted, threads: threads), vertexCount: vertexCount)
    }

    static func _closeness(from sums: _IncomingDistanceSums, vertexCount n: Int) -> [Double] {
        (0..<n).map { v in
            let total = sums.distanceSum[v]
            guard total > 0 && n > 1 else { return 0 }
            let others = Double(sums.reachedBy[v]) - 1
            return (others / total) * (others / Double(n - 1))
        }
    }
}
