import ArgumentParser
import Foundation
import SynergraphKit

extension Synergraph {
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a network between forms: folder, JSON, GraphML, GEXF, GML, DOT (and read Pajek and edge lists).",
            discussion: """
                The input form is detected by extension, else by content. The output form is OUT's extension: \
                .json, .graphml, .gexf (1.3, for Gephi; --gexf-version 1.2draft for tools that read no 1.3), \
                .gml, .dot/.gv (Graphviz, plain and un-laid-out); a path without an extension is a network \
                folder (manifest.json and CSV tables). Files are written atomically. GraphML, GEXF, GML and DOT \
                hold no activities or participation: converting a network that has them says so. \
                Experts who have not consented to be named are written as "Expert N" with the id expert-N (in \
                their ties and participation too), their consent kept and their contact attributes left out, \
                as in every other output; only --show-all-names writes a complete copy of the register. \
                OUT may not be the input, nor lie inside an input folder.
                """
        )

        @Argument(help: "The network to read: a folder, .json, .graphml, .gexf, .gml, .net/.paj, .dot/.gv, or an edge list (with --nodes, a nodes table).")
        var input: String

        @Argument(help: "Where to write: a path ending in .json, .graphml, .gexf, .gml or .dot/.gv, or a folder path with no extension.")
        var output: String

        @Option(name: .long, help: ArgumentHelp("The GEXF version to write when OUT ends in .gexf: 1.3 (the default) or 1.2draft (no edge kind: the tie kind is an edge attribute).", valueName: "version"))
        var gexfVersion: GEXFWriter.Version?

        @OptionGroup var reading: ReadOptions

        @Flag(name: .customLong("show-all-names"), help: "Write a complete copy: name experts who have not consented to be named (for internal use only).")
        var showAllNames = false

        func validate() throws {
            try reading.check(input: input)
            guard let form = NetworkWriter.form(forPath: output) else {
                throw ValidationError("OUT '\(output)' has an extension Synergraph does not write; use .json, .graphml, .gexf, .gml, .dot, .gv, or a folder path without an extension.")
            }
            if gexfVersion != nil, form != .gexf {
                throw ValidationError("--gexf-version applies only to GEXF output; OUT '\(output)' does not end in .gexf.")
            }
        }

        func run() throws {
            ProtectedInputs.add(input)
            reading.protectInputs()
            let loaded: LoadedNetwork
            do {
                loaded = try NetworkLoader.load(path: input, options: reading.loadOptions)
            } catch {
                Terminal.error(error.description)
                throw ExitCode(1)
            }
            for w in loaded.warnings { Terminal.note(w.description) }
            guard let form = NetworkWriter.form(forPath: output) else { throw ExitCode(2) }
            let network = loaded.network.publishable(showAllNames: showAllNames)
            if !NetworkWriter.holdsActivities(form), !network.activities.isEmpty || !network.participation.isEmpty {
                Terminal.warn("\(form.rawValue) cannot hold activities: \(network.activities.count) activities and \(network.participation.count) participation records are not written; use a folder or .json to keep them")
            }
            do {
                try NetworkWriter.write(network, to: URL(fileURLWithPath: output), form: form, gexfVersion: gexfVersion ?? .v1_3)
            } catch {
                Terminal.error("\(error)")
                throw ExitCode(1)
            }
            let version = form == .gexf ? " \((gexfVersion ?? .v1_3).rawValue)" : ""
            Terminal.note("Wrote \(output) (\(form.rawValue)\(version)): \(network.nodes.count) nodes, \(network.ties.count) ties")
        }
    }
}

extension GEXFWriter.Version: ExpressibleByArgument {}
