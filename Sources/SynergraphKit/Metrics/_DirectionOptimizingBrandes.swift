extension Graph {
    /// One source of Brandes' algorithm on the folded core, with source weight `ω(s)` and target weights
    /// `ω(w)`: `δ(v) = σ(v) Σ_{w succ v} (ω(w) + δ(w)) / σ(w)`, `partial[v] += ω(s) δ(v)`, with a
    /// direction-optimising breadth-first search.
    ///
    /// A top-down step scans every arc of the frontier (level `d`); a bottom-up step scans every arc of every
    /// vertex not reached yet and sums `σ` over its neighbours at level `d` (it cannot stop at the first
    /// parent, as a plain BFS does, since `σ` needs them all). Each step takes the direction with fewer arcs
    /// to scan: on a random graph the widest levels are scanned bottom-up, where few vertices are left, and
    /// the forward search touches a fraction of the arcs the top-down search does (Beamer, Asanović and
    /// Patterson 2012; Brandes needs the shortest-path DAG, which both directions yield). The DAG's arcs are
    /// recorded by the level of their head, in either direction, and the backward sweep pushes
    /// `(ω(w) + δ(w)) / σ(w)` from each head to its tails, level by level from the deepest.
    ///
    /// Top-down steps are branch-free per arc (the branch on "new / next level / other" mispredicts on most
    /// arcs of a random graph): every arc writes the level byte back (unchanged unless new), appends the
    /// target to the queue and the arc to the DAG list, and adds `σ(v)` or 0 to `σ(w)`; the write cursors
    /// advance by 0 or 1, with masks computed by shifts (LLVM turns `?:` selects back into branches). Levels
    /// are stored as `1 + distance mod 3` in a byte (`_ShortestPathWorkspace.levelCode`).
    ///
    /// Arithmetic: `σ` sums the same parents in another order than plain Brandes, and `δ` adds the same
    /// terms in another order, so values agree to rounding (`BetweennessFoldingTests`: folded against unfolded Brandes).
    ///
    /// - Complexity: O(E) per source in the worst case, as Brandes; O(V + E) workspace.
    /// - Reference: S. Beamer, K. Asanović and D. Patterson, "Direction-optimizing breadth-first search",
    ///   SC 2012, doi:10.1109/SC.2012.50; U. Brandes 2001 (see ``betweennessCentrality(normalized:weighted:threads:progress:)``).
    @inline(__always)
    static func _brandesDirectionOptimizing(
        source s: Int, _ off: UnsafePointer<Int>, _ tgt: UnsafePointer<Int32>, _ omega: UnsafePointer<Double>,
        _ ws: _DirectionOptimizingWorkspace, into partial: UnsafeMutablePointer<Double>
    ) {
        let n = ws.vertexCount
        let level = ws.level, sigma = ws.sigma, acc = ws.acc, order = ws.order
        let arcTail = ws.arcTail, arcHead = ws.arcHead, levelStart = ws.levelStart, arcStart = ws.arcStart
        let unvisited = ws.unvisited
        level[s] = 1
        sigma[s] = 1
        order[0] = Int32(s)
        levelStart[0] = 0
        levelStart[1] = 1
        arcStart[0] = 0
        arcStart[1] = 0
        var tail = 1, recorded = 0, depth = 0
        var frontierArcs = off[s + 1] - off[s]
        var unvisitedArcs = off[n] - frontierArcs
        var unvisitedCount = -1  // the unvisited list is built at the first bottom-up step
        var code: UInt8 = 1
        while true {
            let head = Int(levelStart[depth]), end = Int(levelStart[depth + 1])
            if head == end { break }
            let next: UInt8 = code == 3 ? 1 : code &+ 1
            var reachedArcs = 0
            if frontierArcs <= unvisitedArcs {
                // Top-down, branch-free per arc.
                var k = head
                while k < end {
                    let v = Int(order[k])
                    let v32 = order[k]
                    let svBits = sigma[v].bitPattern
                    var i = off[v]
                    let stop = off[v + 1]
                    while i < stop {
                        let w32 = tgt[i]
                        let w = Int(w32)
                        let lw = level[w]
                        let newMask = (Int(lw) &- 1) >> 63
                        let lw2 = lw | (next & UInt8(truncatingIfNeeded: newMask))
                        level[w] = lw2
                        order[tail] = w32
                        tail &-= newMask
                        let nextMask = (Int(lw2 ^ next) &- 1) >> 63
                        sigma[w] += Double(bitPattern: svBits & UInt64(bitPattern: Int64(nextMask)))
                        arcTail[recorded] = v32
                        arcHead[recorded] = w32
                        recorded &-= nextMask
                        i &+= 1
                    }
                    k += 1
                }
                for k in end..<tail { let w = Int(order[k]); reachedArcs += off[w + 1] - off[w] }
                if unvisitedCount >= 0 {
                    // Keep the unvisited list true for a later bottom-up step.
                    var kept = 0
                    for j in 0..<unvisitedCount {
                        let w = unvisited[j]
                        unvisited[kept] = w
                        kept &+= level[Int(w)] == 0 ? 1 : 0
                    }
                    unvisitedCount = kept
                }
            } else {
                // Bottom-up: every vertex not reached yet sums σ over its neighbours on the frontier.
                if unvisitedCount < 0 {
                    unvisitedCount = 0
                    for w in 0..<n where level[w] == 0 {
                        unvisited[unvisitedCount] = Int32(w)
                        unvisitedCount += 1
                    }
                }
                var kept = 0
                for j in 0..<unvisitedCount {
                    let w32 = unvisited[j]
                    let w = Int(w32)
                    var sum = 0.0
                    let first = recorded
                    var i = off[w]
                    let stop = off[w + 1]
                    while i < stop {
                        let u32 = tgt[i]
                        let u = Int(u32)
                        let mask = (Int(level[u] ^ code) &- 1) >> 63
                        sum += Double(bitPattern: sigma[u].bitPattern & UInt64(bitPattern: Int64(mask)))
                        arcTail[recorded] = u32
                        arcHead[recorded] = w32
                        recorded &-= mask
                        i &+= 1
                    }
                    if recorded != first {
                        level[w] = next
                        sigma[w] = sum
                        order[tail] = w32
                        tail += 1
                        reachedArcs += stop - off[w]
                    } else {
                        unvisited[kept] = w32
                        kept += 1
                    }
                }
                unvisitedCount = kept
            }
            depth += 1
            levelStart[depth + 1] = Int32(truncatingIfNeeded: tail)
            arcStart[depth + 1] = Int32(truncatingIfNeeded: recorded)
            frontierArcs = reachedArcs
            unvisitedArcs -= reachedArcs
            code = next
        }
        // Backward sweep, deepest level first: each vertex's δ is complete once every arc from it to the next
        // level has been pushed; `acc[w]` then becomes the coefficient `(ω(w) + δ(w)) / σ(w)` its tails read.
        let ωs = omega[s]
        var d = depth - 1
        while d >= 1 {
            for k in Int(levelStart[d])..<Int(levelStart[d + 1]) {
                let w = Int(order[k])
                let sw = sigma[w]
                let delta = sw * acc[w]
                partial[w] += ωs * delta
                acc[w] = (omega[w] + delta) / sw
            }
            var e = Int(arcStart[d])
            let stop = Int(arcStart[d + 1])
            while e < stop {
                acc[Int(arcTail[e])] += acc[Int(arcHead[e])]
                e &+= 1
            }
            d -= 1
        }
        for k in 0..<tail {
            let v = Int(order[k])
            level[v] = 0
            sigma[v] = 0
            acc[v] = 0
        }
    }
}

/// Per-thread scratch space of `_brandesDirectionOptimizing`: allocated once, reset in O(reached) after each
/// source. `order`, `arcTail` and `arcHead` have one spare slot because the branch-free steps write one past the end.
final class _DirectionOptimizingWorkspace {
    let vertexCount: Int
    let level: UnsafeMutablePointer<UInt8>
    let sigma: UnsafeMutablePointer<Double>
    /// Pushed dependency sums during the sweep, then each vertex's coefficient; 0 when untouched.
    let acc: UnsafeMutablePointer<Double>
    let order: UnsafeMutablePointer<Int32>
    let arcTail: UnsafeMutablePointer<Int32>
    let arcHead: UnsafeMutablePointer<Int32>
    /// Start of each level in `order`, and of the DAG arcs into each level in `arcTail`/`arcHead`.
    let levelStart: UnsafeMutablePointer<Int32>
    let arcStart: UnsafeMutablePointer<Int32>
    let unvisited: UnsafeMutablePointer<Int32>

    init(vertexCount n: Int, arcCount: Int) {
        vertexCount = n
        level = .allocate(capacity: n + 1); level.initialize(repeating: 0, count: n + 1)
        sigma = .allocate(capacity: n + 1); sigma.initialize(repeating: 0, count: n + 1)
        acc = .allocate(capacity: n + 1); acc.initialize(repeating: 0, count: n + 1)
        order = .allocate(capacity: n + 1); order.initialize(repeating: 0, count: n + 1)
        arcTail = .allocate(capacity: arcCount + 1); arcTail.initialize(repeating: 0, count: arcCount + 1)
        arcHead = .allocate(capacity: arcCount + 1); arcHead.initialize(repeating: 0, count: arcCount + 1)
        levelStart = .allocate(capacity: n + 3); levelStart.initialize(repeating: 0, count: n + 3)
        arcStart = .allocate(capacity: n + 3); arcStart.initialize(repeating: 0, count: n + 3)
        unvisited = .allocate(capacity: n + 1); unvisited.initialize(repeating: 0, count: n + 1)
    }

    deinit {
        level.deallocate(); sigma.deallocate(); acc.deallocate(); order.deallocate(); arcTail.deallocate()
        arcHead.deallocate(); levelStart.deallocate(); arcStart.deallocate(); unvisited.deallocate()
    }
}
