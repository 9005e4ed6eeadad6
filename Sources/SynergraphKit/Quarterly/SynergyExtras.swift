/// Adds the synergy view to every quarter of a batch: a `synergy.md`/`synergy.json` section with the
/// quarter's ten best closure and ten best bridging introductions (each with what it would change) and its network synergy summary, the change in mean realised
/// synergy in the diff, and a "mean synergy" column in the trend table.
public struct SynergyExtras: QuarterExtras {
    public let identity = "synergy-2"
    /// How many introductions each quarter lists.
    public let introductions: Int
    private let cache = QuarterCache<SynergyReport>()

    public init(introductions: Int = 10) {
        self.introductions = introductions
    }

    public func sections(for quarter: QuarterSnapshot) -> [QuarterSection] {
        let r = report(quarter)
        return [QuarterSection(id: "synergy", title: "Synergy", markdown: r.render(.md), json: r.json())]
    }

    public func diffLines(from previous: QuarterSnapshot, to current: QuarterSnapshot) -> [QuarterDiffLine] {
        guard let before = report(previous).summary.meanRealisedSynergy, let after = report(current).summary.meanRealisedSynergy else { return [] }
        return [QuarterDiffLine(section: "Synergy", text: "mean realised synergy of ties \(Self.format(before)) → \(Self.format(after))")]
    }

    public func trendFigures(for quarter: QuarterSnapshot) -> [QuarterFigure] {
        [QuarterFigure(column: "mean synergy", value: report(quarter).summary.meanRealisedSynergy.map(Self.format) ?? "–")]
    }

    private func report(_ q: QuarterSnapshot) -> SynergyReport {
        cache.value(for: q.quarter) {
            let scorer = SynergyScorer(view: q.view, showAllNames: q.showAllNames)
            let effects = IntroductionEffects(report: GapReport(scorer: scorer, asOf: q.quarter.lastDay, fillers: false))
            let list = scorer.introductions(count: introductions, strategies: .both, effects: effects)
            var report = SynergyReport(scorer: scorer, mode: .top, pairs: list.introductions, search: list.search, summary: scorer.summary())
            report.strategy = IntroductionStrategyChoice.both.rawValue
            return report
        }
    }

    static func format(_ v: Double) -> String { NetworkSummary.fixed(v, 3) }
}
