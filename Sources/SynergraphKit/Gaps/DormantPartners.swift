/// Partners that have gone quiet.
///
/// An actor of the view is **dormant** when it still has a recorded tie (so it looks like a partner) but no
/// tie of it starts or ends, and it takes part in no activity, between ``since`` and the as-of day. The
/// look-back runs from the first day of the fourth quarter before the as-of day's quarter to the as-of day:
/// the last four full quarters and the current one so far (as of 2026-09-30, in 2026Q3: from 2025-07-01).
/// Actors with no tie and no activity at all are reported as isolated instead (``StructuralGaps``).
/// Severity 0.50; fillers are the actor's best new partners.
public struct DormantPartners: Sendable {
    public let since: Day
    public let asOf: Day
    public let gaps: [Gap]
    /// Per dormant vertex, the last day anything happened.
    public let lastActivity: [Int: Day]

    public init(scorer: SynergyScorer, asOf: Day) {
        let view = scorer.view
        let network = view.network
        var q = Quarter(containing: asOf)
        for _ in 0..<4 { q = q.previous }
        since = q.firstDay
        self.asOf = asOf
        let window = DateWindow(from: since, to: asOf)
        let n = view.vertexCount
        var hasTie = [Bool](repeating: false, count: n)
        var recent = [Bool](repeating: false, count: n)
        var last = [Day?](repeating: nil, count: n)
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
        for t in network.ties {
            for id in [t.source, t.target] {
                guard let v = vertex(id) else { continue }
                hasTie[v] = true
                note(v, t.since)
                note(v, t.until)
            }
        }
        for part in network.participation {
            guard let v = vertex(part.node), let a = network.activityIndex[part.activity] else { continue }
            let act = network.activities[a]
            if act.date <= asOf, window.overlaps(since: act.date, until: act.lastDay) { recent[v] = true }
            note(v, min(act.lastDay, asOf))
        }
        var out: [Gap] = []
        var lastActivity: [Int: Day] = [:]
        for v in 0..<n where hasTie[v] && !recent[v] {
            lastActivity[v] = last[v]
            let fillers = _GapSupport.introductions(scorer, for: v) { _, _ in true }
            out.append(Gap(category: .dormant, severity: 0.50, country: nil, subject: scorer.publicID(v),
                           title: "\(scorer.name(v)) has gone quiet",
                           detail: "no tie started or ended and no activity since \(since)" + (last[v].map { "; last seen \($0)" } ?? ""),
                           actors: [scorer.publicID(v)], fillers: fillers))
        }
        self.lastActivity = lastActivity
        gaps = out
    }
}
