/// The undirected "mutual weight" view Burt's measures are defined on (NetworkX `mutual_weight`):
/// `m(u, v) = a(u, v) + a(v, u)`, with `a` the arc weight (1 per arc when unweighted).
///
/// For an undirected graph `m = 2w`; the factor 2 cancels in every normalisation, so the undirected graph
/// is used as it is. For a directed graph the arcs of both directions are summed into one undirected edge.
struct _MutualWeights {
    let graph: Graph
    /// `Σ_w m(v, w)` per vertex.
    let sum: [Double]
    /// `max_w m(v, w)` per vertex (0 for isolated vertices).
    let maximum: [Double]

    init(_ g: Graph, weighted: Bool) {
        var base = g
        if !weighted {
            var edges: [Graph.Edge] = []
            edges.reserveCapacity(g.targets.count)
            for u in 0..<g.vertexCount {
                for v in g.neighbours(of: u) where g.isDirected || Int(v) > u { edges.append(.init(Int32(u), v)) }
            }
            base = Graph(vertexCount: g.vertexCount, edges: edges, directed: g.isDirected)
        }
        let u = base.undirected()
        graph = u
        var s = [Double](repeating: 0, count: u.vertexCount)
        var m = [Double](repeating: 0, count: u.vertexCount)
        for v in 0..<u.vertexCount {
            for i in u.offsets[v]..<u.offsets[v + 1] {
                s[v] += u.weights[i]
                m[v] = max(m[v], u.weights[i])
            }
        }
        sum = s
        maximum = m
    }
}
