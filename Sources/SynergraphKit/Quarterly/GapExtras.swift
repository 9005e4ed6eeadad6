/// Adds the gap analysis to every quarter of a batch: a `gaps.md`/`gaps.json` section, the gaps opened
/// and closed since the quarter before in the diff, and an "open gaps" column in the trend table.
///
/// Each quarter's ``GapReport`` is computed on that quarter's view, judged as of the quarter's last day,
/// and cached, since the diff of quarter q and the section of quarter q both need it.
public struct GapExtras: QuarterExtras {
    public let identity = "gaps-2"
    private let cache = QuarterCache<GapReport>()

    public init() {}

    public func sections(for quarter: QuarterSnapshot) -> [QuarterSection] {
        let report = self.report(quarter)
        return [QuarterSection(id: "gaps", title: "Gaps", markdown: report.text(markdown: true, limit: 25), json: report.json())]
    }

    public func diffLines(from previous: QuarterSnapshot, to current: QuarterSnapshot) -> [QuarterDiffLine] {
        let before = Dictionary(report(previous).gaps.map { (Self.key($0), $0.title) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(report(current).gaps.map { (Self.key($0), $0.title) }, uniquingKeysWith: { a, _ in a })
        var lines: [QuarterDiffLine] = []
        for gap in report(current).gaps where before[Self.key(gap)] == nil {
            lines.append(QuarterDiffLine(section: "Gaps", text: "opened: \(gap.title)"))
        }
        for gap in report(previous).gaps where after[Self.key(gap)] == nil {
            lines.append(QuarterDiffLine(section: "Gaps", text: "closed: \(gap.title)"))
        }
        return lines
    }

    public func trendFigures(for quarter: QuarterSnapshot) -> [QuarterFigure] {
        [QuarterFigure(column: "open gaps", value: String(report(quarter).gaps.count))]
    }

    /// What makes two quarters' gaps the same gap.
    static func key(_ gap: Gap) -> String {
        "\(gap.category.rawValue)|\(gap.country ?? "")|\(gap.subject)"
    }

    private func report(_ q: QuarterSnapshot) -> GapReport {
        cache.value(for: q.quarter) {
            GapReport(scorer: SynergyScorer(view: q.view, showAllNames: q.showAllNames), asOf: q.quarter.lastDay)
        }
    }
}
