import Foundation

/// Reads the self-contained JSON form of a network (one object with `manifest`, `nodes`, `ties`,
/// `activities` and `participation`; see Networks/README.md).
public enum NetworkJSONReader {
    static func read(_ raw: [UInt8], file: String) -> (Network?, [Diagnostic]) {
        var log = DiagnosticLog()
        guard let bytes = TextDecoding.utf8Bytes(raw, file: file, log: &log) else { return (nil, log.items) }
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            log.error(.emptyFile, FileLocation(file: file), "the file is empty")
            return (nil, log.items)
        }
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            log.error(.badJSON, FileLocation(file: file), "not valid JSON: \(JSONErrorText.describe(error))")
            return (nil, log.items)
        }
        guard case .object(let top) = root else {
            log.error(.badJSON, FileLocation(file: file), "the top level must be an object with manifest, nodes and ties")
            return (nil, log.items)
        }
        var manifest: Manifest?
        if let m = top["manifest"] {
            do {
                manifest = try JSONDecoder().decode(Manifest.self, from: JSONEncoder().encode(m))
            } catch {
                log.error(.badManifest, FileLocation(file: file, path: "manifest"), "the manifest is not valid: \(JSONErrorText.describe(error))")
            }
        } else {
            log.error(.badManifest, FileLocation(file: file), "there is no \"manifest\" object")
        }
        var decoder = RecordDecoder()
        func records(_ key: String) -> [RawRecord] {
            guard let v = top[key] else { return [] }
            guard case .array(let items) = v else {
                log.error(.badJSON, FileLocation(file: file, path: key), "\(key) must be a list of objects")
                return []
            }
            var out: [RawRecord] = []
            for (i, item) in items.enumerated() {
                let place = FileLocation(file: file, path: "\(key)[\(i)]")
                guard case .object(let o) = item else {
                    log.error(.badJSON, place, "each entry of \(key) must be an object")
                    continue
                }
                var fields: [RawRecord.Field] = []
                for k in o.keys.sorted() {
                    let fieldPlace = FileLocation(file: file, path: "\(key)[\(i)].\(k)")
                    if k == "attributes", case .object(let extra) = o[k]! {
                        for ek in extra.keys.sorted() {
                            if let rv = extra[ek]!.raw { fields.append(.init(key: "attributes." + ek, value: rv, location: fieldPlace)) }
                        }
                    } else if let rv = o[k]!.raw {
                        fields.append(.init(key: k, value: rv, location: fieldPlace))
                    } else {
                        log.error(.badJSON, fieldPlace, "\(k) has a nested value where text, a number, true/false or a list was expected")
                    }
                }
                out.append(RawRecord(location: place, fields: fields))
            }
            return out
        }
        let nodes = records("nodes").compactMap { decoder.node($0) }
        let ties = records("ties").compactMap { decoder.tie($0) }
        let activities = records("activities").compactMap { decoder.activity($0) }
        let participation = records("participation").compactMap { decoder.participation($0) }
        log.append(contentsOf: decoder.log.items)
        let network = Network(manifest: manifest ?? Manifest(name: "network"), nodes: nodes, ties: ties, activities: activities, participation: participation)
        log.append(contentsOf: NetworkValidator.check(network, manifestFile: file, namePlace: FileLocation(file: file, path: "manifest.name")))
        return (manifest == nil || log.hasErrors ? nil : network, log.items)
    }
}

/// Any JSON value, decoded without loss of structure.
indirect enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let b = try? c.decode(Bool.self) { self = .bool(b) } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) { self = .string(s) } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// The value as a record field, or nil for nested objects and lists of non-scalars. `null` is empty text.
    var raw: RawValue? {
        switch self {
        case .null: .text("")
        case .bool(let b): .bool(b)
        case .number(let d): .number(d)
        case .string(let s): .text(s)
        case .array(let a):
            a.allSatisfy({ $0.raw != nil && $0.raw != .list([]) }) ? .list(a.map { $0.raw!.text }) : nil
        case .object: nil
        }
    }
}
