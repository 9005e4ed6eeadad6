import ArgumentParser
import Foundation
import SynergraphKit

extension Synergraph {
    struct Gaps: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find coverage, partner-kind, structural and expert gaps, most severe first, each with candidate fillers.",
            discussion: """
                For the manifest's target countries (or --countries): a coverage matrix country x accomplishment \
                and country x sector (partner organisations and experts), kinds of partner missing per country, \
                single brokers and bridges, dormant partners (no tie or activity in the last four quarters \
                before the as-of day), isolated actors, and expert gaps. Every gap comes with up to three \
                fillers from the synergy scores. See Docs/synergy-and-gaps.md.
                """
        )

        @OptionGroup var input: NetworkInput
        @OptionGroup var view: ViewOptions
        @OptionGroup var report: ReportOptions

        @Option(parsing: .upToNextOption, help: "Target countries (ISO alpha-3), instead of the manifest's target_countries.")
        var countries: [String] = []

        @Option(name: .customLong("as-of"), help: "The day dormancy is judged on (YYYY-MM-DD), instead of the manifest's as_of.")
        var asOf: String?

        @Option(help: "How many gaps to print in the table (0: all).")
        var list: Int = 0

        @Option(name: .customLong("min-cut"), help: "Report a broker or bridge only when its loss cuts off at least this many actors.")
        var minCut: Int = 2

        func validate() throws {
            for c in countries where !(c.count == 3 && c.allSatisfy(\.isLetter)) {
                throw ValidationError("--countries '\(c)' is not an ISO 3166-1 alpha-3 code such as NPL.")
            }
            if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date; write it as YYYY-MM-DD.") }
            if list < 0 { throw ValidationError("--list must be 0 or more.") }
            if minCut < 1 { throw ValidationError("--min-cut must be at least 1.") }
        }

        func run() throws {
            let loaded = try input.loadOrExit()
            let config = try report.loadConfig()
            let networkView = try view.view(of: loaded.network)
            let progress = TerminalProgress.shared.progress
            let scorer = SynergyScorer(view: networkView, config: config, showAllNames: report.showAllNames, progress: progress)
            let gapReport = GapReport(scorer: scorer, countries: countries.isEmpty ? nil : countries.map { $0.uppercased() },
                                      asOf: asOf.flatMap { Day(iso: $0) }, minimumCutOff: minCut, progress: progress)
            for w in gapReport.warnings { Terminal.warn(w) }
            let limit = list == 0 ? nil : list
            var text = gapReport.render(report.format, scorer: scorer, limit: limit)
            if report.format == .table || report.format == .md {
                // Warnings go to standard error; keep the table free of them.
                text = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("warning: ") }.joined(separator: "\n")
            }
            try report.emit(text, sheet: "gaps")
        }
    }
}
