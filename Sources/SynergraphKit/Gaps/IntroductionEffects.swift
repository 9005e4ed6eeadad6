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
/// - Complexity: O(G) per pair for G gaps, plus O(V + E) for the search when the report has structural gaps.
public struct IntroductionEffects: Sendable {
    let context: GapContext
    let gaps: [Gap]
    let coverage: CoverageMatrix
    let baseline: _CutAnalysis?
    let vertexOf: [String: Int]

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
    }

    /// The gaps the tie `u – v` would close or shrink, in the report's order.
    public func of(_ u: Int, _ v: Int) -> [IntroductionEffect] {
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
        func closes(_ g: Gap) { out.append(IntroductionEffect(change: .closes, category: g.category, country: g.country, subject: g.subject, text: "closes: \(g.title)")) }
        let ends = [(u, v), (v, u)]
        for g in gaps {
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
        return out
    }
}
