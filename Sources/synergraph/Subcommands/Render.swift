import ArgumentParser
import Foundation
import SynergraphGraphviz
import SynergraphKit

extension Synergraph {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw a network map: filtered, styled and focused, through Graphviz.",
            discussion: """
                The format follows the output's extension: .svg, .png, .pdf, .dot, .json (Graphviz's JSON) or .plain.
                Examples:
                  synergraph render -o map.svg --quarter 2025Q3 --color-by community
                  synergraph render -o ego.png --focus pifs --radius 2 --labels all
                  synergraph render -o top.pdf --top 40 --by pagerank --cluster-by region
                  synergraph render gephi-export.gexf -o map.svg --layout file --color-by file
                  synergraph render -o overview.svg --aggregate country --report
                  synergraph render -o geo.png --layout geo --without-hub
                Networks of more than \(Render.overviewThreshold) actors are drawn as an overview by community unless --detail is given. \
                Pairs tied only by co-participation and the hub's own lines are left out (counted in the legend; the hub's \
                partners are outlined); --co-participation-lines and --hub-lines draw them.
                """
        )

        @OptionGroup var input: NetworkInput
        @OptionGroup var view: ViewOptions

        @Option(name: [.short, .customLong("output")], help: "The map file to write; its extension names the format.")
        var output: String

        @Option(help: "Layout engine (default: sfdp; fdp with --cluster-by), file: where the file puts each actor (GEXF viz positions from Gephi, DOT pos), or geo: each actor at its country's place on a map of Asia-Pacific and Eastern Africa.")
        var layout: RenderLayout?

        @Option(help: "Seed for the force-directed layouts (neato, fdp, sfdp).")
        var seed: Int = 1

        @Option(help: "Longest time in seconds the layout may take.")
        var timeout: Double = 120

        @Option(name: .customLong("color-by"), help: "Node colour: kind, community, country, region, scope, file (the GEXF file's viz colours, else by kind), or any attribute column.")
        var colorBy: String = "kind"

        @Option(name: .customLong("size-by"), help: "Node size: any metric (\(NodeMetricName.allCases.map(\.rawValue).joined(separator: ", "))).")
        var sizeBy: String = "betweenness"

        @Option(name: .customLong("cluster-by"), help: "Draw a box around the actors of each country, region, community or kind.")
        var clusterBy: MapClusterBy?

        @Option(help: "Draw one circle per country, region, community or kind (area: actors; wedges: their kinds) and one line per pair of groups with ties between them.")
        var aggregate: MapClusterBy?

        @Flag(name: .customLong("co-participation-lines"), help: "Also draw the pairs tied only by taking part in the same activity (faint dotted lines; left out by default, counted in the legend).")
        var coParticipationLines = false

        @Flag(name: .customLong("hub-lines"), help: "Also draw the hub's own lines (the manifest's hub, tied to most actors; left out by default, its partners outlined instead).")
        var hubLines = false

        @Flag(help: "Draw every actor even where the network is large enough for an overview (more than \(Render.overviewThreshold) actors).")
        var detail = false

        @Flag(help: "Lay out even where the layout is expected not to finish within --timeout (it still stops at the timeout).")
        var force = false

        @Flag(help: "Print the map's readability: overlaps, edge crossings, ties through nodes and through other boxes.")
        var report = false

        @Option(help: "Form of the --report output: table or json.")
        var format: ReadabilityFormat = .table

        @Option(help: "Which actors are labelled: all, none, or top:N (the N largest; default top:40, top:25 above 500 actors, top:12 on --layout geo).")
        var labels: String?

        @Option(name: .customLong("label-by"), help: "Label actors with this attribute where they have it (e.g. name_local for names in local scripts).")
        var labelBy: String?

        @Option(help: "Keep only the N actors ranked highest by --by, and the ties among them.")
        var top: Int?

        @Option(help: "The metric that ranks actors for --top.")
        var by: String = "betweenness"

        @Option(help: "Title drawn on the map (default: the network's title).")
        var title: String?

        @Flag(name: .customLong("show-all-names"), help: "Name experts who have not consented to be named (for internal use only).")
        var showAllNames = false

        func validate() throws {
            _ = try parsedLabels()
            guard NodeMetricName(rawValue: sizeBy.lowercased()) != nil else {
                throw ValidationError("--size-by '\(sizeBy)' is not a metric; choose from \(NodeMetricName.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            guard NodeMetricName(rawValue: by.lowercased()) != nil else {
                throw ValidationError("--by '\(by)' is not a metric; choose from \(NodeMetricName.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            if let top, top < 1 { throw ValidationError("--top must be at least 1.") }
            guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds.") }
            if layout == .file || layout == .geo, let clusterBy {
                throw ValidationError("--cluster-by \(clusterBy.rawValue) cannot be drawn with --layout \(layout!.rawValue) (actors keep their places, and boxes would cut across them); leave out one of the two.")
            }
            if let aggregate, detail { throw ValidationError("--aggregate \(aggregate.rawValue) and --detail contradict each other; leave out one of the two.") }
            if let aggregate, let clusterBy { throw ValidationError("--aggregate \(aggregate.rawValue) draws no actors to box in; leave out --cluster-by \(clusterBy.rawValue).") }
            if aggregate != nil, layout == .file || layout == .geo {
                throw ValidationError("--aggregate draws groups, which have no place of their own in --layout \(layout!.rawValue); choose a Graphviz layout or leave out --layout.")
            }
            if format != .table, !report { throw ValidationError("--format applies to --report; add --report.") }
        }

        func parsedLabels() throws -> MapOptions.Labels? {
            guard let labels else { return nil }
            switch labels.lowercased() {
            case "all": return .all
            case "none": return MapOptions.Labels.none
            default:
                let parts = labels.lowercased().split(separator: ":")
                if parts.count == 2, parts[0] == "top", let k = Int(parts[1]), k >= 0 { return .top(k) }
                throw ValidationError("--labels '\(labels)' is not all, none or top:N.")
            }
        }

        func run() throws {
            let url = URL(fileURLWithPath: output)
            guard let format = MapFormat(fileExtension: url.pathExtension) else {
                Terminal.error("cannot tell the map format from '\(output)'; end the file name in \(MapFormat.allCases.map { "." + $0.rawValue }.joined(separator: ", "))")
                throw ExitCode(1)
            }
            let loaded = try input.loadOrExit()
            let networkView = try view.view(of: loaded.network, top: top, by: NodeMetricName(rawValue: by.lowercased()) ?? .betweenness)
            guard networkView.vertexCount > 0 else {
                Terminal.error("the view selects no actors (\(networkView.filter.summary)); nothing was drawn")
                throw ExitCode(1)
            }
            if case .attribute(let a) = MapColorBy(colorBy), !loaded.network.nodes.contains(where: { $0.attribute(a) != nil }) {
                Terminal.warn("no actor has an attribute '\(a)'; --color-by \(a) colours every actor grey")
            }
            if MapColorBy(colorBy) == .file { warnAboutFileColors(networkView) }
            let options = MapOptions(
                layout: layout?.engine, seed: seed, labels: try parsedLabels() ?? (layout == .geo ? .top(12) : nil), colorBy: MapColorBy(colorBy),
                sizeBy: NodeMetricName(rawValue: sizeBy.lowercased()) ?? .betweenness, clusterBy: clusterBy,
                showAllNames: showAllNames, title: title, labelAttribute: labelBy,
                coParticipationLines: coParticipationLines, hubLines: hubLines)
            var doc: MapDocument
            if let by = overview(networkView) {
                if aggregate == nil {
                    Terminal.note("\(networkView.vertexCount) actors: drawn as an overview, one circle per \(by.rawValue); add --detail to draw every actor")
                }
                TerminalProgress.shared.stage("laying out the overview")
                doc = try laidOut(AggregateMapBuilder.build(view: networkView, by: by, options: options))
            } else {
                doc = NetworkMapBuilder.build(view: networkView, options: options)
            }
            if layout == .file { doc = try pinnedAsInTheFile(doc, view: networkView) }
            if layout == .geo {
                let result = GeoLayout.pin(doc, view: networkView)
                doc = result.document
                if !result.offMap.isEmpty {
                    Terminal.note("drawn at the map's edge (outside Asia-Pacific and Eastern Africa): \(result.offMap.map(Countries.name).joined(separator: ", "))")
                }
                if result.unplaced > 0 { Terminal.note("\(result.unplaced) actors have no country with a reference point; drawn together under \"no country\"") }
            }
            if !force, let refusal = LayoutCost.refusal(for: doc, timeout: timeout) {
                Terminal.error(refusal.description)
                throw ExitCode(1)
            }
            do {
                TerminalProgress.shared.stage("drawing \(output) (\(doc.layout.rawValue))")
                let warnings = try GraphvizRenderer().write(doc, to: url, format: format, timeout: .milliseconds(Int(timeout * 1000)))
                for w in warnings { Self.tell(w) }
            } catch {
                Terminal.error("\(error)")
                throw ExitCode(1)
            }
            let drawn = layout == .file ? "the file's layout" : layout == .geo ? "geographic layout" : "\(doc.layout.rawValue) layout"
            let groups = doc.nodes.filter { $0.classes.contains("group") }.count
            let actors = doc.nodes.filter { $0.shape != .plaintext }.count
            let counts = groups > 0 ? "\(groups) groups, \(doc.edges.count) lines between them" : "\(actors) actors, \(doc.edges.count) tied pairs"
            Terminal.note("Wrote \(output) (\(counts), \(drawn))")
            if report { try printReport(doc, drawn: drawn) }
        }

        /// The overview map at its laid-out places (a first layout of the groups' footprints).
        private func laidOut(_ map: AggregateMap) throws -> MapDocument {
            let footprints = map.layoutDocument
            if !force, let refusal = LayoutCost.refusal(for: footprints, timeout: timeout) {
                Terminal.error(refusal.description)
                throw ExitCode(1)
            }
            do {
                let renderer = GraphvizRenderer(), limit = Duration.milliseconds(Int(timeout * 1000))
                return try map.laidOut(positions: { try renderer.positions(of: $0, timeout: limit) },
                                       geometry: { try renderer.geometry(of: $0, timeout: limit) })
            } catch {
                Terminal.error("\(error)")
                throw ExitCode(1)
            }
        }

        /// A Graphviz warning, or what it means for the map ("31 out of 43 exterior labels positioned":
        /// the line numbers that would have overlapped something were left out).
        static func tell(_ warning: String) {
            let words = warning.split(separator: " ")
            if warning.contains("exterior labels positioned"), words.count > 3, let placed = Int(words[0]), let all = Int(words[3]) {
                if placed < all { Terminal.note("\(all - placed) of \(all) line numbers left out where they would overlap a node or a label (their tooltips give them)") }
            } else {
                Terminal.warn("map: \(warning)")
            }
        }

        /// Networks larger than this are drawn as an overview unless `--detail`.
        static let overviewThreshold = 300

        /// The grouping of an overview map: `--aggregate`, or community for a large network without
        /// `--detail` (and without a layout that places actors, boxes or a focus).
        private func overview(_ view: NetworkView) -> MapClusterBy? {
            if let aggregate { return aggregate }
            guard !detail, view.vertexCount > Self.overviewThreshold, clusterBy == nil, layout != .file, layout != .geo,
                  self.view.focus == nil, top == nil else { return nil }
            return .community
        }

        /// Lays `doc` out again and prints its readability (the layouts are deterministic, so it is the map just written).
        private func printReport(_ doc: MapDocument, drawn: String) throws {
            let r: MapReadability
            do {
                r = MapReadability(try GraphvizRenderer().geometry(of: doc, timeout: .milliseconds(Int(timeout * 1000))))
            } catch {
                Terminal.error("readability: \(error)")
                throw ExitCode(1)
            }
            switch format {
            case .json:
                print(ReadabilityText.json(r, layout: drawn, map: output))
            case .table:
                print(ReadabilityText.table(r, layout: drawn, map: output), terminator: "")
            }
        }

        /// `doc` with every actor where the file puts it, or a message and exit status 1.
        private func pinnedAsInTheFile(_ doc: MapDocument, view: NetworkView) throws -> MapDocument {
            do {
                let result = try FileLayout.pin(doc, view: view)
                if result.overlapping > 0 {
                    Terminal.note("\(result.overlapping) of \(doc.nodes.count) actors overlap their nearest neighbour: the file puts them closer than their drawn sizes and labels need")
                }
                return result.document
            } catch .noPositions {
                Terminal.error("\(input.displayPath) has no node positions (viz_x/viz_y from GEXF, pos from DOT); choose another --layout")
                throw ExitCode(1)
            } catch {
                Terminal.error("\(error); lay the network out again so that every actor has a place, or choose another --layout")
                throw ExitCode(1)
            }
        }

        /// Warns when no actor has a file colour, and names the `viz_color` values that were refused.
        private func warnAboutFileColors(_ view: NetworkView) {
            let values = (0..<view.vertexCount).compactMap { view.node($0).attribute("viz_color") }
            let refused = values.filter { MapColor(rgbHex: $0) == nil }
            if values.count == refused.count {
                Terminal.warn("no actor has a colour in the file (viz_color #rrggbb); --color-by file colours every actor by kind")
            }
            if !refused.isEmpty {
                let verb = refused.count == 1 ? "is" : "are"
                Terminal.warn("\(refused.count) viz_color \(refused.count == 1 ? "value" : "values") \(verb) not #rrggbb and \(verb) ignored (those actors are coloured by kind)")
            }
        }
    }
}

/// `--layout`: a Graphviz engine, or the positions the file holds.
enum RenderLayout: String, ExpressibleByArgument, CaseIterable {
    case dot, neato, fdp, sfdp, circo, twopi, osage
    /// Where the file puts each actor (``FileLayout``): drawn by neato with every actor pinned.
    case file
    /// Each actor near its country (``GeoLayout``): drawn by neato with every actor pinned.
    case geo

    /// The Graphviz engine, or nil for `file` and `geo` (pinned, drawn by neato).
    var engine: MapLayout? { MapLayout(rawValue: rawValue) }
}

extension MapLayout: ExpressibleByArgument {}

/// `render --format`: how `--report` prints.
enum ReadabilityFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
extension MapClusterBy: ExpressibleByArgument {}
