/// Which actors of a view are *engaged* partners, as opposed to entries of the register.
///
/// An actor is **engaged** when, in the view,
/// - it has a recorded tie (any kind; co-participation is not a recorded tie) that is still open on the
///   reference day: started on or before it (or no start given) and not ended before it; or
/// - it took part in an activity inside the activity window.
///
/// The reference day is the end of the view's date window (`--until`, `--quarter`), else the as-of day
/// (`--as-of` or the manifest's `as_of`); with neither, a tie is current when it has no end date. The
/// activity window is the view's date window when it has one; otherwise the four quarters before the
/// as-of day's quarter and that quarter so far (the same look-back as ``DormantPartners``); otherwise every
/// activity of the view. The office's hub is always engaged.
///
/// Coverage cells, missing kinds and missing counterparts count engaged actors only; registered but
/// unengaged actors are named in the gap and offered first as fillers.
///
/// - Complexity: O(T + P) for the view's ties and the network's participations.
public struct Engagement: Sendable, Equatable {
    /// Per vertex of the view.
    public let engaged: [Bool]
    /// The day a tie must be open on to count, if any.
    public let referenceDay: Day?
    /// The window an activity must overlap to count.
    public let activityWindow: DateWindow

    public init(view: NetworkView, asOf: Day?) {
        let network = view.network
        let window = view.filter.window
        let reference = window.to ?? asOf
        var activityWindow = window
        if window.from == nil, window.to == nil, let asOf {
            var q = Quarter(containing: asOf)
            for _ in 0..<4 { q = q.previous }
            activityWindow = DateWindow(from: q.firstDay, to: asOf)
        }
        var engaged = [Bool](repeating: false, count: view.vertexCount)
        for t in view.ties {
            guard let k = t.modelTie else { continue }
            let tie = network.ties[k]
            let open: Bool
            if let reference {
                open = (tie.since.map { $0 <= reference } ?? true) && (tie.until.map { $0 >= reference } ?? true)
            } else {
                open = tie.until == nil
            }
            if open {
                engaged[Int(t.source)] = true
                engaged[Int(t.target)] = true
            }
        }
        var inWindow = [Bool](repeating: false, count: network.activities.count)
        for a in view.activities {
            let act = network.activities[a]
            if activityWindow.overlaps(since: act.date, until: act.lastDay), reference.map({ act.date <= $0 }) ?? true { inWindow[a] = true }
        }
        for p in network.participation {
            guard let a = network.activityIndex[p.activity], inWindow[a], let m = network.nodeIndex[p.node] else { continue }
            let v = Int(view.vertexOfNode[m])
            if v >= 0 { engaged[v] = true }
        }
        if let hub = network.manifest.hub, let m = network.nodeIndex(forPublicID: hub) {
            let v = Int(view.vertexOfNode[m])
            if v >= 0 { engaged[v] = true }
        }
        self.engaged = engaged
        self.referenceDay = reference
        self.activityWindow = activityWindow
    }

    public subscript(v: Int) -> Bool { engaged[v] }
}
