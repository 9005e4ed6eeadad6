/// A value attached to one edge: for undirected graphs `source < target`, for directed graphs the arc.
public struct EdgeScore: Sendable, Equatable {
    public var source: Int
    public var target: Int
    public var value: Double
    public init(source: Int, target: Int, value: Double) {
        self.source = source
        self.target = target
        self.value = value
    }
}

extension Graph {
    /// Edge betweenness centrality, as `nx.edge_betweenness_centrality(G, normalized=…, weight=None or "distance")`:
    /// for every edge `e`, `Σ_{s ≠ t} σ(s, t | e) / σ(s, t)`.
    ///
    /// - Normalisation: divided by `n(n − 1)` when `normalized` (for undirected graphs this is applied to the
    ///   sum over *ordered* pairs, exactly as NetworkX); otherwise undirected values are halved so each
    ///   unordered pair counts once. No scaling for `n < 2`.
    /// - Weights: `weighted` uses arc length `1 / weight`.
    /// - Output: one ``EdgeScore`` per edge, ordered by source then target (`source < target` when undirected).
    /// - Parallel over sources in fixed chunks with per-chunk partial sums, added in chunk order: the result
    ///   is bit-identical for every `threads`.
    /// - Complexity: O(V·E) unweighted, O(V·E log V) weighted; one E-length partial vector per chunk.
    /// - Reference: U. Brandes, "On variants of shortest-path betweenness centrality and their generic
    ///   computation", Social Networks 30(2):136–145, 2008. doi:10.1016/j.socnet.2007.11.001
    public func edgeBetweennessCentrality(
        normalized: Bool = true, weighted: Bool = false, threads: Int = defaultMetricThreadCount
    ) -> [EdgeScore] {
        let n = vertexCount
        let arcCount = targets.count
        guard n > 0, arcCount > 0 else { return [] }
        let chunks = _SourceChunks(sourceCount: n, partialLength: arcCount)
        let partials = _PartialSums(rows: chunks.chunkCount, length: arcCount)
        let lengths = weighted ? _inverseWeightLengths(reversed: false) : []
        _withArcs(reversed: false) { arcs in
            lengths.withUnsafeBufferPointer { lengthBuffer in
                chunks.run(threads: threads, makeWorker: { _ in
                    _ShortestPathWorkspace(vertexCount: n, arcCount: arcCount, needsHeap: weighted)
                }) { ws, chunk in
                    let partial = partials.row(chunk)
                    for s in chunks.range(of: chunk) {
                        Self._edgeDependencies(source: s, arcs, weighted ? lengthBuffer.baseAddress : nil, ws, into: partial)
                    }
                }
            }
        }
        let arcValues = partials.reducedInOrder()
        var scale = 1.0
        if n >= 2 {
            if normalized {
                scale = 1 / (Double(n) * Double(n - 1))
            } else if !isDirected {
                scale = 0.5
            }
        }
        var out: [EdgeScore] = []
        out.reserveCapacity(edgeCount)
        for u in 0..<n {
            for i in offsets[u]..<offsets[u + 1] {
                let v = Int(targets[i])
                if isDirected {
                    out.append(EdgeScore(source: u, target: v, value: arcValues[i] * scale))
                } else if u < v {
                    // The reverse arc v → u: binary search in v's sorted row.
                    let row = neighbours(of: v)
                    var lo = row.startIndex, hi = row.endIndex
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if row[mid] < Int32(u) { lo = mid + 1 } else { hi = mid }
                    }
                    out.append(EdgeScore(source: u, target: v, value: (arcValues[i] + arcValues[lo]) * scale))
                }
            }
        }
        return out
    }

    /// One source: the dependency of `s` on every arc, added into `partial` (indexed by arc).
    static func _edgeDependencies(
        source s: Int, _ arcs: _Arcs, _ lengths: UnsafePointer<Double>?, _ ws: _ShortestPathWorkspace,
        into partial: UnsafeMutablePointer<Double>
    ) {
        let reached = lengths == nil
            ? ws.bfsCountingPaths(from: s, arcs)
            : ws.dijkstra(from: s, arcs, lengths: lengths!, countPaths: true)
        let off = arcs.offsets.baseAddress!, tgt = arcs.targets.baseAddress!
        let hops = ws.hops, dist = ws.dist, sigma = ws.sigma, coeff = ws.coeff, order = ws.order
        var k = reached - 1
        while k >= 0 {
            let v = Int(order[k])
            let sv = sigma[v]
            var acc = 0.0
            var i = off[v]
            let end = off[v + 1]
            if let lengths {
                let dv = dist[v]
                while i < end {
                    let len = lengths[i]
                    let w = Int(tgt[i])
                    if len < .infinity && dv + len == dist[w] {
                        let c = sv * coeff[w]
                        partial[i] += c
                        acc += c
                    }
                    i += 1
                }
            } else {
                let next = hops[v] + 1
                while i < end {
                    let w = Int(tgt[i])
                    if hops[w] == next {
                        let c = sv * coeff[w]
                        partial[i] += c
                        acc += c
                    }
                    i += 1
                }
            }
            coeff[v] = (1 + acc) / sv
            k -= 1
        }
        ws.reset(reached)
    }
}
