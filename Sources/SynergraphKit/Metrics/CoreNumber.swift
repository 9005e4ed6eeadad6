extension Graph {
    /// Core number of every vertex (`nx.core_number`): the largest `k` such that the vertex belongs to a
    /// subgraph in which every vertex has degree at least `k`.
    ///
    /// - Degree is the number of distinct neighbours, in-degree plus out-degree for directed graphs (a
    ///   reciprocated pair counts twice), as NetworkX. Self-loops are already dropped by ``Graph``.
    /// - Isolated vertices have core number 0.
    /// - Algorithm: Batagelj–Zaversnik bucket peeling, O(V + E) time and memory.
    /// - Reference: V. Batagelj and M. Zaversnik, "An O(m) algorithm for cores decomposition of networks",
    ///   arXiv:cs/0310049, 2003.
    public func coreNumbers() -> [Int] {
        let n = vertexCount
        guard n > 0 else { return [] }
        var degree = degrees()
        let maxDegree = degree.max() ?? 0
        var binStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { binStart[d + 1] += 1 }
        for d in 0...maxDegree { binStart[d + 1] += binStart[d] }
        var position = [Int](repeating: 0, count: n)
        var vertices = [Int](repeating: 0, count: n)
        var fill = binStart
        for v in 0..<n {
            position[v] = fill[degree[v]]
            vertices[position[v]] = v
            fill[degree[v]] += 1
        }
        func lower(_ u: Int, below v: Int) {
            if degree[u] > degree[v] {
                let du = degree[u]
                let pu = position[u]
                let pw = binStart[du]
                let w = vertices[pw]
                if u != w {
                    position[u] = pw; vertices[pu] = w
                    position[w] = pu; vertices[pw] = u
                }
                binStart[du] += 1
                degree[u] -= 1
            }
        }
        for i in 0..<n {
            let v = vertices[i]
            for u in neighbours(of: v) { lower(Int(u), below: v) }
            if isDirected {
                for u in inNeighbours(of: v) { lower(Int(u), below: v) }
            }
        }
        return degree
    }
}
