import ArgumentParser
import Foundation
import SynergraphGraphviz
import SynergraphKit

extension Synergraph {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the partner atlas: one interactive HTML file to open, search and act on, offline.",
            discussion: """
                The atlas holds the map (as render draws it) with pan, zoom, hover and click; a panel per actor \
                (partners, activities, what its measures mean, best new partners, its gaps); search; filters; \
                the gaps, introductions, coverage heat maps and the expert finder; and a print briefing. \
                It is one self-contained file: no request leaves it, it opens from a folder or an e-mail. \
                Experts who have not consented to be named appear as Expert N, in the file's data too.
                Examples:
                  synergraph report -o atlas.html
                  synergraph report Networks/my-network --kind school agency -o schools.html
                  synergraph report --trends -o atlas.html
                """
        )

        @OptionGroup var input: NetworkInput
        @OptionGroup var view: ViewOptions

        @Option(name: [.short, .customLong("output")], help: "The HTML file to write.")
        var output: String

        @Option(help: "Recommended introductions listed.")
        var introductions: Int = 20

        @Option(help: "A JSON file overriding the synergy score weights and the kind-pair table (see Docs/synergy-and-gaps.md).")
        var config: String?

        @Flag(help: "Add trend charts over every quarter the data covers (measures each quarter: slower).")
        var trends = false

        @Option(help: "Longest time in seconds the map's layout may take.")
        var timeout: Double = 120

        @Flag(name: .customLong("show-all-names"), help: "Name experts who have not consented to be named (for internal use only).")
        var showAllNames = false

        @Option(help: "Threads for the metrics (default: all cores).")
        var threads: Int?

        func validate() throws {
            guard introductions >= 0 else { throw ValidationError("--introductions must be 0 or more.") }
            guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds.") }
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
            if trends, view.quarter != nil || view.since != nil || view.until != nil {
                throw ValidationError("--trends charts every quarter; it cannot be combined with --quarter, --since or --until.")
            }
        }

        func run() throws {
            let loaded = try input.loadOrExit()
            let networkView = try view.view(of: loaded.network)
            if networkView.vertexCount > AtlasData.actorLimit {
                Terminal.error("the atlas holds up to \(AtlasData.actorLimit) actors and this view has \(networkView.vertexCount); narrow it with --country, --kind, --since/--until or --focus")
                throw ExitCode(1)
            }
            TerminalProgress.shared.stage("building the atlas")
            var synergyConfig = SynergyConfig()
            if let config {
                ProtectedInputs.add(config)
                do { synergyConfig = try SynergyConfig.load(path: config) } catch {
                    Terminal.error(error.description)
                    throw ExitCode(1)
                }
            }
            let options = AtlasData.Options(showAllNames: showAllNames, config: synergyConfig, introductions: introductions,
                                            threads: threads ?? defaultMetricThreadCount)
            var trend: [AtlasTrendPoint] = []
            if trends {
                do { trend = try AtlasTrend.points(network: loaded.network, filter: view.filter, showAllNames: showAllNames) } catch {
                    Terminal.error(error.description)
                    throw ExitCode(1)
                }
            }
            do {
                let written = try AtlasWriter.write(view: networkView, options: options, trend: trend, to: URL(fileURLWithPath: output),
                                                    timeout: .milliseconds(Int(timeout * 1000)))
                for w in written.warnings { Terminal.warn("map: \(w)") }
                Terminal.note("Wrote \(output) (\(networkView.vertexCount) actors, \(written.bytes / 1024) KB)")
            } catch {
                Terminal.error("\(error)")
                throw ExitCode(1)
            }
        }
    }
}
