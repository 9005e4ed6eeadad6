import Foundation

/// What a quarterly batch has finished in one network's output folder
/// (`<out>/<network>/.synergraph-batch.json`): for each quarter, the content hash of everything its
/// files are made from, and the files.
///
/// A quarter's hash covers the program and batch format versions, the map formats, the extras'
/// identities, the quarter's pinned map document (every node, tie, style and position, so the
/// shared layout too) and the bytes of every text file (metrics, summary, diff and extra sections,
/// which are computed from the quarter's view, the previous quarter's view and the options). A rerun
/// skips a quarter whose hash is recorded and whose files all exist. A quarter is recorded only after
/// all its files are written, so a run stopped at any moment is completed by the next one.
public struct BatchManifest: Sendable, Equatable, Codable {
    public static let fileName = ".synergraph-batch.json"
    /// Changes whenever the batch's outputs change shape; part of every hash.
    public static let formatVersion = 1

    public struct Record: Sendable, Equatable, Codable {
        public var hash: String
        /// Paths relative to the network's output folder.
        public var files: [String]
    }

    public var format: Int
    public var network: String
    public var quarters: [String: Record]

    public init(network: String) {
        format = Self.formatVersion
        self.network = network
        quarters = [:]
    }

    /// The manifest in `folder`, or nil when there is none or it cannot be read (then every quarter is redone).
    public static func read(from folder: URL) -> BatchManifest? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)),
              let manifest = try? JSONDecoder().decode(BatchManifest.self, from: data),
              manifest.format == formatVersion else { return nil }
        return manifest
    }

    /// The manifest as JSON (sorted keys, so the same records give the same bytes).
    public func text() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Whether `quarter` is done with this hash and all its files are present in `folder`.
    public func isCurrent(_ quarter: String, hash: String, in folder: URL) -> Bool {
        guard let record = quarters[quarter], record.hash == hash else { return false }
        return record.files.allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }

    /// The content hash of a quarter's outputs (see the type's documentation).
    public static func hash(programVersion: String, formats: [MapFormat], extras: [String], map: MapDocument?, texts: [(String, String)]) -> String {
        var h = SHA256()
        h.field("synergraph-quarterly")
        h.field(String(formatVersion))
        h.field(programVersion)
        h.field(formats.map(\.rawValue).joined(separator: ","))
        h.field(extras.joined(separator: "\u{1F}"))
        h.field(map.map { String(reflecting: $0) } ?? "no map")
        for (name, text) in texts {
            h.field(name)
            h.field(text)
        }
        return h.hexDigest()
    }
}

/// Writing that leaves files alone when their bytes are already right.
enum QuietWrite {
    /// Writes `text` to `url` atomically unless the file already holds exactly these bytes.
    /// - Returns: whether the file was written.
    @discardableResult
    static func write(_ text: String, to url: URL) throws(AtomicFile.WriteError) -> Bool {
        let data = Data(text.utf8)
        if let existing = try? Data(contentsOf: url), existing == data { return false }
        try AtomicFile.write(data, to: url)
        return true
    }
}
