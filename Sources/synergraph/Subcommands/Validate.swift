import ArgumentParser
import Foundation
import SynergraphKit

extension Synergraph {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a network and list every problem with its file, line and column.",
            discussion: "Exit status: 0 when the network is valid (warnings allowed), 1 when it has errors, 2 for a usage error."
        )

        @OptionGroup var input: NetworkInput

        @Option(help: "Output form: text (one problem per line) or json.")
        var format: ReportFormat = .text

        func run() throws {
            let report: ValidationReport
            switch input.load() {
            case .success(var loaded):
                var r = ValidationReport(path: input.displayPath, loaded: loaded)
                // From here only the actors are read: the ties go before the duplicate scan, whose keys would
                // otherwise sit on top of them (a million ties: 138 MB).
                loaded.network.removeAllTies()
                // Likely duplicates are a register's problem worth a look, not a load's: validate only.
                r.append(LikelyDuplicates.warnings(loaded.network, file: input.displayPath))
                report = r
            case .failure(let failure):
                report = ValidationReport(path: input.displayPath, failure: failure)
            }
            switch format {
            case .text: print(report.text, terminator: "")
            case .json: print(try report.json())
            }
            if !report.isValid { throw ExitCode(1) }
        }
    }
}
