/// Cut vertices and cut edges of a graph, found by one depth-first search.
public struct CutStructure: Sendable, Equatable {
    /// Whether each vertex is an articulation point (its removal increases the number of components).
    public let isArticulationPoint: [Bool]
    /// The bridges (edges whose removal increases the number of components), `source < target`, sorted.
    public let bridges: [EdgeKey]
}

/// An unordered vertex pair, `source < target` for undirected edges.
public struct EdgeKey: Sendable, Hashable, Comparable {
    public var source: Int
    public var target: Int
    public init(_ source: Int, _ target: Int) {
        self.source = source
        self.target = target
    }
    public static func < (a: EdgeKey, b: EdgeKey) -> Bool {
        (a.source, a.target) < (b.source, b.target)
    }
}

extension Graph {
    /// Articulation points and bridges (`nx.articulation_points`, `nx.bridges`) by Hopcroft–Tarjan lowpoints,
    /// with an explicit stack — no recursion, so paths of millions of vertices are safe.
    ///
    /// - Directed graphs are treated as undirected (NetworkX refuses them; Synergraph uses the undirected view).
    /// - Parallel edges are already merged by ``Graph``, so a doubled edge can still be a bridge — as in
    ///   NetworkX on the simple graph.
    /// - Isolated vertices are neither; the empty graph has none.
    /// - Complexity: O(V + E) time and memory.
    /// - Reference: J. Hopcroft and R. Tarjan, "Algorithm 447: efficient algorithms for graph manipulation",
    ///   Communications of the ACM 16(6):372–378, 1973. doi:10.1145/362248.362272
    public func cutStructure() -> CutStructure {
        let g = isDirected ? undirected() : self
        let n = g.vertexCount
        var discovery = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var parent = [Int](repeating: -1, count: n)
        var articulation = [Bool](repeating: false, count: n)
        var bridges: [EdgeKey] = []
        var stackVertex: [Int] = []
        var stackArc: [Int] = []
        var time = 0
        for root in 0..<n where discovery[root] < 0 {
            discovery[root] = time; low[root] = time; time += 1
            var rootChildren = 0
            stackVertex.append(root); stackArc.append(g.offsets[root])
            while let v = stackVertex.last {
                let i = stackArc[stackArc.count - 1]
                if i < g.offsets[v + 1] {
                    stackArc[stackArc.count - 1] = i + 1
                    let w = Int(g.targets[i])
                    if discovery[w] < 0 {
                        parent[w] = v
                        discovery[w] = time; low[w] = time; time += 1
                        if v == root { rootChildren += 1 }
                        stackVertex.append(w); stackArc.append(g.offsets[w])
                    } else if w != parent[v] {
                        low[v] = min(low[v], discovery[w])
                    }
                } else {
                    stackVertex.removeLast(); stackArc.removeLast()
                    let p = parent[v]
                    if p >= 0 {
                        low[p] = min(low[p], low[v])
                        if low[v] >= discovery[p] && p != root { articulation[p] = true }
                        if low[v] > discovery[p] { bridges.append(EdgeKey(min(p, v), max(p, v))) }
                    }
                }
            }
            if rootChildren > 1 { articulation[root] = true }
        }
        return CutStructure(isArticulationPoint: articulation, bridges: bridges.sorted())
    }
}
