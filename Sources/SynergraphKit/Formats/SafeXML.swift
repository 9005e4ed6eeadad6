import Foundation
internal import CLibXML2

/// An element of an XML document read by ``SafeXML``: its names, attributes, children and text.
///
/// While the document streams, an element holds only the children that were not dropped (see
/// ``SafeXML/stream(_:file:limits:log:textless:records:opened:closed:)``), so a reader keeps one record's subtree at a time.
final class XMLNode {
    /// Local name (without prefix).
    let name: String
    /// Namespace URI, empty when none.
    let namespace: String
    /// Attributes by local name, in document order (a handful per element: a list, not a dictionary).
    let attributes: [(key: String, value: String)]
    var children: [XMLNode] = []
    /// The element's own character data (not its children's); empty for elements whose name is textless.
    var text = ""
    let keepsText: Bool
    let line: Int
    let column: Int

    init(name: String, namespace: String, attributes: [(key: String, value: String)], keepsText: Bool = true, line: Int, column: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.keepsText = keepsText
        self.line = line
        self.column = column
    }

    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// An attribute by local name (whatever its namespace).
    func attribute(_ key: String) -> String? {
        for a in attributes where a.key == key { return a.value }
        return nil
    }

    /// The first descendant with this local name, searched breadth-first.
    func firstDescendant(_ name: String) -> XMLNode? {
        var queue = children[...]
        while let n = queue.popFirst() {
            if n.name == name { return n }
            queue.append(contentsOf: n.children)
        }
        return nil
    }
}

/// What a streaming reader does with an element (``SafeXML/stream(_:file:limits:log:textless:records:opened:closed:)``).
enum XMLStep {
    /// Keep it in its parent's children.
    case keep
    /// Done with it: it leaves the tree (with its subtree), so memory stays bounded by one record.
    case drop
    /// Stop reading: the document is refused with this error.
    case fail(Diagnostic)
    /// Stop reading: the reader has logged why.
    case stop
}

/// An element read as a flat record (``XMLRecords``): the element and its leaf children, as values.
struct XMLRecord {
    /// One element of a record, without children.
    struct Element {
        var name: String
        var namespace: String
        var attributes: [(key: String, value: String)]
        /// Its character data (empty when its name is textless).
        var text: String
        var keepsText: Bool
        var line: Int
        var column: Int

        /// An attribute by local name (whatever its namespace).
        func attribute(_ key: String) -> String? {
            for a in attributes where a.key == key { return a.value }
            return nil
        }

        /// The element as an ``XMLNode`` (without children).
        func node() -> XMLNode {
            let n = XMLNode(name: name, namespace: namespace, attributes: attributes, keepsText: keepsText, line: line, column: column)
            n.text = text
            return n
        }
    }

    var element: Element
    /// Its leaf children, in document order.
    var children: [Element]
}

/// A reader's shortcut past ``XMLNode`` for its many small records (GraphML's nodes and edges, as
/// NetworkX and igraph write them: attributes and a few `<data>` children holding text).
///
/// An element that `isRecord` accepts is read as an ``XMLRecord``: `opened` sees its start tag (in place
/// of the general `opened`), its children whose names `isLeaf` accepts are read as text-only leaves, and
/// `closed` sees the whole record (in place of the general `closed`; `.keep` keeps it in its parent's
/// children as nodes). Leaves are not passed to the general callbacks and are kept in the record.
///
/// Anything else inside the record (a child `isLeaf` declines, an element inside a leaf) ends the
/// shortcut for that record: the record and its leaves so far become ``XMLNode``s in the tree, as the
/// general path would have built them, and the rest of the record is read by the general path, its end
/// tag by the general `closed`. So a reader's general callbacks must treat a record the same whichever
/// way it was read, and must keep (not drop) the leaves inside it.
final class XMLRecords {
    /// Whether an element of this name, with these open ancestors (outermost first), is read as a record.
    let isRecord: (String, [XMLNode]) -> Bool
    /// Whether a child of a record with this name is read as a leaf.
    let isLeaf: (String) -> Bool
    let opened: (XMLRecord.Element, [XMLNode]) -> XMLStep
    let closed: (XMLRecord, [XMLNode]) -> XMLStep

    init(isRecord: @escaping (String, [XMLNode]) -> Bool, isLeaf: @escaping (String) -> Bool,
         opened: @escaping (XMLRecord.Element, [XMLNode]) -> XMLStep, closed: @escaping (XMLRecord, [XMLNode]) -> XMLStep) {
        self.isRecord = isRecord
        self.isLeaf = isLeaf
        self.opened = opened
        self.closed = closed
    }
}

/// Streams XML through libxml2's SAX2 parser (``SAXBuilder``), refusing what could hurt: entity
/// declarations (external entities, billion laughs), deep nesting, malformed comments, and encodings it
/// cannot check. Nothing outside the file is ever read.
enum SafeXML {
    /// Streams the document to the reader, refusing what could hurt (see the type's comment). Each
    /// element is built as an ``XMLNode`` with its attributes; `opened` sees it when its start tag is read
    /// (its ancestors in `stack`, outermost first), `closed` when its end tag is (with its text and kept
    /// children), and decides whether it stays in its parent's children. Readers drop each record once
    /// read, so memory is bounded by one record, not by the document (a 1M-tie GraphML held as a tree
    /// took 1.2 GB).
    ///
    /// - Parameter textless: element names whose character data is meaningless (containers such as
    ///   `graph`): their text is not collected.
    /// - Returns: false after logging an error with the file, line and column (malformed XML, a refused
    ///   construct, or a reader's `.fail`).
    /// - Parameter records: elements read as flat records, without ``XMLNode`` (see ``XMLRecords``).
    static func stream(_ raw: [UInt8], file: String, limits: ReaderLimits = ReaderLimits(), log: inout DiagnosticLog, textless: Set<String> = [],
                       records: XMLRecords? = nil,
                       opened: @escaping (XMLNode, [XMLNode]) -> XMLStep,
                       closed: @escaping (XMLNode, [XMLNode]) -> XMLStep) -> Bool {
        if let refusal = refusal(raw, file: file) {
            log.error(refusal.problem, refusal.location, refusal.message)
            return false
        }
        // libxml2 only ever sees checked UTF-8: it mistakes a document's encoding in ways the fuzzers found
        // (Foundation's XMLParser, used until 2026-11-28, trapped on the invalid names that followed).
        let bytes: [UInt8]
        let blank: Int
        switch utf8Document(raw, file: file) {
        case .success(let b): (bytes, blank) = b
        case .failure(let r):
            log.error(r.diagnostic.problem, r.diagnostic.location, r.diagnostic.message)
            return false
        }
        if let refused = tagLimits(bytes, file: file, limits: limits) {
            log.error(refused.problem, refused.location, refused.message)
            return false
        }
        let builder = SAXBuilder(file: file, limits: limits, textless: textless, opened: opened, closed: closed)
        builder.records = records
        builder.parse(bytes, blank: blank)
        if builder.stopped {
            if let stop = builder.stop { log.error(stop.problem, stop.location, stop.message) }
            return false
        }
        guard builder.firstError == nil, builder.sawRoot else {
            let e = builder.firstError ?? (4, "", FileLocation(file: file, line: 1, column: 1))
            log.error(.badXML, e.location, "not well-formed XML (\(describe(e.code, e.message))); nothing was loaded")
            return false
        }
        return true
    }

    /// Why the document is refused before parsing: a DTD with entity declarations, or no XML at all.
    static func refusal(_ bytes: [UInt8], file: String) -> Diagnostic? {
        // UTF-16 documents: look at the ASCII bytes only, which is enough to find markup.
        let ascii = bytes.count >= 2 && (bytes[0] == 0xFF || bytes[0] == 0xFE || bytes[0] == 0 || bytes[1] == 0) ? bytes.filter { $0 != 0 } : bytes
        let needle = Array("<!ENTITY".utf8)
        if let at = find(needle, in: ascii) {
            let line = ascii[..<at].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            return Diagnostic(.error, .unsafeXML, at: FileLocation(file: file, line: line),
                              "the document declares entities in its DTD (<!ENTITY ...>); they are refused because they can read other files or expand without bound (billion laughs). Remove the DOCTYPE")
        }
        var i = ascii.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : (ascii.starts(with: [0xFF, 0xFE]) || ascii.starts(with: [0xFE, 0xFF]) ? 2 : 0)
        while i < ascii.count, [0x20, 0x09, 0x0A, 0x0D].contains(ascii[i]) { i += 1 }
        if i >= ascii.count {
            return Diagnostic(.error, .emptyFile, at: FileLocation(file: file), "the file is empty")
        }
        if ascii[i] != UInt8(ascii: "<") {
            return Diagnostic(.error, .badXML, at: FileLocation(file: file, line: 1, column: 1),
                              "this is not XML: it does not start with '<'")
        }
        return nil
    }

    struct Refused: Error {
        var diagnostic: Diagnostic
    }

    /// Why a document was refused before parsing.
    /// The document as UTF-8 with its XML declaration blanked out (spaces, line breaks kept, so lines and
    /// columns stay where they were), transcoded from UTF-16 (with a byte-order mark), ISO-8859-1 or
    /// Windows-1252 when it says so, and checked to be valid UTF-8. Other encodings are refused.
    ///
    /// A UTF-8 document's declaration (ASCII) is not blanked in the bytes returned, which are then the
    /// file's own (a 52 MB GraphML was copied, and the copy paged in and freed, for 40 bytes): `blank`
    /// says how many leading bytes are to be read as blanked, which ``SAXBuilder/parse(_:blank:)`` does
    /// when it hands libxml2 the first chunk. The checks here and in ``tagLimits(_:file:limits:)`` see the
    /// same as on the blanked bytes (the declaration is ASCII, and a processing instruction to them).
    static func utf8Document(_ raw: [UInt8], file: String) -> Result<(bytes: [UInt8], blank: Int), Refused> {
        func refuse(_ problem: Diagnostic.Problem, _ line: Int?, _ column: Int?, _ message: String) -> Result<(bytes: [UInt8], blank: Int), Refused> {
            .failure(Refused(diagnostic: Diagnostic(.error, problem, at: FileLocation(file: file, line: line, column: column), message)))
        }
        var bytes: [UInt8]
        var blank = 0
        let fromUTF16 = raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF])
        if fromUTF16 {
            var log = DiagnosticLog()
            guard let b = TextDecoding.utf8Bytes(raw, file: file, log: &log) else {
                return refuse(.invalidEncoding, nil, nil, "the file starts with a UTF-16 byte-order mark but holds invalid UTF-16 text")
            }
            bytes = b
        } else if raw.count >= 2, raw[0] == 0 || raw[1] == 0 {
            return refuse(.invalidEncoding, 1, 1, "the file looks like UTF-16 or UTF-32 without a byte-order mark; save it as UTF-8")
        } else {
            bytes = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(raw.dropFirst(3)) : raw
        }
        if bytes.starts(with: Array("<?xml".utf8)), bytes.count > 5, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[5]) {
            guard let close = find(Array("?>".utf8), in: Array(bytes.prefix(1000))) else {
                return refuse(.badXML, 1, 1, "the XML declaration (<?xml ...?>) is not closed")
            }
            let decl = String(decoding: bytes[0..<close], as: UTF8.self)
            var encoding = "utf-8"
            if let r = decl.range(of: "encoding") {
                let rest = decl[r.upperBound...].drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                guard rest.first == "=" else { return refuse(.badXML, 1, 1, "the XML declaration's encoding is malformed") }
                let value = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                guard let q = value.first, q == "\"" || q == "'", let end = value.dropFirst().firstIndex(of: q) else {
                    return refuse(.badXML, 1, 1, "the XML declaration's encoding is malformed")
                }
                encoding = value[value.index(after: value.startIndex)..<end].lowercased()
            }
            var transcoded = fromUTF16
            switch encoding {
            case "utf-8", "utf8", "us-ascii", "ascii":
                break
            case "utf-16", "utf16":
                guard fromUTF16 else { return refuse(.invalidEncoding, 1, 1, "the file says it is UTF-16 but has no byte-order mark; save it as UTF-8") }
            case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1":
                guard !fromUTF16 else { return refuse(.invalidEncoding, 1, 1, "the file is UTF-16 but says it is \(encoding)") }
                bytes = latin1ToUTF8(bytes)
                transcoded = true
            case "windows-1252", "cp1252":
                guard !fromUTF16 else { return refuse(.invalidEncoding, 1, 1, "the file is UTF-16 but says it is \(encoding)") }
                bytes = TextDecoding.windows1252ToUTF8(bytes)
                transcoded = true
            default:
                return refuse(.invalidEncoding, 1, 1, "the encoding \(quoted(encoding)) is not supported; save the file as UTF-8")
            }
            // Blank the declaration (now in UTF-8): later, as the first chunk is read, when it is ASCII in the
            // file's own bytes; here otherwise.
            if !transcoded, bytes[0..<(close + 2)].allSatisfy({ $0 < 0x80 }) {
                blank = close + 2
            } else if let newClose = find(Array("?>".utf8), in: Array(bytes.prefix(1000))) {
                for i in 0..<(newClose + 2) where bytes[i] != 0x0A && bytes[i] != 0x0D { bytes[i] = 0x20 }
            }
        }
        if let bad = blankProcessingInstructions(&bytes, from: blank) {
            let (line, column) = TextDecoding.lineAndColumn(of: bad.offset, in: bytes)
            return refuse(.badXML, line, column, bad.message)
        }
        if let bad = bytes.withUnsafeBufferPointer({ TextDecoding.firstInvalidUTF8Offset($0[blank...]) }) {
            let (line, column) = TextDecoding.lineAndColumn(of: bad, in: bytes)
            return refuse(.invalidEncoding, line, column,
                          "byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) is not valid UTF-8, and the document does not declare another encoding")
        }
        return .success((bytes, blank))
    }

    /// Replaces every processing instruction (`<?target data?>`) with spaces, keeping line breaks: after
    /// it the document holds no `<?` at all. GraphML and GEXF give them no meaning, and Foundation's
    /// XMLParser on Linux (used until 2026-11-28) crashed on one without data (`<?target?>`: strlen on a
    /// null pointer); the blanking stays as defence in depth.
    ///
    /// Context-free on purpose: inside comments and CDATA too (text there that looks like one is blanked
    /// as well). An earlier version skipped comments and CDATA, and the fuzzer twice found a comment that
    /// libxml2's error recovery ended elsewhere than the scan did (`<!-- a --b`, a control character in a
    /// comment), handing XMLParser a `<?x?>` the scan had taken for comment text.
    ///
    /// Returns where the document is refused instead: a comment holding `--` or never closed, or a CDATA
    /// section never closed (malformed XML, refused anyway, with a clearer message).
    ///
    /// - Parameter from: where to start (the bytes before are blanks: a declaration not yet blanked).
    static func blankProcessingInstructions(_ bytes: inout [UInt8], from: Int = 0) -> (offset: Int, message: String)? {
        // Scanned through an unsafe buffer (bounds-checked subscripts took 0.24 s on a 52 MB document);
        // the instructions found are blanked afterwards, so a document without any is not copied.
        var instructions: [Range<Int>] = []
        let refused: (offset: Int, message: String)? = bytes.withUnsafeBufferPointer { b in
            let n = b.count
            let lt = UInt8(ascii: "<")
            func starts(_ u: StaticString, at i: Int) -> Bool {
                let c = u.utf8CodeUnitCount
                guard i + c <= n else { return false }
                for k in 0..<c where b[i + k] != u.utf8Start[k] { return false }
                return true
            }
            func skip(to end: StaticString, from i: Int) -> Int {
                let c = end.utf8CodeUnitCount
                let first = end.utf8Start[0]
                var j = i
                while j + c <= n {
                    if b[j] == first, starts(end, at: j) { return j + c }
                    j += 1
                }
                return n
            }
            /// The next `<` at or after `i` (memchr), or n.
            func nextLT(_ i: Int) -> Int {
                guard i < n, let base = b.baseAddress, let p = memchr(base + i, Int32(lt), n - i) else { return n }
                return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            }
            // Comments and CDATA: refused when malformed.
            var i = nextLT(from)
            while i + 1 < n {
                guard b[i + 1] == UInt8(ascii: "!") else {
                    i = nextLT(i + 1)
                    continue
                }
                if starts("<!--", at: i) {
                    let doubleHyphen = skip(to: "--", from: i + 4)
                    guard doubleHyphen < n, b[doubleHyphen] == UInt8(ascii: ">") else {
                        return doubleHyphen < n
                            ? (doubleHyphen - 2, "a comment contains \"--\" (not allowed in XML comments)")
                            : (i, "a comment (<!--) is never closed with -->")
                    }
                    i = nextLT(doubleHyphen + 1)
                } else if starts("<![CDATA[", at: i) {
                    let end = skip(to: "]]>", from: i + 9)
                    guard end < n || (end == n && n >= 3 && starts("]]>", at: n - 3)) else {
                        return (i, "a CDATA section (<![CDATA[) is never closed with ]]>")
                    }
                    i = nextLT(end)
                } else {
                    i = nextLT(i + 1)
                }
            }
            // Processing instructions, wherever they are.
            i = nextLT(from)
            while i + 1 < n {
                if b[i + 1] == UInt8(ascii: "?") {
                    let end = skip(to: "?>", from: i + 2)
                    instructions.append(i..<end)
                    i = nextLT(end)
                } else {
                    i = nextLT(i + 1)
                }
            }
            return nil
        }
        if let refused { return refused }
        for r in instructions {
            for k in r where bytes[k] != 0x0A && bytes[k] != 0x0D { bytes[k] = 0x20 }
        }
        return nil
    }

    /// Refuses a start tag with more attributes than the `attributes` limit, or an attribute value longer
    /// than `field-length`, before libxml2 sees it: libxml2 2.9's check for repeated attributes is
    /// quadratic in the attributes of one element (measured with xmllint: 20,000 attributes 3 s, 40,000
    /// 53 s). Skips comments, CDATA, processing instructions and the DOCTYPE; counts `=` outside quotes.
    ///
    /// - Complexity: O(n) in the bytes.
    static func tagLimits(_ bytes: [UInt8], file: String, limits: ReaderLimits) -> Diagnostic? {
        bytes.withUnsafeBufferPointer { tagLimits($0, file: file, limits: limits) }
    }

    private static func tagLimits(_ b: UnsafeBufferPointer<UInt8>, file: String, limits: ReaderLimits) -> Diagnostic? {
        let n = b.count
        var i = 0
        var line = 1
        var columns = ColumnCounter()
        func newLines(_ from: Int, _ to: Int) {
            for k in from..<min(to, n) where b[k] == 0x0A {
                line += 1
                columns.newLine(at: k + 1)
            }
        }
        func skip(past end: [UInt8], from start: Int) -> Int {
            var j = start
            while j + end.count <= n {
                if b[j] == end[0], b[j..<(j + end.count)].elementsEqual(end) { return j + end.count }
                j += 1
            }
            return n
        }
        while i < n {
            let c = b[i]
            if c == 0x0A {
                line += 1
                columns.newLine(at: i + 1)
                i += 1
                continue
            }
            guard c == UInt8(ascii: "<"), i + 1 < n else {
                i += 1
                continue
            }
            let next = b[i + 1]
            var end: Int
            if next == UInt8(ascii: "!") {
                if b[i...].starts(with: Array("<!--".utf8)) {
                    end = skip(past: Array("-->".utf8), from: i + 4)
                } else if b[i...].starts(with: Array("<![CDATA[".utf8)) {
                    end = skip(past: Array("]]>".utf8), from: i + 9)
                } else {
                    // <!DOCTYPE ...> with an internal subset in [ ].
                    var j = i + 2
                    var bracket = false
                    while j < n, bracket || b[j] != UInt8(ascii: ">") {
                        if b[j] == UInt8(ascii: "[") { bracket = true } else if b[j] == UInt8(ascii: "]") { bracket = false }
                        j += 1
                    }
                    end = min(n, j + 1)
                }
            } else if next == UInt8(ascii: "?") {
                end = skip(past: Array("?>".utf8), from: i + 2)
            } else {
                // A start or end tag.
                let tagStart = i
                var count = 0
                var j = i + 1
                while j < n, b[j] != UInt8(ascii: ">") {
                    let d = b[j]
                    if d == UInt8(ascii: "=") {
                        count += 1
                        if count > limits.attributes {
                            newLines(i, tagStart)
                            return limits.exceeded(.attributes, at: FileLocation(file: file, line: line, column: columns.column(at: tagStart, in: b)),
                                                   "this element has more than \(grouped(limits.attributes)) attributes")
                        }
                    } else if d == UInt8(ascii: "\"") || d == UInt8(ascii: "'") {
                        let open = j
                        j += 1
                        while j < n, b[j] != d { j += 1 }
                        if j - open - 1 > limits.fieldLength {
                            newLines(tagStart, open)
                            return limits.exceeded(.fieldLength, at: FileLocation(file: file, line: line, column: columns.column(at: open, in: b)),
                                                   "this attribute value is longer than \(grouped(limits.fieldLength)) bytes")
                        }
                    }
                    j += 1
                }
                end = min(n, j + 1)
            }
            newLines(i, end)
            i = end
        }
        return nil
    }

    static func latin1ToUTF8(_ raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count + raw.count / 8)
        for b in raw {
            if b < 0x80 {
                out.append(b)
            } else {
                out.append(0xC0 | b >> 6)
                out.append(0x80 | b & 0x3F)
            }
        }
        return out
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count, let first = needle.first else { return nil }
        return hay.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { needle in
                guard let base = hay.baseAddress else { return nil }
                var i = 0
                let last = hay.count - needle.count
                while i <= last {
                    guard let p = memchr(base + i, Int32(first), last + 1 - i) else { return nil }
                    i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    var k = 1
                    while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return i }
                    i += 1
                }
                return nil
            }
        }
    }

    /// A libxml2 error (`xmlParserErrors`) in words.
    private static func describe(_ code: Int, _ message: String) -> String {
        switch code {
        case 4: "the document is empty or not XML"
        case 5: "the document ends too early"
        case 9: "an invalid character"
        case 26: "an undeclared entity"
        case 38, 39, 40: "a malformed attribute"
        case 41: "an attribute is repeated"
        case 64: "a malformed XML declaration"
        case 73, 76: "a start tag does not match its end tag"
        case 111: "an unknown or unsupported encoding"
        default: message.isEmpty ? "libxml2 error \(code)" : "libxml2: \(quoted(message))"
        }
    }
}

/// Drives libxml2's SAX2 push parser over a document: builds each element, hands it to the reader when
/// it opens and closes, and keeps what the reader keeps; counts depth and stops past the limit.
///
/// Why libxml2 directly rather than Foundation's `XMLParser` (which wraps the same parser): reading a
/// 1M-tie GraphML spent 1.3 s in XMLParser's per-element Swift strings and attribute dictionaries, against
/// 0.5 s for libxml2 itself, and XMLParser on Linux traps on names that are not valid UTF-8 (three fuzzer
/// findings). Here names are decoded with replacement characters and interned (libxml2 interns them in
/// its dictionary, so equal names are equal pointers), attributes are a short list, and nothing traps.
///
/// Safety: no entity is ever substituted or loaded (no `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or
/// `XML_PARSE_DTDATTR`; `XML_PARSE_NONET`; an entity declaration stops the parse; `getEntity` and
/// `resolveEntity` are not set). Every message goes to `serror` (structured errors) and none is printed.
final class SAXBuilder {
    let file: String
    let limits: ReaderLimits
    let textless: Set<String>
    let opened: (XMLNode, [XMLNode]) -> XMLStep
    let closed: (XMLNode, [XMLNode]) -> XMLStep
    var sawRoot = false
    var stack: [XMLNode] = []
    /// Why reading stopped early (nil with `stopped`: the reader logged it).
    var stop: Diagnostic?
    var stopped = false
    /// The first error libxml2 reported (it may recover and go on).
    var firstError: (code: Int, message: String, location: FileLocation)?
    private var context: xmlParserCtxtPtr?
    /// Flat records (GraphML's nodes and edges), when the reader reads them so.
    var records: XMLRecords?
    /// The record being read as one (nil: none, or it fell back to the general path).
    private var record: XMLRecord?
    /// Its open leaf, when inside one.
    private var leaf: XMLRecord.Element?
    /// Interned names: libxml2's dictionary pointer → our string (and whether its text is kept).
    private let names = NameTable(capacity: 256)
    /// Namespace URIs, the same way.
    private let uris = NameTable(capacity: 64)

    init(file: String, limits: ReaderLimits, textless: Set<String>, opened: @escaping (XMLNode, [XMLNode]) -> XMLStep,
         closed: @escaping (XMLNode, [XMLNode]) -> XMLStep) {
        self.file = file
        self.limits = limits
        self.textless = textless
        self.opened = opened
        self.closed = closed
    }

    /// libxml2's global set-up, once per process, before any thread parses.
    private static let libxml2Ready: Void = xmlInitParser()

    /// Parses the document, its first `blank` bytes read as blanks (spaces, line breaks kept: the XML
    /// declaration, see ``SafeXML/utf8Document(_:file:)``).
    func parse(_ bytes: [UInt8], blank: Int = 0) {
        guard begin() else { return }
        defer { finishParsing() }
        // Chunks, not the whole document at once: libxml2 refuses a single chunk over 10 MB.
        let chunk = 1 << 18
        var offset = 0
        if blank > 0 {
            // The first chunk (as it always was) from a copy with the declaration blanked.
            var first = Array(bytes.prefix(max(chunk, blank)))
            for i in 0..<min(blank, first.count) where first[i] != 0x0A && first[i] != 0x0D { first[i] = 0x20 }
            let last = first.count >= bytes.count
            let ok = first.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { push($0.baseAddress, $0.count, last: last) }
            }
            offset = first.count
            if !ok || last { return }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                repeat {
                    let n = min(chunk, chars.count - offset)
                    let last = offset + n >= chars.count
                    let ok = push(chars.baseAddress.map { $0 + offset }, n, last: last)
                    offset += n
                    if !ok { break }
                } while offset < chars.count
            }
        }
    }

    /// Starts a push parse (``push(_:_:last:)`` feeds it, ``finishParsing()`` frees it); false when
    /// libxml2 could not start.
    func begin() -> Bool {
        _ = Self.libxml2Ready
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { ctx, localname, _, uri, _, _, count, _, attributes in
            SAXBuilder.from(ctx).start(localname, uri, Int(count), attributes)
        }
        handler.endElementNs = { ctx, _, _, _ in SAXBuilder.from(ctx).end() }
        handler.characters = { ctx, ch, len in SAXBuilder.from(ctx).characters(ch, Int(len)) }
        handler.cdataBlock = { ctx, ch, len in SAXBuilder.from(ctx).characters(ch, Int(len)) }
        handler.entityDecl = { ctx, _, _, _, _, _ in SAXBuilder.from(ctx).refuseEntity() }
        handler.serror = { ctx, error in
            guard let ctx, let error else { return }
            SAXBuilder.from(ctx).error(error.pointee)
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let ctxt = xmlCreatePushParserCtxt(&handler, me, nil, 0, nil) else {
            firstError = (2, "libxml2 could not start (out of memory)", FileLocation(file: file))
            return false
        }
        context = ctxt
        // Options are set outright (without XML_PARSE_NOENT, libxml2 sets replaceEntities to 0 whatever a
        // process-wide default says).
        _ = xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue))
        return true
    }

    /// Feeds `count` bytes (at most a few MB: libxml2 refuses a single chunk over 10 MB); false once
    /// the parse has stopped (an error, or the reader stopped it).
    func push(_ bytes: UnsafePointer<CChar>?, _ count: Int, last: Bool) -> Bool {
        guard let context, !stopped else { return false }
        let status = xmlParseChunk(context, bytes, Int32(count), last ? 1 : 0)
        return status == 0 && !stopped
    }

    /// Frees the parser (after the last ``push(_:_:last:)``, or to abandon the parse).
    func finishParsing() {
        if let context { xmlFreeParserCtxt(context) }
        context = nil
    }

    /// Stops the parse from outside (the archive refused more bytes), with why.
    func abandon(_ why: Diagnostic) {
        guard !stopped else { return }
        halt(why)
    }

    private static func from(_ ctx: UnsafeMutableRawPointer?) -> SAXBuilder {
        Unmanaged<SAXBuilder>.fromOpaque(ctx!).takeUnretainedValue()
    }

    private var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }
    private var column: Int { context.map { Int(xmlSAX2GetColumnNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

    private func name(_ p: UnsafePointer<xmlChar>) -> (String, Bool) {
        if let k = names.find(p) { return (names.strings[k], names.flags[k]) }
        let s = String(cString: p)
        let keeps = !textless.contains(s)
        names.add(p, s, keeps)
        return (s, keeps)
    }

    private func uri(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        if let k = uris.find(p) { return uris.strings[k] }
        let s = String(cString: p)
        uris.add(p, s, true)
        return s
    }

    private func start(_ localname: UnsafePointer<xmlChar>?, _ uriPointer: UnsafePointer<xmlChar>?, _ count: Int,
                       _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard !stopped, let localname else { return }
        let depth = stack.count + (record == nil ? 0 : 1) + (leaf == nil ? 0 : 1)
        if depth >= limits.depth {
            halt(limits.exceeded(.depth, at: FileLocation(file: file, line: line, column: column),
                                 "elements are nested more than \(limits.depth) deep (GraphML and GEXF need about 10)"))
            return
        }
        let (local, keepsText) = name(localname)
        var attrs: [(key: String, value: String)] = []
        if count > 0, let attributes {
            attrs.reserveCapacity(count)
            for i in 0..<count {
                // localname, prefix, URI, value start, value end
                guard let key = attributes[5 * i], let begin = attributes[5 * i + 3], let end = attributes[5 * i + 4] else { continue }
                let raw = UnsafeBufferPointer(start: begin, count: end - begin)
                var value = String(decoding: raw, as: UTF8.self)
                // Entities are never substituted (no XML_PARSE_NOENT), so libxml2 hands every `&` of an
                // attribute value (from `&amp;` or `&#38;`) over as the five characters `&#38;`; nothing
                // else in a value can contain `&`, so undoing it is exact.
                if raw.contains(UInt8(ascii: "&")) { value = value.replacingOccurrences(of: "&#38;", with: "&") }
                attrs.append((name(key).0, value))
            }
        }
        if let records {
            if record != nil {
                if leaf == nil, records.isLeaf(local) {
                    leaf = XMLRecord.Element(name: local, namespace: uri(uriPointer), attributes: attrs, text: "", keepsText: keepsText,
                                             line: line, column: column)
                    return
                }
                unflatten()
            } else if records.isRecord(local, stack) {
                let element = XMLRecord.Element(name: local, namespace: uri(uriPointer), attributes: attrs, text: "", keepsText: keepsText,
                                                line: line, column: column)
                switch records.opened(element, stack) {
                case .keep, .drop:
                    record = XMLRecord(element: element, children: [])
                case .fail(let d):
                    halt(d)
                case .stop:
                    halt(nil)
                }
                return
            }
        }
        let node = XMLNode(name: local, namespace: uri(uriPointer), attributes: attrs, keepsText: keepsText, line: line, column: column)
        if stack.isEmpty { sawRoot = true }
        switch opened(node, stack) {
        case .keep, .drop:
            break
        case .fail(let d):
            halt(d)
            return
        case .stop:
            halt(nil)
            return
        }
        stack.last?.children.append(node)
        stack.append(node)
    }

    /// Ends the record shortcut: the record and its leaves join the tree as the general path builds them
    /// (the record in its parent's children and on the stack, its leaves kept in its children, an open leaf
    /// on the stack too).
    private func unflatten() {
        guard let r = record else { return }
        record = nil
        let node = r.element.node()
        for c in r.children { node.children.append(c.node()) }
        stack.last?.children.append(node)
        stack.append(node)
        if let l = leaf {
            leaf = nil
            let n = l.node()
            node.children.append(n)
            stack.append(n)
        }
    }

    private func end() {
        guard !stopped else { return }
        // take(): moved out, not copied (a record's strings and arrays retained and released each time).
        if let l = leaf.take() {
            record?.children.append(l)
            return
        }
        if let records, let r = record.take() {
            switch records.closed(r, stack) {
            case .keep:
                let node = r.element.node()
                for c in r.children { node.children.append(c.node()) }
                stack.last?.children.append(node)
            case .drop:
                break
            case .fail(let d):
                halt(d)
            case .stop:
                halt(nil)
            }
            return
        }
        guard let node = stack.popLast() else { return }
        switch closed(node, stack) {
        case .keep:
            break
        case .drop:
            if let parent = stack.last, parent.children.last === node { parent.children.removeLast() }
        case .fail(let d):
            halt(d)
        case .stop:
            halt(nil)
        }
    }

    private func characters(_ ch: UnsafePointer<xmlChar>?, _ len: Int) {
        guard !stopped, let ch, len > 0 else { return }
        if record != nil {
            if leaf != nil {
                guard leaf!.keepsText else { return }
                leaf!.text += String(decoding: UnsafeBufferPointer(start: ch, count: len), as: UTF8.self)
                if leaf!.text.utf8.count > limits.fieldLength { tooLong(leaf!.name, leaf!.line, leaf!.column) }
            } else {
                guard record!.element.keepsText else { return }
                record!.element.text += String(decoding: UnsafeBufferPointer(start: ch, count: len), as: UTF8.self)
                if record!.element.text.utf8.count > limits.fieldLength { tooLong(record!.element.name, record!.element.line, record!.element.column) }
            }
            return
        }
        guard let node = stack.last, node.keepsText else { return }
        node.text += String(decoding: UnsafeBufferPointer(start: ch, count: len), as: UTF8.self)
        if node.text.utf8.count > limits.fieldLength { tooLong(node.name, node.line, node.column) }
    }

    private func tooLong(_ name: String, _ line: Int, _ column: Int) {
        halt(limits.exceeded(.fieldLength, at: FileLocation(file: file, line: line, column: column),
                             "the text of <\(name)> is longer than \(grouped(limits.fieldLength)) bytes"))
    }

    private func error(_ e: xmlError) {
        // Warnings (level 1) are not errors; errors libxml2 recovers from still fail the document.
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue, firstError == nil else { return }
        let message = e.message.map { String(cString: $0) }?.trimmingWhitespace() ?? ""
        firstError = (Int(e.code), message, FileLocation(file: file, line: max(1, Int(e.line)), column: max(1, Int(e.int2))))
    }

    private func refuseEntity() {
        guard !stopped else { return }
        halt(Diagnostic(.error, .unsafeXML, at: FileLocation(file: file, line: line, column: column),
                        "the document declares entities in its DTD; they are refused. Remove the DOCTYPE"))
    }

    private func halt(_ why: Diagnostic?) {
        stopped = true
        stop = why
        if let context { xmlStopParser(context) }
    }
}

/// libxml2's interned names (element and attribute names, namespace URIs) as Swift strings, each made
/// once: libxml2 hands the same dictionary pointer for the same name, so a pointer finds its entry; a
/// copy of the bytes confirms it (a name libxml2 did not intern must not take another's).
///
/// Open addressing on the pointer over a fixed table, the confirming copies kept as C strings: a
/// Swift dictionary (hashing every pointer) with the check against the Swift string (bridged to a new C
/// string on every call) was 11% of reading a 1M-tie GraphML (4.2M names), this about 4%. Names past
/// `capacity` are not kept (made again each time they are read).
final class NameTable {
    private let capacity: Int
    private let slotCount: Int
    /// Entry index + 1 per slot, 0 when empty.
    private let slots: UnsafeMutablePointer<Int32>
    private let pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>
    private let copies: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    /// The entries' strings and flags (pointers, not arrays: no exclusivity check on every read).
    let strings: UnsafeMutablePointer<String>
    let flags: UnsafeMutablePointer<Bool>
    private var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        slotCount = 4 * capacity
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        pointers = .allocate(capacity: capacity)
        pointers.initialize(repeating: nil, count: capacity)
        copies = .allocate(capacity: capacity)
        copies.initialize(repeating: nil, count: capacity)
        strings = .allocate(capacity: capacity)
        flags = .allocate(capacity: capacity)
    }

    deinit {
        for k in 0..<count { free(copies[k]) }
        strings.deinitialize(count: count)
        strings.deallocate()
        flags.deallocate()
        slots.deallocate()
        pointers.deallocate()
        copies.deallocate()
    }

    private func home(_ p: UnsafePointer<xmlChar>) -> Int {
        // slotCount is a power of two times 4 (256 → 1024, 64 → 256).
        Int(truncatingIfNeeded: (UInt(bitPattern: p) >> 3) &* 0x9E37_79B9_7F4A_7C15 >> 40) & (slotCount - 1)
    }

    /// The entry of the name at `p`, if it was added.
    func find(_ p: UnsafePointer<xmlChar>) -> Int? {
        var h = home(p)
        while true {
            let e = Int(slots[h])
            if e == 0 { return nil }
            if pointers[e - 1] == p, let copy = copies[e - 1],
               strcmp(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self), copy) == 0 {
                return e - 1
            }
            h = (h + 1) & (slotCount - 1)
        }
    }

    /// Adds the name at `p` as `string` (not when the table is full).
    func add(_ p: UnsafePointer<xmlChar>, _ string: String, _ flag: Bool) {
        let k = count
        guard k < capacity, let copy = strdup(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self)) else { return }
        pointers[k] = p
        copies[k] = copy
        (strings + k).initialize(to: string)
        flags[k] = flag
        count += 1
        var h = home(p)
        while slots[h] != 0 { h = (h + 1) & (slotCount - 1) }
        slots[h] = Int32(k + 1)
    }
}
