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

    @OptionGroup var limits: LimitOptions

    @Option(name: .customLong("max-workbook-mb"), help: ArgumentHelp("The most megabytes one part of an .xlsx workbook may inflate to (all parts together: four times as much).", valueName: "MB"))
    var maxWorkbookMB: Int = WorkbookLimits().maximumPartBytes >> 20

    @Option(name: .customLong("max-compression-ratio"), help: ArgumentHelp("The most an .xlsx part may inflate per compressed byte (zip bombs inflate about 1,000 times).", valueName: "ratio"))
    var maxCompressionRatio: Int = WorkbookLimits().maximumCompressionRatio

    @Option(name: .customLong("max-rows"), help: ArgumentHelp("The most rows with values one sheet of an .xlsx workbook may hold.", valueName: "rows"))
    var maxRows: Int = WorkbookLimits().maximumRows

    /// The workbook limits asked for.
    var workbookLimits: WorkbookLimits {
        WorkbookLimits(maximumPartBytes: maxWorkbookMB << 20, maximumCompressionRatio: maxCompressionRatio, maximumRows: maxRows)
    }

    /// Protects the nodes table from being written over (``ProtectedInputs``).
    func protectInputs() {
        if let nodesTable { ProtectedInputs.add(nodesTable) }
    }

    /// The options as SynergraphKit takes them.
    var loadOptions: LoadOptions {
        LoadOptions(kindAttribute: kindAttribute, encoding: encoding, nodesTable: nodesTable, limits: limits.readerLimits, workbookLimits: workbookLimits)
    }

    /// Refuses `--nodes` with an input that is not an edge list (a usage error): a folder, a JSON,
    /// GraphML, GEXF, GML, Pajek or DOT file lists its own nodes. A path that does not exist is left to
    /// the loader, which says so.
    ///
    /// - Parameter input: the network path, nil for the bundled network.
    func check(input: String?) throws {
        guard maxWorkbookMB > 0, maxWorkbookMB <= 1 << 20 else { throw ValidationError("--max-workbook-mb must be from 1 to 1048576.") }
        guard maxCompressionRatio > 0 else { throw ValidationError("--max-compression-ratio must be at least 1.") }
        guard maxRows > 0 else { throw ValidationError("--max-rows must be at least 1.") }
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

/// `--limit NAME=VALUE`, repeatable: raises (or lowers) one of the readers' limits (``ReaderLimits``).
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("limit"), help: ArgumentHelp(
        "Raise a reader limit, e.g. --limit columns=50000 (repeatable; K, M, G multiply). Limits and defaults: \(LimitOptions.defaults).",
        valueName: "name=value"))
    var settings: [String] = []

    /// The limits with every setting applied.
    var readerLimits: ReaderLimits {
        var limits = ReaderLimits()
        for text in settings {
            if case .success(let (name, value)) = ReaderLimits.parse(text) { limits[name] = value }
        }
        return limits
    }

    func validate() throws {
        for text in settings {
            if case .failure(let e) = ReaderLimits.parse(text) { throw ValidationError("--limit: \(e.description)") }
        }
    }

    /// `file-size=500M (2G for tables, JSON, edge lists), columns=16384, ...` for the help text.
    static var defaults: String {
        let d = ReaderLimits()
        return ReaderLimits.Name.allCases.map { name -> String in
            switch name {
            case .fileSize: "file-size=500M (2G for folders, JSON and edge lists)"
            case .lineLength, .fieldLength: "\(name.rawValue)=\(d[name] >> 20)M"
            default: "\(name.rawValue)=\(d[name])"
            }
        }.joined(separator: ", ")
    }
}
