extension Graph {
    /// Local clustering coefficient of every vertex, as `nx.clustering(G)` (unweighted).
    ///
    /// - Undirected: `c(v) = 2 T(v) / (d(v)(d(v) − 1))`, `T(v)` the triangles through `v` and `d(v)` the
    ///   number of distinct neighbours (the graph is simple: self-loops dropped, parallel ties merged); 0 when
    ///   `d(v) < 2` or `T(v) = 0`. The same expression, in the same floating-point operations, as NetworkX's
    ///   `t / (d (d − 1))` with `t = 2 T(v)`, so values are NetworkX's bit for bit.
    /// - Directed (Fagiolo 2007, NetworkX's directed formula): `c(v) = T→(v) / (2 (d_tot(d_tot − 1) − 2 d↔))`,
    ///   with `T→(v)` the directed triangles counted over all four orientations of each pair of arcs,
    ///   `d_tot` in-degree plus out-degree and `d↔` the number of reciprocated pairs; 0 when `T→ = 0`.
    /// - Isolated vertices score 0 (NetworkX's convention), not undefined.
    /// - Algorithm (undirected): degree-ordered ("forward") triangle counting (Schank and Wagner 2005;
    ///   Latapy 2008): each edge is oriented from the lower to the higher `(degree, index)` rank, and each
    ///   triangle is found once, from its lowest corner, by intersecting out-neighbourhoods with a mark
    ///   array, then credited to its three corners. The counts are integers, so the result is the same for
    ///   every `threads` (the triangles are split over worker threads by vertex; see `_triangleCounts`).
    /// - Complexity: undirected O(V + m·√m) time (each oriented edge costs the out-degree of its head, at most
    ///   √(2m)), O(V + m) scratch memory plus O(V) per extra thread; directed O(Σ_v d_tot(v)²) time, O(V)
    ///   scratch memory.
    /// - References: D. J. Watts and S. H. Strogatz, "Collective dynamics of 'small-world' networks",
    ///   Nature 393:440–442, 1998, doi:10.1038/30918; G. Fagiolo, "Clustering in complex directed networks",
    ///   Physical Review E 76:026107, 2007, doi:10.1103/PhysRevE.76.026107; T. Schank and D. Wagner,
    ///   "Finding, counting and listing all triangles in large graphs, an experimental study", WEA 2005,
    ///   LNCS 3503:606–609, doi:10.1007/11427186_54; M. Latapy, "Main-memory triangle computations for very
    ///   large (sparse (power-law)) graphs", Theoretical Computer Science 407:458–473, 2008,
    ///   doi:10.1016/j.tcs.2008.07.017.
    /// - Parameter threads: worker threads for the undirected triangle count (the directed count is
    ///   single-threaded).
    public func clusteringCoefficients(threads: Int = defaultMetricThreadCount) -> [Double] {
        guard !isDirected else { return _directedClustering() }
        let triangles = _triangleCounts(threads: threads)
        return (0..<vertexCount).map { v in
            let d = degree(of: v)
            return triangles[v] == 0 ? 0 : Double(2 * triangles[v]) / Double(d * (d - 1))
        }
    }

    /// Mean of ``clusteringCoefficients(threads:)`` over all vertices, zeros included, summed in vertex
    /// order (`nx.average_clustering`); `nil` for the empty graph (NetworkX divides by zero there).
    /// - Complexity: that of ``clusteringCoefficients(threads:)``.
    public func averageClustering(threads: Int = defaultMetricThreadCount) -> Double? {
        guard vertexCount > 0 else { return nil }
        return clusteringCoefficients(threads: threads).reduce(0, +) / Double(vertexCount)
    }

    /// Transitivity (global clustering), `nx.transitivity`: `3 × triangles / connected triples`
    /// = `Σ_v 2T(v) / Σ_v d(v)(d(v) − 1)`, both sums exact integers, from the same triangle counts as
    /// ``clusteringCoefficients(threads:)``; 0 when there is no triangle. Undirected graphs only (NetworkX
    /// refuses directed ones); for a directed graph this returns `nil`.
    /// - Complexity: O(V + m·√m), as ``clusteringCoefficients(threads:)``.
    public func transitivity(threads: Int = defaultMetricThreadCount) -> Double? {
        guard !isDirected else { return nil }
        var doubledTriangles = 0, triples = 0
        for (v, t) in _triangleCounts(threads: threads).enumerated() {
            let d = degree(of: v)
            doubledTriangles += 2 * t
            triples += d * (d - 1)
        }
        return doubledTriangles == 0 ? 0 : Double(doubledTriangles) / Double(triples)
    }

    func _directedClustering() -> [Double] {
        let n = vertexCount
        var isPred = [Int](repeating: 0, count: n)
        var isSucc = [Int](repeating: 0, count: n)
        var result = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let preds = inNeighbours(of: i), succs = neighbours(of: i)
            for k in preds { isPred[Int(k)] = 1 }
            for k in succs { isSucc[Int(k)] = 1 }
            var triangles = 0
            for j in [preds, succs].joined() {
                for k in inNeighbours(of: Int(j)) { triangles += isPred[Int(k)] + isSucc[Int(k)] }
                for k in neighbours(of: Int(j)) { triangles += isPred[Int(k)] + isSucc[Int(k)] }
            }
            var bidirectional = 0
            for k in succs { bidirectional += isPred[Int(k)] }
            for k in preds { isPred[Int(k)] = 0 }
            for k in succs { isSucc[Int(k)] = 0 }
            let total = preds.count + succs.count
            if triangles > 0 {
                result[i] = Double(triangles) / Double((total * (total - 1) - 2 * bidirectional) * 2)
            }
        }
        return result
    }
}
