import ArgumentParser
import SynergraphKit

/// How a network file is read: the options every command that reads one shares (``NetworkInput`` and
/// `convert`).
struct ReadOptions: ParsableArguments {
    @Option(name: .customLong("nodes"), help: ArgumentHelp(
        "A nodes table joined by id to an edge-list input: a CSV with a header (id, then name or label, kind or type, country, any other columns).",
        valueName: "file"))
    var nodesTable: String?

    @Option(name: .customLong("kind-attribute"), help: "The node attribute (or --nodes column) of a GraphML, GEXF, GML, Pajek or DOT file that holds Synergraph kinds (default: kind, else type).")
    var kindAttribute: String?

    @Option(help: "Text encoding of GML, Pajek and CSV edge-list and nodes-table input (auto: UTF-8, else Windows-1252 with a warning): \(TextEncodingChoice.allCases.map(\.rawValue).joined(separator: ", ")).")
    var encoding: TextEncodingChoice = .auto

    /// Protects the nodes table from being written over (``ProtectedInputs``).
    func protectInputs() {
        if let nodesTable { ProtectedInputs.add(nodesTable) }
    }

    /// The options as SynergraphKit takes them.
    var loadOptions: LoadOptions {
        LoadOptions(kindAttribute: kindAttribute, encoding: encoding, nodesTable: nodesTable)
    }

    /// Refuses `--nodes` with an input that is not an edge list (a usage error): a folder, a JSON,
    /// GraphML, GEXF, GML, Pajek or DOT file lists its own nodes. A path that does not exist is left to
    /// the loader, which says so.
    ///
    /// - Parameter input: the network path, nil for the bundled network.
    func check(input: String?) throws {
        guard let nodesTable else { return }
        guard let input else {
            throw ValidationError("--nodes \(nodesTable) joins a nodes table to an edge list; give the edge list as the network path (the bundled network has its own nodes).")
        }
        if let form = NetworkLoader.form(ofPath: input), form != .edgeList {
            let what = form == .folder ? "a network folder" : "a \(form.rawValue) file"
            throw ValidationError("--nodes joins a nodes table to an edge list, but '\(input)' is \(what), which lists its own nodes; leave out --nodes.")
        }
    }
}

extension TextEncodingChoice: ExpressibleByArgument {}
