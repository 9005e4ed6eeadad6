/// What one gap an introduction would change.
public struct IntroductionEffect: Sendable, Equatable {
    public enum Change: String, Sendable { case closes, shrinks }
    public var change: Change
    /// The gap changed, as the report names it.
    public var category: GapCategory
    public var country: String?
    public var subject: String
    /// "closes: Bhutan is reached only through Royal Institute of Management (Bhutan)".
    public var text: String
}

/// What each introduction would change among a report's gaps, if the tie existed.
///
/// The tie `u – v` is added to the view (as a recorded tie open on the reference day) and the gaps that
/// a single tie can change are judged again:
/// - **coverage** (country C, topic X) closes when `u` or `v` is a partner organisation working on X that
///   would then be engaged and work in C: it already works there, or it reaches abroad
///   (``ActorProfiles/reachesAbroad``) and the other is a national actor based in C;
/// - **missing kind** (school, civil-society organisation, government counterpart of C) closes when one
///   end is of that kind, based in C (it would then be engaged); **no regional agency** closes when one
///   end is a regional agency that would then work in C; **missing counterpart** (C, EA) closes when one
///   end is a government body of C listing the accomplishment;
/// - **single broker**, **broker** and **bridge** are recomputed by a depth-first search with the tie
///   added (``StructuralGaps``): a gap whose claim no longer holds closes; a broker that would cut off
///   fewer actors shrinks;
/// - **dormant** and **isolated** actors close when they are one end (a tie would start);
/// - expert-topic and unaffiliated-expert gaps do not change by a tie.
///
/// The structural gaps are judged from the report's one search (the DFS tree's intervals: a tie from inside
/// a cut-off subtree to the part still joined to the hub reconnects that subtree; a tie across a bridge's
/// sides removes the bridge), which gives the same answer as searching again with the tie added; when an end
/// is not reached from the hub at all, the search is run again.
///
/// - Complexity: O(g log V) per pair for the g gaps about its two actors and their countries and the
///   structural gaps, O(V + E) only for a pair with an unreached end.
public struct IntroductionEffects: Sendable {
    let context: GapContext
    let gaps: [Gap]
    let coverage: CoverageMatrix
    let baseline: _CutAnalysis?
    let vertexOf: [String: Int]
    /// Gap indices by country (coverage, missing kinds and counterparts), by actor (dormant, isolated), and
    /// the structural ones.
    let byCountry: [String: [Int]]
    let byVertex: [Int: [Int]]
    let structural: [Int]
    /// Each gap's position in the report, by "category|country|subject".
    let position: [String: Int]
    /// Per single-broker gap: the disc times of the reached actors based in its country, ascending, and the
    /// actors that cut all of them off before the tie (candidates, in search order).
    let brokerCandidates: [Int: (based: [Int], candidates: [Int])]

    public init(report: GapReport) {
        context = report.context
        gaps = report.gaps
        coverage = report.coverage
        let scorer = context.scorer
        var root: Int? = nil
        if gaps.contains(where: { [.singleBroker, .broker, .bridge].contains($0.category) }) {
            let g = scorer.graph
            if let hub = context.hub, g.degree(of: hub) > 0 {
                root = hub
            } else {
                let parts = g.connectedComponents()
                if let largest = parts.largest, parts.sizes[largest] > 1 { root = (0..<g.vertexCount).first { Int(parts.componentOf[$0]) == largest } }
            }
        }
        baseline = root.map { _CutAnalysis(graph: scorer.graph, root: $0) }
        var ids: [String: Int] = [:]
        for gap in gaps {
            for id in gap.actors + [gap.subject] where ids[id] == nil {
                if let v = scorer.vertex(forPublicID: id) { ids[id] = v }
            }
        }
        vertexOf = ids
        var byCountry: [String: [Int]] = [:], byVertex: [Int: [Int]] = [:], structural: [Int] = []
        for (i, g) in gaps.enumerated() {
            switch g.category {
            case .coverage, .missingKind, .missingCounterpart: if let c = g.country { byCountry[c, default: []].append(i) }
            case .dormant, .isolated: if let v = ids[g.subject] { byVertex[v, default: []].append(i) }
            case .singleBroker, .broker, .bridge: structural.append(i)
            case .expertTopic, .unaffiliatedExpert: break
            }
        }
        self.byCountry = byCountry
        self.byVertex = byVertex
        self.structural = structural
        self.position = Dictionary(gaps.enumerated().map { ("\($0.element.category.rawValue)|\($0.element.country ?? "")|\($0.element.subject)", $0.offset) },
                                   uniquingKeysWith: { a, _ in a })
        var candidates: [Int: (based: [Int], candidates: [Int])] = [:]
        if let base = baseline {
            let p = scorer.profiles
            for i in structural where gaps[i].category == .singleBroker {
                guard let c = gaps[i].country, let cid = p.countryID[c] else { continue }
                let based = (0..<base.disc.count).filter { p[$0].homeCountry == cid && base.disc[$0] >= 0 }
                let list = base.order.filter { b in
                    base.cutCount[b] > 0 && b != base.root && based.contains { $0 != b } && based.allSatisfy { $0 == b || base.cutsOff(b, $0) }
                }
                candidates[i] = (based.map { base.disc[$0] }.sorted(), list)
            }
        }
        self.brokerCandidates = candidates
    }

    /// The gaps the tie `u – v` would close or shrink, in the report's order.
    public func of(_ u: Int, _ v: Int) -> [IntroductionEffect] { of(u, v, searchAgain: false) }

    func of(_ u: Int, _ v: Int, searchAgain: Bool) -> [IntroductionEffect] {
        let scorer = context.scorer
        let p = scorer.profiles
        let view = scorer.view
        // Pairs tied only by co-participation still gain a recorded tie; the search ignores an edge already there.
        guard u != v else { return [] }
        func national(_ x: Int) -> Bool { !p.reachesAbroad[x] && view.node(x).kind != .expert && p[x].homeCountry >= 0 }
        /// Whether `x` would work in country `cid` with the tie to `other`.
        func worksIn(_ x: Int, _ other: Int, _ cid: Int32) -> Bool {
            p[x].countries.contains(cid) || (p.reachesAbroad[x] && national(other) && p[other].homeCountry == cid)
        }
        var after: _CutAnalysis? = nil
        func cuts() -> _CutAnalysis? {
            guard let base = baseline else { return nil }
            if after == nil { after = _CutAnalysis(graph: scorer.graph, root: base.root, extra: (u, v)) }
            return after
        }
        var out: [IntroductionEffect] = []
        func closes(_ g: Gap) { out.append(IntroductionEffects.closing(g)) }
        let ends = [(u, v), (v, u)]
        var relevant = Set<Int>()
        for c in Set((p[u].countries + p[v].countries).map { p.countryCodes[Int($0)] }) { relevant.formUnion(byCountry[c] ?? []) }
        relevant.formUnion(byVertex[u] ?? [])
        relevant.formUnion(byVertex[v] ?? [])
        // Both ends reached from the hub: judge the structural gaps from the one search's tree.
        let fast = !searchAgain && baseline.map { $0.disc[u] >= 0 && $0.disc[v] >= 0 } == true
        if fast, let base = baseline {
            for i in structural {
                if let e = fastStructural(gaps[i], index: i, base: base, u, v) { out.append(e) }
            }
        } else {
            relevant.formUnion(structural)
        }
        for i in relevant.sorted() {
            let g = gaps[i]
            let cid = g.country.flatMap { p.countryID[$0] } ?? -1
            switch g.category {
            case .coverage:
                guard cid >= 0 else { continue }
                let topic: (Int) -> Bool
                if let a = Accomplishment(rawValue: g.subject) {
                    topic = { p[$0].has(a) }
                } else {
                    let sid = p.sectorID[g.subject] ?? -1
                    topic = { p[$0].sectors.contains(sid) }
                }
                if ends.contains(where: { x, o in _GapSupport.isOrganisation(p[x].kind) && x != context.hub && topic(x) && worksIn(x, o, cid) }) { closes(g) }
            case .missingKind:
                guard cid >= 0 else { continue }
                if g.subject == "regional agency" {
                    if ends.contains(where: { x, o in p[x].kind == .agency && view.node(x).scope == .regional && worksIn(x, o, cid) }) { closes(g) }
                } else if let kind = NodeKind(rawValue: g.subject) {
                    if ends.contains(where: { x, _ in p[x].kind == kind && p[x].homeCountry == cid }) { closes(g) }
                }
            case .missingCounterpart:
                guard cid >= 0, let a = Accomplishment(rawValue: g.subject) else { continue }
                if ends.contains(where: { x, _ in p[x].kind == .government && p[x].homeCountry == cid && p[x].has(a) }) { closes(g) }
            case .dormant, .isolated:
                if let x = vertexOf[g.subject], x == u || x == v { closes(g) }
            case .singleBroker:
                guard let b = vertexOf[g.subject], let base = baseline, let now = cuts(), cid >= 0 else { continue }
                let b2 = now.singleBroker(of: cid, profiles: p)
                if b2 != b {
                    closes(g)
                } else if now.cutCount[b] < base.cutCount[b] {
                    out.append(IntroductionEffect(change: .shrinks, category: g.category, country: g.country, subject: g.subject,
                                                  text: "shrinks: \(g.title) (its loss would cut off \(now.cutCount[b]) actors, not \(base.cutCount[b]))"))
                }
            case .broker:
                guard let b = vertexOf[g.subject], let base = baseline, let now = cuts() else { continue }
                if now.cutCount[b] < context.minimumCutOff {
                    closes(g)
                } else if now.cutCount[b] < base.cutCount[b] {
                    out.append(IntroductionEffect(change: .shrinks, category: g.category, country: g.country, subject: g.subject,
                                                  text: "shrinks: \(g.title) (to \(now.cutCount[b]))"))
                }
            case .bridge:
                guard g.actors.count == 2, let a = vertexOf[g.actors[0]], let b = vertexOf[g.actors[1]], let now = cuts() else { continue }
                let still = now.bridges(minimum: context.minimumCutOff).contains { ($0.0 == a && $0.1 == b) || ($0.0 == b && $0.1 == a) }
                if !still { closes(g) }
            case .expertTopic, .unaffiliatedExpert:
                continue
            }
        }
        // In the report's order.
        return out.sorted { (position["\($0.category.rawValue)|\($0.country ?? "")|\($0.subject)"] ?? 0) < (position["\($1.category.rawValue)|\($1.country ?? "")|\($1.subject)"] ?? 0) }
    }

    static func closing(_ g: Gap) -> IntroductionEffect {
        IntroductionEffect(change: .closes, category: g.category, country: g.country, subject: g.subject, text: "closes: \(g.title)")
    }

    /// A structural gap judged from the baseline tree with the tie `u – v` added (both ends reached).
    func fastStructural(_ g: Gap, index: Int, base: _CutAnalysis, _ u: Int, _ v: Int) -> IntroductionEffect? {
        /// The separated child subtree of `b` that the tie joins back to the hub's part, if any.
        func reconnected(_ b: Int) -> Int? {
            guard b != base.root, u != b, v != b else { return nil }
            for (x, y) in [(u, v), (v, u)] {
                if let c = base.separatedChild(b, containing: x), base.separatedChild(b, containing: y) == nil { return c }
            }
            return nil
        }
        func countAfter(_ b: Int) -> Int {
            guard let c = reconnected(b) else { return base.cutCount[b] }
            return base.cutCount[b] - (base.tout[c] - base.disc[c])
        }
        switch g.category {
        case .singleBroker:
            guard let b = vertexOf[g.subject], let entry = brokerCandidates[index] else { return nil }
            var best: Int? = nil, bestCount = 0
            for b2 in entry.candidates {
                // Still cuts off every actor based in the country unless one of them is in the reconnected subtree.
                if let c = reconnected(b2), Self.countInRange(entry.based, base.disc[c], base.tout[c], excluding: base.disc[b2]) > 0 { continue }
                let k = countAfter(b2)
                guard k > 0 else { continue }
                if best == nil || k < bestCount { best = b2; bestCount = k }
            }
            if best != b { return Self.closing(g) }
            let before = base.cutCount[b]
            return bestCount < before ? IntroductionEffect(change: .shrinks, category: g.category, country: g.country, subject: g.subject,
                                                           text: "shrinks: \(g.title) (its loss would cut off \(bestCount) actors, not \(before))") : nil
        case .broker:
            guard let b = vertexOf[g.subject] else { return nil }
            let k = countAfter(b)
            if k < context.minimumCutOff { return Self.closing(g) }
            return k < base.cutCount[b] ? IntroductionEffect(change: .shrinks, category: g.category, country: g.country, subject: g.subject,
                                                             text: "shrinks: \(g.title) (to \(k))") : nil
        case .bridge:
            guard g.actors.count == 2, let a = vertexOf[g.actors[0]], let b = vertexOf[g.actors[1]] else { return nil }
            let child = base.parent[b] == a ? b : a
            func inside(_ x: Int) -> Bool { base.disc[child] <= base.disc[x] && base.disc[x] < base.tout[child] }
            return inside(u) != inside(v) ? Self.closing(g) : nil
        default:
            return nil
        }
    }

    /// How many values of the ascending array lie in `lo ..< hi`, not counting `excluding`.
    static func countInRange(_ sorted: [Int], _ lo: Int, _ hi: Int, excluding: Int) -> Int {
        func lowerBound(_ x: Int) -> Int {
            var a = 0, b = sorted.count
            while a < b { let m = (a + b) / 2; if sorted[m] < x { a = m + 1 } else { b = m } }
            return a
        }
        let n = lowerBound(hi) - lowerBound(lo)
        return (lo <= excluding && excluding < hi && sorted.contains(excluding)) ? n - 1 : n
    }
}
