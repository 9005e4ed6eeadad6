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
    static func parse(_ bytes: [UInt8], file: String, log: inout DiagnosticLog) -> XMLNode? {
        if let refusal = refusal(bytes, file: file) {
            log.error(refusal.problem, refusal.location, refusal.message)
            return nil
        }
        // Foundation's XMLParser traps on names that are not valid UTF-8, which libxml2 passes on from a
        // document it takes for UTF-8: check such documents first.
        if let bad = invalidUTF8(bytes) {
            log.error(.invalidEncoding, FileLocation(file: file, line: bad.line, column: bad.column),
                      "byte 0x\(String(bad.byte, radix: 16, uppercase: true)) is not valid UTF-8, and the document does not declare another encoding")
            return nil
        }
        let parser = XMLParser(data: Data(bytes))
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

    /// The first byte that is not UTF-8 in a document that is (by its declaration, or by having none) UTF-8.
    static func invalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8)? {
        if bytes.count >= 2, bytes[0] == 0xFF || bytes[0] == 0xFE || bytes[0] == 0 || bytes[1] == 0 { return nil }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if body.starts(with: Array("<?xml".utf8)) {
            let decl = String(decoding: body.prefix(while: { $0 != UInt8(ascii: ">") }).prefix(200), as: UTF8.self).lowercased()
            if let r = decl.range(of: "encoding") {
                let value = decl[r.upperBound...].drop(while: { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" })
                    .prefix(while: { $0 != "\"" && $0 != "'" && $0 != " " })
                // A single-byte encoding: libxml2 transcodes every byte to valid UTF-8.
                let name = String(value)
                if ["iso-8859-", "iso8859", "latin", "windows-125", "cp125", "koi8"].contains(where: { name.hasPrefix($0) }) { return nil }
            }
        }
        guard let bad = TextDecoding.firstInvalidUTF8Offset(body) else { return nil }
        var line = 1, lineStart = 0
        for i in 0..<bad where body[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<bad where body[i] & 0xC0 != 0x80 { column += 1 }
        return (line, column, body[bad])
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
