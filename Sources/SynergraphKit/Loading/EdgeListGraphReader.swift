#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A plain edge list read straight into its simple undirected ``Graph``, with the vertex ids and the
/// warnings found on the way. Vertex `v` is the `v`-th id in order of first appearance (source before
/// target), exactly as ``EdgeListReader`` numbers the nodes of its ``Network``.
public struct EdgeListGraph: Sendable {
    /// The simple undirected graph (parallel ties merged with summed weight, self-loops dropped).
    public let graph: Graph
    /// The network's name (the file name without extension).
    public let name: String
    /// Problems that did not stop the load (self-loops), in file order.
    public let warnings: [Diagnostic]
    /// UTF-8 bytes of every id, concatenated; id `v` is `idBytes[idStarts[v]..<idStarts[v + 1]]`.
    let idBytes: [UInt8]
    let idStarts: [Int]

    /// Number of vertices (distinct ids).
    public var vertexCount: Int { idStarts.count - 1 }

    /// The id of vertex `v` as written in the file (trimmed, unquoted).
    public func id(_ v: Int) -> String {
        String(decoding: idBytes[idStarts[v]..<idStarts[v + 1]], as: UTF8.self)
    }

    /// Every id, by vertex.
    public var ids: [String] { (0..<vertexCount).map(id) }
}

/// Reads a plain `source,target[,weight]` edge list into an ``EdgeListGraph`` without building the
/// ``Network`` model: the fast path of `synergraph metrics` and of the benchmark (Docs/benchmarks.md).
/// Its fields are taken by position, so a header with more columns (Gephi's `Source,Target,Type,...`,
/// whose `Type` may make ties directed) or in another order is not for it: callers check
/// ``NetworkLoader/isPlainEdgeListFile(path:)`` first.
///
/// It reads *plain* edge lists (no header row, or a header naming source, target and at most `weight`,
/// in that order: ``NetworkLoader/isPlainEdgeListFile(path:)``) as ``EdgeListReader`` does, and reports
/// the same problems with the same messages and positions: header detection, `,` `;` or tab delimiters (sniffed from the first line), RFC 4180
/// quoting, a UTF-8 byte-order mark, UTF-16 with a byte-order mark, LF, CRLF or CR line ends, blank
/// lines, and errors at `file:line[:column]`.
///
/// How: the file is memory-mapped and scanned once, byte by byte; a field is a byte range of the
/// mapping (only quoted fields are copied, to undo doubled quotes). Ids are interned in an
/// open-addressing hash table (``_IDTable``) keyed by byte ranges: ids of up to 8 bytes live inside the
/// 16-byte slot, so a lookup costs one cache miss; longer ids compare against a byte arena. Weights are
/// parsed with an exact fast path (digits with an optional fraction: `m / 10^k` with `m ≤ 2^53`,
/// `k ≤ 22`, which one IEEE division rounds correctly) and `Double(String)` otherwise. Endpoints go to
/// two `Int32` arrays reserved from a count of line breaks; the mapping is released before the CSR is
/// built with ``Graph/init(vertexCount:sources:targets:weights:directed:)``.
///
/// Ids that are not ASCII are interned through a `[String: Int32]` dictionary, so ids that Swift
/// considers equal (canonically equivalent spellings) are one vertex, as in ``EdgeListReader``. One
/// corner is not covered: a non-ASCII spelling canonically equal to an ASCII id (U+212A KELVIN SIGN and
/// `K`) is a separate vertex here.
///
/// Parsing is single-threaded: on the 1M-node/10M-tie file it is bound by hash-table cache misses in
/// first-appearance order, which a second thread could only share by a deterministic two-pass merge.
public enum EdgeListGraphReader {
    /// Reads the edge list at `path`.
    ///
    /// - Throws: ``LoadFailure`` listing every problem when the file has any error.
    public static func read(path: String) throws(LoadFailure) -> EdgeListGraph {
        let name = NetworkName.slug(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: path), "cannot read the file: \(String(cString: strerror(errno)))")])
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: path), "cannot read the file: not a regular file")])
        }
        let size = Int(st.st_size)
        let parsed: _ParsedEdgeList
        if size == 0 {
            parsed = _EdgeListParser.parse(UnsafeBufferPointer(start: nil, count: 0), file: path)
        } else {
            guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else {
                throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: path), "cannot map the file: \(String(cString: strerror(errno)))")])
            }
            defer { munmap(map, size) }
            let raw = UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: size)
            parsed = decodeAndParse(raw, file: path)
        }
        return try finish(parsed, name: name)
    }

    /// Reads an edge list held in memory (`file` names it in messages).
    public static func read(bytes: [UInt8], file: String, name: String) throws(LoadFailure) -> EdgeListGraph {
        let parsed = bytes.withUnsafeBufferPointer { decodeAndParse($0, file: file) }
        return try finish(parsed, name: name)
    }

    /// Strips a UTF-8 byte-order mark, transcodes UTF-16, and parses.
    private static func decodeAndParse(_ raw: UnsafeBufferPointer<UInt8>, file: String) -> _ParsedEdgeList {
        if raw.count >= 2, (raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF) {
            var log = DiagnosticLog()
            guard let utf8 = TextDecoding.utf8Bytes(Array(raw), file: file, log: &log) else { return .failed(log.items) }
            return utf8.withUnsafeBufferPointer { _EdgeListParser.parse($0, file: file) }
        }
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
            return _EdgeListParser.parse(UnsafeBufferPointer(rebasing: raw[3...]), file: file)
        }
        return _EdgeListParser.parse(raw, file: file)
    }

    private static func finish(_ parsed: consuming _ParsedEdgeList, name: String) throws(LoadFailure) -> EdgeListGraph {
        guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { throw LoadFailure(parsed.diagnostics) }
        let n = parsed.ids.count
        parsed.ids.dropIndex()
        let graph = Graph(vertexCount: n, sources: parsed.sources, targets: parsed.targets, weights: parsed.weights, directed: false)
        parsed.sources = []
        parsed.targets = []
        parsed.weights = nil
        return EdgeListGraph(graph: graph, name: name, warnings: parsed.diagnostics, idBytes: parsed.ids.bytes, idStarts: parsed.ids.starts)
    }
}

/// What the byte parser produced: endpoints, weights (nil when no row has one) and ids, or diagnostics.
struct _ParsedEdgeList {
    var sources: [Int32] = []
    var targets: [Int32] = []
    var weights: [Double]?
    var ids = _IDTable()
    var diagnostics: [Diagnostic] = []

    static func failed(_ diagnostics: [Diagnostic]) -> _ParsedEdgeList {
        var p = _ParsedEdgeList()
        p.diagnostics = diagnostics
        return p
    }
}

/// Interns ids given as byte ranges; vertices are numbered in order of first appearance.
///
/// Open addressing with linear probing over 16-byte slots: `key` holds an id of up to 8 bytes
/// (zero-padded) or the hash of a longer one; `meta` holds `length << 32 | (vertex + 1)`, 0 when empty.
/// The table doubles at half full. Non-ASCII ids go through ``strings`` (see ``EdgeListGraphReader``).
struct _IDTable {
    /// Slot `i` is `slots[2i]` (key) and `slots[2i + 1]` (meta), so a probe touches one cache line.
    private var slots: [UInt64] = []
    private var mask = 0
    private var strings: [String: Int32] = [:]
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [0]

    var count: Int { starts.count - 1 }

    init(capacity: Int = 1024) {
        var c = 16
        while c < 2 * capacity { c <<= 1 }
        slots = [UInt64](repeating: 0, count: 2 * c)
        mask = c - 1
    }

    /// Frees the hash index, keeping the ids (no more interning after this).
    mutating func dropIndex() {
        slots = []
        strings = [:]
        mask = 0
    }

    @inline(__always)
    private static func hash(_ key: UInt64, _ length: Int) -> UInt64 {
        var h = (key ^ UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        h = h &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }

    @inline(__always)
    private static func longHash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var i = 0
        let raw = UnsafeRawPointer(p.baseAddress!)
        while i + 8 <= p.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01B3
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < p.count {
            tail |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        return hash(h ^ tail, p.count)
    }

    /// The vertex of the id with these bytes, adding it if new. `ascii` says every byte is < 0x80.
    @inline(__always)
    mutating func intern(_ p: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Int32 {
        guard ascii else { return internString(p) }
        let length = p.count
        var key: UInt64 = 0
        let h: UInt64
        if length <= 8 {
            for i in 0..<length { key |= UInt64(p[i]) << (8 * UInt64(i)) }
            h = _IDTable.hash(key, length)
        } else {
            h = _IDTable.longHash(p)
            key = h
        }
        var slot = Int(truncatingIfNeeded: h) & mask
        let found: Int? = slots.withUnsafeBufferPointer { t in
            while true {
                let meta = t[2 * slot + 1]
                if meta == 0 { return nil }
                if t[2 * slot] == key, Int(meta >> 32) == length {
                    let v = Int(meta & 0xFFFF_FFFF) - 1
                    if length <= 8 || equalsStored(v, p) { return v }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return Int32(found) }
        let v = count
        slots[2 * slot] = key
        slots[2 * slot + 1] = UInt64(length) << 32 | UInt64(v + 1)
        bytes.append(contentsOf: p)
        starts.append(bytes.count)
        if 4 * count > 3 * mask { grow() }
        return Int32(v)
    }

    private func equalsStored(_ v: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = starts[v]
        return bytes.withUnsafeBufferPointer { b in memcmp(b.baseAddress! + lo, p.baseAddress!, p.count) == 0 }
    }

    private mutating func internString(_ p: UnsafeBufferPointer<UInt8>) -> Int32 {
        let s = String(decoding: p, as: UTF8.self)
        if let v = strings[s] { return v }
        let v = Int32(count)
        strings[s] = v
        bytes.append(contentsOf: p)
        starts.append(bytes.count)
        return v
    }

    private mutating func grow() {
        let old = slots
        let capacity = 2 * (mask + 1)
        slots = [UInt64](repeating: 0, count: 2 * capacity)
        mask = capacity - 1
        for i in 0..<(old.count / 2) where old[2 * i + 1] != 0 {
            let key = old[2 * i], meta = old[2 * i + 1]
            let length = Int(meta >> 32)
            let h = length <= 8 ? _IDTable.hash(key, length) : key
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[2 * slot + 1] != 0 { slot = (slot + 1) & mask }
            slots[2 * slot] = key
            slots[2 * slot + 1] = meta
        }
    }
}

/// The single-pass byte parser behind ``EdgeListGraphReader``; mirrors `CSVReader.parse` followed by
/// `EdgeListReader.read`, problem for problem.
enum _EdgeListParser {
    private static let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, quote = UInt8(ascii: "\"")

    /// One of the first three fields of a record: a byte range of the input, or of `quoted[k]`.
    private struct Field {
        var lo = 0, hi = 0
        var start = 0
        var isQuoted = false
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>, file: String) -> _ParsedEdgeList {
        let n = b.count
        var out = _ParsedEdgeList()
        // Reserve the endpoint arrays from the number of line breaks (an upper bound on records - 1).
        var lfs = 0, crs = 0
        for c in b {
            lfs &+= c == lf ? 1 : 0
            crs &+= c == cr ? 1 : 0
        }
        let recordBound = max(lfs, crs) + 1
        out.sources.reserveCapacity(recordBound)
        out.targets.reserveCapacity(recordBound)
        out.ids = _IDTable(capacity: min(recordBound, 1 << 16))
        let delimiter = sniffDelimiter(b)
        var high: UInt8 = 0
        var csvErrors: [Diagnostic] = []
        var log = DiagnosticLog()
        var fields = [Field](repeating: Field(), count: 3)
        var quotedFields: [[UInt8]] = [[], [], []]
        var records = 0
        var hasHeader = false
        var maxFields = 3
        var i = 0
        var line = 1

        func withField<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let f = fields[k]
            if f.isQuoted { return quotedFields[k].withUnsafeBufferPointer(body) }
            return body(UnsafeBufferPointer(rebasing: b[f.lo..<f.hi]))
        }
        func text(_ k: Int) -> String { withField(k) { String(decoding: $0, as: UTF8.self) } }

        while i < n {
            let recordLine = line
            let recordStart = i
            if b[i] == lf || b[i] == cr {
                if b[i] == cr, i + 1 < n, b[i + 1] == lf { i += 1 }
                i += 1
                line += 1
                continue
            }
            var count = 0
            var endOfRecord = false
            while !endOfRecord {
                var field = Field()
                field.start = i
                if i < n, b[i] == quote {
                    let openLine = line
                    var content: [UInt8] = []
                    i += 1
                    var closed = false
                    while i < n {
                        let c = b[i]
                        high |= c
                        if c == quote {
                            if i + 1 < n, b[i + 1] == quote {
                                content.append(quote)
                                i += 2
                                continue
                            }
                            i += 1
                            closed = true
                            break
                        }
                        if c == lf || (c == cr && !(i + 1 < n && b[i + 1] == lf)) { line += 1 }
                        content.append(c)
                        i += 1
                    }
                    if !closed {
                        csvErrors.append(Diagnostic(.error, .unterminatedQuote, at: FileLocation(file: file, line: openLine),
                                                    "a quoted field opened on this line is never closed; check for a missing \""))
                        return finish(out, csvErrors: csvErrors, log: log, records: records, high: high, b: b, file: file)
                    }
                    if i < n, b[i] != delimiter, b[i] != lf, b[i] != cr {
                        let loc = position(of: i, from: recordStart, line: recordLine, in: b, file: file)
                        csvErrors.append(Diagnostic(.error, .textAfterQuote, at: loc,
                                                    "text after a closing quote; a quote inside a quoted field must be doubled (\"\")"))
                        while i < n, b[i] != delimiter, b[i] != lf, b[i] != cr {
                            high |= b[i]
                            content.append(b[i])
                            i += 1
                        }
                    }
                    field.isQuoted = true
                    if count < 3 { quotedFields[count] = content }
                } else {
                    while i < n {
                        let c = b[i]
                        if c == delimiter || c == lf || c == cr { break }
                        high |= c
                        i += 1
                    }
                    field.lo = field.start
                    field.hi = i
                }
                if count < 3 { fields[count] = field }
                count += 1
                if i < n, b[i] == delimiter {
                    i += 1
                    if i >= n {
                        // A trailing delimiter at end of file: one more empty field.
                        if count < 3 { fields[count] = Field(lo: i, hi: i, start: i, isQuoted: false) }
                        count += 1
                        endOfRecord = true
                    }
                } else {
                    if i < n {
                        if b[i] == cr, i + 1 < n, b[i + 1] == lf { i += 1 }
                        i += 1
                        line += 1
                    }
                    endOfRecord = true
                }
            }
            // After a CSV-level error only further CSV-level errors matter (EdgeListReader stops there).
            guard csvErrors.isEmpty else { continue }
            records += 1
            if records == 1 {
                var lower: [String] = []
                for k in 0..<min(count, 3) { lower.append(text(k).trimmingWhitespace().lowercased()) }
                hasHeader = count >= 2 && (EdgeListReader.endpointNames.contains(lower[0]) || EdgeListReader.endpointNames.contains(lower[1])
                    || (count >= 3 && Double(lower[2]) == nil && lower[2] != ""))
                maxFields = max(hasHeader ? count : max(2, count), 3)
                if hasHeader { continue }
            }
            func location(_ k: Int) -> FileLocation {
                position(of: fields[k].start, from: fields[0].start, line: recordLine, in: b, file: file)
            }
            guard count >= 2, count <= maxFields else {
                if count == 1, withField(0, { trimmed($0) { $0.isEmpty } }) { continue }
                log.error(.wrongColumnCount, FileLocation(file: file, line: recordLine),
                          "an edge-list row needs source, target and an optional weight; this one has \(count) field\(count == 1 ? "" : "s")")
                continue
            }
            let sEmpty = withField(0) { trimmed($0) { $0.isEmpty } }
            let tEmpty = withField(1) { trimmed($0) { $0.isEmpty } }
            guard !sEmpty, !tEmpty else {
                log.error(.missingValue, location(sEmpty ? 0 : 1), "the tie has no \(sEmpty ? "source" : "target")")
                continue
            }
            var rowWeight: Double?
            if count >= 3 {
                let (empty, value) = withField(2) { trimmed($0) { w in w.isEmpty ? (true, nil) : (false, weight(w)) } }
                if !empty {
                    if let value {
                        rowWeight = value
                        if out.weights == nil {
                            out.weights = [Double](repeating: 1, count: out.sources.count)
                            out.weights!.reserveCapacity(recordBound)
                        }
                    } else {
                        log.error(.badWeight, location(2), "weight \(quoted(text(2).trimmingWhitespace())) must be a positive number")
                    }
                }
            }
            let s = withField(0) { f in trimmed(f) { out.ids.intern($0, ascii: isASCII($0)) } }
            let t = withField(1) { f in trimmed(f) { out.ids.intern($0, ascii: isASCII($0)) } }
            if s == t {
                let id = withField(0) { f in trimmed(f) { String(decoding: $0, as: UTF8.self) } }
                log.warning(.selfLoop, FileLocation(file: file, line: recordLine), "tie from \(quoted(id)) to itself; metrics leave self-loops out")
            }
            out.sources.append(s)
            out.targets.append(t)
            if out.weights != nil { out.weights!.append(rowWeight ?? 1) }
        }
        return finish(out, csvErrors: csvErrors, log: log, records: records, high: high, b: b, file: file)
    }

    private static func finish(_ parsed: consuming _ParsedEdgeList, csvErrors: [Diagnostic], log: DiagnosticLog, records: Int, high: UInt8,
                               b: UnsafeBufferPointer<UInt8>, file: String) -> _ParsedEdgeList {
        // The order of precedence of EdgeListReader: invalid UTF-8 anywhere, then CSV errors, then an empty file.
        if high & 0x80 != 0, let bad = TextDecoding.firstInvalidUTF8Offset(b) {
            return .failed([TextDecoding.invalidByte(at: bad, in: b, file: file)])
        }
        if !csvErrors.isEmpty { return .failed(csvErrors) }
        if records == 0 {
            return .failed([Diagnostic(.error, .emptyFile, at: FileLocation(file: file),
                                       "the file is empty; an edge list has one `source,target[,weight]` row per tie")])
        }
        var out = parsed
        out.diagnostics = log.items
        return out
    }

    @inline(__always)
    private static func isASCII(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var acc: UInt8 = 0
        for c in p { acc |= c }
        return acc < 0x80
    }

    /// Calls `body` with the field without leading and trailing whitespace (as `trimmingWhitespace()`).
    @inline(__always)
    private static func trimmed<R>(_ p: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var lo = 0, hi = p.count
        while lo < hi, p[lo] == 0x20 || (p[lo] >= 0x09 && p[lo] <= 0x0D) { lo += 1 }
        while hi > lo, p[hi - 1] == 0x20 || (p[hi - 1] >= 0x09 && p[hi - 1] <= 0x0D) { hi -= 1 }
        if hi > lo, p[lo] >= 0x80 || p[hi - 1] >= 0x80 {
            // Unicode whitespace (no-break space, ideographic space, ...) may remain at an end.
            let bytes = Array(String(decoding: p, as: UTF8.self).trimmingWhitespace().utf8)
            return bytes.withUnsafeBufferPointer(body)
        }
        return body(UnsafeBufferPointer(rebasing: p[lo..<hi]))
    }

    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    /// The weight in `w` (non-empty, trimmed), or nil when it is not a positive finite number.
    @inline(__always)
    private static func weight(_ w: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0, fraction = 0
        var i = 0
        var fast = true
        while i < w.count, w[i] >= 0x30, w[i] <= 0x39 {
            mantissa = mantissa &* 10 &+ UInt64(w[i] - 0x30)
            digits += 1
            i += 1
        }
        if digits == 0 { fast = false }
        if fast, i < w.count {
            if w[i] == UInt8(ascii: "."), i + 1 < w.count {
                i += 1
                while i < w.count, w[i] >= 0x30, w[i] <= 0x39 {
                    mantissa = mantissa &* 10 &+ UInt64(w[i] - 0x30)
                    digits += 1
                    fraction += 1
                    i += 1
                }
                if fraction == 0 || i < w.count { fast = false }
            } else {
                fast = false
            }
        }
        let value: Double?
        if fast, digits <= 19, mantissa <= 1 << 53, fraction <= 22 {
            value = Double(mantissa) / powersOfTen[fraction]
        } else {
            value = Double(String(decoding: w, as: UTF8.self))
        }
        guard let value, value.isFinite, value > 0 else { return nil }
        return value
    }

    /// The delimiter among `,` `;` and tab that occurs most often outside quotes on the first line
    /// (`,` on a tie or when none occurs), as `CSVReader.sniffDelimiter`.
    static func sniffDelimiter(_ b: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var comma = 0, semi = 0, tab = 0
        var inQuotes = false
        for c in b {
            if c == quote { inQuotes.toggle() }
            if !inQuotes, c == lf || c == cr { break }
            if !inQuotes {
                if c == UInt8(ascii: ",") { comma += 1 } else if c == UInt8(ascii: ";") { semi += 1 } else if c == 0x09 { tab += 1 }
            }
        }
        if tab > comma, tab >= semi { return 0x09 }
        if semi > comma { return UInt8(ascii: ";") }
        return UInt8(ascii: ",")
    }

    /// Line and column of byte `target`, counting from byte `start` on line `startLine` (as `CSVDocument.position`).
    static func position(of target: Int, from start: Int, line startLine: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String) -> FileLocation {
        var line = startLine
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] != lf, bytes[lineStart - 1] != cr { lineStart -= 1 }
        var i = start
        while i < target {
            if bytes[i] == lf || (bytes[i] == cr && (i + 1 >= bytes.count || bytes[i + 1] != lf)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        for j in lineStart..<target where bytes[j] & 0xC0 != 0x80 { column += 1 }
        return FileLocation(file: file, line: line, column: column)
    }
}

