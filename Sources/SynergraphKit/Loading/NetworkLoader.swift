import Foundation

/// A network read from disk, with the warnings found on the way.
public struct LoadedNetwork: Sendable {
    public var network: Network
    /// Problems that did not stop the load.
    public var warnings: [Diagnostic]
    /// The form it was read from.
    public var form: NetworkForm
}

/// The on-disk forms of a network.
public enum NetworkForm: String, Sendable, CaseIterable {
    /// A folder with `manifest.json` and CSV tables.
    case folder
    /// One self-contained JSON file.
    case json
    /// An edge list: `source,target[,weight]`, or a CSV with a header naming more columns (Gephi's edge
    /// table), optionally with a nodes table joined by id.
    case edgeList = "edge-list"
    /// GraphML (`.graphml`), as NetworkX, igraph, yEd and Gephi write it.
    case graphml
    /// GEXF 1.1–1.3 (`.gexf`), Gephi's format.
    case gexf
    /// GML (`.gml`), as NetworkX and igraph write it.
    case gml
    /// Pajek (`.net`, `.paj`).
    case pajek
    /// Graphviz DOT (`.dot`, `.gv`), read through Graphviz's own parser: needs the reader that the
    /// Graphviz facade registers in ``ForeignFormats``.
    case dot
    /// An Excel workbook (`.xlsx`, `.xlsm`): one sheet per table and a manifest sheet (Docs/workbooks.md).
    case workbook = "xlsx"

    /// The form a file extension names, if any.
    public init?(extension ext: String) {
        switch ext.lowercased() {
        case "json": self = .json
        case "csv", "tsv", "txt", "edges", "edgelist": self = .edgeList
        case "graphml": self = .graphml
        case "gexf": self = .gexf
        case "gml": self = .gml
        case "net", "paj": self = .pajek
        case "dot", "gv": self = .dot
        case "xlsx", "xlsm", "xls", "xlsb", "ods": self = .workbook
        default: return nil
        }
    }
}

/// Reads a network in any supported form, validating everything and loading nothing partially.
public enum NetworkLoader {
    /// Files larger than this are refused before reading by default (``ReaderLimits/fileSize``; they are
    /// not partner networks one edits by hand).
    public static let maximumFileSize = ReaderLimits.defaultFileSize

    /// GraphML, GEXF, GML, Pajek and DOT files larger than this are refused before reading by default: they
    /// are parsed into memory whole, and a partner network is far smaller.
    public static let maximumFormatFileSize = ReaderLimits.defaultFormatFileSize

    /// Reads the network at `path` (a folder, a `.json` file, an edge list, or a GraphML, GEXF, GML,
    /// Pajek or DOT file), detecting the form by extension and, where the extension says nothing, by content.
    ///
    /// - Parameters:
    ///   - kindAttribute: for GraphML, GEXF, GML and Pajek, the node attribute holding Synergraph kinds.
    ///   - encoding: how GML and Pajek text is decoded.
    /// - Throws: ``LoadFailure`` listing every problem when the data has any error.
    public static func load(path: String, kindAttribute: String? = nil, encoding: TextEncodingChoice = .auto) throws(LoadFailure) -> LoadedNetwork {
        try load(path: path, options: LoadOptions(kindAttribute: kindAttribute, encoding: encoding))
    }

    /// Reads the network at `path` with these options (see ``load(path:kindAttribute:encoding:)``).
    ///
    /// With ``LoadOptions/nodesTable``, `path` must be an edge list: any other form is an error
    /// (``Diagnostic/Problem/nodesTableUnused``), since it lists its own nodes.
    public static func load(path: String, options: LoadOptions) throws(LoadFailure) -> LoadedNetwork {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: path), "no such file or folder")])
        }
        let name = NetworkName.slug(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        if isDir.boolValue {
            // A folder named like a file (`x.graphml/`) is read as a network folder when it is one.
            let ext = URL(fileURLWithPath: path).pathExtension
            if let form = NetworkForm(extension: ext), !ext.isEmpty,
               !fm.fileExists(atPath: URL(fileURLWithPath: path).appendingPathComponent("manifest.json").path) {
                throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: path),
                                              "this is a folder, not a \(form == .edgeList ? "CSV" : form.rawValue) file; a network folder holds manifest.json and CSV tables and has no extension")])
            }
            if let table = options.nodesTable { throw nodesTableUnused(table, input: path, form: .folder) }
            var tooLarge: [Diagnostic] = []
            let limit = options.limits.fileSize(format: false)
            let (network, diagnostics) = NetworkFolderReader.read(displayPath: path, limits: options.limits) { file in
                let full = URL(fileURLWithPath: path).appendingPathComponent(file).path
                var isFolder: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &isFolder) else { return nil }
                if isFolder.boolValue { throw UnreadableFile("it is a folder, not a file") }
                if let size = (try? fm.attributesOfItem(atPath: full))?[.size] as? Int, size > limit {
                    tooLarge.append(options.limits.exceeded(.fileSize, at: FileLocation(file: full), "the file is \(megabytes(size))", needed: size, limit: limit))
                    return []
                }
                return try readBytes(full, limit: limit)
            }
            if !tooLarge.isEmpty { throw LoadFailure(tooLarge) }
            return try finish(network, diagnostics, .folder)
        }
        if detectForm(path: path, bytes: head(path)) == .workbook {
            if let table = options.nodesTable { throw nodesTableUnused(table, input: path, form: .workbook) }
            let (network, diagnostics) = WorkbookNetworkReader.read(url: URL(fileURLWithPath: path), file: path, limits: options.workbookLimits)
            return try finish(network, diagnostics, .workbook)
        }
        let byExtension = NetworkForm(extension: URL(fileURLWithPath: path).pathExtension)
        let limit = options.limits.fileSize(format: byExtension.map { [.graphml, .gexf, .gml, .pajek, .dot].contains($0) } ?? true)
        if let size = (try? fm.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            throw LoadFailure([options.limits.exceeded(.fileSize, at: FileLocation(file: path), "the file is \(megabytes(size))", needed: size, limit: limit)])
        }
        let bytes: [UInt8]
        do { bytes = try readBytes(path, limit: limit) } catch {
            throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: path), "cannot read the file: \(error)")])
        }
        let form = detectForm(path: path, bytes: bytes)
        do { return try load(bytes: bytes, file: path, form: form, options: options, name: name) } catch {
            // A file whose extension lies (a GraphML file named .gml): say what it looks like.
            if let content = detectForm(content: bytes), content != form, byExtension == form {
                var diagnostics = error.diagnostics
                diagnostics.append(Diagnostic(.error, .unreadable, at: FileLocation(file: path),
                                              "the file's content looks like \(content.rawValue), though its extension says \(form.rawValue); rename it"))
                throw LoadFailure(diagnostics)
            }
            throw error
        }
    }

    /// Reads a network from bytes already in memory, in a known form (not ``NetworkForm/folder``).
    ///
    /// - Parameter file: the name used in messages.
    /// - Note: a ``LoadOptions/nodesTable`` is read from disk.
    public static func load(bytes: [UInt8], file: String, form: NetworkForm, options: LoadOptions = LoadOptions()) throws(LoadFailure) -> LoadedNetwork {
        try load(bytes: bytes, file: file, form: form, options: options, name: NetworkName.slug(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent))
    }

    private static func load(bytes: [UInt8], file: String, form: NetworkForm, options: LoadOptions, name: String) throws(LoadFailure) -> LoadedNetwork {
        var nodesTable: EdgeListReader.NodesTable?
        if let table = options.nodesTable {
            guard form == .edgeList || form == .folder else { throw nodesTableUnused(table, input: file, form: form) }
            nodesTable = try readNodesTable(table, limits: options.limits)
        }
        // XML says itself what it is not (SafeXML: "not XML", UTF-16 without a mark, an invalid character).
        if ![.folder, .graphml, .gexf, .workbook].contains(form), let refusal = TextDecoding.binaryRefusal(bytes, file: file) { throw LoadFailure([refusal]) }
        let (network, diagnostics): (Network?, [Diagnostic])
        switch form {
        case .json: (network, diagnostics) = NetworkJSONReader.read(bytes, file: file, limits: options.limits)
        case .graphml: (network, diagnostics) = GraphMLReader.read(bytes, file: file, options: options)
        case .gexf: (network, diagnostics) = GEXFReader.read(bytes, file: file, options: options)
        case .gml: (network, diagnostics) = GMLReader.read(bytes, file: file, options: options)
        case .pajek: (network, diagnostics) = PajekReader.read(bytes, file: file, options: options)
        case .dot:
            if bytes.count > options.limits.fileSize(format: true) {
                (network, diagnostics) = (nil, [options.limits.exceeded(.fileSize, at: FileLocation(file: file), "the file is \(megabytes(bytes.count))",
                                                                        needed: bytes.count, limit: options.limits.fileSize(format: true))])
            } else if let reader = ForeignFormats.dotReader {
                (network, diagnostics) = reader(bytes, file, options)
            } else {
                (network, diagnostics) = (nil, [Diagnostic(.error, .unreadable, at: FileLocation(file: file), ForeignFormats.dotMissing)])
            }
        case .workbook:
            // A workbook is an archive read part by part from its file; bytes in memory go through a temporary file.
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("synergraph-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).xlsx")
            do { try Data(bytes).write(to: url) } catch {
                throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: file), "cannot stage the workbook for reading: \(error)")])
            }
            defer { try? FileManager.default.removeItem(at: url) }
            (network, diagnostics) = WorkbookNetworkReader.read(url: url, file: file, limits: options.workbookLimits)
        case .edgeList, .folder: (network, diagnostics) = EdgeListReader.read(bytes, file: file, name: name, options: options, nodesTable: nodesTable)
        }
        return try finish(network, diagnostics, form == .folder ? .edgeList : form)
    }

    /// Reads a folder-form network held in memory (`files` maps file names to contents).
    public static func load(folderNamed displayPath: String, files: [String: String]) throws(LoadFailure) -> LoadedNetwork {
        let (network, diagnostics) = NetworkFolderReader.read(displayPath: displayPath) { files[$0].map { Array($0.utf8) } }
        return try finish(network, diagnostics, .folder)
    }

    /// Whether `path` is a regular file that ``load(path:)`` reads as an edge list (by extension, or
    /// by its first bytes naming no other form).
    public static func isEdgeListFile(path: String) -> Bool {
        form(ofPath: path) == .edgeList
    }

    /// The form ``load(path:)`` reads `path` as, from its extension and first bytes; nil when there is
    /// nothing at `path` or it cannot be opened.
    public static func form(ofPath path: String) -> NetworkForm? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return nil }
        if isDir.boolValue { return .folder }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 4096))
        return detectForm(path: path, bytes: head)
    }

    /// Whether `path` is an edge list that ``EdgeListGraphReader`` reads exactly as ``load(path:)``
    /// does: no header row, or a header naming source, target and at most `weight`, in that order.
    /// Edge lists with more columns (a Gephi edge table's `Type`, a `kind`) need the full reader.
    public static func isPlainEdgeListFile(path: String) -> Bool {
        guard isEdgeListFile(path: path), let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let limit = 1 << 16
        let head = [UInt8](handle.readData(ofLength: limit + 1))
        return EdgeListReader.isPlain(head: Array(head.prefix(limit)), complete: head.count <= limit)
    }

    /// The first bytes of a file (empty when it cannot be read).
    private static func head(_ path: String) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return [UInt8](handle.readData(ofLength: 8))
    }

    /// The bytes of a nodes table, or the failure to read them.
    private static func readNodesTable(_ path: String, limits: ReaderLimits) throws(LoadFailure) -> EdgeListReader.NodesTable {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
            throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: path),
                                          isDir.boolValue ? "the nodes table is a folder; give a CSV file" : "no such file (the nodes table)")])
        }
        let limit = limits.fileSize(format: false)
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            throw LoadFailure([limits.exceeded(.fileSize, at: FileLocation(file: path), "the file is \(megabytes(size))", needed: size, limit: limit)])
        }
        do { return EdgeListReader.NodesTable(bytes: try readBytes(path, limit: limit), file: path) } catch {
            throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: path), "cannot read the nodes table: \(error)")])
        }
    }

    private static func nodesTableUnused(_ table: String, input: String, form: NetworkForm) -> LoadFailure {
        let what: String
        switch form {
        case .folder: what = "a network folder"
        case .json: what = "a JSON network"
        case .edgeList: what = "an edge list"
        case .graphml: what = "a GraphML file"
        case .gexf: what = "a GEXF file"
        case .gml: what = "a GML file"
        case .pajek: what = "a Pajek file"
        case .dot: what = "a DOT file"
        case .workbook: what = "a workbook"
        }
        return LoadFailure([Diagnostic(.error, .nodesTableUnused, at: FileLocation(file: input),
                                       "the nodes table \(table) can only be joined to an edge list; this is \(what), which lists its own nodes")])
    }

    /// The form of a file: by extension, else by content (a JSON object starts with `{`; `<graphml`,
    /// `<gexf`, `graph [` and `*Vertices` name the others; `graph {`, `digraph` and `strict` first
    /// name DOT). A `.txt` or `.xml` file whose content is
    /// clearly one of the graph formats is read as that format: there the extension lies.
    static func detectForm(path: String, bytes: [UInt8]) -> NetworkForm {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if let form = NetworkForm(extension: ext), ext != "txt" { return form }
        // A zip archive (an .xlsx under another name) or an OLE compound file (.xls, an encrypted .xlsx)
        // is never text: the workbook reader says what it is.
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .workbook }
        return detectForm(content: bytes) ?? .edgeList
    }

    /// The form the first few kilobytes of a file show, if any.
    public static func detectForm(content bytes: [UInt8]) -> NetworkForm? {
        // UTF-16 text: look at its ASCII bytes.
        var head = Array(bytes.prefix(4096))
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { head = head.filter { $0 != 0 } }
        var i = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[i]) { i += 1 }
        if i < head.count, head[i] == UInt8(ascii: "{") { return .json }
        let text = String(decoding: head[i...], as: UTF8.self)
        if looksLikeDOT(text) { return .dot }
        if text.hasPrefix("<") {
            if text.contains("<graphml") { return .graphml }
            if text.contains("<gexf") { return .gexf }
            return nil
        }
        let lower = text.lowercased()
        var lineStart = true
        var j = lower.startIndex
        while j < lower.endIndex {
            if lineStart {
                let rest = lower[j...].drop(while: { $0 == " " || $0 == "\t" })
                if rest.hasPrefix("*vertices") || rest.hasPrefix("*network") { return .pajek }
                if rest.hasPrefix("graph") {
                    let after = rest.dropFirst(5).drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                    if after.hasPrefix("[") { return .gml }
                }
            }
            lineStart = lower[j] == "\n" || lower[j] == "\r"
            j = lower.index(after: j)
        }
        return nil
    }

    /// Whether text starts (after DOT comments) with a DOT graph header: `strict`, `digraph`, or `graph`
    /// followed by `{` or by a name and `{` (GML's `graph [` is not DOT).
    static func looksLikeDOT(_ text: String) -> Bool {
        var s = Substring(text)
        while true {
            s = s.drop(while: { $0.isWhitespace })
            if s.hasPrefix("//") || s.hasPrefix("#") {
                s = s.drop(while: { $0 != "\n" && $0 != "\r" })
            } else if s.hasPrefix("/*"), let end = s.range(of: "*/") {
                s = s[end.upperBound...]
            } else {
                break
            }
        }
        let lower = s.lowercased()
        func keyword(_ k: String) -> Substring? {
            guard lower.hasPrefix(k) else { return nil }
            let rest = lower.dropFirst(k.count)
            guard let next = rest.first, next.isWhitespace || next == "{" || next == "\"" else { return nil }
            return rest.drop(while: { $0.isWhitespace })
        }
        if keyword("strict") != nil { return true }
        if let rest = keyword("digraph") { return !rest.hasPrefix("[") }
        if let rest = keyword("graph") {
            if rest.hasPrefix("{") { return true }
            if rest.hasPrefix("[") { return false }
            // `graph name {`
            let afterName = rest.hasPrefix("\"")
                ? rest.dropFirst().drop(while: { $0 != "\"" }).dropFirst()
                : rest.drop(while: { !$0.isWhitespace && $0 != "{" && $0 != "[" })
            return afterName.drop(while: { $0.isWhitespace }).hasPrefix("{")
        }
        return false
    }

    private static func finish(_ network: Network?, _ diagnostics: [Diagnostic], _ form: NetworkForm) throws(LoadFailure) -> LoadedNetwork {
        guard let network, !diagnostics.contains(where: { $0.severity == .error }) else { throw LoadFailure(diagnostics) }
        return LoadedNetwork(network: network, warnings: diagnostics, form: form)
    }

    private static func readBytes(_ path: String, limit: Int) throws -> [UInt8] {
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        if let size = attrs[.size] as? Int, size > limit {
            throw CocoaError(.fileReadTooLarge)
        }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// A file of a network folder that cannot be read, and why.
struct UnreadableFile: LocalizedError {
    var errorDescription: String?
    init(_ description: String) { errorDescription = description }
}

/// `612 MB` (mebibytes, rounded down; `0.3 MB` below one).
func megabytes(_ bytes: Int) -> String {
    bytes >= 1 << 20 ? "\(grouped(bytes >> 20)) MB" : "\(String(format: "%.1f", Double(bytes) / Double(1 << 20))) MB"
}
