extension Graph {
    /// Local clustering coefficient of every vertex, as `nx.clustering(G)` (unweighted).
    ///
    /// - Undirected: `c(v) = 2 T(v) / (d(v)(d(v) − 1))`, `T(v)` the triangles through `v`; 0 when `d(v) < 2`.
    /// - Directed (Fagiolo 2007, NetworkX's directed formula): `c(v) = T→(v) / (2 (d_tot(d_tot − 1) − 2 d↔))`,
    ///   with `T→(v)` the directed triangles counted over all four orientations of each pair of arcs,
    ///   `d_tot` in-degree plus out-degree and `d↔` the number of reciprocated pairs; 0 when `T→ = 0`.
    /// - Isolated vertices score 0 (NetworkX's convention), not undefined.
    /// - Complexity: O(Σ_v d(v)²) time, O(V) scratch memory.
    /// - References: D. J. Watts and S. H. Strogatz, "Collective dynamics of 'small-world' networks",
    ///   Nature 393:440–442, 1998, doi:10.1038/30918; G. Fagiolo, "Clustering in complex directed networks",
    ///   Physical Review E 76:026107, 2007, doi:10.1103/PhysRevE.76.026107.
    public func clusteringCoefficients() -> [Double] {
        isDirected ? _directedClustering() : _undirectedTriangles().map { t in
            t.degree < 2 || t.doubledTriangles == 0 ? 0 : Double(t.doubledTriangles) / Double(t.degree * (t.degree - 1))
        }
    }

    /// Mean of ``clusteringCoefficients()`` over all vertices, zeros included (`nx.average_clustering`);
    /// `nil` for the empty graph (NetworkX divides by zero there).
    public func averageClustering() -> Double? {
        guard vertexCount > 0 else { return nil }
        return clusteringCoefficients().reduce(0, +) / Double(vertexCount)
    }

    /// Transitivity (global clustering), `nx.transitivity`: `3 × triangles / connected triples`
    /// = `Σ_v 2T(v) / Σ_v d(v)(d(v) − 1)`; 0 when there is no triangle. Undirected graphs only (NetworkX
    /// refuses directed ones); for a directed graph this returns `nil`. - Complexity: O(Σ_v d(v)²).
    public func transitivity() -> Double? {
        guard !isDirected else { return nil }
        var triangles = 0, triples = 0
        for t in _undirectedTriangles() {
            triangles += t.doubledTriangles
            triples += t.degree * (t.degree - 1)
        }
        return triangles == 0 ? 0 : Double(triangles) / Double(triples)
    }

    struct _TriangleCount {
        var degree: Int
        /// Twice the number of triangles through the vertex (each counted from both other corners).
        var doubledTriangles: Int
    }

    func _undirectedTriangles() -> [_TriangleCount] {
        let n = vertexCount
        var mark = [Bool](repeating: false, count: n)
        var out: [_TriangleCount] = []
        out.reserveCapacity(n)
        for v in 0..<n {
            let row = neighbours(of: v)
            for w in row { mark[Int(w)] = true }
            var t = 0
            for u in row {
                for w in neighbours(of: Int(u)) where mark[Int(w)] { t += 1 }
            }
            for w in row { mark[Int(w)] = false }
            out.append(_TriangleCount(degree: row.count, doubledTriangles: t))
        }
        return out
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
