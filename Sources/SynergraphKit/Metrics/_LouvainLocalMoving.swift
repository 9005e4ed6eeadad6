/// Louvain's local-moving phase on one level: a queue instead of repeated full passes, ending, as NetworkX's
/// `_one_level`, with a full pass over all vertices in which no vertex moves.
///
/// - Queue (Ozaki, Tezuka and Inaba 2016; the fast local move of Traag, Waltman and van Eck 2019): a ring
///   buffer of capacity n, each vertex in it at most once, starting as the level's shuffled order. A vertex
///   that moves queues its neighbours outside its new community.
/// - Screen: a move also lowers Σtot of the community left and raises Σtot of the one joined, which raises
///   the gains of vertices next to the first or inside the second a little, so a vertex the queue skipped can
///   become movable. Each vertex keeps the slack it had when last evaluated (how far its best alternative was
///   from a positive gain, or from beating the move it made). When the queue runs dry, the screen charges each
///   vertex next to or inside a community changed since the last screen with the most those changes could
///   have raised its gains (strengths s and t: γ·s·t/m² per change when directed, γ·s·t/(8m²) undirected,
///   where s = 2d), and queues the vertices whose slack is used up.
/// - Full pass: when the queue is empty and nothing changed since the last screen, every vertex is visited
///   once in the shuffled order. If that pass moves anything the queue is drained again (its moves queue
///   neighbours too) and another full pass follows, so the level stops exactly where NetworkX's does: at a
///   pass in which no single move has a positive gain. The screen only saves passes; with it the first full
///   pass normally moves nothing (on the 100k / 1M benchmark graph, seed 1: one full pass per level,
///   against 10–42 with the queue alone and 53–272 with NetworkX's sweeps).
///
/// Every buffer is allocated once per level; the inner loops allocate nothing and use no dictionaries.
/// The order of visits depends only on the graph, `start` and `rng`, so a seed gives the same partition on
/// every run.
extension _LouvainLevel {
    /// Local moving, from singletons or from `start` (dense labels). Returns each vertex's community,
    /// renumbered densely `0..<k` in order of community index (NetworkX keeps the non-empty communities in
    /// index order), and whether any vertex moved.
    ///
    /// `exhaustive: false` is the plain fast local move of Traag, Waltman and van Eck (Leiden): the level ends
    /// when the queue runs dry, without the screen and the closing full passes.
    func oneLevel(m: Double, resolution: Double, rng: inout _SplitMix64, start: [Int]? = nil,
                  exhaustive: Bool = true) -> ([Int], Bool) {
        var community = start ?? Array(0..<n)
        var stotOut = [Double](repeating: 0, count: n)
        var stotIn = [Double](repeating: 0, count: n)
        for v in 0..<n {
            stotOut[community[v]] += outDegree[v]
            stotIn[community[v]] += inDegree[v]
        }
        var order = Array(0..<n)
        order.shuffle(using: &rng)
        var toCommunity = [Double](repeating: 0, count: n)
        var isTouched = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        var improvement = false
        let twoMSquared = 2 * m * m, mSquared = m * m

        // The queue: ring buffer `queue[head...]` of `queued` vertices.
        var queue = order, head = 0, queued = n
        var inQueue = [Bool](repeating: true, count: n)
        func push(_ v: Int) {
            inQueue[v] = true
            var tail = head + queued
            if tail >= n { tail -= n }
            queue[tail] = v
            queued += 1
        }
        // Members of each community as intrusive doubly linked lists, and each community's number of arcs.
        var memberHead = [Int](repeating: -1, count: n)
        var memberNext = [Int](repeating: -1, count: n)
        var memberPrev = [Int](repeating: -1, count: n)
        var arcCount = [Int](repeating: 0, count: n)
        for v in stride(from: n - 1, through: 0, by: -1) {
            let c = community[v]
            arcCount[c] += offsets[v + 1] - offsets[v]
            memberNext[v] = memberHead[c]
            if memberHead[c] >= 0 { memberPrev[memberHead[c]] = v }
            memberHead[c] = v
        }
        // Strength (d⁺ + d⁻) that left (`lost`) or joined (`gained`) each community since the last screen.
        let raiseScale = directed ? resolution / mSquared : resolution / (8 * mSquared)
        var lost = [Double](repeating: 0, count: n), gained = [Double](repeating: 0, count: n)
        var isChanged = [Bool](repeating: false, count: n)
        var changed: [Int] = []
        var slack = [Double](repeating: .infinity, count: n)
        var nearbyLoss = [Double](repeating: 0, count: n)
        var isCharged = [Bool](repeating: false, count: n)
        var charged: [Int] = []
        // Charges `y` with a Σtot drop `loss` next to it plus its own community's rise; queues it when its
        // slack is used up. The relative and absolute margins cover rounding in the gains.
        func charge(_ y: Int, loss: Double) {
            let strength = outDegree[y] + inDegree[y]
            let raise = raiseScale * strength * (loss + gained[community[y]])
            slack[y] -= raise * (1 + 1e-6) + 1e-12 * strength / m
            if slack[y] <= 0 && !inQueue[y] { push(y) }
        }

        var sweeping = false, sweepNext = 0, sweepMoved = false
        while true {
            let u: Int
            if sweeping {
                if sweepNext == n {
                    if !sweepMoved { break }
                    sweeping = false
                    continue
                }
                u = order[sweepNext]
                sweepNext += 1
            } else if queued > 0 {
                u = queue[head]
                head += 1
                if head == n { head = 0 }
                queued -= 1
                inQueue[u] = false
            } else if !exhaustive {
                break
            } else if !changed.isEmpty {
                // Screen. When the communities that lost strength have more arcs than there are vertices,
                // charging every vertex with the largest drop is cheaper than finding their neighbours.
                var arcsToWalk = 0, largestLoss = 0.0
                for c in changed where lost[c] > 0 {
                    arcsToWalk += arcCount[c]
                    largestLoss = max(largestLoss, lost[c])
                }
                if arcsToWalk >= n {
                    for y in 0..<n { charge(y, loss: largestLoss) }
                } else {
                    for c in changed {
                        var x = memberHead[c]
                        while x >= 0 {
                            if !isCharged[x] { isCharged[x] = true; charged.append(x) }
                            if lost[c] > 0 {
                                for i in offsets[x]..<offsets[x + 1] {
                                    let y = Int(targets[i])
                                    if community[y] == c { continue }
                                    if !isCharged[y] { isCharged[y] = true; charged.append(y) }
                                    if lost[c] > nearbyLoss[y] { nearbyLoss[y] = lost[c] }
                                }
                            }
                            x = memberNext[x]
                        }
                    }
                    for y in charged {
                        charge(y, loss: nearbyLoss[y])
                        nearbyLoss[y] = 0
                        isCharged[y] = false
                    }
                    charged.removeAll(keepingCapacity: true)
                }
                for c in changed { lost[c] = 0; gained[c] = 0; isChanged[c] = false }
                changed.removeAll(keepingCapacity: true)
                continue
            } else {
                sweeping = true; sweepNext = 0; sweepMoved = false
                continue
            }

            let own = community[u]
            var bestGain = 0.0
            var best = own
            for i in offsets[u]..<offsets[u + 1] {
                let c = community[Int(targets[i])]
                if !isTouched[c] { isTouched[c] = true; touched.append(c) }
                toCommunity[c] += weights[i]
            }
            let dOut = outDegree[u], dIn = inDegree[u]
            stotOut[own] -= dOut
            stotIn[own] -= dIn
            // NetworkX's expected-weight terms: d·Σtot/(2m²) undirected, (d⁺Σ⁻ + d⁻Σ⁺)/m² directed.
            func expected(_ c: Int) -> Double {
                directed ? resolution * (dOut * stotIn[c] + dIn * stotOut[c]) / mSquared
                    : resolution * (stotOut[c] * dOut) / twoMSquared
            }
            let removeCost = -toCommunity[own] / m + expected(own)
            // Ties go to the first community met; `first` and `second` are the two largest gains elsewhere.
            var first = -Double.infinity, second = -Double.infinity
            for c in touched {
                let gain = removeCost + toCommunity[c] / m - expected(c)
                if gain > bestGain { bestGain = gain; best = c }
                if c != own {
                    if gain > first { second = first; first = gain } else if gain > second { second = gain }
                }
            }
            stotOut[best] += dOut
            stotIn[best] += dIn
            for c in touched { toCommunity[c] = 0; isTouched[c] = false }
            touched.removeAll(keepingCapacity: true)
            guard best != own else {
                slack[u] = -first
                continue
            }
            community[u] = best
            improvement = true
            if sweeping { sweepMoved = true }
            // From its new community, going back gains −bestGain and any other move second − bestGain.
            slack[u] = bestGain - max(0, second)
            let strength = dOut + dIn, arcs = offsets[u + 1] - offsets[u]
            lost[own] += strength
            gained[best] += strength
            if !isChanged[own] { isChanged[own] = true; changed.append(own) }
            if !isChanged[best] { isChanged[best] = true; changed.append(best) }
            arcCount[own] -= arcs
            arcCount[best] += arcs
            let p = memberPrev[u], q = memberNext[u]
            if p >= 0 { memberNext[p] = q } else { memberHead[own] = q }
            if q >= 0 { memberPrev[q] = p }
            memberPrev[u] = -1
            memberNext[u] = memberHead[best]
            if memberHead[best] >= 0 { memberPrev[memberHead[best]] = u }
            memberHead[best] = u
            for i in offsets[u]..<offsets[u + 1] {
                let v = Int(targets[i])
                if !inQueue[v] && community[v] != best { push(v) }
            }
        }
        var renumber = [Int](repeating: -1, count: n)
        var used = [Bool](repeating: false, count: n)
        for c in community { used[c] = true }
        var next = 0
        for c in 0..<n where used[c] { renumber[c] = next; next += 1 }
        return (community.map { renumber[$0] }, improvement)
    }
}
