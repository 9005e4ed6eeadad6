extension Graph {
    /// Edge density, `nx.density`: `2m / (n(n − 1))` undirected, `m / (n(n − 1))` directed, with `m` the
    /// number of distinct edges after merging; 0 for graphs with fewer than two vertices. - Complexity: O(1).
    public func density() -> Double {
        let n = vertexCount
        guard n > 1 else { return 0 }
        let d = Double(edgeCount) / (Double(n) * Double(n - 1))
        return isDirected ? d : 2 * d
    }
}
