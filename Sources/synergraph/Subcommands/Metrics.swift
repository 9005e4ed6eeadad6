import ArgumentParser
import Foundation
import SynergraphKit

extension Synergraph {
    struct Metrics: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute centrality and structure metrics for every actor, with NetworkX's definitions.",
            discussion: """
                By default metrics use the simple undirected view: parallel ties merged, self-loops dropped, \
                directions and weights ignored. --weighted uses tie weights (path length 1/weight); \
                --directed uses directed ties as one-way (funding, by default). Undefined values are \
                null in JSON and empty in CSV. See Docs/metrics.md for every definition.
                """
        )

        @OptionGroup var input: NetworkInput
        @OptionGroup var view: ViewOptions

        @Option(name: .customLong("metric"), parsing: .upToNextOption,
                help: "Metrics to compute: \(NodeMetricName.allCases.map(\.rawValue).joined(separator: ", ")), brokerage (default: all but brokerage). Commas also separate.")
        var metricNames: [String] = []

        @Option(help: "Output form: table, csv, json or xlsx (an Excel workbook; needs -o FILE).")
        var format: MetricsFormat = .table

        @Flag(help: "Use tie weights.")
        var weighted = false

        @Flag(help: "Use the directed view.")
        var directed = false

        @Option(help: "Show only the N actors ranked highest by --by.")
        var top: Int?

        @Option(help: "The metric that ranks actors for --top (default: betweenness, or the first metric asked for).")
        var by: String?

        @Option(help: ArgumentHelp("Whole-graph figures to compute besides those the metrics pay for: all, or a list of clustering, communities, distances, cuts (default: all when no --metric is given; otherwise only those the metrics share work with). Figures not computed are null.", valueName: "groups"))
        var figures: String?

        @Option(help: "Estimate betweenness within this absolute error of the exact normalised value (Riondato–Kornaropoulos sampling), for graphs too large for the exact computation.")
        var epsilon: Double?

        @Option(help: "With --epsilon: the probability that some estimate is off by more than epsilon.")
        var delta: Double = 0.1

        @Option(help: "Community search: leiden (the default; communities guaranteed connected) or louvain (NetworkX's).")
        var communities: CommunityMethod = .leiden

        @Option(help: "Seed for the community search and betweenness sampling.")
        var seed: UInt64 = 1

        @Option(name: .customLong("katz-alpha"), help: "Katz centrality's attenuation factor; it must be below 1/λ_max of the adjacency matrix for the series to converge (NetworkX's default).")
        var katzAlpha: Double = 0.1

        @Option(help: "Threads for betweenness, closeness and harmonic centrality (default: all cores; results do not depend on it).")
        var threads: Int?

        @Option(name: [.customShort("o"), .long], help: "Write the output to this file (atomically) instead of standard output.")
        var output: String?

        @Option(name: .customLong("group-by"), help: "With --metric brokerage: the node attribute that groups actors (kind, scope, country or an extra column).")
        var groupBy: String = "kind"

        @Flag(name: .customLong("show-all-names"), help: "Name experts who have not consented to be named (for internal use only).")
        var showAllNames = false

        /// The metrics asked for, in the order of the contract.
        var requested: [NodeMetricName] {
            get throws {
                let all = metricNames.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
                let names = all.filter { $0 != "brokerage" }
                if all.isEmpty { return NodeMetricName.allCases }
                var out: [NodeMetricName] = []
                for name in names {
                    guard let m = NodeMetricName(rawValue: name.replacingOccurrences(of: "-", with: "_")) else {
                        throw ValidationError("unknown metric '\(name)'; choose from \(NodeMetricName.allCases.map(\.rawValue).joined(separator: ", ")).")
                    }
                    if !out.contains(m) { out.append(m) }
                }
                return out
            }
        }

        /// The figure groups asked for with --figures.
        var figureGroups: Set<GraphFigureGroup> {
            get throws {
                guard let figures else { return [] }
                var out: Set<GraphFigureGroup> = []
                for part in figures.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !part.isEmpty {
                    if part == "all" { out.formUnion(GraphFigureGroup.allCases); continue }
                    if part == "none" { continue }
                    guard let g = GraphFigureGroup(rawValue: part) else {
                        throw ValidationError("unknown figure group '\(part)'; choose from all, none, \(GraphFigureGroup.allCases.map(\.rawValue).joined(separator: ", ")).")
                    }
                    out.insert(g)
                }
                return out
            }
        }

        func validate() throws {
            let metrics = try requested
            _ = try figureGroups
            if let epsilon, !(epsilon > 0 && epsilon < 1) { throw ValidationError("--epsilon must be between 0 and 1 (exclusive).") }
            guard delta > 0, delta < 1 else { throw ValidationError("--delta must be between 0 and 1 (exclusive).") }
            if let top, top < 0 { throw ValidationError("--top must be 0 or more.") }
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
            if format == .xlsx, output == nil { throw ValidationError("--format xlsx writes a workbook; give the file with -o FILE.xlsx.") }
            guard katzAlpha > 0, katzAlpha.isFinite else { throw ValidationError("--katz-alpha must be a positive number.") }
            if let by {
                guard let m = NodeMetricName(rawValue: by.lowercased().replacingOccurrences(of: "-", with: "_")) else {
                    throw ValidationError("--by '\(by)' is not a metric; choose from \(NodeMetricName.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                guard metrics.contains(m) else {
                    throw ValidationError("--by \(m.rawValue) is not among the metrics computed; add it to --metric.")
                }
            }
        }

        func run() throws {
            let metrics = try requested
            let wantsBrokerage = metricNames.flatMap { $0.split(separator: ",") }.contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "brokerage" }
            let request = MetricsRequest(metrics: metrics, weighted: weighted, directed: directed,
                                         threads: threads ?? defaultMetricThreadCount, seed: seed, showAllNames: showAllNames,
                                         brokerageGroupBy: wantsBrokerage ? groupBy : nil, katzAlpha: katzAlpha,
                                         figures: metricNames.isEmpty && figures == nil ? Set(GraphFigureGroup.allCases) : try figureGroups,
                                         betweennessEpsilon: epsilon, betweennessDelta: delta, communityMethod: communities)
            let report: MetricsReport
            let fast: EdgeListGraph? = try {
                guard let path = input.path, input.reading.nodesTable == nil, input.reading.encoding != .latin1,
                      view.filter == ViewFilter(), NetworkLoader.isPlainEdgeListFile(path: path) else { return nil }
                // A plain edge list (no header, or source,target[,weight]) has no attributes to filter or
                // show: read it straight into the graph (EdgeListGraphReader), which gives the same report
                // with far less time and memory. A nodes table, or a header with more columns (a Gephi
                // edge table's Type, a kind), needs the full reader; so does text that is not UTF-8 (the
                // fast reader reads UTF-8 only; the full one falls back to Windows-1252 with a warning).
                do throws(LoadFailure) { return try EdgeListGraphReader.read(path: path, limits: input.reading.limits.readerLimits) } catch {
                    if input.reading.encoding == .auto, error.diagnostics.allSatisfy({ $0.problem == .invalidEncoding || $0.severity != .error }) {
                        return nil
                    }
                    Terminal.error(error.description)
                    throw ExitCode(1)
                }
            }()
            let printer = TerminalProgress.shared
            if let edgeList = fast {
                for w in edgeList.warnings { Terminal.note(w.description) }
                report = MetricsReport(edgeList: edgeList, request: request, progress: printer.progress)
            } else {
                let loaded = try input.loadOrExit()
                report = MetricsReport(view: try view.view(of: loaded.network), request: request, progress: printer.progress)
            }
            printer.finish()
            let ranking = by.flatMap { NodeMetricName(rawValue: $0.lowercased().replacingOccurrences(of: "-", with: "_")) }
                ?? (top != nil ? (metrics.contains(.betweenness) ? .betweenness : metrics.first) : nil)
            let rows = report.rowOrder(top: top, by: ranking)
            let text: String
            switch format {
            case .table: text = report.table(rows: rows)
            case .csv, .xlsx: text = report.csv(rows: rows)
            case .json: text = report.json(rows: rows)
            }
            if output != nil, let path = input.path { ProtectedInputs.add(path) }
            if format == .xlsx, let output {
                do { try XLSXWriter.write([WorkbookSheet.fromCSV(text, name: "metrics")], to: URL(fileURLWithPath: output)) } catch {
                    Terminal.error("\(error)")
                    throw ExitCode(1)
                }
                Terminal.note("Wrote \(output)")
            } else if let output {
                do { try AtomicFile.write(text, to: URL(fileURLWithPath: output)) } catch {
                    Terminal.error("\(error)")
                    throw ExitCode(1)
                }
            } else {
                print(text, terminator: "")
            }
            if format != .table { for note in report.notes { Terminal.note("note: \(note)") } }
        }
    }
}

extension CommunityMethod: ExpressibleByArgument {}

enum MetricsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, xlsx
}
