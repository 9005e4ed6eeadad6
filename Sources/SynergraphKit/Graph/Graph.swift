/// A compact graph in compressed-sparse-row (CSR) form over dense vertex indices `0..<vertexCount`.
///
/// This is the structure every metric runs on. It is built once (see ``Graph/init(vertexCount:edges:directed:)``)
/// and never mutated, so it can be shared across threads freely.
///
/// - Undirected graphs store every edge in both rows: `neighbours(of: u)` contains `v` and
///   `neighbours(of: v)` contains `u`. ``edgeCount`` counts each pair once.
/// - Directed graphs store out-neighbours in ``offsets``/``targets`` and in-neighbours in
///   ``inOffsets``/``inSources``; for undirected graphs the in-arrays alias the out-arrays.
/// - Parallel edges between one ordered (directed) or unordered (undirected) pair are merged:
///   their weights are summed and ``multiplicity`` counts how many were merged.
/// - Self-loops are dropped and counted in ``droppedSelfLoops``, as in the simple view of a network
///   that the metrics use (NetworkX's definitions on `nx.Graph(G)` with `G.remove_edges_from(nx.selfloop_edges(G))`).
/// - Each row's neighbours are sorted by index, so neighbourhoods can be intersected by merging.
///
/// - Complexity: construction is O(V + E log d) for E input edges and maximal degree d; memory is
///   O(V + E) in flat arrays, 8 + 4 + 8 + 4 bytes per stored arc plus 8 bytes per vertex.
public struct Graph: Sendable {
    /// Number of vertices; vertices are `0..<vertexCount`.
    public let vertexCount: Int
    /// Whether arcs have a direction.
    public let isDirected: Bool
    /// Row starts: the (out-)neighbours of `v` are `targets[offsets[v]..<offsets[v + 1]]`.
    public let offsets: [Int]
    /// Concatenated (out-)neighbour rows, each sorted ascending.
    public let targets: [Int32]
    /// Summed weight of the merged edges behind each stored arc, aligned with ``targets``.
    public let weights: [Double]
    /// Number of input edges merged into each stored arc, aligned with ``targets``.
    public let multiplicity: [Int32]
    /// In-neighbour row starts (directed graphs); equal to ``offsets`` for undirected graphs.
    public let inOffsets: [Int]
    /// Concatenated in-neighbour rows, each sorted ascending; equal to ``targets`` for undirected graphs.
    public let inSources: [Int32]
    /// Weights aligned with ``inSources``.
    public let inWeights: [Double]
    /// Number of distinct edges: unordered pairs when undirected, ordered pairs when directed.
    public let edgeCount: Int
    /// Number of input self-loops left out.
    public let droppedSelfLoops: Int
    /// Number of input edges merged into an existing edge (input edges minus kept edges minus self-loops).
    public let mergedParallelEdges: Int

    /// One input edge for ``Graph/init(vertexCount:edges:directed:)``.
    public struct Edge: Sendable, Equatable {
        public var source: Int32
        public var target: Int32
        public var weight: Double
        public init(_ source: Int32, _ target: Int32, weight: Double = 1) {
            self.source = source
            self.target = target
            self.weight = weight
        }
    }

    /// Builds the graph from a list of edges over `0..<vertexCount`.
    ///
    /// Every endpoint must lie in `0..<vertexCount` (the loaders guarantee it; violating it traps).
    public init(vertexCount: Int, edges: [Edge], directed: Bool) {
        self.vertexCount = vertexCount
        self.isDirected = directed
        var loops = 0
        for e in edges where e.source == e.target { loops += 1 }
        let out = Graph.buildRows(vertexCount: vertexCount, edges: edges, symmetric: !directed, reversed: false)
        self.offsets = out.offsets
        self.targets = out.targets
        self.weights = out.weights
        self.multiplicity = out.multiplicity
        if directed {
            let inRows = Graph.buildRows(vertexCount: vertexCount, edges: edges, symmetric: false, reversed: true)
            self.inOffsets = inRows.offsets
            self.inSources = inRows.targets
            self.inWeights = inRows.weights
            self.edgeCount = out.targets.count
        } else {
            self.inOffsets = out.offsets
            self.inSources = out.targets
            self.inWeights = out.weights
            self.edgeCount = out.targets.count / 2
        }
        self.droppedSelfLoops = loops
        self.mergedParallelEdges = edges.count - loops - self.edgeCount
    }

    /// Assembles a graph from rows already built (`inRows` equal to `out` when undirected).
    init(vertexCount: Int, directed: Bool, out: Rows, inRows: Rows, edgeCount: Int, droppedSelfLoops: Int, inputCount: Int) {
        self.vertexCount = vertexCount
        self.isDirected = directed
        self.offsets = out.offsets
        self.targets = out.targets
        self.weights = out.weights
        self.multiplicity = out.multiplicity
        self.inOffsets = inRows.offsets
        self.inSources = inRows.targets
        self.inWeights = inRows.weights
        self.edgeCount = edgeCount
        self.droppedSelfLoops = droppedSelfLoops
        self.mergedParallelEdges = inputCount - droppedSelfLoops - edgeCount
    }

    /// The (out-)neighbours of `v`, sorted ascending.
    @inlinable
    public func neighbours(of v: Int) -> ArraySlice<Int32> {
        targets[offsets[v]..<offsets[v + 1]]
    }

    /// The in-neighbours of `v`, sorted ascending (the neighbours, for undirected graphs).
    @inlinable
    public func inNeighbours(of v: Int) -> ArraySlice<Int32> {
        inSources[inOffsets[v]..<inOffsets[v + 1]]
    }

    /// Number of distinct (out-)neighbours of `v`.
    @inlinable
    public func degree(of v: Int) -> Int { offsets[v + 1] - offsets[v] }

    /// Number of distinct in-neighbours of `v`.
    @inlinable
    public func inDegree(of v: Int) -> Int { inOffsets[v + 1] - inOffsets[v] }

    /// The same graph with directions forgotten: arcs u→v and v→u become one undirected edge whose
    /// weight is the sum (NetworkX's `G.to_undirected()` keeps one of the two; see Docs/graph-engine.md).
    public func undirected() -> Graph {
        guard isDirected else { return self }
        var edges: [Edge] = []
        edges.reserveCapacity(targets.count)
        for u in 0..<vertexCount {
            for i in offsets[u]..<offsets[u + 1] {
                edges.append(Edge(Int32(u), targets[i], weight: weights[i]))
            }
        }
        return Graph(vertexCount: vertexCount, edges: edges, directed: false)
    }

    struct Rows {
        var offsets: [Int]
        var targets: [Int32]
        var weights: [Double]
        var multiplicity: [Int32]
    }

    /// Counting sort of arcs by row, then a per-row sort and merge of parallel arcs.
    private static func buildRows(vertexCount n: Int, edges: [Edge], symmetric: Bool, reversed: Bool) -> Rows {
        var counts = [Int](repeating: 0, count: n + 1)
        for e in edges where e.source != e.target {
            if reversed {
                counts[Int(e.target) + 1] += 1
            } else {
                counts[Int(e.source) + 1] += 1
            }
            if symmetric { counts[Int(e.target) + 1] += 1 }
        }
        for v in 0..<n { counts[v + 1] += counts[v] }
        let total = counts[n]
        var rawTargets = [Int32](repeating: 0, count: total)
        var rawWeights = [Double](repeating: 0, count: total)
        var fill = counts
        for e in edges where e.source != e.target {
            let (row, col) = reversed ? (Int(e.target), e.source) : (Int(e.source), e.target)
            rawTargets[fill[row]] = col
            rawWeights[fill[row]] = e.weight
            fill[row] += 1
            if symmetric {
                let r2 = Int(e.target)
                rawTargets[fill[r2]] = e.source
                rawWeights[fill[r2]] = e.weight
                fill[r2] += 1
            }
        }
        // Sort each row by target and merge runs of equal targets.
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets = [Int32]()
        var weights = [Double]()
        var multiplicity = [Int32]()
        targets.reserveCapacity(total)
        weights.reserveCapacity(total)
        multiplicity.reserveCapacity(total)
        var order: [Int] = []
        for v in 0..<n {
            let lo = counts[v], hi = counts[v + 1]
            offsets[v] = targets.count
            if hi - lo > 0 {
                var sorted = true
                var i = lo + 1
                while i < hi {
                    if rawTargets[i - 1] > rawTargets[i] { sorted = false; break }
                    i += 1
                }
                if sorted {
                    for j in lo..<hi {
                        if let last = targets.last, targets.count > offsets[v], last == rawTargets[j] {
                            weights[weights.count - 1] += rawWeights[j]
                            multiplicity[multiplicity.count - 1] += 1
                        } else {
                            targets.append(rawTargets[j])
                            weights.append(rawWeights[j])
                            multiplicity.append(1)
                        }
                    }
                } else {
                    order.removeAll(keepingCapacity: true)
                    order.append(contentsOf: lo..<hi)
                    // Stable by position so summed weights are added in input order (deterministic bits).
                    order.sort { a, b in
                        rawTargets[a] != rawTargets[b] ? rawTargets[a] < rawTargets[b] : a < b
                    }
                    for j in order {
                        if targets.count > offsets[v], targets[targets.count - 1] == rawTargets[j] {
                            weights[weights.count - 1] += rawWeights[j]
                            multiplicity[multiplicity.count - 1] += 1
                        } else {
                            targets.append(rawTargets[j])
                            weights.append(rawWeights[j])
                            multiplicity.append(1)
                        }
                    }
                }
            }
        }
        offsets[n] = targets.count
        return Rows(offsets: offsets, targets: targets, weights: weights, multiplicity: multiplicity)
    }
}
