import Foundation

/// Feeds one XML document to SafeXML's libxml2 SAX builder chunk by chunk as it arrives (a workbook part
/// inflating from its archive), so a part is never held whole in memory.
///
/// The checks ``SafeXML/stream(_:file:log:textless:opened:closed:)`` makes on a whole document are made
/// here as the chunks pass: a DTD (`<!DOCTYPE`, `<!ENTITY`; no workbook part has one) is refused wherever
/// it starts, also across a chunk boundary; a UTF-16 or UTF-32 part, or a declaration naming another
/// encoding than UTF-8, is refused before libxml2 sees a byte (Office Open XML parts are UTF-8 in
/// practice; libxml2 would otherwise switch encodings on its own). Invalid UTF-8 is libxml2's own error
/// ("Input is not proper UTF-8"), reported as malformed XML at its line; names are decoded with
/// replacement characters and nothing traps. Entities are never substituted or loaded (SAXBuilder's
/// options), and processing instructions have no handler.
final class XMLChunkFeed {
    private let builder: SAXBuilder
    private let file: String
    private var head: [UInt8] = []
    private var headDone = false
    private var tail: [UInt8] = []
    private(set) var refusal: Diagnostic?
    private var started = false

    /// - Parameter file: the name in messages (the workbook and the part, `book.xlsx (xl/worksheets/sheet1.xml)`).
    init(file: String, textless: Set<String> = [],
         opened: @escaping (XMLNode, [XMLNode]) -> XMLStep, closed: @escaping (XMLNode, [XMLNode]) -> XMLStep) {
        self.file = file
        builder = SAXBuilder(file: file, limits: ReaderLimits(), textless: textless, opened: opened, closed: closed)
    }

    deinit { builder.finishParsing() }

    /// Feeds the next bytes; false once the parse has stopped (refused, malformed, or stopped by the reader).
    func feed(_ data: Data) -> Bool {
        guard refusal == nil else { return false }
        if !headDone {
            head.append(contentsOf: data)
            if head.count < 1024 { return true }
            return flushHead(last: false)
        }
        return push(Array(data), last: false)
    }

    /// Stops the parse with this error (the archive refused to inflate more).
    func abandon(_ why: Diagnostic) {
        if refusal == nil { refusal = why }
        builder.abandon(why)
    }

    /// Ends the document; false after logging why it failed.
    func finish(log: inout DiagnosticLog) -> Bool {
        if refusal == nil {
            if !headDone { _ = flushHead(last: true) } else { _ = push([], last: true) }
        }
        builder.finishParsing()
        if let refusal {
            log.error(refusal.problem, refusal.location, refusal.message)
            return false
        }
        if builder.stopped {
            if let stop = builder.stop { log.error(stop.problem, stop.location, stop.message) }
            return false
        }
        guard builder.firstError == nil, builder.sawRoot else {
            let e = builder.firstError ?? (4, "", FileLocation(file: file, line: 1, column: 1))
            let what = e.message.isEmpty ? "libxml2 error \(e.code)" : "libxml2: \(quoted(e.message))"
            log.error(.badXML, e.location, "not well-formed XML (\(what)); the workbook is damaged: open it in Excel or LibreOffice and save it again as .xlsx")
            return false
        }
        return true
    }

    private func flushHead(last: Bool) -> Bool {
        headDone = true
        var bytes = head
        head = []
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || (bytes.count >= 2 && (bytes[0] == 0 || bytes[1] == 0)) {
            return refuse(.invalidEncoding, line: 1, "this part is UTF-16 or UTF-32; Synergraph reads workbook parts in UTF-8 only. Open the workbook in Excel or LibreOffice and save it again as .xlsx")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: Array("<?xml".utf8)), let close = Self.find(Array("?>".utf8), in: bytes[...]) {
            let decl = String(decoding: bytes[0..<close], as: UTF8.self).lowercased()
            if let r = decl.range(of: "encoding") {
                let value = decl[r.upperBound...].drop(while: { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" })
                    .prefix(while: { $0 != "\"" && $0 != "'" && $0 != " " })
                if !["utf-8", "utf8", "us-ascii", "ascii"].contains(String(value)) {
                    return refuse(.invalidEncoding, line: 1, "this part says it is in \(quoted(String(value))); Synergraph reads workbook parts in UTF-8 only. Save the workbook again as .xlsx from Excel or LibreOffice")
                }
            }
        }
        return push(bytes, last: last)
    }

    private func push(_ bytes: [UInt8], last: Bool) -> Bool {
        // A DTD anywhere, also split across two chunks.
        if let marker = Self.declaration(in: tail + bytes.prefix(16)) ?? Self.declaration(in: bytes) {
            return refuse(.unsafeXML, line: nil, "the part declares a DTD (\(marker) ...); workbook parts never have one, and entities can read other files or expand without bound, so the workbook is refused. Save it again as .xlsx from Excel or LibreOffice")
        }
        tail = Array(bytes.suffix(15))
        if !started {
            started = true
            guard builder.begin() else { return false }
        }
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                // libxml2 refuses a single chunk over 10 MB.
                var offset = 0
                let chunk = 1 << 20
                repeat {
                    let n = min(chunk, chars.count - offset)
                    let end = offset + n >= chars.count
                    if !builder.push(chars.baseAddress.map { $0 + offset }, n, last: last && end) { return false }
                    offset += n
                } while offset < chars.count
                return true
            }
        }
    }

    private func refuse(_ problem: Diagnostic.Problem, line: Int?, _ message: String) -> Bool {
        refusal = Diagnostic(.error, problem, at: FileLocation(file: file, line: line), message)
        return false
    }

    /// `<!DOCTYPE` or `<!ENTITY` if the bytes hold one (comments `<!--` and CDATA `<![CDATA[` are fine).
    static func declaration(in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { b -> String? in
            guard let base = b.baseAddress, b.count >= 2 else { return nil }
            var i = 0
            while i < b.count - 1 {
                guard let hit = memchr(base + i, Int32(UInt8(ascii: "<")), b.count - i - 1) else { return nil }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if b[at + 1] == UInt8(ascii: "!") {
                    let rest = b[(at + 2)...]
                    if rest.starts(with: "DOCTYPE".utf8) { return "<!DOCTYPE" }
                    if rest.starts(with: "ENTITY".utf8) { return "<!ENTITY" }
                }
                i = at + 1
            }
            return nil
        }
    }

    private static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard hay.count >= needle.count, let first = needle.first else { return nil }
        var i = hay.startIndex
        let last = hay.endIndex - needle.count
        while i <= last {
            if hay[i] == first, hay[(i + 1)..<(i + needle.count)].elementsEqual(needle[1...]) { return i - hay.startIndex }
            i += 1
        }
        return nil
    }
}
