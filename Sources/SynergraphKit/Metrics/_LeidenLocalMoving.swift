/// Leiden's fast local move on one undirected level (Traag, Waltman and van Eck 2019, "From Louvain to Leiden",
/// Sci. Rep. 9:5233, the `MoveNodesFast` procedure).
///
/// A queue, first every vertex in a seeded random order (Fisher–Yates driven by SplitMix64), holds each vertex
/// at most once. The vertex taken from it moves to the neighbouring community with the largest modularity
/// gain, if that gain is positive; a vertex that moves queues its neighbours outside its new community. The
/// level ends when the queue is empty. (Louvain's version, `_LouvainLocalMoving.swift`, adds a screen and
/// closing full passes so that it stops exactly where NetworkX does; Leiden does not need that, because the
/// next iteration starts local moving again from the partition found.)
///
/// Gain: with `u` taken out of its community, moving it into community `C` adds
/// `w(u, C) − γ k_u Σ_C / 2m` (edge-weight units; `Σ_C` the total strength of `C` without `u`), so the
/// best community maximises that value; staying put wins a tie, otherwise the first community met in `u`'s
/// row wins it.
///
/// Cost: O(deg u) per visit, with the neighbouring communities' weights gathered in a dense array and a list
/// of the entries touched (reset after each visit), so nothing is allocated or hashed inside the loop. The
/// level's rows, the labels and the scratch arrays are read through raw buffer pointers (no bounds checks
/// in the inner loop); all of them are `n` or `E` long and indices come from the level's own rows.
extension _LeidenLevel {
    /// Fast local move from `start` (labels below `n`). Returns the labels renumbered densely `0..<k` in
    /// order of community index, and `k`.
    func fastLocalMove(from start: [Int32], m: Double, resolution: Double,
                       rng: inout _SplitMix64) -> (labels: [Int32], count: Int) {
        var queue = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            for v in 0..<n { buffer[v] = Int32(v) }
            count = n
        }
        queue.shuffle(using: &rng)
        var community = start
        var total = [Double](repeating: 0, count: n)
        for v in 0..<n { total[Int(community[v])] += degree[v] }
        var toCommunity = [Double](repeating: 0, count: n)
        var isTouched = [Bool](repeating: false, count: n)
        var touched = [Int32](repeating: 0, count: n)
        var inQueue = [Bool](repeating: true, count: n)
        let scale = resolution / (2 * m)
        let unitWeights = weights.isEmpty

        offsets.withUnsafeBufferPointer { off in
        targets.withUnsafeBufferPointer { tgt in
        weights.withUnsafeBufferPointer { wgt in
        degree.withUnsafeBufferPointer { deg in
        community.withUnsafeMutableBufferPointer { com in
        total.withUnsafeMutableBufferPointer { tot in
        toCommunity.withUnsafeMutableBufferPointer { toC in
        isTouched.withUnsafeMutableBufferPointer { marked in
        touched.withUnsafeMutableBufferPointer { list in
        inQueue.withUnsafeMutableBufferPointer { queued in
        queue.withUnsafeMutableBufferPointer { ring in
            var head = 0, waiting = n
            while waiting > 0 {
                let u = Int(ring[head])
                head += 1
                if head == n { head = 0 }
                waiting -= 1
                queued[u] = false

                let own = Int(com[u]), ku = deg[u]
                tot[own] -= ku
                // Own community first, so that staying is always a candidate and wins ties.
                marked[own] = true
                list[0] = Int32(own)
                var listed = 1
                let rowStart = off[u], rowEnd = off[u + 1]
                if unitWeights {
                    for i in rowStart..<rowEnd {
                        let c = Int(com[Int(tgt[i])])
                        if !marked[c] { marked[c] = true; list[listed] = Int32(c); listed += 1 }
                        toC[c] += 1
                    }
                } else {
                    for i in rowStart..<rowEnd {
                        let c = Int(com[Int(tgt[i])])
                        if !marked[c] { marked[c] = true; list[listed] = Int32(c); listed += 1 }
                        toC[c] += wgt[i]
                    }
                }
                let kScale = ku * scale
                var best = own
                var bestValue = toC[own] - kScale * tot[own]
                for j in 1..<listed {
                    let c = Int(list[j])
                    let value = toC[c] - kScale * tot[c]
                    if value > bestValue { bestValue = value; best = c }
                }
                for j in 0..<listed {
                    let c = Int(list[j])
                    toC[c] = 0
                    marked[c] = false
                }
                tot[best] += ku
                guard best != own else { continue }
                com[u] = Int32(best)
                for i in rowStart..<rowEnd {
                    let v = Int(tgt[i])
                    if !queued[v] && Int(com[v]) != best {
                        queued[v] = true
                        var tail = head + waiting
                        if tail >= n { tail -= n }
                        ring[tail] = Int32(v)
                        waiting += 1
                    }
                }
            }
        }}}}}}}}}}}
        // Dense renumbering in order of community index.
        var renumber = [Int32](repeating: -1, count: n)
        for c in community { renumber[Int(c)] = 0 }
        var next: Int32 = 0
        for c in 0..<n where renumber[c] == 0 { renumber[c] = next; next += 1 }
        for v in 0..<n { community[v] = renumber[Int(community[v])] }
        return (community, Int(next))
    }
}
