extension Graph {
    /// The vertices at most `hops` steps from `start` following (out-)arcs, `start` first, then in
    /// breadth-first order.
    ///
    /// - Complexity: O(V + E) time for the part reached; one V-length distance array.
    public func verticesWithin(hops: Int, of start: Int) -> [Int] {
        var distance = [Int32](repeating: -1, count: vertexCount)
        var order = [start]
        distance[start] = 0
        var head = 0
        while head < order.count {
            let u = order[head]
            head += 1
            guard Int(distance[u]) < hops else { continue }
            for w in neighbours(of: u) where distance[Int(w)] < 0 {
                distance[Int(w)] = distance[u] + 1
                order.append(Int(w))
            }
        }
        return order
    }
}
