/// Partners that have lapsed or gone quiet.
///
/// Judged on the whole record up to the as-of day, for the actors of the view other than the office's hub
/// (the office is never reported as dormant). The look-back runs from the first day of the fourth quarter
/// before the as-of day's quarter to the as-of day: the last four full quarters and the current one so far
/// (as of 2026-09-30, in 2026Q3: from 2025-07-01).
///
/// - **Quiet** (severity 0.50): the actor still has a recorded tie open on the as-of day (no end date, or
///   one after it), but no tie of it starts or ends, and it takes part in no activity, in the look-back. It
///   looks like a partner and is worth a call.
/// - **Lapsed** (0.40): every recorded tie of the actor has ended by the as-of day, and nothing happened
///   after the last one ended (no new tie, no activity) or nothing at all in the look-back. The
///   partnership is over unless renewed.
///
/// Actors with no tie and no activity at all are reported as isolated instead (``StructuralGaps``).
/// Fillers are the actor's best new partners.
public struct DormantPartners: Sendable {
    public let since: Day
    public let asOf: Day
    public let gaps: [Gap]
    /// Per dormant vertex, the last day anything happened.
    public let lastActivity: [Int: Day]
    /// Per dormant vertex, which kind of dormancy.
    public let kinds: [Int: DormancyKind]

    public init(_ context: GapContext, asOf: Day) {
        let scorer = context.scorer
        let view = scorer.view
        let network = view.network
        var q = Quarter(containing: asOf)
        for _ in 0..<4 { q = q.previous }
        since = q.firstDay
        self.asOf = asOf
        let window = DateWindow(from: since, to: asOf)
        let n = view.vertexCount
        var hasTie = [Bool](repeating: false, count: n)
        var hasOpenTie = [Bool](repeating: false, count: n)
        var recent = [Bool](repeating: false, count: n)
        var last = [Day?](repeating: nil, count: n)
        var lastEnd = [Day?](repeating: nil, count: n)
        var lastStartOrActivity = [Day?](repeating: nil, count: n)
        func vertex(_ id: String) -> Int? {
            guard let m = network.nodeIndex[id] else { return nil }
            let v = Int(view.vertexOfNode[m])
            return v >= 0 ? v : nil
        }
        func note(_ v: Int, _ d: Day?) {
            guard let d, d <= asOf else { return }
            if window.contains(d) { recent[v] = true }
            if last[v] == nil || d > last[v]! { last[v] = d }
        }
        func later(_ a: Day?, _ b: Day) -> Day { a.map { max($0, b) } ?? b }
        for t in network.ties {
            if let s = t.since, s > asOf { continue }
            for id in [t.source, t.target] {
                guard let v = vertex(id) else { continue }
                hasTie[v] = true
                if let u = t.until, u <= asOf {
                    lastEnd[v] = later(lastEnd[v], u)
                } else {
                    hasOpenTie[v] = true
                }
                if let s = t.since { lastStartOrActivity[v] = later(lastStartOrActivity[v], s) }
                note(v, t.since)
                note(v, t.until)
            }
        }
        for part in network.participation {
            guard let v = vertex(part.node), let a = network.activityIndex[part.activity] else { continue }
            let act = network.activities[a]
            guard act.date <= asOf else { continue }
            if window.overlaps(since: act.date, until: act.lastDay) { recent[v] = true }
            lastStartOrActivity[v] = later(lastStartOrActivity[v], min(act.lastDay, asOf))
            note(v, min(act.lastDay, asOf))
        }
        var out: [Gap] = []
        var lastActivity: [Int: Day] = [:]
        var kinds: [Int: DormancyKind] = [:]
        for v in 0..<n where hasTie[v] && v != context.hub {
            let kind: DormancyKind
            if hasOpenTie[v] {
                guard !recent[v] else { continue }
                kind = .quiet
            } else {
                guard let end = lastEnd[v], !recent[v] || (lastStartOrActivity[v].map { $0 <= end } ?? true) else { continue }
                kind = .lapsed
            }
            lastActivity[v] = last[v]
            kinds[v] = kind
            let fillers = context.fillers(GapKey(.dormant, nil, scorer.publicID(v)), for: v) { _, _ in true }
            let name = scorer.name(v)
            let gap: Gap
            switch kind {
            case .quiet:
                gap = Gap(category: .dormant, severity: 0.50, country: nil, subject: scorer.publicID(v),
                          title: "\(name) has gone quiet",
                          detail: "It still has an open tie, but no tie started or ended and it took part in no activity since \(since)"
                              + (last[v].map { "; last seen \($0)." } ?? "."),
                          actors: [scorer.publicID(v)], fillers: fillers, dormancy: .quiet)
            case .lapsed:
                gap = Gap(category: .dormant, severity: 0.40, country: nil, subject: scorer.publicID(v),
                          title: "\(name)'s partnership has lapsed",
                          detail: "Every recorded tie of it has ended, the last on \(lastEnd[v]!)" + ((last[v].map { $0 > lastEnd[v]! } ?? false) ? "; last seen \(last[v]!), before \(since)." : ", and nothing happened since."),
                          actors: [scorer.publicID(v)], fillers: fillers, dormancy: .lapsed)
            }
            out.append(gap)
        }
        self.lastActivity = lastActivity
        self.kinds = kinds
        gaps = out
    }
}
