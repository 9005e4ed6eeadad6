import ArgumentParser
import Foundation
import SynergraphKit

extension ReportOutputFormat: ExpressibleByArgument {}

/// Flags shared by the synergy, gaps and experts reports.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output form: table, csv, json or md (Markdown).")
    var format: ReportOutputFormat = .table

    @Option(help: "A JSON file overriding the score weights and the kind-pair table (see Docs/synergy-and-gaps.md).")
    var config: String?

    @Option(help: "Write the output to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(name: .customLong("show-all-names"), help: "Name experts who have not consented to be named (for internal use only).")
    var showAllNames = false

    /// The configuration, or a clear error and exit status 1.
    func loadConfig() throws -> SynergyConfig {
        guard let config else { return SynergyConfig() }
        ProtectedInputs.add(config)
        do { return try SynergyConfig.load(path: config) } catch {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
    }

    func emit(_ text: String) throws {
        if let output {
            do { try AtomicFile.write(text, to: URL(fileURLWithPath: output)) } catch {
                Terminal.error("\(error)")
                throw ExitCode(1)
            }
        } else {
            print(text, terminator: "")
        }
    }
}
