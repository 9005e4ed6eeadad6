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
    /// A plain `source,target[,weight]` edge list.
    case edgeList = "edge-list"
}

/// Reads a network in any supported form, validating everything and loading nothing partially.
public enum NetworkLoader {
    /// Files larger than this are refused before reading (they are not partner networks one edits by hand;
    /// the edge-list fast path of the metrics benchmark reads larger ones).
    public static let maximumFileSize = 2 << 30

    /// Reads the network at `path` (a folder, a `.json` file, or an edge list).
    ///
    /// - Throws: ``LoadFailure`` listing every problem when the data has any error.
    public static func load(path: String) throws(LoadFailure) -> LoadedNetwork {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: path), "no such file or folder")])
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if isDir.boolValue {
            let (network, diagnostics) = NetworkFolderReader.read(displayPath: path) { file in
                let full = URL(fileURLWithPath: path).appendingPathComponent(file).path
                guard fm.fileExists(atPath: full) else { return nil }
                return try readBytes(full)
            }
            return try finish(network, diagnostics, .folder)
        }
        let bytes: [UInt8]
        do { bytes = try readBytes(path) } catch {
            throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: path), "cannot read the file: \(error)")])
        }
        switch detectForm(path: path, bytes: bytes) {
        case .json:
            let (network, diagnostics) = NetworkJSONReader.read(bytes, file: path)
            return try finish(network, diagnostics, .json)
        default:
            let (network, diagnostics) = EdgeListReader.read(bytes, file: path, name: name)
            return try finish(network, diagnostics, .edgeList)
        }
    }

    /// Reads a folder-form network held in memory (`files` maps file names to contents).
    public static func load(folderNamed displayPath: String, files: [String: String]) throws(LoadFailure) -> LoadedNetwork {
        let (network, diagnostics) = NetworkFolderReader.read(displayPath: displayPath) { files[$0].map { Array($0.utf8) } }
        return try finish(network, diagnostics, .folder)
    }

    /// Whether `path` is a regular file that ``load(path:)`` reads as a plain edge list (by extension, or
    /// by its first bytes not opening a JSON object).
    public static func isEdgeListFile(path: String) -> Bool {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 4096))
        return detectForm(path: path, bytes: head) == .edgeList
    }

    /// The form of a file: by extension, else by content (a JSON object starts with `{`).
    static func detectForm(path: String, bytes: [UInt8]) -> NetworkForm {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json": return .json
        case "csv", "tsv", "txt", "edges", "edgelist": return .edgeList
        default:
            var i = 0
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
            return i < bytes.count && bytes[i] == UInt8(ascii: "{") ? .json : .edgeList
        }
    }

    private static func finish(_ network: Network?, _ diagnostics: [Diagnostic], _ form: NetworkForm) throws(LoadFailure) -> LoadedNetwork {
        guard let network, !diagnostics.contains(where: { $0.severity == .error }) else { throw LoadFailure(diagnostics) }
        return LoadedNetwork(network: network, warnings: diagnostics, form: form)
    }

    private static func readBytes(_ path: String) throws -> [UInt8] {
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        if let size = attrs[.size] as? Int, size > maximumFileSize {
            throw CocoaError(.fileReadTooLarge)
        }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
