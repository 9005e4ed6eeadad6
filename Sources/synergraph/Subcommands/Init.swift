import ArgumentParser
import Foundation
import SynergraphKit

extension Synergraph {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new, empty network to fill in: a folder, or one Excel workbook with --xlsx.",
            discussion: """
                The folder gets manifest.json with every field and the four tables (nodes.csv, ties.csv, \
                activities.csv, participation.csv) with their headers. With --xlsx, NAME.xlsx gets a manifest \
                sheet (key, value, what to write) and one sheet per table, with drop-down lists for kind, scope, \
                consent, accomplishments, tie kind, activity kind and role. Nothing existing is overwritten. \
                Columns: Networks/README.md; workbooks: Docs/workbooks.md.
                """
        )

        @Argument(help: "The network's name (lowercase letters, digits and -), also the folder or workbook created (NAME or NAME.xlsx).")
        var name: String

        @Flag(help: "Create NAME.xlsx, one workbook, instead of a folder.")
        var xlsx = false

        @Option(help: "The folder to create it in (default: the current folder).")
        var into: String = "."

        func validate() throws {
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }),
                  name.first != "-" else {
                throw ValidationError("NAME '\(name)' must be lowercase letters, digits and - (e.g. my-network); it names the network and its folder.")
            }
        }

        func run() throws {
            let base = URL(fileURLWithPath: into)
            let target = base.appendingPathComponent(xlsx ? name + ".xlsx" : name)
            if FileManager.default.fileExists(atPath: target.path) {
                Terminal.error("\(target.path) already exists; choose another name or folder (nothing was written)")
                throw ExitCode(1)
            }
            do {
                if xlsx {
                    try XLSXWriter.write(NetworkTemplate.workbookSheets(name: name), to: target)
                } else {
                    for (file, data) in NetworkTemplate.folderFiles(name: name) { try AtomicFile.write(data, to: target.appendingPathComponent(file)) }
                }
            } catch {
                Terminal.error("\(error)")
                throw ExitCode(1)
            }
            Terminal.note("Created \(target.path): fill in the manifest and the tables, then run synergraph validate \(target.path)")
        }
    }
}
