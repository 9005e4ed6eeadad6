/// Per-thread scratch space for single-source shortest-path searches (BFS and Dijkstra), allocated once
/// and reused for every source so that the inner loops allocate nothing and look nothing up.
///
/// After a search, `order[0..<reached]` lists the reached vertices in non-decreasing distance
/// (BFS order, or Dijkstra settle order); `hops` / `dist` hold distances and `sigma` the number of
/// shortest paths. ``reset(_:)`` restores the untouched state in O(reached), not O(V).
///
/// Dijkstra uses a hand-written lazy binary min-heap on preallocated storage (capacity = arcs + 1, the
/// most pushes one search can make) instead of swift-collections' `Heap`: the storage is reused across
/// all sources without reallocation, and the heap holds plain (key, vertex) pairs with no ARC traffic.
/// It was not benchmarked against `Heap`.
final class _ShortestPathWorkspace {
    let n: Int
    /// Hop distance from the source, -1 when unreached (BFS).
    let hops: UnsafeMutablePointer<Int32>
    /// Length distance from the source, +infinity when unreached (Dijkstra).
    let dist: UnsafeMutablePointer<Double>
    /// Number of shortest paths from the source.
    let sigma: UnsafeMutablePointer<Double>
    /// Brandes' `(1 + delta[w]) / sigma[w]`, written during accumulation.
    let coeff: UnsafeMutablePointer<Double>
    /// Reached vertices in order of distance (BFS queue / Dijkstra settle order).
    let order: UnsafeMutablePointer<Int32>
    /// `1 + (hop distance mod 3)`, 0 when unreached: in an *undirected* graph an edge never spans more than
    /// one level, so this is all ``bfsRecordingSuccessors(from:_:)`` needs to tell the next level from the
    /// current and previous ones, in one byte per vertex so the array stays in L1 cache where `hops` would
    /// not. (A directed arc can point back any number of levels, so directed graphs use
    /// ``bfsRecordingSuccessorsByDistance(from:_:)``.)
    let levelCode: UnsafeMutablePointer<UInt8>
    /// Successor arcs of the shortest-path DAG, recorded by ``bfsRecordingSuccessors(from:_:)``: the
    /// successors of `order[k]` are `successors[successorStart[k]..<successorStart[k + 1]]`.
    let successors: UnsafeMutablePointer<Int32>
    let successorStart: UnsafeMutablePointer<Int>
    /// 1 once Dijkstra has settled a vertex.
    let settled: UnsafeMutablePointer<UInt8>
    private let heapKeys: UnsafeMutablePointer<Double>
    private let heapVertices: UnsafeMutablePointer<Int32>
    private let heapCapacity: Int

    init(vertexCount n: Int, arcCount: Int, needsHeap: Bool, recordsSuccessors: Bool = false) {
        self.n = n
        let c = max(n, 1)
        hops = .allocate(capacity: c); hops.initialize(repeating: -1, count: c)
        dist = .allocate(capacity: c); dist.initialize(repeating: .infinity, count: c)
        sigma = .allocate(capacity: c); sigma.initialize(repeating: 0, count: c)
        coeff = .allocate(capacity: c); coeff.initialize(repeating: 0, count: c)
        order = .allocate(capacity: c); order.initialize(repeating: 0, count: c)
        settled = .allocate(capacity: c); settled.initialize(repeating: 0, count: c)
        levelCode = .allocate(capacity: c); levelCode.initialize(repeating: 0, count: c)
        let successorCapacity = recordsSuccessors ? max(arcCount, 1) : 1
        successors = .allocate(capacity: successorCapacity); successors.initialize(repeating: 0, count: successorCapacity)
        successorStart = .allocate(capacity: recordsSuccessors ? c + 1 : 1)
        successorStart.initialize(repeating: 0, count: recordsSuccessors ? c + 1 : 1)
        heapCapacity = needsHeap ? arcCount + 1 : 1
        heapKeys = .allocate(capacity: heapCapacity); heapKeys.initialize(repeating: 0, count: heapCapacity)
        heapVertices = .allocate(capacity: heapCapacity); heapVertices.initialize(repeating: 0, count: heapCapacity)
    }

    deinit {
        hops.deallocate(); dist.deallocate(); sigma.deallocate(); coeff.deallocate()
        order.deallocate(); settled.deallocate(); successors.deallocate(); successorStart.deallocate(); levelCode.deallocate(); heapKeys.deallocate(); heapVertices.deallocate()
    }

    /// Restores the untouched state after a search that reached `reached` vertices.
    @inline(__always)
    func reset(_ reached: Int) {
        let hops = self.hops, dist = self.dist, sigma = self.sigma, settled = self.settled, order = self.order
        let levelCode = self.levelCode
        for k in 0..<reached {
            let v = Int(order[k])
            levelCode[v] = 0
            hops[v] = -1
            dist[v] = .infinity
            sigma[v] = 0
            settled[v] = 0
        }
    }

    /// Breadth-first search from `s` along `arcs`, counting shortest paths. Returns the number reached.
    @inline(__always)
    func bfsCountingPaths(from s: Int, _ arcs: _Arcs) -> Int {
        let off = arcs.offsets.baseAddress!, tgt = arcs.targets.baseAddress!
        let hops = self.hops, sigma = self.sigma, order = self.order
        hops[s] = 0
        sigma[s] = 1
        order[0] = Int32(s)
        var head = 0, tail = 1
        while head < tail {
            let v = Int(order[head])
            head += 1
            let next = hops[v] + 1
            let sv = sigma[v]
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let w = Int(tgt[i])
                let hw = hops[w]
                if hw < 0 {
                    hops[w] = next
                    sigma[w] = sv
                    order[tail] = Int32(w)
                    tail += 1
                } else if hw == next {
                    sigma[w] += sv
                }
                i += 1
            }
        }
        return tail
    }

    /// ``bfsCountingPaths(from:_:)`` that also records the shortest-path DAG's arcs in ``successors``, so
    /// Brandes' backward sweep visits only DAG arcs (at most half the arcs of an undirected graph), in
    /// memory order, with no distance test. Undirected graphs only (see ``levelCode``).
    @inline(__always)
    func bfsRecordingSuccessors(from s: Int, _ arcs: _Arcs) -> Int {
        let off = arcs.offsets.baseAddress!, tgt = arcs.targets.baseAddress!
        let level = self.levelCode, sigma = self.sigma, order = self.order
        let successors = self.successors, successorStart = self.successorStart
        level[s] = 1
        sigma[s] = 1
        order[0] = Int32(s)
        var head = 0, tail = 1, recorded = 0
        while head < tail {
            let v = Int(order[head])
            successorStart[head] = recorded
            head += 1
            let code = level[v]
            let next: UInt8 = code == 3 ? 1 : code + 1
            let sv = sigma[v]
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let w = tgt[i]
                let lw = level[Int(w)]
                if lw == 0 {
                    level[Int(w)] = next
                    sigma[Int(w)] = sv
                    order[tail] = w
                    tail += 1
                    successors[recorded] = w
                    recorded += 1
                } else if lw == next {
                    sigma[Int(w)] += sv
                    successors[recorded] = w
                    recorded += 1
                }
                i += 1
            }
        }
        successorStart[tail] = recorded
        return tail
    }

    /// ``bfsRecordingSuccessors(from:_:)`` with full hop distances, valid for directed graphs too.
    @inline(__always)
    func bfsRecordingSuccessorsByDistance(from s: Int, _ arcs: _Arcs) -> Int {
        let off = arcs.offsets.baseAddress!, tgt = arcs.targets.baseAddress!
        let hops = self.hops, sigma = self.sigma, order = self.order
        let successors = self.successors, successorStart = self.successorStart
        hops[s] = 0
        sigma[s] = 1
        order[0] = Int32(s)
        var head = 0, tail = 1, recorded = 0
        while head < tail {
            let v = Int(order[head])
            successorStart[head] = recorded
            head += 1
            let next = hops[v] + 1
            let sv = sigma[v]
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let w = tgt[i]
                let hw = hops[Int(w)]
                if hw < 0 {
                    hops[Int(w)] = next
                    sigma[Int(w)] = sv
                    order[tail] = w
                    tail += 1
                    successors[recorded] = w
                    recorded += 1
                } else if hw == next {
                    sigma[Int(w)] += sv
                    successors[recorded] = w
                    recorded += 1
                }
                i += 1
            }
        }
        successorStart[tail] = recorded
        return tail
    }

    /// Breadth-first search from `s` along `arcs`, distances only. Returns the number reached.
    @inline(__always)
    func bfs(from s: Int, _ arcs: _Arcs) -> Int {
        let off = arcs.offsets.baseAddress!, tgt = arcs.targets.baseAddress!
        let hops = self.hops, order = self.order
        hops[s] = 0
        order[0] = Int32(s)
        var head = 0, tail = 1
        while head < tail {
            let v = Int(order[head])
            head += 1
            let next = hops[v] + 1
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let w = Int(tgt[i])
                if hops[w] < 0 {
                    hops[w] = next
                    order[tail] = Int32(w)
                    tail += 1
                }
                i += 1
            }
        }
        return tail
    }

    /// Direction-optimising breadth-first search (Beamer, Asanović and Patterson 2012), distances only.
    ///
    /// Same result as ``bfs(from:_:)`` — `hops`, and `order` grouped by level (the order *within* a level may
    /// differ). A level is expanded top-down (scan the frontier's `arcs`) while the frontier is small, and
    /// bottom-up (every unreached vertex scans its `reverse` arcs for a parent in the frontier, stopping at
    /// the first) once the frontier's arcs outnumber half of the unreached vertices' arcs. On small-world
    /// graphs this skips most arc visits of the two or three widest levels.
    /// `reverse` must be the transpose of `arcs` (the same arrays for an undirected graph).
    /// - Reference: S. Beamer, K. Asanović and D. Patterson, "Direction-optimizing breadth-first search",
    ///   SC '12. doi:10.1109/SC.2012.50
    func bfsDirectionOptimizing(from s: Int, _ arcs: _Arcs, reverse: _Arcs) -> Int {
        let off = arcs.offsets.baseAddress!, tgt = arcs.targets.baseAddress!
        let roff = reverse.offsets.baseAddress!, rsrc = reverse.targets.baseAddress!
        let hops = self.hops, order = self.order
        let n = self.n
        hops[s] = 0
        order[0] = Int32(s)
        var levelStart = 0, levelEnd = 1, tail = 1
        var level: Int32 = 0
        var frontierArcs = off[s + 1] - off[s]
        var unreachedArcs = off[n] - frontierArcs
        while levelStart < levelEnd {
            let next = level + 1
            var newArcs = 0
            if frontierArcs * 2 > unreachedArcs {
                for u in 0..<n where hops[u] < 0 {
                    var i = roff[u]
                    let end = roff[u + 1]
                    while i < end {
                        if hops[Int(rsrc[i])] == level {
                            hops[u] = next
                            order[tail] = Int32(u)
                            tail += 1
                            newArcs += off[u + 1] - off[u]
                            break
                        }
                        i += 1
                    }
                }
            } else {
                for k in levelStart..<levelEnd {
                    let v = Int(order[k])
                    var i = off[v]
                    let end = off[v + 1]
                    while i < end {
                        let w = Int(tgt[i])
                        if hops[w] < 0 {
                            hops[w] = next
                            order[tail] = Int32(w)
                            tail += 1
                            newArcs += off[w + 1] - off[w]
                        }
                        i += 1
                    }
                }
            }
            unreachedArcs -= newArcs
            frontierArcs = newArcs
            levelStart = levelEnd
            levelEnd = tail
            level = next
        }
        return tail
    }

    /// Dijkstra from `s` along `arcs` with arc lengths `lengths` (aligned with `arcs.targets`; +infinity
    /// means "no arc"), counting shortest paths as NetworkX's `_single_source_dijkstra_path_basic` does:
    /// a strictly shorter tentative distance resets the count, an exactly equal one (floating-point `==`)
    /// adds to it. Returns the number of vertices settled.
    func dijkstra(from s: Int, _ arcs: _Arcs, lengths: UnsafePointer<Double>, countPaths: Bool) -> Int {
        let off = arcs.offsets.baseAddress!, tgt = arcs.targets.baseAddress!
        let dist = self.dist, sigma = self.sigma, order = self.order, settled = self.settled
        var size = 0
        dist[s] = 0
        sigma[s] = 1
        push(0, Int32(s), &size)
        var reached = 0
        while size > 0 {
            let (d, v32) = pop(&size)
            let v = Int(v32)
            if settled[v] != 0 || d > dist[v] { continue }
            settled[v] = 1
            order[reached] = v32
            reached += 1
            let sv = sigma[v]
            var i = off[v]
            let end = off[v + 1]
            while i < end {
                let len = lengths[i]
                let w = Int(tgt[i])
                if len < .infinity && settled[w] == 0 {
                    let nd = d + len
                    if nd < dist[w] {
                        dist[w] = nd
                        if countPaths { sigma[w] = sv }
                        push(nd, Int32(w), &size)
                    } else if countPaths && nd == dist[w] {
                        sigma[w] += sv
                    }
                }
                i += 1
            }
        }
        // Vertices pushed but never settled cannot exist (every push is eventually popped), so `order`
        // covers everything `reset` must clear.
        return reached
    }

    @inline(__always)
    private func push(_ key: Double, _ v: Int32, _ size: inout Int) {
        var i = size
        size += 1
        while i > 0 {
            let p = (i - 1) >> 1
            if heapKeys[p] <= key { break }
            heapKeys[i] = heapKeys[p]
            heapVertices[i] = heapVertices[p]
            i = p
        }
        heapKeys[i] = key
        heapVertices[i] = v
    }

    @inline(__always)
    private func pop(_ size: inout Int) -> (Double, Int32) {
        let top = (heapKeys[0], heapVertices[0])
        size -= 1
        if size > 0 {
            let key = heapKeys[size], v = heapVertices[size]
            var i = 0
            while true {
                var c = 2 * i + 1
                if c >= size { break }
                if c + 1 < size && heapKeys[c + 1] < heapKeys[c] { c += 1 }
                if heapKeys[c] >= key { break }
                heapKeys[i] = heapKeys[c]
                heapVertices[i] = heapVertices[c]
                i = c
            }
            heapKeys[i] = key
            heapVertices[i] = v
        }
        return top
    }
}
