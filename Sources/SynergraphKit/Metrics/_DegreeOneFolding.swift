/// Degree-1 folding for exact betweenness on undirected, unweighted graphs (Baglioni et al. 2012), with the
/// remaining core relabelled in breadth-first order for cache locality.
///
/// Definition. Repeatedly remove a vertex of degree 1 (a "leaf"), attaching it to its one remaining
/// neighbour, its *parent*, until none is left. What is removed is a forest of trees hanging from the
/// *core* (the vertices left with degree ≥ 2) or, for a component that is itself a tree, from its last
/// vertex. Let `s(v)` be the number of vertices in `v`'s hanging subtree, `v` included (for a core vertex,
/// `s(v) = ω(v)`, the vertex plus everything folded into it), and `N` the size of `v`'s component.
///
/// Every removed vertex, and every core vertex for paths that leave or enter its hanging trees, is a cut
/// vertex: the graph minus `v` falls apart into the *branches* at `v` — one per child subtree (size `s(c)`),
/// plus the rest of the component (size `N − s(v)`) — and every path between two branches runs through
/// `v`, so each such ordered pair adds exactly 1. That part of the betweenness is a closed formula,
///
///     T(v) = (N − 1)² − Σ_children s(c)² − (N − s(v))²       (ordered pairs),
///
/// and what remains are paths between two *different* core vertices' folded sets, which only run through
/// the core and whose shortest paths are the core's own: Brandes on the core with every core vertex `a`
/// standing for `ω(a)` sources and `ω(a)` targets,
///
///     C(v) = Σ_{a ≠ v ≠ b, a, b in the core} ω(a) ω(b) σ(a, b | v) / σ(a, b).
///
/// The ordered-pair betweenness of `v` is `T(v) + C(v)` (`C = 0` off the core). `T` is an integer computed
/// exactly, so the result differs from plain Brandes only in the rounding of `C`.
///
/// Relabelling. The core is renumbered in breadth-first order (from each component's vertex of largest
/// degree, components in order of their smallest vertex), so vertices that are close in the graph are close
/// in memory: the σ and level arrays of the searches are then read with better locality.
///
/// - Complexity: O(V + E) time and memory.
/// - Reference: M. Baglioni, F. Geraci, M. Pellegrini and E. Lastres, "Fast exact computation of
///   betweenness centrality in social networks", ASONAM 2012, 450–456. doi:10.1109/ASONAM.2012.79
struct _DegreeOneFolding {
    /// Core CSR over core indices `0..<coreCount` (rows not sorted).
    let coreOffsets: [Int]
    let coreTargets: [Int32]
    /// Original vertex of each core index.
    let coreVertex: [Int32]
    /// `ω`: the number of original vertices each core vertex stands for (itself and its folded trees).
    let weight: [Double]
    /// `T(v)` for every original vertex (ordered pairs, exact).
    let treePart: [Double]
    /// Whether every core vertex stands for itself alone (nothing was folded).
    let unitWeights: Bool

    var coreCount: Int { coreVertex.count }

    /// Folds `graph`, which must be undirected.
    init(_ graph: Graph) {
        let n = graph.vertexCount
        let off = graph.offsets, tgt = graph.targets
        var degree = [Int32](repeating: 0, count: n)
        for v in 0..<n { degree[v] = Int32(off[v + 1] - off[v]) }
        var removed = [Bool](repeating: false, count: n)
        var size = [Int](repeating: 1, count: n)
        var childSquares = [Int](repeating: 0, count: n)
        var stack: [Int32] = []
        for v in 0..<n where degree[v] == 1 { stack.append(Int32(v)) }
        var folded = 0
        while let u32 = stack.popLast() {
            let u = Int(u32)
            // A vertex can be pushed once and lose its last edge before it is popped (the two ends of a
            // lone edge): then it is the last vertex of a tree component and stays.
            guard !removed[u], degree[u] == 1 else { continue }
            var p = -1
            for i in off[u]..<off[u + 1] where !removed[Int(tgt[i])] {
                p = Int(tgt[i])
                break
            }
            removed[u] = true
            degree[u] = 0
            folded += 1
            size[p] += size[u]
            childSquares[p] += size[u] * size[u]
            degree[p] -= 1
            if degree[p] == 1 { stack.append(Int32(p)) }
        }
        // Component sizes, and the core in breadth-first order.
        let components = graph.connectedComponents()
        let componentSize = components.sizes
        var tree = [Double](repeating: 0, count: n)
        for v in 0..<n {
            let big = componentSize[Int(components.componentOf[v])]
            let rest = big - size[v]
            tree[v] = Double((big - 1) * (big - 1) - childSquares[v] - rest * rest)
        }
        var coreIndex = [Int32](repeating: -1, count: n)
        var order: [Int32] = []
        order.reserveCapacity(n - folded)
        // Each core component, started at its vertex of largest degree (smallest index on ties).
        var best = [Int](repeating: -1, count: components.count)
        for v in 0..<n where !removed[v] && degree[v] > 0 {
            let c = Int(components.componentOf[v])
            if best[c] < 0 || degree[v] > degree[best[c]] { best[c] = v }
        }
        for root in best where root >= 0 {
            var head = order.count
            coreIndex[root] = Int32(order.count)
            order.append(Int32(root))
            while head < order.count {
                let v = Int(order[head])
                head += 1
                for i in off[v]..<off[v + 1] {
                    let w = Int(tgt[i])
                    if !removed[w] && coreIndex[w] < 0 {
                        coreIndex[w] = Int32(order.count)
                        order.append(Int32(w))
                    }
                }
            }
        }
        var offsets = [Int](repeating: 0, count: order.count + 1)
        var targets: [Int32] = []
        targets.reserveCapacity(graph.targets.count)
        var weight = [Double](repeating: 1, count: order.count)
        for (k, v32) in order.enumerated() {
            let v = Int(v32)
            for i in off[v]..<off[v + 1] {
                let w = coreIndex[Int(tgt[i])]
                if w >= 0 { targets.append(w) }
            }
            offsets[k + 1] = targets.count
            weight[k] = Double(size[v])
        }
        coreOffsets = offsets
        coreTargets = targets
        coreVertex = order
        self.weight = weight
        treePart = tree
        unitWeights = folded == 0
    }
}
