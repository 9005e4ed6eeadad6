import Foundation

/// Reads the folder form of a network: `manifest.json`, `nodes.csv`, and optionally `ties.csv`,
/// `activities.csv` and `participation.csv` (see Networks/README.md for every column).
public enum NetworkFolderReader {
    /// The tables of the folder form and the columns each must have.
    static let tables: [(file: String, required: [String], optional: Bool)] = [
        ("nodes.csv", ["id", "name", "kind"], false),
        ("ties.csv", ["source", "target"], true),
        ("activities.csv", ["id", "date"], true),
        ("participation.csv", ["activity", "node"], true),
    ]

    /// Reads a network from a folder of files, or from files held in memory (the bundled network).
    ///
    /// - Parameters:
    ///   - displayPath: the folder as the user named it, used in messages (`Networks/x/nodes.csv:3:7`).
    ///   - file: returns the bytes of a file of the folder, or nil if it does not exist.
    static func read(displayPath: String, limits: ReaderLimits = ReaderLimits(), file: (String) throws -> [UInt8]?) -> (Network?, [Diagnostic]) {
        var log = DiagnosticLog()
        func name(_ f: String) -> String { displayPath.hasSuffix("/") ? displayPath + f : displayPath + "/" + f }

        var manifest: Manifest?
        var manifestBytes: [UInt8]?
        do {
            if let bytes = try file("manifest.json") {
                manifestBytes = bytes
                manifest = ManifestReader.read(bytes, file: name("manifest.json"), limits: limits, log: &log)
            } else {
                log.error(.unreadable, FileLocation(file: name("manifest.json")), "the network folder has no manifest.json (name, title, target countries); see Networks/README.md")
            }
        } catch {
            log.error(.unreadable, FileLocation(file: name("manifest.json")), "cannot read the file: \(error.localizedDescription)")
        }

        var decoder = RecordDecoder(limits: limits)
        var nodes: [Node] = [], ties: [Tie] = [], activities: [Activity] = [], participation: [Participation] = []
        for table in tables {
            let path = name(table.file)
            let bytes: [UInt8]?
            do { bytes = try file(table.file) } catch {
                log.error(.unreadable, FileLocation(file: path), "cannot read the file: \(error.localizedDescription)")
                continue
            }
            guard let bytes else {
                if !table.optional { log.error(.unreadable, FileLocation(file: path), "the network folder has no \(table.file)") }
                continue
            }
            // Each row is decoded into the model as it is read (the rows are never all held as text).
            // A table that turns out unusable (a limit exceeded, a bad header) contributes nothing: the
            // decoder and the records are put back as they were before it.
            let before = decoder
            let room = CSVTable.lineCountBound(bytes)
            var usable = true
            switch table.file {
            case "nodes.csv":
                nodes.reserveCapacity(room)
                usable = CSVTable.scan(bytes: bytes, file: path, required: table.required, limits: limits, log: &log) { r in
                    if let n = decoder.node(r) { nodes.append(n) }
                }
                if !usable { nodes = [] }
            case "ties.csv":
                ties.reserveCapacity(room)
                usable = CSVTable.scan(bytes: bytes, file: path, required: table.required, limits: limits, log: &log) { r in
                    if let t = decoder.tie(r) { ties.append(t) }
                }
                if !usable { ties = [] }
            case "activities.csv":
                activities.reserveCapacity(room)
                usable = CSVTable.scan(bytes: bytes, file: path, required: table.required, limits: limits, log: &log) { r in
                    if let a = decoder.activity(r) { activities.append(a) }
                }
                if !usable { activities = [] }
            default:
                participation.reserveCapacity(room)
                usable = CSVTable.scan(bytes: bytes, file: path, required: table.required, limits: limits, log: &log) { r in
                    if let p = decoder.participation(r) { participation.append(p) }
                }
                if !usable { participation = [] }
            }
            if !usable { decoder = before }
        }
        log.append(contentsOf: decoder.log.items)
        let network = Network(manifest: manifest ?? Manifest(name: (displayPath as NSString).lastPathComponent),
                              nodes: nodes, ties: ties, activities: activities, participation: participation)
        let namePlace = manifestBytes.flatMap { ManifestReader.place(ofKey: "name", in: $0, file: name("manifest.json")) }
        log.append(contentsOf: NetworkValidator.check(network, manifestFile: name("manifest.json"), namePlace: namePlace))
        // Report in reading order: by file (manifest first, then the tables), line and column.
        let rank = Dictionary(uniqueKeysWithValues: (["manifest.json"] + tables.map(\.file)).enumerated().map { (name($1), $0) })
        let ordered = log.items.enumerated().sorted { a, b in
            let ka = (rank[a.element.location.file] ?? 99, a.element.location.line ?? 0, a.element.location.column ?? 0, a.offset)
            let kb = (rank[b.element.location.file] ?? 99, b.element.location.line ?? 0, b.element.location.column ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
        return (manifest == nil || log.hasErrors ? nil : network, ordered)
    }
}

/// Reads `manifest.json`.
enum ManifestReader {
    /// The line and column of the value of the first `"key":` in a JSON text (the manifest has no nested
    /// objects that repeat its keys), or nil when it is not there.
    static func place(ofKey key: String, in bytes: [UInt8], file: String) -> FileLocation? {
        let needle = Array("\"\(key)\"".utf8)
        guard bytes.count >= needle.count else { return nil }
        var line = 1, lineStart = 0, i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) {
                var j = i + needle.count
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D || bytes[j] == 0x0A { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: ":") {
                    j += 1
                    var valueLine = line, valueStart = lineStart
                    while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D || bytes[j] == 0x0A {
                        if bytes[j] == 0x0A { valueLine += 1; valueStart = j + 1 }
                        j += 1
                    }
                    let column = String(decoding: bytes[valueStart..<j], as: UTF8.self).count + 1
                    return FileLocation(file: file, line: valueLine, column: column)
                }
            }
            i += 1
        }
        return nil
    }

    static func read(_ raw: [UInt8], file: String, limits: ReaderLimits = ReaderLimits(), log: inout DiagnosticLog) -> Manifest? {
        if let refusal = TextDecoding.binaryRefusal(raw, file: file) {
            log.append(contentsOf: [refusal])
            return nil
        }
        guard let bytes = TextDecoding.utf8Bytes(raw, file: file, log: &log) else { return nil }
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            log.error(.emptyFile, FileLocation(file: file), "the manifest is empty; it needs at least {\"name\": \"...\"}")
            return nil
        }
        if let refused = JSONScan.check(bytes, file: file, limits: limits) {
            log.append(contentsOf: [refused])
            return nil
        }
        do {
            let m = try JSONDecoder().decode(Manifest.self, from: Data(bytes))
            if m.formatVersion > Manifest.currentFormatVersion {
                log.error(.unsupportedVersion, FileLocation(file: file),
                          "format_version \(m.formatVersion) is newer than this Synergraph reads (\(Manifest.currentFormatVersion)); update Synergraph")
                return nil
            }
            return m
        } catch {
            log.error(.badManifest, FileLocation(file: file), "the manifest is not valid: \(JSONErrorText.describe(error))")
            return nil
        }
    }
}

/// Plain sentences for Foundation's JSON decoding errors.
enum JSONErrorText {
    static func describe(_ error: any Error) -> String {
        guard let e = error as? DecodingError else { return "\(error.localizedDescription)" }
        func path(_ p: [any CodingKey]) -> String {
            p.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
        }
        switch e {
        case .keyNotFound(let k, let c): return "\(path(c.codingPath + [k])) is missing"
        case .typeMismatch(_, let c): return "\(path(c.codingPath)) has the wrong type (\(c.debugDescription))"
        case .valueNotFound(_, let c): return "\(path(c.codingPath)) is null"
        case .dataCorrupted(let c):
            let under = (c.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return [path(c.codingPath), under ?? c.debugDescription].filter { !$0.isEmpty }.joined(separator: ": ")
        @unknown default: return "\(e)"
        }
    }
}
