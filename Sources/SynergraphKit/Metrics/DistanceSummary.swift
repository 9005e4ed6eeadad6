/// Diameter and mean distance of a graph's largest (strongly) connected component.
public struct DistanceSummary: Sendable, Equatable {
    /// Number of vertices in the component measured.
    public let componentSize: Int
    /// Largest shortest-path distance between two vertices of the component (0 for a single vertex).
    public let diameter: Double
    /// Mean shortest-path distance over ordered pairs of distinct vertices of the component (0 for one vertex).
    public let averageShortestPathLength: Double
}

extension Graph {
    /// Diameter and average shortest-path length of the largest component, as `nx.diameter` and
    /// `nx.average_shortest_path_length` on that component's subgraph (NetworkX refuses disconnected graphs).
    ///
    /// - Component: the largest connected component when undirected, the largest *strongly* connected one
    ///   when directed (where every pair has a path); ties go to the component with the smallest vertex.
    /// - Weights: `weighted` uses arc length `1 / weight`; otherwise hops.
    /// - Returns `nil` for the empty graph.
    /// - Parallel over sources; per-source sums are added in source order, so the result does not depend
    ///   on `threads`.
    /// - Complexity: O(C·E) unweighted, O(C·E log V) weighted, for a component of C vertices.
    public func distanceSummary(weighted: Bool = false, threads: Int = defaultMetricThreadCount, progress: WorkProgress? = nil) -> DistanceSummary? {
        let partition = isDirected ? stronglyConnectedComponents() : connectedComponents()
        guard let largest = partition.largest else { return nil }
        let label = Int32(largest)
        let members = (0..<vertexCount).filter { partition.componentOf[$0] == label }
        let size = members.count
        guard size > 1 else { return DistanceSummary(componentSize: size, diameter: 0, averageShortestPathLength: 0) }
        var sums = [Double](repeating: 0, count: size)
        var maxima = [Double](repeating: 0, count: size)
        let n = vertexCount
        let lengths = weighted ? _inverseWeightLengths(reversed: false) : []
        let chunks = _SourceChunks(sourceCount: size, partialLength: 0)
        let arcCount = targets.count
        progress?.start("diameter and path length", total: chunks.chunkCount)
        partition.componentOf.withUnsafeBufferPointer { comp in
            sums.withUnsafeMutableBufferPointer { sumOut in
                maxima.withUnsafeMutableBufferPointer { maxOut in
                    _withArcs(reversed: false) { arcs in
                        lengths.withUnsafeBufferPointer { len in
                            chunks.run(threads: threads, progress: progress, makeWorker: { _ in
                                _ShortestPathWorkspace(vertexCount: n, arcCount: arcCount, needsHeap: weighted)
                            }) { ws, chunk in
                                for k in chunks.range(of: chunk) {
                                    let s = members[k]
                                    let reached = weighted
                                        ? ws.dijkstra(from: s, arcs, lengths: len.baseAddress!, countPaths: false)
                                        : ws.bfs(from: s, arcs)
                                    var total = 0.0, farthest = 0.0
                                    for r in 0..<reached {
                                        let v = Int(ws.order[r])
                                        guard comp[v] == label else { continue }
                                        let d = weighted ? ws.dist[v] : Double(ws.hops[v])
                                        total += d
                                        farthest = max(farthest, d)
                                    }
                                    sumOut[k] = total
                                    maxOut[k] = farthest
                                    ws.reset(reached)
                                }
                            }
                        }
                    }
                }
            }
        }
        var total = 0.0
        for s in sums { total += s }
        return DistanceSummary(
            componentSize: size, diameter: maxima.max() ?? 0,
            averageShortestPathLength: total / (Double(size) * Double(size - 1)))
    }
}
