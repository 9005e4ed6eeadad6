extension Graph {
    /// Harmonic centrality, `nx.harmonic_centrality(G, distance=None or "distance")`:
    /// `H(v) = Σ_{u ≠ v} 1 / d(u, v)`, with `1/∞ = 0` for vertices that do not reach `v`.
    ///
    /// - Not normalised (NetworkX's default); divide by `n − 1` for the normalised variant.
    /// - Direction: incoming distances `d(u, v)` for directed graphs, as NetworkX.
    /// - Weights: `weighted` uses arc length `1 / weight`.
    /// - Isolated vertices score 0; disconnected graphs need no special treatment.
    /// - Parallel over vertices; the result does not depend on `threads`.
    /// - Complexity: O(V·E) unweighted, O(V·E log V) weighted.
    /// - Reference: M. Marchiori and V. Latora, "Harmony in the small-world", Physica A 285(3–4):539–546,
    ///   2000, doi:10.1016/S0378-4371(00)00311-3; P. Boldi and S. Vigna, "Axioms for centrality",
    ///   Internet Mathematics 10(3–4):222–262, 2014.
    public func harmonicCentrality(weighted: Bool = false, threads: Int = defaultMetricThreadCount) -> [Double] {
        _incomingDistanceSums(weighted: weighted, threads: threads).inverseDistanceSum
    }
}
