import ArgumentParser
import Foundation
import SynergraphGraphviz
import SynergraphKit

/// The `synergraph` command: partner-and-expert network analysis for UNPOG.
@main
struct Synergraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synergraph",
        abstract: "Analyse partner-and-expert networks: load, validate, measure and map them.",
        discussion: """
            With no network path, commands use the bundled illustrative network (unpog-asia-pacific).
            Exit status: 0 success, 1 invalid data or a failed job, 2 usage error.
            """,
        version: SynergraphVersion.current,
        subcommands: [Analyze.self, Validate.self, Metrics.self, Render.self, Report.self, Convert.self, Synergy.self, Gaps.self, Experts.self, Quarterly.self,
                      Init.self, Attendance.self, Dedupe.self],
        defaultSubcommand: Analyze.self
    )

    /// Runs the command, mapping usage errors to exit status 2 (ArgumentParser's default is 64).
    static func main() {
        // DOT is read and written through the Graphviz facade, which SynergraphKit cannot import.
        DOTReader.register()
        // Ctrl-C and SIGTERM remove temporary files and stop render workers before exiting.
        Interruption.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            Interruption.settle()
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
