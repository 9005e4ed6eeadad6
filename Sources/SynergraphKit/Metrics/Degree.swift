extension Graph {
    /// Number of distinct neighbours of every vertex: out-degree plus in-degree for directed graphs,
    /// as NetworkX's `G.degree` on the simple graph (parallel edges merged, self-loops dropped).
    ///
    /// Isolated vertices have degree 0. - Complexity: O(V).
    public func degrees() -> [Int] {
        (0..<vertexCount).map { v in isDirected ? degree(of: v) + inDegree(of: v) : degree(of: v) }
    }

    /// Number of distinct out-neighbours of every vertex (`G.out_degree`; the degree when undirected).
    /// - Complexity: O(V).
    public func outDegrees() -> [Int] { (0..<vertexCount).map { degree(of: $0) } }

    /// Number of distinct in-neighbours of every vertex (`G.in_degree`; the degree when undirected).
    /// - Complexity: O(V).
    public func inDegrees() -> [Int] { (0..<vertexCount).map { inDegree(of: $0) } }

    /// Weighted degree (strength) of every vertex: the sum of the weights of its edges, out plus in for
    /// directed graphs, as `G.degree(weight="weight")`. Merged parallel edges contribute their summed
    /// weight. - Complexity: O(V + E).
    public func strengths() -> [Double] {
        (0..<vertexCount).map { v in
            var s = 0.0
            for i in offsets[v]..<offsets[v + 1] { s += weights[i] }
            if isDirected {
                for i in inOffsets[v]..<inOffsets[v + 1] { s += inWeights[i] }
            }
            return s
        }
    }

    /// Sum of out-arc weights (`G.out_degree(weight="weight")`). - Complexity: O(V + E).
    public func outStrengths() -> [Double] {
        (0..<vertexCount).map { v in
            var s = 0.0
            for i in offsets[v]..<offsets[v + 1] { s += weights[i] }
            return s
        }
    }

    /// Sum of in-arc weights (`G.in_degree(weight="weight")`). - Complexity: O(V + E).
    public func inStrengths() -> [Double] {
        (0..<vertexCount).map { v in
            var s = 0.0
            for i in inOffsets[v]..<inOffsets[v + 1] { s += inWeights[i] }
            return s
        }
    }

    /// Degree centrality, `nx.degree_centrality`: degree divided by `n − 1` (in plus out for directed
    /// graphs, so values can exceed 1 there). A single vertex scores 1, as in NetworkX. - Complexity: O(V).
    public func degreeCentrality() -> [Double] {
        let n = vertexCount
        if n <= 1 { return [Double](repeating: 1, count: n) }
        let s = 1 / Double(n - 1)
        return degrees().map { Double($0) * s }
    }
}
