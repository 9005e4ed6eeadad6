import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of an XML document read by ``SafeXML``: its names, attributes, children and text.
final class XMLNode {
    /// Local name (without prefix).
    let name: String
    /// Namespace URI, empty when none.
    let namespace: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    /// The element's own character data (not its children's).
    var text = ""
    let line: Int
    let column: Int

    init(name: String, namespace: String, attributes: [String: String], line: Int, column: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.line = line
        self.column = column
    }

    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// An attribute by local name (prefixes, if the parser kept them, are ignored).
    func attribute(_ key: String) -> String? {
        if let v = attributes[key] { return v }
        for (k, v) in attributes where k.hasSuffix(":" + key) { return v }
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

/// Parses XML with Foundation's `XMLParser`, refusing what could hurt: entity declarations (external
/// entities, billion laughs), deep nesting, and oversized input. Nothing outside the file is ever read.
enum SafeXML {
    /// Elements nested deeper than this are refused (GraphML and GEXF need about 10).
    static let maximumDepth = 200

    /// The root element, or nil after logging an error with the file, line and column.
    static func parse(_ raw: [UInt8], file: String, log: inout DiagnosticLog) -> XMLNode? {
        if let refusal = refusal(raw, file: file) {
            log.error(refusal.problem, refusal.location, refusal.message)
            return nil
        }
        // Foundation's XMLParser traps on names that are not valid UTF-8, which libxml2 passes on when it
        // mistakes a document's encoding (fuzzers found three ways): so libxml2 only ever sees checked UTF-8.
        let bytes: [UInt8]
        switch utf8Document(raw, file: file) {
        case .success(let b): bytes = b
        case .failure(let r):
            log.error(r.diagnostic.problem, r.diagnostic.location, r.diagnostic.message)
            return nil
        }
        // A stream, not `XMLParser(data:)`: given all bytes at once, libxml2 refuses documents over 10 MB at
        // their end ("not well-formed", error 1); the stream feeds it in chunks.
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        let builder = TreeBuilder(file: file)
        parser.delegate = builder
        let ok = parser.parse()
        if let stop = builder.stop {
            log.error(stop.problem, stop.location, stop.message)
            return nil
        }
        guard ok, builder.firstError == nil, let root = builder.root else {
            let code = builder.firstError?.code ?? (parser.parserError as NSError?)?.code ?? 0
            let loc = builder.firstError?.location ?? FileLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            log.error(.badXML, loc, "not well-formed XML (\(describe(code))); nothing was loaded")
            return nil
        }
        return root
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
        var i = ascii.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
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
    static func utf8Document(_ raw: [UInt8], file: String) -> Result<[UInt8], Refused> {
        func refuse(_ problem: Diagnostic.Problem, _ line: Int?, _ column: Int?, _ message: String) -> Result<[UInt8], Refused> {
            .failure(Refused(diagnostic: Diagnostic(.error, problem, at: FileLocation(file: file, line: line, column: column), message)))
        }
        var bytes: [UInt8]
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
            switch encoding {
            case "utf-8", "utf8", "us-ascii", "ascii":
                break
            case "utf-16", "utf16":
                guard fromUTF16 else { return refuse(.invalidEncoding, 1, 1, "the file says it is UTF-16 but has no byte-order mark; save it as UTF-8") }
            case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1":
                guard !fromUTF16 else { return refuse(.invalidEncoding, 1, 1, "the file is UTF-16 but says it is \(encoding)") }
                bytes = latin1ToUTF8(bytes)
            case "windows-1252", "cp1252":
                guard !fromUTF16 else { return refuse(.invalidEncoding, 1, 1, "the file is UTF-16 but says it is \(encoding)") }
                bytes = TextDecoding.windows1252ToUTF8(bytes)
            default:
                return refuse(.invalidEncoding, 1, 1, "the encoding \(quoted(encoding)) is not supported; save the file as UTF-8")
            }
            // Blank the declaration (now in UTF-8; it is ASCII either way).
            if let newClose = find(Array("?>".utf8), in: Array(bytes.prefix(1000))) {
                for i in 0..<(newClose + 2) where bytes[i] != 0x0A && bytes[i] != 0x0D { bytes[i] = 0x20 }
            }
        }
        if let bad = blankProcessingInstructions(&bytes) {
            let (line, column) = TextDecoding.lineAndColumn(of: bad.offset, in: bytes)
            return refuse(.badXML, line, column, bad.message)
        }
        if let bad = TextDecoding.firstInvalidUTF8Offset(bytes) {
            let (line, column) = TextDecoding.lineAndColumn(of: bad, in: bytes)
            return refuse(.invalidEncoding, line, column,
                          "byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) is not valid UTF-8, and the document does not declare another encoding")
        }
        return .success(bytes)
    }

    /// Replaces every processing instruction (`<?target data?>`) with spaces, keeping line breaks: after
    /// it the document holds no `<?` at all. GraphML and GEXF give them no meaning, and Foundation's
    /// XMLParser on Linux crashes on one without data (`<?target?>`: it calls strlen on a null pointer).
    ///
    /// Context-free on purpose: inside comments and CDATA too (text there that looks like one is blanked
    /// as well). An earlier version skipped comments and CDATA, and the fuzzer twice found a comment that
    /// libxml2's error recovery ended elsewhere than the scan did (`<!-- a --b`, a control character in a
    /// comment), handing XMLParser a `<?x?>` the scan had taken for comment text.
    ///
    /// Returns where the document is refused instead: a comment holding `--` or never closed, or a CDATA
    /// section never closed (malformed XML, refused anyway, with a clearer message).
    static func blankProcessingInstructions(_ b: inout [UInt8]) -> (offset: Int, message: String)? {
        let n = b.count
        func starts(_ s: String, at i: Int) -> Bool {
            let u = Array(s.utf8)
            return i + u.count <= n && b[i..<(i + u.count)].elementsEqual(u)
        }
        func skip(to end: String, from i: Int) -> Int {
            let u = Array(end.utf8)
            var j = i
            while j + u.count <= n {
                if b[j] == u[0], b[j..<(j + u.count)].elementsEqual(u) { return j + u.count }
                j += 1
            }
            return n
        }
        // Comments and CDATA: refused when malformed.
        var i = 0
        while i + 1 < n {
            guard b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "!") else {
                i += 1
                continue
            }
            if starts("<!--", at: i) {
                let doubleHyphen = skip(to: "--", from: i + 4)
                guard doubleHyphen < n, b[doubleHyphen] == UInt8(ascii: ">") else {
                    return doubleHyphen < n
                        ? (doubleHyphen - 2, "a comment contains \"--\" (not allowed in XML comments)")
                        : (i, "a comment (<!--) is never closed with -->")
                }
                i = doubleHyphen + 1
            } else if starts("<![CDATA[", at: i) {
                let end = skip(to: "]]>", from: i + 9)
                guard end < n || (end == n && n >= 3 && b[(n - 3)...].elementsEqual(Array("]]>".utf8))) else {
                    return (i, "a CDATA section (<![CDATA[) is never closed with ]]>")
                }
                i = end
            } else {
                i += 1
            }
        }
        // Processing instructions, wherever they are.
        i = 0
        while i + 1 < n {
            if b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "?") {
                let end = skip(to: "?>", from: i + 2)
                for k in i..<end where b[k] != 0x0A && b[k] != 0x0D { b[k] = 0x20 }
                i = end
            } else {
                i += 1
            }
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
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first, hay[i + 1..<i + needle.count].elementsEqual(needle[1...]) { return i }
            i += 1
        }
        return nil
    }

    private static func describe(_ code: Int) -> String {
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
        default: "XMLParser error \(code)"
        }
    }
}

/// Builds the element tree; counts depth and stops past the limit.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    let file: String
    var root: XMLNode?
    var stack: [XMLNode] = []
    var stop: Diagnostic?
    /// The first error libxml2 reported (it may go on parsing, recovering, and return success).
    var firstError: (code: Int, location: FileLocation)?

    init(file: String) { self.file = file }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if firstError == nil {
            firstError = ((parseError as NSError).code, FileLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber)))
        }
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {}

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        guard stop == nil else { return }
        if stack.count >= SafeXML.maximumDepth {
            stop = Diagnostic(.error, .tooDeep, at: FileLocation(file: file, line: parser.lineNumber, column: parser.columnNumber),
                              "elements are nested more than \(SafeXML.maximumDepth) deep; GraphML and GEXF never need that many, so the file is refused")
            parser.abortParsing()
            return
        }
        var local = elementName
        if let colon = local.lastIndex(of: ":") { local = String(local[local.index(after: colon)...]) }
        let node = XMLNode(name: local, namespace: namespaceURI ?? "", attributes: attributeDict,
                           line: parser.lineNumber, column: parser.columnNumber)
        if let parent = stack.last { parent.children.append(node) } else if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard stop == nil else { return }
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard stop == nil else { return }
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard stop == nil else { return }
        stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuseEntity(parser)
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuseEntity(parser)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

    private func refuseEntity(_ parser: XMLParser) {
        guard stop == nil else { return }
        stop = Diagnostic(.error, .unsafeXML, at: FileLocation(file: file, line: parser.lineNumber, column: parser.columnNumber),
                          "the document declares entities in its DTD; they are refused. Remove the DOCTYPE")
        parser.abortParsing()
    }
}
