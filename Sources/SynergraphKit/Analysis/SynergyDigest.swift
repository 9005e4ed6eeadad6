/// The short "gaps and introductions" section of `synergraph analyze`: the most severe gaps and the best
/// introductions of a view, one line each (the full reports are `synergraph gaps` and `synergraph synergy`).
public struct SynergyDigest: Sendable {
    public let gaps: [Gap]
    public let introductions: [PairSynergy]
    let scorer: SynergyScorer

    public init(view: NetworkView, count: Int = 5, showAllNames: Bool = false, threads: Int = defaultMetricThreadCount,
                progress: WorkProgress? = nil) {
        scorer = SynergyScorer(view: view, showAllNames: showAllNames, progress: progress)
        // Fillers for the gaps shown only (the same fillers the full report gives them).
        let report = GapReport(scorer: scorer, fillersForTop: count, progress: progress)
        gaps = Array(report.gaps.prefix(count))
        // The top of each strategy: closure pairs, then bridging pairs.
        introductions = scorer.introductions(count: count, strategies: .both, threads: threads, effects: IntroductionEffects(report: report)).introductions
    }

    /// The digest's gaps as `summary.json` carries them.
    public var gapEntries: [NetworkSummary.GapEntry] {
        gaps.map { g in
            NetworkSummary.GapEntry(category: g.category.rawValue, severity: g.severity, country: g.country, title: g.title,
                                    fillers: g.fillers.map { f in f.partnerName.map { "\(f.name) ↔ \($0)" } ?? f.name })
        }
    }

    /// The digest's introductions as `summary.json` carries them (public ids and display names).
    public var introductionEntries: [NetworkSummary.IntroductionEntry] {
        introductions.map { p in
            NetworkSummary.IntroductionEntry(a: scorer.publicID(p.a), aName: scorer.name(p.a), b: scorer.publicID(p.b), bName: scorer.name(p.b),
                                             synergy: p.total, reason: p.reason, strategy: p.strategy?.rawValue,
                                             wouldChange: p.wouldChange.map(\.text))
        }
    }

    public var text: String {
        var out = "Top gaps (synergraph gaps for all, with fillers)\n"
        if gaps.isEmpty { out += "  none found\n" }
        for (i, g) in gaps.enumerated() { out += "  \(i + 1). [\(g.category.rawValue)] \(g.title)\n" }
        for st in IntroductionStrategy.allCases {
            let list = introductions.filter { $0.strategy == st }
            out += st == .closure ? "\nTop closure introductions: pairs that should obviously be working together (synergraph synergy for more)\n"
                : "\nTop bridging introductions: pairs across communities, countries or kinds\n"
            if list.isEmpty { out += "  none\n" }
            for (i, p) in list.enumerated() {
                out += "  \(i + 1). \(scorer.name(p.a)) ↔ \(scorer.name(p.b)) (\(String(format: "%.2f", p.total))): \(p.strategyReason) \(p.reason)\n"
                if !p.wouldChange.isEmpty { out += "     would change: " + p.wouldChange.map(\.text).joined(separator: "; ") + "\n" }
            }
        }
        return out
    }
}
