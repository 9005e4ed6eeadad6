internal import CLibXML2
/// Reads GML (Himsolt's Graph Modelling Language) as NetworkX (`write_gml`) and igraph write it:
/// `graph [ directed 1 node [ id 0 label "x" ] edge [ source 0 target 1 weight 2.0 ] ]`.
///
/// - A node's identity is its `label` when every node has a distinct one (NetworkX's meaning), else its
///   `name` when every node has a distinct one (igraph's), else its numeric `id`; its name is `name`,
///   else `label`. The numeric id is then not kept (it only numbers the nodes for the edges).
/// - Strings may hold `&quot;`, `&amp;`, `&#233;`, `&#xE9;` and the other HTML entities NetworkX and
///   igraph write; they are decoded. Nested lists (`graphics [ x 1 ]`) become attributes `graphics.x`;
///   repeated keys are joined with `;`. A multigraph's edge `key` is not kept.
/// - Text is UTF-8 (or UTF-16 with a BOM); with ``TextEncodingChoice/auto`` a file that is not UTF-8 is
///   read as Windows-1252 with a warning.
/// - Files Synergraph wrote carry the manifest as `synergraph_manifest` and are read exactly.
public enum GMLReader {
    indirect enum Value {
        case scalar(String)
        case list([Entry])
    }

    struct Entry {
        var key: String
        var value: Value
        var line: Int
    }

    static func read(_ raw: [UInt8], file: String, options: LoadOptions) -> (Network?, [Diagnostic]) {
        var log = DiagnosticLog()
        guard let bytes = TextDecoding.textBytes(raw, file: file, choice: options.encoding, log: &log) else { return (nil, log.items) }
        var parser = Parser(bytes: bytes, file: file, limits: options.limits)
        guard let top = parser.document() else {
            if let e = parser.failure { log.error(e.problem, e.location, e.message) }
            return (nil, log.items)
        }
        guard let graphEntry = top.first(where: { $0.key == "graph" }), case .list(let graph) = graphEntry.value else {
            log.error(.badSyntax, FileLocation(file: file, line: 1), "there is no `graph [ ... ]`; this is not a GML file")
            return (nil, log.items)
        }
        func place(_ line: Int) -> FileLocation { FileLocation(file: file, line: line) }
        func scalar(_ entries: [Entry], _ key: String) -> String? {
            for e in entries where e.key == key { if case .scalar(let s) = e.value { return s } }
            return nil
        }
        let directed = scalar(graph, "directed") == "1"
        let multigraph = scalar(graph, "multigraph") == "1"
        let ours = scalar(graph, ManifestEmbedding.key) != nil
        var manifest: Manifest
        if let json = scalar(graph, ManifestEmbedding.key) {
            guard let m = ManifestEmbedding.decode(json, at: place(graphEntry.line), log: &log) else { return (nil, log.items) }
            manifest = m
        } else {
            manifest = ManifestEmbedding.foreign(file: file, title: scalar(graph, "name") ?? scalar(graph, "label") ?? scalar(graph, "title"))
            let structural: Set<String> = ["node", "edge", "directed", "multigraph", "name", "label", "title", "hierarchic"]
            for e in graph where !structural.contains(e.key) {
                log.warning(.notKept, place(e.line), "graph attribute \(quoted(e.key)) has no place in a Synergraph network and is not kept")
            }
        }
        let recordCount = graph.lazy.filter { $0.key == "node" || $0.key == "edge" }.count
        if recordCount > options.limits.records {
            log.append(contentsOf: [options.limits.exceeded(.records, at: place(graphEntry.line), "the graph has \(grouped(recordCount)) nodes and edges",
                                                            needed: recordCount)])
            return (nil, log.items)
        }
        let nodeEntries = graph.filter { $0.key == "node" }.compactMap { e -> (Int, [Entry])? in
            if case .list(let l) = e.value { return (e.line, l) }
            return nil
        }
        func distinct(_ key: String) -> Bool {
            var seen = Set<String>()
            for (_, n) in nodeEntries {
                guard let v = scalar(n, key), seen.insert(v).inserted else { return false }
            }
            return !nodeEntries.isEmpty
        }
        let idKey = distinct("label") ? "label" : (distinct("name") ? "name" : "id")
        var records = ForeignRecords(options: options, exact: ours)
        var nodes: [Node] = []
        var idOf: [String: String] = [:]
        for (line, entries) in nodeEntries {
            guard let gmlID = scalar(entries, "id") else {
                log.error(.missingValue, place(line), "a node has no id")
                continue
            }
            let id = scalar(entries, idKey) ?? gmlID
            if idOf[gmlID] != nil {
                log.error(.duplicateID, place(line), "duplicate node id \(gmlID)")
                continue
            }
            idOf[gmlID] = id
            var skip: Set<String> = ["id"]
            if idKey == "label" { skip.insert("label") }
            let vals = flatten(entries.filter { !skip.contains($0.key) }, file: file, decodeKeys: ours)
            if let node = records.node(id: id, values: vals, at: place(line)) { nodes.append(node) }
        }
        var ties: [Tie] = []
        for e in graph where e.key == "edge" {
            guard case .list(let entries) = e.value else { continue }
            guard let s = scalar(entries, "source"), let t = scalar(entries, "target") else {
                log.error(.missingValue, place(e.line), "an edge needs both source and target")
                continue
            }
            var bad = false
            for end in [s, t] where idOf[end] == nil {
                log.error(.unknownNode, place(e.line), "edge \(s) – \(t) names node \(end), which is not in the graph")
                bad = true
            }
            guard !bad, let source = idOf[s], let target = idOf[t] else { continue }
            var skip: Set<String> = ["source", "target"]
            if multigraph { skip.insert("key") }
            let vals = flatten(entries.filter { !skip.contains($0.key) }, file: file, decodeKeys: ours)
            if let tie = records.tie(source: source, target: target, values: vals, directedByFormat: directed, at: place(e.line)) { ties.append(tie) }
        }
        var all = log
        all.append(contentsOf: records.finish())
        return FormatRead.finish(manifest, nodes, ties, file: file, log: all)
    }

    /// Key–text pairs, nested lists as `outer.inner`, repeated keys joined with `;`.
    ///
    /// - Complexity: O(size of the entries + length of the keys made): the outer keys are joined only
    ///   where a value is (a chain of nested lists costs its depth, not its depth squared).
    static func flatten(_ entries: [Entry], file: String, decodeKeys: Bool) -> [ForeignValue] {
        var out: [ForeignValue] = []
        var path: [String] = []
        flatten(entries, file: file, decodeKeys: decodeKeys, path: &path, into: &out)
        return out
    }

    private static func flatten(_ entries: [Entry], file: String, decodeKeys: Bool, path: inout [String], into out: inout [ForeignValue]) {
        // Repeated keys of this list are joined (first place kept); keys of nested lists are their own.
        var index: [String: Int] = [:]
        for e in entries {
            let name = decodeKeys ? GMLKey.decode(e.key) : e.key
            switch e.value {
            case .scalar(let s):
                let key = path.isEmpty ? name : (path + [name]).joined(separator: ".")
                if let i = index[key] {
                    out[i].text += ";" + s
                } else {
                    index[key] = out.count
                    out.append(ForeignValue(key, s, FileLocation(file: file, line: e.line)))
                }
            case .list(let l):
                path.append(name)
                flatten(l, file: file, decodeKeys: decodeKeys, path: &path, into: &out)
                path.removeLast()
            }
        }
    }

    /// A recursive-descent GML parser over UTF-8 bytes, with line numbers.
    struct Parser {
        let b: [UInt8]
        let file: String
        let limits: ReaderLimits
        var i = 0
        var line = 1
        var failure: Diagnostic?

        init(bytes: [UInt8], file: String, limits: ReaderLimits = ReaderLimits()) {
            b = bytes
            self.file = file
            self.limits = limits
        }

        mutating func document() -> [Entry]? {
            let entries = list(depth: 0, closed: false)
            return failure == nil ? entries : nil
        }

        private mutating func fail(_ message: String) {
            if failure == nil { failure = Diagnostic(.error, .badSyntax, at: FileLocation(file: file, line: line), message) }
        }

        private mutating func skipSpace() {
            while i < b.count {
                let c = b[i]
                if c == 0x0A {
                    line += 1
                    i += 1
                } else if c == 0x20 || c == 0x09 || c == 0x0D {
                    i += 1
                } else if c == UInt8(ascii: "#") {
                    while i < b.count, b[i] != 0x0A { i += 1 }
                } else {
                    break
                }
            }
        }

        private mutating func list(depth: Int, closed: Bool) -> [Entry] {
            var out: [Entry] = []
            if depth > limits.depth {
                if failure == nil { failure = limits.exceeded(.depth, at: FileLocation(file: file, line: line), "lists are nested more than \(limits.depth) deep") }
                return out
            }
            while failure == nil {
                skipSpace()
                if i >= b.count {
                    if closed { fail("a list opened with [ is never closed") }
                    return out
                }
                if b[i] == UInt8(ascii: "]") {
                    if closed {
                        i += 1
                        return out
                    }
                    fail("a ] closes no list")
                    return out
                }
                let keyLine = line
                guard let key = identifier() else {
                    fail("expected a key (letters, digits and _), found \(quoted(String(decoding: b[i..<min(b.count, i + 12)], as: UTF8.self)))")
                    return out
                }
                skipSpace()
                guard i < b.count else {
                    fail("key \(quoted(key)) has no value")
                    return out
                }
                if b[i] == UInt8(ascii: "[") {
                    i += 1
                    let inner = list(depth: depth + 1, closed: true)
                    out.append(Entry(key: key, value: .list(inner), line: keyLine))
                } else if b[i] == UInt8(ascii: "\"") {
                    i += 1
                    var bytes: [UInt8] = []
                    while i < b.count, b[i] != UInt8(ascii: "\"") {
                        if b[i] == 0x0A { line += 1 }
                        bytes.append(b[i])
                        i += 1
                    }
                    if bytes.count > limits.fieldLength {
                        if failure == nil {
                            failure = limits.exceeded(.fieldLength, at: FileLocation(file: file, line: keyLine), "the string of \(quoted(key)) is longer than \(grouped(limits.fieldLength)) bytes")
                        }
                        return out
                    }
                    guard i < b.count else {
                        line = keyLine
                        fail("the string of \(quoted(key)) is never closed; check for a missing \"")
                        return out
                    }
                    i += 1
                    out.append(Entry(key: key, value: .scalar(HTMLEntities.decode(String(decoding: bytes, as: UTF8.self))), line: keyLine))
                } else {
                    let start = i
                    while i < b.count, !(b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D || b[i] == UInt8(ascii: "]")) { i += 1 }
                    if i - start > limits.fieldLength {
                        if failure == nil {
                            failure = limits.exceeded(.fieldLength, at: FileLocation(file: file, line: keyLine), "the value of \(quoted(key)) is longer than \(grouped(limits.fieldLength)) bytes")
                        }
                        return out
                    }
                    let text = String(decoding: b[start..<i], as: UTF8.self)
                    guard Double(text) != nil || ["inf", "-inf", "nan", "+inf"].contains(text.lowercased()) else {
                        fail("the value of \(quoted(key)) is \(quoted(text)); GML values are numbers, \"strings\" or [ lists ]")
                        return out
                    }
                    out.append(Entry(key: key, value: .scalar(text), line: keyLine))
                }
            }
            return out
        }

        private mutating func identifier() -> String? {
            let start = i
            while i < b.count, i - start <= limits.fieldLength {
                let c = b[i]
                let ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == UInt8(ascii: "_") || (i > start && c >= 48 && c <= 57)
                if !ok { break }
                i += 1
            }
            return i > start ? String(decoding: b[start..<i], as: UTF8.self) : nil
        }
    }
}

/// GML keys are identifiers; Synergraph writes other attribute names with `_xHHHH_` escapes.
enum GMLKey {
    static func isPlain(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !key.contains("_x") else { return false }
        return (first.isASCIILetter || first == "_") && key.unicodeScalars.allSatisfy { $0.isASCIILetter || $0 == "_" || ("0"..."9").contains($0) }
    }

    /// Keys with a meaning of their own in GML or in Synergraph's columns: an attribute of that name is escaped.
    static let reserved: Set<String> = RecordDecoder.nodeColumns.union(RecordDecoder.tieColumns)
        .union(["id", "label", "key", "multigraph", "graph", "node", "edge", ManifestEmbedding.key])

    static func encode(_ key: String) -> String {
        if isPlain(key), !reserved.contains(key.lowercased()) { return key }
        var out = ""
        for (n, s) in key.unicodeScalars.enumerated() {
            let plain = (s.isASCIILetter && !(n == 0 && reserved.contains(key.lowercased()))) || (n > 0 && ("0"..."9").contains(s))
            if plain {
                out.unicodeScalars.append(s)
            } else {
                out += "_x" + String(s.value, radix: 16, uppercase: true) + "_"
            }
        }
        return out
    }

    static func decode(_ key: String) -> String { XEscape.decode(key) }
}

/// `_xHHHH_` escapes (hexadecimal Unicode scalar between `_x` and `_`), as GML keys and GraphML ids that
/// Synergraph writes use them.
enum XEscape {
    static func decode(_ key: String) -> String {
        guard key.contains("_x") else { return key }
        // Over the bytes, once (Foundation's `range(of:)` on the rest of the key for every escape was
        // quadratic in the escapes).
        let b = Array(key.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "_"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "x") {
                var j = i + 2
                var value: UInt32 = 0
                while j < b.count, j - i - 2 < 8, let digit = hexValue(b[j]) {
                    value = value << 4 | digit
                    j += 1
                }
                if j > i + 2, j < b.count, b[j] == UInt8(ascii: "_"), let scalar = Unicode.Scalar(value) {
                    UTF8.encode(scalar) { out.append($0) }
                    i = j + 1
                    continue
                }
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: UInt32(c - 0x30)
        case 0x41...0x46: UInt32(c - 0x41 + 10)
        case 0x61...0x66: UInt32(c - 0x61 + 10)
        default: nil
        }
    }

    /// `id` as an XML NMTOKEN (what GraphML's schema requires of node ids and edge ends): unchanged when
    /// it is one and holds no `_x`; otherwise every `_` and every character an NMTOKEN cannot hold is
    /// written `_xHHHH_`, which ``decode(_:)`` undoes exactly.
    ///
    /// "Can hold" is libxml2's `xmlValidateNMToken`, the check xmllint's schema validation applies: XML 1.0
    /// fourth edition, whose name characters are Unicode 2.0's letters and digits. Scripts added later
    /// (Ethiopic, Khmer, Myanmar, Sinhala, Mongolian) and emoji are escaped; Devanagari, Thai, Lao, Tibetan,
    /// Hangul, Han and Cyrillic are not (measured with Debian 12's libxml2 2.9.14).
    static func nmtoken(_ id: String) -> String {
        func valid(_ s: String) -> Bool { xmlValidateNMToken(s, 0) == 0 }
        func nameChar(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x3A, 0x5F: true
            case 0..<0x80: false
            default: valid(String(s))
            }
        }
        if !id.isEmpty, !id.contains("_x"), valid(id) { return id }
        var out = ""
        for s in id.unicodeScalars {
            if s != "_", nameChar(s) {
                out.unicodeScalars.append(s)
            } else {
                out += "_x" + String(s.value, radix: 16, uppercase: true) + "_"
            }
        }
        return out.isEmpty ? "_x_" : out
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

/// Decoding of the character references and HTML entities that GML and Pajek writers use.
enum HTMLEntities {
    static let named: [String: String] = [
        "quot": "\"", "amp": "&", "lt": "<", "gt": ">", "apos": "'", "nbsp": "\u{A0}",
    ]

    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let name = after[..<semi]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    replacement = named[String(name)]
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}
