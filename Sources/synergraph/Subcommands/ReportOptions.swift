import ArgumentParser
import Foundation
import SynergraphKit

/// A report's output form: the library's, or an `.xlsx` workbook (the CSV table as a sheet).
enum ReportFormatChoice: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, md, xlsx

    /// What the library renders (a workbook is made from the CSV).
    var rendered: ReportOutputFormat {
        switch self {
        case .table: .table
        case .csv, .xlsx: .csv
        case .json: .json
        case .md: .md
        }
    }
}

/// Flags shared by the synergy, gaps and experts reports.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "Output form: table, csv, json, md (Markdown) or xlsx (an Excel workbook; needs -o FILE).")
    var formatChoice: ReportFormatChoice = .table

    /// The form the library renders.
    var format: ReportOutputFormat { formatChoice.rendered }

    @Option(help: "A JSON file overriding the score weights and the kind-pair table (see Docs/synergy-and-gaps.md).")
    var config: String?

    @Option(name: [.customShort("o"), .long], help: "Write the output to this file (atomically) instead of standard output.")
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

    func validate() throws {
        if formatChoice == .xlsx, output == nil {
            throw ValidationError("--format xlsx writes a workbook; give the file with -o FILE.xlsx.")
        }
    }

    /// Writes the report; `sheet` names the workbook's sheet for --format xlsx.
    func emit(_ text: String, sheet: String = "report") throws {
        if formatChoice == .xlsx, let output {
            do { try XLSXWriter.write([WorkbookSheet.fromCSV(text, name: sheet)], to: URL(fileURLWithPath: output)) } catch {
                Terminal.error("\(error)")
                throw ExitCode(1)
            }
            Terminal.note("Wrote \(output)")
            return
        }
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
