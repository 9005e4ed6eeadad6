import ArgumentParser
import Foundation
import SynergraphKit

extension Accomplishment: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}

extension Synergraph {
    struct Experts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find experts for a request: ranked by topic, experience in the country or its neighbours, closeness to the hub and centrality.",
            discussion: """
                Experts who have not consented to be named are shown as "Expert N". Experience with a \
                neighbour is a country of the same UN M49 sub-region. See Docs/synergy-and-gaps.md.
                """
        )

        @OptionGroup var input: NetworkInput

        @Option(help: "The country the request is for (ISO alpha-3, e.g. VUT).")
        var country: String?

        @Option(help: "The sector asked for, e.g. \"digital government\".")
        var sector: String?

        @Option(help: "The expected accomplishment asked for: EA1, EA2 or EA3.")
        var accomplishment: Accomplishment?

        @Option(help: "How many experts to list.")
        var top: Int = 10

        @Option(help: "Keep only ties and activities on or after this day (YYYY-MM-DD).")
        var since: String?

        @Option(help: "Keep only ties and activities on or before this day (YYYY-MM-DD).")
        var until: String?

        @Flag(name: .customLong("no-co-participation"), help: "Do not tie actors who took part in the same activity.")
        var noCoParticipation = false

        @OptionGroup var report: ReportOptions

        func validate() throws {
            if let country, !(country.count == 3 && country.allSatisfy(\.isLetter)) {
                throw ValidationError("--country '\(country)' is not an ISO 3166-1 alpha-3 code such as VUT.")
            }
            if top < 1 { throw ValidationError("--top must be at least 1.") }
            for (flag, value) in [("--since", since), ("--until", until)] {
                if let value, Day(iso: value) == nil { throw ValidationError("\(flag) '\(value)' is not a date; write it as YYYY-MM-DD.") }
            }
        }

        func run() throws {
            let loaded = try input.loadOrExit()
            let config = try report.loadConfig()
            let filter = ViewFilter(window: DateWindow(from: since.flatMap { Day(iso: $0) }, to: until.flatMap { Day(iso: $0) }),
                                    coParticipation: !noCoParticipation)
            let networkView: NetworkView
            do { networkView = try NetworkView(loaded.network, filter: filter) } catch {
                Terminal.error(error.description)
                throw ExitCode(1)
            }
            let scorer = SynergyScorer(view: networkView, config: config, showAllNames: report.showAllNames, progress: TerminalProgress.shared.progress)
            let finder = ExpertFinder(scorer: scorer, request: ExpertRequest(country: country, sector: sector, accomplishment: accomplishment))
            for w in finder.warnings { Terminal.warn(w) }
            try report.emit(finder.render(report.format, top: top), sheet: "experts")
        }
    }
}
