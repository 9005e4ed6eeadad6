extension Graph {
    /// Shortest-path betweenness centrality of every vertex (Brandes 2001), as
    /// `nx.betweenness_centrality(G, normalized=normalized, weight=None or "distance")`.
    ///
    /// `c_B(v) = Σ_{s ≠ v ≠ t} σ(s, t | v) / σ(s, t)`, where `σ(s, t)` counts shortest s–t paths and
    /// `σ(s, t | v)` those through `v`; endpoints are not counted.
    ///
    /// Conventions (NetworkX 3.6 defaults):
    /// - Direction: directed graphs follow arcs; undirected graphs count each unordered pair once, so the
    ///   raw sum over ordered pairs is halved when `normalized == false`.
    /// - Normalisation: when `normalized`, values are divided by `(n − 1)(n − 2)` — for undirected graphs
    ///   that is the ordered-pair sum over `(n − 1)(n − 2)`, i.e. `2 c_B / ((n − 1)(n − 2))`. Graphs with
    ///   fewer than 3 vertices are left unscaled (every value is 0 there anyway).
    /// - Weights: `weighted == false` counts hops (BFS). `weighted == true` uses Dijkstra with arc length
    ///   `1 / weight` (the project's `--weighted` convention; NetworkX called with `weight="distance"` where
    ///   `distance = 1 / weight`). Two paths tie only when their floating-point lengths are equal, as in
    ///   NetworkX. Arcs whose weight is not positive and finite are ignored.
    /// - Isolated vertices and disconnected graphs: pairs with no path contribute nothing; isolated
    ///   vertices score 0.
    ///
    /// Parallelism and determinism: sources are cut into fixed chunks that depend only on the vertex
    /// count (see `_SourceChunks`), each chunk accumulates into its own partial vector, and the partial
    /// vectors are added in chunk order, so the result is bit-identical for every `threads` value.
    /// Dependencies are accumulated by pulling from successors (`δ(v) = σ(v) Σ_w (1 + δ(w)) / σ(w)`):
    /// the BFS records the shortest-path DAG's successor arcs, so the backward sweep reads only those
    /// (Dijkstra's sweep re-tests `d(v) + ℓ(v, w) = d(w)` on every arc instead).
    ///
    /// Undirected, unweighted graphs first fold away degree-1 vertices (`_DegreeOneFolding`, Baglioni et al.
    /// 2012: the pairs a peeled vertex separates are counted by a closed formula) and run Brandes with vertex
    /// weights on the relabelled core only (`_brandesDirectionOptimizing`); see Docs/metrics.md.
    ///
    /// - Complexity: O(V·E) time unweighted, O(V·E log V) weighted; O(V + E) memory per worker plus
    ///   one V-length partial vector per chunk (at most 64 chunks).
    /// - Reference: U. Brandes, "A faster algorithm for betweenness centrality", Journal of Mathematical
    ///   Sociology 25(2):163–177, 2001. doi:10.1080/0022250X.2001.9990249
    public func betweennessCentrality(
        normalized: Bool = true, weighted: Bool = false, threads: Int = defaultMetricThreadCount, progress: WorkProgress? = nil
    ) -> [Double] {
        let n = vertexCount
        guard n > 0 else { return [] }
        if !weighted && !isDirected && targets.count < Int(Int32.max) {
            return _foldedBetweenness(normalized: normalized, threads: threads, progress: progress)
        }
        return _plainBrandesBetweenness(normalized: normalized, weighted: weighted, threads: threads, progress: progress)
    }

    /// Brandes on the whole graph, without folding: the path of directed and weighted graphs. Exposed to the
    /// benchmark tool (`synergraph-bench --file G betweenness-plain`) so that both paths can be timed in one build.
    @_spi(Benchmark)
    public func _plainBrandesBetweenness(
        normalized: Bool = true, weighted: Bool = false, threads: Int = defaultMetricThreadCount, progress: WorkProgress? = nil
    ) -> [Double] {
        let n = vertexCount
        guard n > 0 else { return [] }
        let chunks = _SourceChunks(sourceCount: n, partialLength: n)
        let partials = _PartialSums(rows: chunks.chunkCount, length: n)
        let lengths = weighted ? _inverseWeightLengths(reversed: false) : []
        let arcCount = targets.count
        let directed = isDirected
        progress?.start("betweenness", total: chunks.chunkCount)
        _withArcs(reversed: false) { arcs in
            lengths.withUnsafeBufferPointer { lengthBuffer in
                chunks.run(threads: threads, progress: progress, makeWorker: { _ in
                    _ShortestPathWorkspace(vertexCount: n, arcCount: arcCount, needsHeap: weighted, recordsSuccessors: !weighted)
                }) { ws, chunk in
                    let partial = partials.row(chunk)
                    for s in chunks.range(of: chunk) {
                        if weighted {
                            Self._brandesWeighted(source: s, arcs, lengthBuffer.baseAddress!, ws, into: partial)
                        } else {
                            Self._brandesHops(source: s, arcs, directed: directed, ws, into: partial)
                        }
                    }
                }
            }
        }
        var result = partials.reducedInOrder()
        let scale = Self._betweennessScale(n: n, normalized: normalized, directed: isDirected)
        if scale != 1 {
            for v in 0..<n { result[v] *= scale }
        }
        return result
    }

    /// NetworkX's `_rescale` with `endpoints=False` and no sampling.
    static func _betweennessScale(n: Int, normalized: Bool, directed: Bool) -> Double {
        let pairsN = n - 1
        if pairsN < 2 { return 1 }
        if normalized { return 1 / (Double(pairsN) * Double(pairsN - 1)) }
        return directed ? 1 : 0.5
    }

    /// One source of Brandes' algorithm over hops; adds the source's dependencies into `partial`.
    @inline(__always)
    static func _brandesHops(
        source s: Int, _ arcs: _Arcs, directed: Bool, _ ws: _ShortestPathWorkspace, into partial: UnsafeMutablePointer<Double>
    ) {
        let reached = directed ? ws.bfsRecordingSuccessorsByDistance(from: s, arcs) : ws.bfsRecordingSuccessors(from: s, arcs)
        let successors = ws.successors, successorStart = ws.successorStart
        let sigma = ws.sigma, coeff = ws.coeff, order = ws.order
        var k = reached - 1
        while k >= 0 {
            let v = Int(order[k])
            var acc = 0.0
            var j = successorStart[k]
            let end = successorStart[k + 1]
            while j < end {
                acc += coeff[Int(successors[j])]
                j += 1
            }
            let delta = sigma[v] * acc
            coeff[v] = (1 + delta) / sigma[v]
            if v != s { partial[v] += delta }
            k -= 1
        }
        ws.reset(reached)
    }

    /// One source of Brandes' algorithm over lengths `1 / weight`; adds the dependencies into `partial`.
    @inline(__always)
    static func _brandesWeighted(
        source s: Int, _ arcs: _Arcs, _ lengths: UnsafePointer<Double>, _ ws: _ShortestPathWorkspace,
        into partial: UnsafeMutablePointer<Double>
    ) {
        let reached = ws.dijkstra(from: s, arcs, lengths: lengths, countPaths: true)
        let off = arcs.offsets.baseAddress!, tgt = arcs.targets.baseAddress!
        let dist = ws.dist, sigma = ws.sigma, coeff = ws.coeff, order = ws.order
        var k = reached - 1
        while k >= 0 {
            let v = Int(order[k])
            let dv = dist[v]
            var acc = 0.0
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let len = lengths[i]
                if len < .infinity {
                    let w = Int(tgt[i])
                    if dv + len == dist[w] { acc += coeff[w] }
                }
                i += 1
            }
            let delta = sigma[v] * acc
            coeff[v] = (1 + delta) / sigma[v]
            if v != s { partial[v] += delta }
            k -= 1
        }
        ws.reset(reached)
    }

    /// Undirected, unweighted betweenness: degree-1 folding (`_DegreeOneFolding`), then Brandes with source
    /// and target weights `ω` on the relabelled core (`_brandesDirectionOptimizing`).
    func _foldedBetweenness(normalized: Bool, threads: Int, progress: WorkProgress?) -> [Double] {
        let n = vertexCount
        let fold = _DegreeOneFolding(self)
        let core = fold.coreCount
        var result = fold.treePart
        let chunks = _SourceChunks(sourceCount: core, partialLength: core)
        progress?.start("betweenness", total: chunks.chunkCount)
        if core > 0 {
            let partials = _PartialSums(rows: chunks.chunkCount, length: core)
            fold.coreOffsets.withUnsafeBufferPointer { offBuffer in
                fold.coreTargets.withUnsafeBufferPointer { tgtBuffer in
                    fold.weight.withUnsafeBufferPointer { weightBuffer in
                        let off = offBuffer.baseAddress!, tgt = tgtBuffer.baseAddress ?? UnsafePointer(bitPattern: 8)!
                        let omega = weightBuffer.baseAddress!
                        chunks.run(threads: threads, progress: progress, makeWorker: { _ in
                            _DirectionOptimizingWorkspace(vertexCount: core, arcCount: fold.coreTargets.count)
                        }) { ws, chunk in
                            let partial = partials.row(chunk)
                            for s in chunks.range(of: chunk) {
                                Self._brandesDirectionOptimizing(source: s, off, tgt, omega, ws, into: partial)
                            }
                        }
                    }
                }
            }
            let sums = partials.reducedInOrder()
            for k in 0..<core { result[Int(fold.coreVertex[k])] += sums[k] }
        }
        let scale = Self._betweennessScale(n: n, normalized: normalized, directed: false)
        if scale != 1 {
            for v in 0..<n { result[v] *= scale }
        }
        return result
    }
}
