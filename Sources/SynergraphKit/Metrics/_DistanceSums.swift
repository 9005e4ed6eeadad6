/// Per-vertex sums over incoming shortest-path distances, shared by closeness and harmonic centrality so
/// that ``NodeMetrics`` can compute both from one set of searches.
struct _IncomingDistanceSums {
    /// Number of vertices that reach `v` (including `v`).
    var reachedBy: [Int]
    /// `Σ d(u, v)` over the vertices `u` that reach `v`.
    var distanceSum: [Double]
    /// `Σ 1 / d(u, v)` over the vertices `u ≠ v` that reach `v`.
    var inverseDistanceSum: [Double]
}

extension Graph {
    /// One search per vertex `v` along reversed arcs (so distances are *to* `v`, NetworkX's convention for
    /// directed closeness and harmonic centrality); parallel over `v`, each writing only its own entries.
    func _incomingDistanceSums(weighted: Bool, threads: Int, progress: WorkProgress? = nil) -> _IncomingDistanceSums {
        let n = vertexCount
        var reached = [Int](repeating: 0, count: n)
        var sums = [Double](repeating: 0, count: n)
        var inverse = [Double](repeating: 0, count: n)
        guard n > 0 else { return _IncomingDistanceSums(reachedBy: [], distanceSum: [], inverseDistanceSum: []) }
        let lengths = weighted ? _inverseWeightLengths(reversed: true) : []
        let chunks = _SourceChunks(sourceCount: n, partialLength: 0)
        let arcCount = inSources.count
        progress?.start("closeness and harmonic", total: chunks.chunkCount)
        reached.withUnsafeMutableBufferPointer { reachedOut in
            sums.withUnsafeMutableBufferPointer { sumOut in
                inverse.withUnsafeMutableBufferPointer { inverseOut in
                    _withArcs(reversed: true) { arcs in
                      _withArcs(reversed: false) { forwardArcs in
                        lengths.withUnsafeBufferPointer { len in
                            chunks.run(threads: threads, progress: progress, makeWorker: { _ in
                                _ShortestPathWorkspace(vertexCount: n, arcCount: arcCount, needsHeap: weighted)
                            }) { ws, chunk in
                                for v in chunks.range(of: chunk) {
                                    var total = 0.0, harmonic = 0.0
                                    let count: Int
                                    if weighted {
                                        count = ws.dijkstra(from: v, arcs, lengths: len.baseAddress!, countPaths: false)
                                        for k in 1..<max(count, 1) {
                                            let d = ws.dist[Int(ws.order[k])]
                                            total += d
                                            harmonic += 1 / d
                                        }
                                    } else {
                                        count = ws.bfsDirectionOptimizing(from: v, arcs, reverse: forwardArcs)
                                        // BFS order is level order: count each level, divide once per level.
                                        var hopTotal = 0, level: Int32 = 1, atLevel = 0
                                        let hops = ws.hops, order = ws.order
                                        for k in 1..<max(count, 1) {
                                            let d = hops[Int(order[k])]
                                            if d != level {
                                                harmonic += Double(atLevel) / Double(level)
                                                level = d
                                                atLevel = 0
                                            }
                                            atLevel += 1
                                            hopTotal += Int(d)
                                        }
                                        harmonic += Double(atLevel) / Double(level)
                                        total = Double(hopTotal)
                                    }
                                    reachedOut[v] = count
                                    sumOut[v] = total
                                    inverseOut[v] = harmonic
                                    ws.reset(count)
                                }
                            }
                        }
                      }
                    }
                }
            }
        }
        return _IncomingDistanceSums(reachedBy: reached, distanceSum: sums, inverseDistanceSum: inverse)
    }
}
