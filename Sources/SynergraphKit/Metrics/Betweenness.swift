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
    /// weights on the relabelled core only (`_brandesCore`); see Docs/metrics.md.
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
    /// and target weights `ω` on the relabelled core (`_brandesCore`).
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

    /// One source of Brandes' algorithm on the folded core, with source weight `ω(s)` and target weights
    /// `ω(w)`: `δ(v) = σ(v) Σ_{w succ v} (ω(w) + δ(w)) / σ(w)`, and `partial[v] += ω(s) δ(v)`.
    ///
    /// The BFS is branch-free per arc (the branch on "new / next level / other" mispredicts on most arcs of
    /// a random graph): every arc writes the level byte back (unchanged unless new), appends the target to
    /// the queue and to the successor list, and adds `σ(v)` or 0 to `σ(w)`; the two write cursors advance
    /// by 0 or 1. Adding 0 to the final `σ` of an earlier level changes nothing. Levels are stored as
    /// `1 + distance mod 3` in a byte (see `_ShortestPathWorkspace.levelCode`). The backward sweep
    /// overwrites `σ(v)` by `(ω(v) + δ(v)) / σ(v)` once `v` is done, since only `v`'s predecessors, which
    /// come later in the sweep, read it.
    @inline(__always)
    static func _brandesCore(
        source s: Int, _ off: UnsafePointer<Int>, _ tgt: UnsafePointer<Int32>, _ omega: UnsafePointer<Double>,
        _ ws: _BrandesCoreWorkspace, into partial: UnsafeMutablePointer<Double>
    ) {
        let level = ws.level, sigma = ws.sigma, order = ws.order
        let successors = ws.successors, successorStart = ws.successorStart
        level[s] = 1
        sigma[s] = 1
        order[0] = Int32(s)
        var head = 0, tail = 1, recorded = 0
        while head < tail {
            let v = Int(order[head])
            successorStart[head] = Int32(truncatingIfNeeded: recorded)
            head += 1
            let code = level[v]
            let next: UInt8 = code == 3 ? 1 : code &+ 1
            let svBits = sigma[v].bitPattern
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let w32 = tgt[i]
                let w = Int(w32)
                let lw = level[w]
                // All-ones when w is new (level code 0), else 0; by arithmetic, because the compiler turns
                // `isNew ? next : lw` and the like back into mispredicted branches.
                let newMask = (Int(lw) &- 1) >> 63
                let lw2 = lw | (next & UInt8(truncatingIfNeeded: newMask))
                level[w] = lw2
                order[tail] = w32
                tail &-= newMask
                let nextMask = (Int(lw2 ^ next) &- 1) >> 63
                sigma[w] += Double(bitPattern: svBits & UInt64(bitPattern: Int64(nextMask)))
                successors[recorded] = w32
                recorded &-= nextMask
                i &+= 1
            }
        }
        successorStart[tail] = Int32(truncatingIfNeeded: recorded)
        let ωs = omega[s]
        var k = tail - 1
        while k > 0 {
            let v = Int(order[k])
            var acc = 0.0
            var j = Int(successorStart[k])
            let end = Int(successorStart[k + 1])
            while j < end {
                acc += sigma[Int(successors[j])]
                j &+= 1
            }
            let sv = sigma[v]
            let delta = sv * acc
            sigma[v] = (omega[v] + delta) / sv
            partial[v] += ωs * delta
            k -= 1
        }
        for k in 0..<tail {
            let v = Int(order[k])
            level[v] = 0
            sigma[v] = 0
        }
    }
}

/// Per-thread scratch space of `_brandesCore`: allocated once, reset in O(reached) after each source.
/// `order` and `successors` have one spare slot because the branch-free BFS writes one past the end.
final class _BrandesCoreWorkspace {
    let level: UnsafeMutablePointer<UInt8>
    /// σ during the BFS; `(ω + δ) / σ` once the backward sweep has passed a vertex; 0 when untouched.
    let sigma: UnsafeMutablePointer<Double>
    let order: UnsafeMutablePointer<Int32>
    let successors: UnsafeMutablePointer<Int32>
    let successorStart: UnsafeMutablePointer<Int32>

    init(vertexCount n: Int, arcCount: Int) {
        level = .allocate(capacity: n + 1); level.initialize(repeating: 0, count: n + 1)
        sigma = .allocate(capacity: n + 1); sigma.initialize(repeating: 0, count: n + 1)
        order = .allocate(capacity: n + 1); order.initialize(repeating: 0, count: n + 1)
        successors = .allocate(capacity: arcCount + 1); successors.initialize(repeating: 0, count: arcCount + 1)
        successorStart = .allocate(capacity: n + 2); successorStart.initialize(repeating: 0, count: n + 2)
    }

    deinit {
        level.deallocate(); sigma.deallocate(); order.deallocate(); successors.deallocate(); successorStart.deallocate()
    }
}
