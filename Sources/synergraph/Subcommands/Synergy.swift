import ArgumentParser
import Foundation
import SynergraphKit

extension IntroductionStrategyChoice: ExpressibleByArgument {}

extension Synergraph {
    struct Synergy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score partner synergy: recommend introductions, best new partners for one actor, or one pair's breakdown.",
            discussion: """
                Synergy of two actors, in [0, 1], is a weighted mean of thematic fit (shared SDGs, EA1-EA3, \
                sectors), geographic fit (shared countries), complementarity of their kinds, structural \
                proximity (shared partners, Adamic-Adar) and bridging value (joins communities, lowers \
                Burt's constraint). Tied pairs have realised synergy, untied pairs latent synergy. \
                Without --for or --pair, lists the untied pairs with the highest latent synergy, labelled closure \
                (pairs that should obviously be working together) or bridging (pairs across structural holes), \
                each with the gaps it would close or shrink. \
                See Docs/synergy-and-gaps.md for every formula and the JSON contract.
                """
        )

        @OptionGroup var input: NetworkInput
        @OptionGroup var view: ViewOptions
        @OptionGroup var report: ReportOptions

        @Option(help: "How many introductions (or new partners with --for) to list.")
        var top: Int = 10

        @Option(name: .customLong("for"), help: "List the best new partners for this actor (an id, or expert-N as outputs show it).")
        var actor: String?

        @Option(parsing: .upToNextOption, help: "Break down the synergy of these two actors: --pair A B.")
        var pair: [String] = []

        @Option(help: "Which introductions: closure (same country or shared partners, complementary kinds, a common niche topic), bridging (across communities, countries or kinds), or both (the top of each).")
        var strategy: IntroductionStrategyChoice = .both

        @Option(help: "Threads for the candidate scan (default: all cores; results do not depend on it).")
        var threads: Int?

        func validate() throws {
            if top < 1 { throw ValidationError("--top must be at least 1.") }
            if !pair.isEmpty, pair.count != 2 { throw ValidationError("--pair takes exactly two actor ids, e.g. --pair unpog btn-rim.") }
            if actor != nil, !pair.isEmpty { throw ValidationError("--for and --pair cannot be combined; use one or the other.") }
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
        }

        func run() throws {
            let loaded = try input.loadOrExit()
            let config = try report.loadConfig()
            let networkView = try view.view(of: loaded.network)
            let scorer = SynergyScorer(view: networkView, config: config, showAllNames: report.showAllNames, progress: TerminalProgress.shared.progress)
            func vertex(_ id: String, _ flag: String) throws -> Int {
                guard let m = loaded.network.nodeIndex(forPublicID: id) else {
                    Terminal.error("\(flag) '\(id)' is not an actor of the network; use an id from the nodes table (or expert-N as outputs show it)")
                    throw ExitCode(1)
                }
                guard let v = scorer.vertex(forPublicID: id) else {
                    _ = m
                    Terminal.error("\(flag) '\(id)' is filtered out of the view by the other flags; loosen them")
                    throw ExitCode(1)
                }
                return v
            }
            let threadCount = threads ?? defaultMetricThreadCount
            // What each introduction would change: the gaps of the view, without their fillers.
            let effects = IntroductionEffects(report: GapReport(scorer: scorer, fillers: false))
            var result: SynergyReport
            if pair.count == 2 {
                let a = try vertex(pair[0], "--pair"), b = try vertex(pair[1], "--pair")
                guard a != b else {
                    Terminal.error("--pair names the same actor twice; give two different actors")
                    throw ExitCode(1)
                }
                var p = scorer.score(a, b)
                p.wouldChange = effects.of(a, b)
                result = SynergyReport(scorer: scorer, mode: .pair, pairs: [p], search: nil, summary: scorer.summary(threads: threadCount))
            } else if let actor {
                let u = try vertex(actor, "--for")
                let list = scorer.introductions(count: top, strategies: strategy, for: u, threads: threadCount, effects: effects)
                result = SynergyReport(scorer: scorer, mode: .actor, pairs: list.introductions, search: list.search, summary: scorer.summary(threads: threadCount))
                result.strategy = strategy.rawValue
            } else {
                let list = scorer.introductions(count: top, strategies: strategy, threads: threadCount, effects: effects)
                result = SynergyReport(scorer: scorer, mode: .top, pairs: list.introductions, search: list.search, summary: scorer.summary(threads: threadCount))
                result.strategy = strategy.rawValue
            }
            try report.emit(result.render(report.format), sheet: "synergy")
        }
    }
}
