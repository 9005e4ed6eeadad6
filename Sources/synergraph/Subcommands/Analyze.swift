import ArgumentParser
import Foundation
import SynergraphGraphviz
import SynergraphKit

extension Synergraph {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Summarise a network and draw its map.",
            discussion: """
                Prints counts by kind and tie kind, density, connected components, isolated actors and the \
                top actors by degree and betweenness, the most severe gaps and the best introductions, and writes \
                map.svg, map.dot and summary.json (the same, as JSON) into \
                out/<network>/ (or --out). Files are written atomically: an interrupted run leaves no half-written file.
                """
        )

        @OptionGroup var input: NetworkInput
        @OptionGroup var view: ViewOptions

        @Option(help: "Folder for map.svg, map.dot and summary.json (default: out/<network>).")
        var out: String?

        @Option(help: "Summary form on standard output: text or json.")
        var format: ReportFormat = .text

        @Option(help: "How many actors each ranking lists.")
        var list: Int = 10

        @Flag(name: .customLong("no-map"), help: "Do not draw the map.")
        var noMap = false

        @Flag(name: .customLong("show-all-names"), help: "Name experts who have not consented to be named (for internal use only).")
        var showAllNames = false

        @Option(help: "Threads for the metrics (default: all cores).")
        var threads: Int?

        func validate() throws {
            guard list >= 0 else { throw ValidationError("--list must be 0 or more.") }
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
        }

        func run() throws {
            let loaded = try input.loadOrExit()
            let network = loaded.network
            let networkView = try view.view(of: network)
            var summary = NetworkSummary(view: networkView, top: list, showAllNames: showAllNames, threads: threads ?? defaultMetricThreadCount)
            let digest = SynergyDigest(view: networkView, showAllNames: showAllNames, threads: threads ?? defaultMetricThreadCount)
            summary.topGaps = digest.gapEntries
            summary.topIntroductions = digest.introductionEntries
            let folder: URL
            do {
                folder = try out.map { URL(fileURLWithPath: $0) } ?? OutputLocation.networkFolder(network.manifest.name, in: URL(fileURLWithPath: "out"))
            } catch {
                Terminal.error("\(error)")
                throw ExitCode(1)
            }
            let folderPath = out ?? "out/\(network.manifest.name)"
            var written: [String] = []
            do {
                let json = try summary.json()
                let summaryURL = folder.appendingPathComponent("summary.json")
                try AtomicFile.write(json + "\n", to: summaryURL)
                written.append(folderPath + "/summary.json")
                if !noMap, networkView.vertexCount > 0 {
                    let doc = NetworkMapBuilder.build(view: networkView, options: MapOptions(showAllNames: showAllNames))
                    let renderer = GraphvizRenderer()
                    for format in [MapFormat.dot, .svg] {
                        let url = folder.appendingPathComponent("map.\(format.rawValue)")
                        let warnings = try renderer.write(doc, to: url, format: format, timeout: .seconds(120))
                        for w in warnings { Terminal.warn("map: \(w)") }
                        written.append(folderPath + "/map.\(format.rawValue)")
                    }
                }
            } catch {
                Terminal.error("\(error)")
                throw ExitCode(1)
            }
            switch format {
            case .text:
                print(summary.text)
                print(digest.text)
                print("Wrote " + written.joined(separator: ", "))
            case .json:
                print(try summary.json())
            }
        }
    }
}
