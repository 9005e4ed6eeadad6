import ArgumentParser
import Foundation
import SynergraphKit

/// The network a command reads: a path in any readable form, or the bundled network.
struct NetworkInput: ParsableArguments {
    @Argument(help: "A network: a folder (manifest.json + CSV tables), a .json file, an .xlsx workbook, a CSV edge list (source,target[,weight], or with a header naming more columns), or a .graphml, .gexf, .gml, .net or .dot/.gv file. Default: the bundled unpog-asia-pacific network.")
    var path: String?

    @OptionGroup var reading: ReadOptions

    /// The path as shown in messages.
    var displayPath: String { path ?? BundledNetwork.displayPath }

    func validate() throws {
        try reading.check(input: path)
    }

    /// Loads the network (validating it), or returns the failure with every problem. The files read are
    /// protected from being written over for the rest of the command (``ProtectedInputs``).
    func load() -> Result<LoadedNetwork, LoadFailure> {
        if let path { ProtectedInputs.add(path) }
        reading.protectInputs()
        do throws(LoadFailure) {
            if let path { return .success(try NetworkLoader.load(path: path, options: reading.loadOptions)) }
            return .success(try BundledNetwork.load())
        } catch {
            return .failure(error)
        }
    }

    /// Loads the network or prints every problem to standard error and exits with status 1.
    func loadOrExit() throws -> LoadedNetwork {
        TerminalProgress.shared.stage("reading " + displayPath)
        switch load() {
        case .success(let loaded):
            for w in loaded.warnings { Terminal.note(w.description) }
            return loaded
        case .failure(let failure):
            Terminal.error(failure.description)
            throw ExitCode(1)
        }
    }
}

/// Output forms for reports.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writing to the terminal's standard error.
/// Writing to the terminal's standard error (the progress line, if drawn, is cleared first).
enum Terminal {
    static func warn(_ message: String) { write("warning: \(message)\n") }
    static func error(_ message: String) { write("error: \(message)\n") }
    static func note(_ message: String) { write("\(message)\n") }

    private static func write(_ text: String) {
        TerminalProgress.shared.clear()
        FileHandle.standardError.write(Data(text.utf8))
    }
}
