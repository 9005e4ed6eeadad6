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
                map.svg, map.dot, summary.json (the same, as JSON) and report.html (the partner atlas: an interactive page to search, filter and click through; see synergraph report) into \
                out/<network>/ (or --out). Files are written atomically: an interrupted run leaves no half-written file.

                Large networks: above 300 actors the map is an overview, one circle per community (synergraph \
                render --detail draws every actor); above 5,000 actors the atlas is not written (narrow the view \
                with --country, --kind, --since/--until or --focus); when exact betweenness \
                would take more than about 2·10⁹ steps the ranking is estimated by sampling shortest paths, and \
                the summary says so.
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

        @Flag(name: .customLong("no-map"), help: "Do not draw the map (nor the atlas).")
        var noMap = false

        @Flag(name: .customLong("no-report"), help: "Do not write report.html, the partner atlas.")
        var noReport = false

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
            let progress = TerminalProgress.shared
            var summary = NetworkSummary(view: networkView, top: list, showAllNames: showAllNames, threads: threads ?? defaultMetricThreadCount,
                                         progress: progress.progress)
            let digest = SynergyDigest(view: networkView, showAllNames: showAllNames, threads: threads ?? defaultMetricThreadCount,
                                       progress: progress.progress)
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
                    let renderer = GraphvizRenderer()
                    let doc: MapDocument
                    if networkView.vertexCount > Render.overviewThreshold {
                        Terminal.note("\(networkView.vertexCount) actors: the map is an overview, one circle per community (synergraph render --detail draws every actor)")
                        progress.stage("drawing the overview map")
                        let map = AggregateMapBuilder.build(view: networkView, by: .community, options: MapOptions(showAllNames: showAllNames))
                        doc = try map.laidOut(positions: { try renderer.positions(of: $0, timeout: .seconds(120)) },
                                              geometry: { try renderer.geometry(of: $0, timeout: .seconds(120)) })
                    } else {
                        progress.stage("drawing the map")
                        doc = NetworkMapBuilder.build(view: networkView, options: MapOptions(showAllNames: showAllNames))
                    }
                    var told = Set<String>()  // the two formats share one layout, and its warnings
                    for format in [MapFormat.dot, .svg] {
                        let url = folder.appendingPathComponent("map.\(format.rawValue)")
                        let warnings = try renderer.write(doc, to: url, format: format, timeout: .seconds(120))
                        for w in warnings where told.insert(w).inserted { Render.tell(w) }
                        written.append(folderPath + "/map.\(format.rawValue)")
                    }
                    if !noReport, networkView.vertexCount > AtlasData.actorLimit {
                        Terminal.note("report.html not written: the atlas holds up to \(AtlasData.actorLimit) actors and this view has \(networkView.vertexCount); narrow the view (--country, --kind, --since/--until, --focus) for an atlas")
                    } else if !noReport {
                        progress.stage("building the atlas")
                        // The atlas around the map just drawn (the same bytes as map.svg).
                        let svg = String(decoding: try Data(contentsOf: folder.appendingPathComponent("map.svg")), as: UTF8.self)
                        let data = AtlasData(view: networkView, map: doc, options: AtlasData.Options(
                            showAllNames: showAllNames, threads: threads ?? defaultMetricThreadCount))
                        try AtomicFile.write(AtlasPage.html(data: data, mapSVG: svg), to: folder.appendingPathComponent("report.html"))
                        written.append(folderPath + "/report.html")
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
