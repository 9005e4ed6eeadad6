extension Graph {
    /// Number of triangles through each vertex of an undirected graph, each triangle counted once at each
    /// of its corners: `T(v)` in `c(v) = 2 T(v) / (d(v)(d(v) − 1))`.
    ///
    /// Degree-ordered ("forward") triangle listing (Schank and Wagner 2005; Latapy 2008):
    /// 1. Rank the vertices by `(degree, index)` (a counting sort by degree; equal degrees by index).
    /// 2. Orient every edge from its lower-ranked end to its higher-ranked one. The out-neighbours of `v`
    ///    all have degree ≥ `d(v)`, and there are at most `2m / d(v)` such vertices, so the out-degree is at
    ///    most `min(d(v), √(2m))`.
    /// 3. For each vertex `v`, mark its out-neighbours; for each out-neighbour `u`, every out-neighbour `w`
    ///    of `u` that is marked closes the triangle `v < u < w` (in rank). Each triangle is found exactly
    ///    once, from its lowest corner, and credited to all three corners.
    ///
    /// Step 3 runs over `_SourceChunks` on `threads` workers, each with its own mark array and count array;
    /// the counts are integers, so the sum does not depend on the thread count or on the order in which
    /// triangles are found. The loops allocate nothing and use no dictionary.
    ///
    /// - Complexity: O(V + Σ_{v→u} d⁺(u)) time (for every oriented edge, the out-degree of its head),
    ///   which is O(V + m·√m) since every out-degree is at most √(2m); O(V + m) scratch memory (the
    ///   oriented rows hold each edge once) plus O(V) per extra worker.
    /// - References: T. Schank and D. Wagner, "Finding, counting and listing all triangles in large graphs,
    ///   an experimental study", WEA 2005, LNCS 3503:606–609, doi:10.1007/11427186_54; M. Latapy,
    ///   "Main-memory triangle computations for very large (sparse (power-law)) graphs", Theoretical
    ///   Computer Science 407:458–473, 2008, doi:10.1016/j.tcs.2008.07.017.
    func _triangleCounts(threads: Int) -> [Int] {
        precondition(!isDirected, "triangle counts are for undirected graphs")
        let n = vertexCount
        var triangles = [Int](repeating: 0, count: n)
        guard n >= 3, edgeCount >= 3 else { return triangles }
        let chunks = _SourceChunks(sourceCount: n, partialLength: 0)
        let workers = max(1, min(threads, chunks.chunkCount))
        let rows = _forwardRows()
        // Worker 0 counts into `triangles`, worker t > 0 into row t − 1 of `extra`.
        let extra = UnsafeMutableBufferPointer<Int>.allocate(capacity: (workers - 1) * n)
        extra.initialize(repeating: 0)
        defer { extra.deallocate() }
        rows.offsets.withUnsafeBufferPointer { fo in
            rows.targets.withUnsafeBufferPointer { ft in
                triangles.withUnsafeMutableBufferPointer { counts in
                    let own = counts.baseAddress!
                    chunks.run(threads: workers, makeWorker: { t in
                        _TriangleWorker(counts: t == 0 ? own : extra.baseAddress! + (t - 1) * n, vertexCount: n)
                    }) { worker, c in
                        worker.count(from: chunks.range(of: c), offsets: fo, targets: ft)
                    }
                    for t in 1..<workers {
                        let row = extra.baseAddress! + (t - 1) * n
                        for v in 0..<n { own[v] += row[v] }
                    }
                }
            }
        }
        return triangles
    }

    /// The rows of the degree orientation: every edge once, from the end with the lower `(degree, index)`
    /// rank to the higher one, each row in ascending vertex order (a filter of the sorted CSR row).
    ///
    /// One sequential pass. Building it in parallel took two passes (count, prefix sum, fill), each doing
    /// the random rank look-ups again, and was no faster on two cores (10 ms against 9 ms on 100k / 1M).
    private func _forwardRows() -> _ForwardRows {
        let n = vertexCount
        var rank = [Int32](repeating: 0, count: n)
        var forwardOffsets = [Int](repeating: 0, count: n + 1)
        var forwardTargets = [Int32](repeating: 0, count: edgeCount)
        offsets.withUnsafeBufferPointer { off in
            targets.withUnsafeBufferPointer { tgt in
                rank.withUnsafeMutableBufferPointer { rank in
                    // Counting sort by degree; vertices of equal degree keep index order.
                    var maxDegree = 0
                    for v in 0..<n { maxDegree = Swift.max(maxDegree, off[v + 1] - off[v]) }
                    var next = [Int](repeating: 0, count: maxDegree + 1)
                    for v in 0..<n { next[off[v + 1] - off[v]] += 1 }
                    var sum = 0
                    for d in 0...maxDegree { (next[d], sum) = (sum, sum + next[d]) }
                    for v in 0..<n {
                        let d = off[v + 1] - off[v]
                        rank[v] = Int32(truncatingIfNeeded: next[d])
                        next[d] += 1
                    }
                    forwardOffsets.withUnsafeMutableBufferPointer { fo in
                        forwardTargets.withUnsafeMutableBufferPointer { ft in
                            var k = 0
                            for v in 0..<n {
                                fo[v] = k
                                let rv = rank[v]
                                for i in off[v]..<off[v + 1] where rank[Int(tgt[i])] > rv {
                                    ft[k] = tgt[i]
                                    k += 1
                                }
                            }
                            fo[n] = k
                        }
                    }
                }
            }
        }
        return _ForwardRows(offsets: forwardOffsets, targets: forwardTargets)
    }
}

/// The out-rows of the degree orientation, in CSR form: the out-neighbours of `v` are
/// `targets[offsets[v]..<offsets[v + 1]]`.
private struct _ForwardRows {
    let offsets: [Int]
    let targets: [Int32]
}

/// One worker's scratch for ``Graph/_triangleCounts(threads:)``: a mark per vertex (all clear between
/// vertices) and the count array it adds to.
private struct _TriangleWorker {
    let counts: UnsafeMutablePointer<Int>
    var marks: [Bool]

    init(counts: UnsafeMutablePointer<Int>, vertexCount: Int) {
        self.counts = counts
        marks = [Bool](repeating: false, count: vertexCount)
    }

    /// Finds every triangle whose lowest-ranked corner is in `vertices` and credits its three corners.
    mutating func count(from vertices: Range<Int>, offsets fo: UnsafeBufferPointer<Int>,
                        targets ft: UnsafeBufferPointer<Int32>) {
        let tri = counts
        marks.withUnsafeMutableBufferPointer { mark in
            for v in vertices {
                let start = fo[v], end = fo[v + 1]
                // v is the lowest corner of a triangle only if it has two out-neighbours.
                guard end - start >= 2 else { continue }
                for i in start..<end { mark[Int(ft[i])] = true }
                var atV = 0
                for i in start..<end {
                    let u = Int(ft[i])
                    var atU = 0
                    for j in fo[u]..<fo[u + 1] where mark[Int(ft[j])] {
                        atU += 1
                        tri[Int(ft[j])] += 1
                    }
                    tri[u] += atU
                    atV += atU
                }
                tri[v] += atV
                for i in start..<end { mark[Int(ft[i])] = false }
            }
        }
    }
}
