import HeapModule
import Foundation

/// Which actor pairs are scored when looking for the best introductions, and how.
///
/// Scoring every pair is quadratic: a 100 000-actor network has 5 · 10⁹ pairs. Pairs that can score high
/// share something the index can find, so on a large network (more than
/// ``SynergyConfig/exhaustivePairLimit`` pairs, 2 000 000 by default, about 2 000 actors) only these
/// untied pairs are candidates:
///
/// 1. **two hops apart** (a shared partner): the only pairs with structural proximity above 0. Partners
///    with more than ``hubDegreeCap`` partners are not walked through (they would add millions of pairs,
///    each of whose Adamic–Adar term `1/ln deg` is small); the pairs they join are still scored exactly if
///    another route or rule brings them in.
/// 2. **three hops apart, for peripheral actors** (at most ``peripheralDegree`` partners), capped at
///    ``perActorCap`` per actor: the introductions that pull an actor in from the edge.
/// 3. **sharing a rare tag**: an inverted index from each SDG, accomplishment, sector and country to the
///    actors tagged with it; a tag held by at most ``rareTagLimit`` actors pairs them all. Actors with no
///    partner at all are paired with the holders of their rarest tag, up to ``perActorCap``.
///
/// Smaller networks are scored exhaustively, so their ranking is exact. Either way the expensive part of
/// the score (the constraint recomputation of ``BridgingValue``) is done only for the best candidates: every
/// candidate gets an upper bound (the bridging component at its largest), the best `K` by bound are scored
/// exactly, and `K` grows until the `N`-th exact score is at least the best bound left out, so the top `N`
/// is exactly the top `N` of the candidates.
///
/// - Complexity: O(Σ_u Σ_{z ∈ N(u)} deg z) for rule 1 (bounded by the cap), O(Σ_t |P_t|²) over rare
///   postings for rule 3, then O(K (log K + Σ deg²)) for the exact scores.
public enum IntroductionCandidates {
    public static let hubDegreeCap = 1_000
    public static let peripheralDegree = 2
    public static let perActorCap = 500
    public static let rareTagLimit = 50

    /// The untied partners `v > u` (or every `v ≠ u` when `allPartners`) that are candidates for `u`.
    struct Enumerator {
        let graph: Graph
        let exhaustive: Bool
        /// Rare-tag postings and each vertex's rare tags.
        let postings: [[Int32]]
        let rareTagsOf: [[Int32]]
        let rarestTagOf: [Int32]
        /// `stamp[v] == current`: `v` was offered (or excluded) in the current `forEach`. `current` grows by one
        /// per call, so an enumerator is reused across searches without clearing (``_EnumeratorCache``).
        var stamp: [Int32]
        var current: Int32 = -1

        init(scorer: SynergyScorer) {
            let g = scorer.graph
            graph = g
            let n = g.vertexCount
            exhaustive = n * (n - 1) / 2 <= scorer.config.exhaustivePairLimit
            stamp = [Int32](repeating: -1, count: n)
            if exhaustive {
                postings = []
                rareTagsOf = []
                rarestTagOf = []
                return
            }
            let sectors = scorer.profiles.sectorNames.count
            let tagCount = 32 + 3 + sectors + scorer.profiles.countryCodes.count
            var lists = [[Int32]](repeating: [], count: tagCount)
            for v in 0..<n {
                for t in Self.tags(scorer.profiles.profiles[v], sectors: sectors) { lists[t].append(Int32(v)) }
            }
            var rare = [[Int32]](repeating: [], count: n)
            var rarest = [Int32](repeating: -1, count: n)
            for v in 0..<n {
                var best = -1
                for t in Self.tags(scorer.profiles.profiles[v], sectors: sectors) {
                    if lists[t].count >= 2, lists[t].count <= IntroductionCandidates.rareTagLimit { rare[v].append(Int32(t)) }
                    if lists[t].count >= 2, best < 0 || lists[t].count < lists[best].count { best = t }
                }
                rarest[v] = Int32(best)
            }
            postings = lists
            rareTagsOf = rare
            rarestTagOf = rarest
        }

        static func tags(_ p: ActorProfile, sectors: Int) -> [Int] {
            var t: [Int] = []
            for k in 0..<32 where p.sdgMask & (1 << UInt32(k)) != 0 { t.append(k) }
            for k in 0..<3 where p.accomplishmentMask & (1 << UInt8(k)) != 0 { t.append(32 + k) }
            for s in p.sectors { t.append(35 + Int(s)) }
            for c in p.countries { t.append(35 + sectors + Int(c)) }
            return t
        }

        /// Calls `body(v)` once for each candidate partner of `u`.
        mutating func forEach(of u: Int, allPartners: Bool, everyVertex: Bool? = nil, _ body: (Int) -> Void) {
            if current == Int32.max {
                for i in stamp.indices { stamp[i] = -1 }
                current = -1
            }
            current += 1
            stamp[u] = current
            for w in graph.neighbours(of: u) { stamp[Int(w)] = current }
            func offer(_ v: Int) {
                guard stamp[v] != current, allPartners || v > u else { return }
                stamp[v] = current
                body(v)
            }
            if exhaustive || (everyVertex ?? allPartners) {
                for v in 0..<graph.vertexCount { offer(v) }
                return
            }
            for z in graph.neighbours(of: u) where graph.degree(of: Int(z)) <= IntroductionCandidates.hubDegreeCap {
                for v in graph.neighbours(of: Int(z)) { offer(Int(v)) }
            }
            if graph.degree(of: u) <= IntroductionCandidates.peripheralDegree {
                var added = 0
                outer: for z in graph.neighbours(of: u) where graph.degree(of: Int(z)) <= IntroductionCandidates.hubDegreeCap {
                    for y in graph.neighbours(of: Int(z)) where graph.degree(of: Int(y)) <= IntroductionCandidates.hubDegreeCap {
                        for v in graph.neighbours(of: Int(y)) {
                            if added >= IntroductionCandidates.perActorCap { break outer }
                            if stamp[Int(v)] != current { added += 1 }
                            offer(Int(v))
                        }
                    }
                }
            }
            for t in rareTagsOf[u] {
                for v in postings[Int(t)] { offer(Int(v)) }
            }
            if graph.degree(of: u) == 0, rarestTagOf[u] >= 0 {
                for v in postings[Int(rarestTagOf[u])].prefix(IntroductionCandidates.perActorCap) { offer(Int(v)) }
            }
        }
    }
}

/// How the introductions were found.
public struct IntroductionSearch: Sendable, Equatable {
    /// `exhaustive` (every pair) or `neighbourhood` (the candidates of ``IntroductionCandidates``).
    public var strategy: String
    /// Untied pairs given an upper bound.
    public var candidatePairs: Int
    /// Pairs scored exactly.
    public var exactlyScored: Int
}

/// The best introductions, best first.
public struct IntroductionList: Sendable, Equatable {
    public var introductions: [PairSynergy]
    public var search: IntroductionSearch
}

/// One candidate pair with its upper bound; ordered worst first (for a min-heap of the best).
struct _CandidateEntry: Comparable {
    var upper: Double
    var partial: Double
    var u: Int32
    var v: Int32

    static func < (a: _CandidateEntry, b: _CandidateEntry) -> Bool {
        if a.upper != b.upper { return a.upper < b.upper }
        if a.u != b.u { return a.u > b.u }
        return a.v > b.v
    }
}

/// Results gathered across worker threads.
final class _CandidateCollector: @unchecked Sendable {
    let lock = NSLock()
    var entries: [_CandidateEntry] = []
    var maxRejected = -Double.infinity
    var count = 0
}

extension SynergyScorer {
    /// The `count` untied pairs with the highest latent synergy, best first (ties by vertex order).
    ///
    /// - Parameters:
    ///   - actor: only pairs of this vertex with every other (its best new partners); nil for all pairs.
    ///   - filter: only pairs `(u, v)` it accepts (`u` is `actor` when given, else `u < v`).
    ///   - threads: worker threads for the candidate scan.
    ///   - everyPartner: with `actor`, score it against every other actor (true, `synergy --for`), or, on a
    ///     network above the exhaustive limit, only against its candidates (false; the gap report's fillers,
    ///     one search per gap).
    public func recommendedIntroductions(count: Int, for actor: Int? = nil, threads: Int = defaultMetricThreadCount,
                                         everyPartner: Bool = true,
                                         where filter: (@Sendable (Int, Int) -> Bool)? = nil) -> IntroductionList {
        let n = graph.vertexCount
        guard count > 0, n > 1 else {
            return IntroductionList(introductions: [], search: IntroductionSearch(strategy: "exhaustive", candidatePairs: 0, exactlyScored: 0))
        }
        let cache = enumeratorCache
        let exhaustive = cache.enumerator(for: self).exhaustive
        // For one actor's partners start small: the loop below grows K until the top is proven, so the result
        // is the same, and a gap report runs one such search per gap.
        var k = actor == nil ? max(100 * count, 1_000) : max(8 * count, 32)
        while true {
            let collector = _CandidateCollector()
            let sources: [Int] = actor.map { [$0] } ?? Array(0..<n)
            let workers = max(1, min(threads, sources.count / 256 + 1))
            let cap = k
            let me = self
            let progress = actor == nil ? self.progress : nil
            progress?.start("introductions (candidates of each actor)", total: sources.count)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var e = cache.checkOut(for: me)
                defer { cache.checkIn(e) }
                var heap = Heap<_CandidateEntry>()
                var rejected = -Double.infinity
                var seen = 0, done = 0
                var i = w
                while i < sources.count {
                    let u = sources[i]
                    i += workers
                    done += 1
                    if done & 1023 == 0 { progress?.advance(1024) }
                    e.forEach(of: u, allPartners: actor != nil, everyVertex: actor != nil && everyPartner) { v in
                        if let filter, !filter(u, v) { return }
                        seen += 1
                        let b = me.bound(u, v)
                        let entry = _CandidateEntry(upper: b.upper, partial: b.partial, u: Int32(u), v: Int32(v))
                        if heap.count < cap {
                            heap.insert(entry)
                        } else if let worst = heap.min, worst < entry {
                            rejected = max(rejected, worst.upper)
                            _ = heap.replaceMin(with: entry)
                        } else {
                            rejected = max(rejected, entry.upper)
                        }
                    }
                }
                collector.lock.lock()
                collector.entries += heap.unordered
                collector.maxRejected = max(collector.maxRejected, rejected)
                collector.count += seen
                collector.lock.unlock()
            }
            var entries = collector.entries.sorted(by: >)
            var maxRejected = collector.maxRejected
            if entries.count > k {
                maxRejected = max(maxRejected, entries[k].upper)
                entries.removeLast(entries.count - k)
            }
            // Rank by the exact total; evidence and reasons only for the pairs returned.
            var slot = cache.checkOutSlot(count: n)
            var ranked = entries.map { (total: exactTotal(Int($0.u), Int($0.v), slot: &slot), a: Int($0.u), b: Int($0.v)) }
            ranked.sort { x, y in x.total != y.total ? x.total > y.total : (x.a, x.b) < (y.a, y.b) }
            let top = ranked.prefix(count).map { score($0.a, $0.b, slot: &slot) }
            cache.checkIn(slot: slot)
            let proven = top.count < count ? entries.count == collector.count : (top.last!.total >= maxRejected)
            if proven || entries.count >= collector.count {
                return IntroductionList(introductions: top, search: IntroductionSearch(
                    strategy: exhaustive || (actor != nil && everyPartner) ? "exhaustive" : "neighbourhood",
                    candidatePairs: collector.count, exactlyScored: entries.count))
            }
            k *= 4
        }
    }

    /// The realised synergy of every tied pair and the network's mixing figures.
    public func summary(threads: Int = defaultMetricThreadCount) -> NetworkSynergySummary {
        NetworkSynergySummary(scorer: self, threads: threads)
    }

    /// The total score only (no evidence, no reason).
    func total(_ a: Int, _ b: Int, slot: inout [Int32]) -> Double {
        let b0 = bound(a, b)
        let tied = graph.hasEdge(a, b)
        let ta = graph.constraint(of: a, toggling: b, slot: &slot)
        let tb = graph.constraint(of: b, toggling: a, slot: &slot)
        let rho = tied
            ? (BridgingValue.drop(without: ta, with: constraint[a]) + BridgingValue.drop(without: tb, with: constraint[b])) / 2
            : (BridgingValue.drop(without: constraint[a], with: ta) + BridgingValue.drop(without: constraint[b], with: tb)) / 2
        let w = config.weights
        return b0.partial + w.bridging / w.sum * BridgingValue.score(crossCommunity: b0.cross, constraintDrop: rho)
    }
}

/// The candidate enumerator built once per search and copied into each worker.
/// The scorer's candidate enumerator (its rare-tag index is O(V · tags) to build), built on first use and
/// shared by every later search, with spare working copies: a gap report runs one search per gap (35 000
/// on a 100 000-actor roster), and copying the V-sized stamp and constraint slot arrays for each search
/// cost more than the search itself. An enumerator's stamps need no clearing between searches (its
/// generation counter moves on); a slot array is all -1 again after each exact score.
final class _EnumeratorCache: @unchecked Sendable {
    private let lock = NSLock()
    private var built: IntroductionCandidates.Enumerator?
    private var spare: [IntroductionCandidates.Enumerator] = []
    private var spareSlots: [[Int32]] = []

    /// The shared enumerator (read-only use).
    func enumerator(for scorer: SynergyScorer) -> IntroductionCandidates.Enumerator {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let e = IntroductionCandidates.Enumerator(scorer: scorer)
        built = e
        return e
    }

    /// A working copy to mutate; give it back with ``checkIn(_:)``.
    func checkOut(for scorer: SynergyScorer) -> IntroductionCandidates.Enumerator {
        lock.lock()
        if let e = spare.popLast() {
            lock.unlock()
            return e
        }
        lock.unlock()
        return enumerator(for: scorer)
    }

    func checkIn(_ e: IntroductionCandidates.Enumerator) {
        lock.lock()
        spare.append(e)
        lock.unlock()
    }

    /// An array of `count` × -1 for ``Graph/constraint(of:toggling:slot:)``; give it back with ``checkIn(slot:)``.
    func checkOutSlot(count: Int) -> [Int32] {
        lock.lock()
        if let s = spareSlots.popLast() {
            lock.unlock()
            return s
        }
        lock.unlock()
        return [Int32](repeating: -1, count: count)
    }

    func checkIn(slot: [Int32]) {
        lock.lock()
        spareSlots.append(slot)
        lock.unlock()
    }
}
