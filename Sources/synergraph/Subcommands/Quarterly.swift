import ArgumentParser
import Foundation
import Synchronization
import SynergraphGraphviz
import SynergraphKit

extension Synergraph {
    struct Quarterly: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw every quarter of every network: maps on one shared layout, metrics, summaries and what changed.",
            discussion: """
                For each network and each quarter (--from/--to, or every quarter the data covers: from the earliest \
                tie or activity date to the manifest's as_of), writes into OUT/<network>/<quarter>/: map.svg and \
                map.png (every actor at its place in one layout of all quarters, so maps compare side by side), \
                metrics.csv and metrics.json, summary.json, and diff.json and diff.md (against the quarter before); \
                then OUT/<network>/index.md, index.html and trend.csv. With --aggregate GROUP each quarter also gets \
                overview.svg/.png (one circle per group, laid out for that quarter), and with --geo geo.svg/.png \
                (each actor near its country). \
                Reruns skip quarters whose content hash is unchanged (--force redoes them); files are written \
                atomically, so an interrupted run is completed by the next. Exit status 1 when any network failed.
                """
        )

        /// Extra per-quarter sections, diff lines and trend figures (see `QuarterExtras`); none yet.
        static let extras: [any QuarterExtras] = [GapExtras(), SynergyExtras()]

        @Argument(help: "Network folders (or .json files) to draw, one output folder each (named by the manifest's name).")
        var paths: [String]

        @Option(help: "Output folder; each network gets OUT/<network>/.")
        var out: String = "out/quarterly"

        @OptionGroup var view: ViewOptions

        @OptionGroup var limits: LimitOptions

        @Option(help: "First quarter, e.g. 2024Q1 (default: the quarter of the earliest date in the data).")
        var from: String?

        @Option(help: "Last quarter, e.g. 2026Q4 (default: the quarter of the manifest's as_of, or of the latest date).")
        var to: String?

        @Option(name: .customLong("map-format"), parsing: .upToNextOption, help: "Map formats to draw for each quarter.")
        var mapFormats: [MapFormat] = [.svg, .png]

        @Option(help: "Quarters drawn at the same time (each render runs in its own worker process).")
        var jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

        @Flag(help: "Redo every quarter, even those whose inputs have not changed.")
        var force = false

        @Option(help: "Longest time in seconds one layout or map may take; past it that quarter fails and the rest go on.")
        var timeout: Double = 120

        @Option(help: "Also draw each quarter's overview, one circle per country, region, community or kind (<quarter>/overview.svg, .png).")
        var aggregate: MapClusterBy?

        @Flag(help: "Also draw each quarter's geographic map, each actor near its country (<quarter>/geo.svg, .png).")
        var geo = false

        @Option(help: "Seed of the shared neato layout.")
        var seed: Int = 1

        @Option(help: "Risers and fallers listed per measure in each diff.")
        var top: Int = 5

        @Flag(name: .customLong("show-all-names"), help: "Name experts who have not consented to be named (for internal use only).")
        var showAllNames = false

        func validate() throws {
            guard !paths.isEmpty else { throw ValidationError("give at least one network folder, e.g. Networks/unpog-asia-pacific.") }
            if view.quarter != nil || view.since != nil || view.until != nil {
                throw ValidationError("--quarter, --since and --until do not apply to quarterly; choose the quarters with --from and --to.")
            }
            if view.focus != nil { throw ValidationError("--focus does not apply to quarterly (an actor is not present in every quarter).") }
            for (flag, value) in [("--from", from), ("--to", to)] {
                if let value, Quarter(value) == nil { throw ValidationError("\(flag) '\(value)' is not a quarter; write it as 2025Q3.") }
            }
            if let f = from.flatMap(Quarter.init), let t = to.flatMap(Quarter.init), t < f {
                throw ValidationError("--to \(t) is before --from \(f).")
            }
            guard jobs >= 1, jobs <= 64 else { throw ValidationError("--jobs must be between 1 and 64.") }
            guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds.") }
            guard top >= 0 else { throw ValidationError("--top must be 0 or more.") }
            guard !mapFormats.isEmpty else { throw ValidationError("--map-format needs at least one format.") }
        }

        func run() throws {
            let options = QuarterlyOptions(
                filter: view.filter, from: from.flatMap(Quarter.init), to: to.flatMap(Quarter.init),
                formats: mapFormats.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }, seed: seed, timeout: .milliseconds(Int(timeout * 1000)), jobs: jobs, force: force,
                showAllNames: showAllNames, top: top, extras: Self.extras, overview: aggregate, geo: geo)
            let root = URL(fileURLWithPath: out)
            let progress = QuarterlyProgress(onTerminal: isatty(STDERR_FILENO) == 1)
            var failures: [String] = []
            var names: [String: String] = [:]
            for path in paths { ProtectedInputs.add(path) }
            for path in paths {
                let loaded: LoadedNetwork
                do throws(LoadFailure) {
                    loaded = try NetworkLoader.load(path: path, options: LoadOptions(limits: limits.readerLimits))
                } catch {
                    Terminal.error("\(path): \(error.description)")
                    failures.append("\(path): the network cannot be loaded (\(error.errors.count) errors, listed above)")
                    continue
                }
                let name = loaded.network.manifest.name
                if let other = names[name] {
                    failures.append("\(path): its name '\(name)' is also the name of \(other); output folders would clash")
                    continue
                }
                names[name] = path
                let job = QuarterlyJob(network: loaded.network, outputRoot: root, options: options, renderer: GraphvizRenderer())
                let result = job.run(progress: progress.report)
                progress.finish()
                let folder = root.appendingPathComponent(name).path
                if let failure = result.failure { failures.append("\(name) (\(path)): \(failure)") }
                for (quarter, message) in result.failedQuarters { failures.append("\(name) \(quarter): \(message)") }
                print("\(name): \(result.outcomes.count) quarters: \(result.written) written, \(result.skipped) skipped (unchanged), \(result.failedQuarters.count) failed; index: \(folder)/index.html")
            }
            if !failures.isEmpty {
                Terminal.error("\(failures.count) failure\(failures.count == 1 ? "" : "s"):")
                for f in failures { Terminal.note("  " + f) }
                throw ExitCode(1)
            }
        }
    }
}

extension MapFormat: ExpressibleByArgument {}

/// Progress on standard error: a bar that redraws itself on a terminal, plain lines otherwise (logs, cron).
final class QuarterlyProgress: Sendable {
    private struct State {
        var network = ""
        var total = 0
        var done = 0
        var drawing = false
    }

    private let onTerminal: Bool
    private let state = Mutex(State())

    init(onTerminal: Bool) { self.onTerminal = onTerminal }

    var report: @Sendable (QuarterlyEvent) -> Void { { [self] event in handle(event) } }

    private func handle(_ event: QuarterlyEvent) {
        state.withLock { s in
            switch event {
            case .started(let network, let total, let toDraw):
                s = State(network: network, total: total, done: 0, drawing: true)
                if !onTerminal { emit("quarterly: \(network): \(total) quarters, \(toDraw) to draw, \(total - toDraw) unchanged\n") }
            case .quarterFinished(let network, let quarter, let outcome):
                s.done += 1
                let word: String
                switch outcome {
                case .written: word = "written"
                case .skipped: word = "skipped (unchanged)"
                case .failed(let m): word = "FAILED: \(m)"
                }
                if onTerminal {
                    let width = 30
                    let filled = s.total > 0 ? width * s.done / s.total : width
                    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                    var line = "\r\u{1B}[K\(network) \(bar) \(s.done)/\(s.total) \(quarter)"
                    if case .failed = outcome { line = "\r\u{1B}[K\(network) \(quarter): \(word)\n" + line }
                    emit(line)
                } else {
                    if case .skipped = outcome { return }
                    emit("quarterly: \(network) \(quarter): \(word)\n")
                }
            }
        }
    }

    /// Ends the bar's line.
    func finish() {
        state.withLock { s in
            if onTerminal, s.drawing { emit("\n") }
            s.drawing = false
        }
    }

    private func emit(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
