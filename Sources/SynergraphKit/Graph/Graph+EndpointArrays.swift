extension Graph {
    /// Builds the graph from parallel endpoint arrays, without the 24-byte ``Graph/Edge`` per input edge.
    ///
    /// The result is identical, bit for bit, to ``Graph/init(vertexCount:edges:directed:)`` on
    /// `zip(sources, targets, weights)`: arcs enter each row in input order, rows are sorted stably by
    /// target, and parallel arcs are summed in input order. `weights == nil` means every weight is 1
    /// (the summed weight of an arc is then its multiplicity, stored without a per-edge weight array).
    ///
    /// The arrays are consumed: they are released as soon as the rows are filled, so a caller that
    /// passes them without keeping a copy holds at most the raw rows and the final arrays at once.
    /// For 10M undirected unweighted edges that is about 330 MB at peak, against about 800 MB for the
    /// `[Edge]` initialiser with its input.
    ///
    /// Every endpoint must lie in `0..<vertexCount` (violating it traps).
    ///
    /// - Complexity: O(V + E log d) time for E input edges and maximal degree d.
    public init(vertexCount n: Int, sources: consuming [Int32], targets: consuming [Int32], weights: consuming [Double]?,
                directed: Bool) {
        var src = consume sources
        var dst = consume targets
        var w = consume weights
        precondition(src.count == dst.count && (w == nil || w!.count == src.count), "endpoint and weight arrays differ in length")
        let inputCount = src.count
        var loops = 0
        for i in 0..<src.count where src[i] == dst[i] { loops += 1 }
        let out: Rows, inRows: Rows
        if directed {
            out = Graph.buildRows(vertexCount: n, rows: &src, columns: &dst, weights: &w, symmetric: false, release: false)
            inRows = Graph.buildRows(vertexCount: n, rows: &dst, columns: &src, weights: &w, symmetric: false, release: true)
        } else {
            out = Graph.buildRows(vertexCount: n, rows: &src, columns: &dst, weights: &w, symmetric: true, release: true)
            inRows = out
        }
        self.init(vertexCount: n, directed: directed, out: out, inRows: inRows, edgeCount: directed ? out.targets.count : out.targets.count / 2,
                  droppedSelfLoops: loops, inputCount: inputCount)
    }

    /// The undirected graph seen as a directed one with every edge as two arcs (what
    /// ``NetworkView/directedGraph()`` gives for a network without directed tie kinds).
    ///
    /// Arc weights and multiplicities are the undirected edge's, so the result equals the directed
    /// graph built from the input ties both ways. Directed graphs are returned unchanged.
    public func bothWaysDirected() -> Graph {
        guard !isDirected else { return self }
        let rows = Rows(offsets: offsets, targets: targets, weights: weights, multiplicity: multiplicity)
        return Graph(vertexCount: vertexCount, directed: true, out: rows, inRows: rows, edgeCount: targets.count,
                     droppedSelfLoops: droppedSelfLoops * 2, inputCount: 2 * (edgeCount + droppedSelfLoops + mergedParallelEdges))
    }

    /// Counting sort of arcs by row, then an in-place stable sort and merge of each row.
    ///
    /// `symmetric` also stores every arc reversed (undirected graphs). Self-loops are left out.
    /// `release` empties the input arrays as soon as the raw rows are filled.
    private static func buildRows(vertexCount n: Int, rows: inout [Int32], columns: inout [Int32], weights: inout [Double]?,
                                  symmetric: Bool, release: Bool) -> Rows {
        var starts = [Int](repeating: 0, count: n + 1)
        rows.withUnsafeBufferPointer { r in
            columns.withUnsafeBufferPointer { c in
                starts.withUnsafeMutableBufferPointer { s in
                    for i in 0..<r.count where r[i] != c[i] {
                        s[Int(r[i]) + 1] += 1
                        if symmetric { s[Int(c[i]) + 1] += 1 }
                    }
                    for v in 0..<n { s[v + 1] += s[v] }
                }
            }
        }
        let total = starts[n]
        var cols = [Int32](repeating: 0, count: total)
        var rawWeights: [Double] = weights == nil ? [] : [Double](repeating: 0, count: total)
        do {
            var fill = starts
            rows.withUnsafeBufferPointer { r in
                columns.withUnsafeBufferPointer { c in
                    fill.withUnsafeMutableBufferPointer { f in
                        cols.withUnsafeMutableBufferPointer { out in
                            rawWeights.withUnsafeMutableBufferPointer { ow in
                                for i in 0..<r.count where r[i] != c[i] {
                                    let a = Int(r[i]), b = Int(c[i])
                                    out[f[a]] = c[i]
                                    if let weights { ow[f[a]] = weights[i] }
                                    f[a] += 1
                                    if symmetric {
                                        out[f[b]] = r[i]
                                        if let weights { ow[f[b]] = weights[i] }
                                        f[b] += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let weighted = weights != nil
        if release {
            rows = []
            columns = []
            weights = nil
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        var multiplicity = [Int32](repeating: 0, count: total)
        var kept = 0
        var keys: [UInt64] = []
        var scratchWeights: [Double] = []
        cols.withUnsafeMutableBufferPointer { t in
            rawWeights.withUnsafeMutableBufferPointer { wt in
                multiplicity.withUnsafeMutableBufferPointer { m in
                    for v in 0..<n {
                        let lo = starts[v], hi = starts[v + 1]
                        offsets[v] = kept
                        guard hi > lo else { continue }
                        var sorted = true
                        var i = lo + 1
                        while i < hi {
                            if t[i - 1] > t[i] { sorted = false; break }
                            i += 1
                        }
                        if !sorted {
                            if weighted {
                                // Stable by position: key = target << 32 | position in the row.
                                keys.removeAll(keepingCapacity: true)
                                scratchWeights.removeAll(keepingCapacity: true)
                                for j in lo..<hi {
                                    keys.append(UInt64(UInt32(t[j])) << 32 | UInt64(j - lo))
                                    scratchWeights.append(wt[j])
                                }
                                keys.sort()
                                for (k, key) in keys.enumerated() {
                                    t[lo + k] = Int32(truncatingIfNeeded: key >> 32)
                                    wt[lo + k] = scratchWeights[Int(key & 0xFFFF_FFFF)]
                                }
                            } else {
                                var row = UnsafeMutableBufferPointer(rebasing: t[lo..<hi])
                                row.sort()
                            }
                        }
                        // Merge runs of equal targets in place (kept <= j throughout).
                        let rowStart = kept
                        for j in lo..<hi {
                            if kept > rowStart, t[kept - 1] == t[j] {
                                if weighted { wt[kept - 1] += wt[j] }
                                m[kept - 1] += 1
                            } else {
                                t[kept] = t[j]
                                if weighted { wt[kept] = wt[j] }
                                m[kept] = 1
                                kept += 1
                            }
                        }
                    }
                }
            }
        }
        offsets[n] = kept
        if kept < total {
            cols.removeLast(total - kept)
            multiplicity.removeLast(total - kept)
            if weighted { rawWeights.removeLast(total - kept) }
        }
        let finalWeights = weighted ? rawWeights : multiplicity.map { Double($0) }
        return Rows(offsets: offsets, targets: cols, weights: finalWeights, multiplicity: multiplicity)
    }
}
