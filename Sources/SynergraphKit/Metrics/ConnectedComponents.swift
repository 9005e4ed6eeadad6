/// A partition of a graph's vertices into components.
///
/// Components are numbered `0..<count` in order of their smallest vertex, so the numbering is canonical:
/// two runs, or two algorithms that find the same partition, give identical values.
public struct ComponentPartition: Sendable, Equatable {
    /// The component of every vertex.
    public let componentOf: [Int32]
    /// Number of components (isolated vertices are components of size 1).
    public let count: Int

    /// Builds a partition from arbitrary labels, renumbering them by smallest vertex.
    init(rawLabels: [Int32], rawCount: Int) {
        var map = [Int32](repeating: -1, count: rawCount)
        var next: Int32 = 0
        var out = [Int32](repeating: 0, count: rawLabels.count)
        for v in 0..<rawLabels.count {
            let r = Int(rawLabels[v])
            if map[r] < 0 { map[r] = next; next += 1 }
            out[v] = map[r]
        }
        componentOf = out
        count = Int(next)
    }

    /// Number of vertices in each component.
    public var sizes: [Int] {
        var s = [Int](repeating: 0, count: count)
        for c in componentOf { s[Int(c)] += 1 }
        return s
    }

    /// The vertices of each component, ascending.
    public var members: [[Int]] {
        var m = [[Int]](repeating: [], count: count)
        for (v, c) in componentOf.enumerated() { m[Int(c)].append(v) }
        return m
    }

    /// The largest component (ties: the one with the smallest vertex), or `nil` for an empty graph.
    public var largest: Int? {
        guard count > 0 else { return nil }
        let s = sizes
        var best = 0
        for c in 1..<count where s[c] > s[best] { best = c }
        return best
    }
}

extension Graph {
    /// Weakly connected components: arcs are followed in both directions (`nx.weakly_connected_components`;
    /// for undirected graphs the connected components, `nx.connected_components`).
    ///
    /// Isolated vertices form singleton components; the empty graph has none.
    /// - Complexity: O(V + E), iterative BFS.
    public func weaklyConnectedComponents() -> ComponentPartition {
        let n = vertexCount
        var label = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var count: Int32 = 0
        for root in 0..<n where label[root] < 0 {
            label[root] = count
            queue[0] = Int32(root)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(queue[head])
                head += 1
                for w in neighbours(of: v) where label[Int(w)] < 0 {
                    label[Int(w)] = count; queue[tail] = w; tail += 1
                }
                if isDirected {
                    for w in inNeighbours(of: v) where label[Int(w)] < 0 {
                        label[Int(w)] = count; queue[tail] = w; tail += 1
                    }
                }
            }
            count += 1
        }
        return ComponentPartition(rawLabels: label, rawCount: Int(count))
    }

    /// Connected components of an undirected graph; the weakly connected components of a directed one.
    public func connectedComponents() -> ComponentPartition { weaklyConnectedComponents() }

    /// Strongly connected components (`nx.strongly_connected_components`), by Tarjan's algorithm with an
    /// explicit call stack (no recursion, so arbitrarily deep graphs are safe). For undirected graphs
    /// these are the connected components.
    ///
    /// - Complexity: O(V + E) time and memory.
    /// - Reference: R. Tarjan, "Depth-first search and linear graph algorithms", SIAM Journal on
    ///   Computing 1(2):146–160, 1972. doi:10.1137/0201010
    public func stronglyConnectedComponents() -> ComponentPartition {
        guard isDirected else { return weaklyConnectedComponents() }
        let n = vertexCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int32] = []
        var callVertex: [Int32] = []
        var callArc: [Int] = []
        var label = [Int32](repeating: -1, count: n)
        var counter: Int32 = 0
        var components: Int32 = 0
        stack.reserveCapacity(n)
        for root in 0..<n where index[root] < 0 {
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(Int32(root)); onStack[root] = true
            callVertex.append(Int32(root)); callArc.append(offsets[root])
            while let v32 = callVertex.last {
                let v = Int(v32)
                let i = callArc[callArc.count - 1]
                if i < offsets[v + 1] {
                    callArc[callArc.count - 1] = i + 1
                    let w = Int(targets[i])
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(Int32(w)); onStack[w] = true
                        callVertex.append(Int32(w)); callArc.append(offsets[w])
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    callVertex.removeLast(); callArc.removeLast()
                    if low[v] == index[v] {
                        while true {
                            let w = Int(stack.removeLast())
                            onStack[w] = false
                            label[w] = components
                            if w == v { break }
                        }
                        components += 1
                    }
                    if let p = callVertex.last {
                        low[Int(p)] = min(low[Int(p)], low[v])
                    }
                }
            }
        }
        return ComponentPartition(rawLabels: label, rawCount: Int(components))
    }
}
