/// Turns a file's bytes into UTF-8 text bytes, reporting the first byte that is not valid text.
///
/// Accepted: UTF-8 with or without a byte-order mark, and UTF-16 (LE or BE) with a byte-order mark,
/// which is transcoded. Anything else that is not valid UTF-8 is an error at its line and column.
enum TextDecoding {
    /// Why bytes are not a text file at all: a NUL byte (text never holds one; UTF-16 without a byte-order
    /// mark does), named after the kind of file when its first bytes say (an image, a zip archive such as
    /// an Excel workbook, a PDF, gzip). Nil for text, and for UTF-16 or UTF-32 with a byte-order mark.
    static func binaryRefusal<C: RandomAccessCollection<UInt8>>(_ b: C, file: String, firstNUL: ((C) -> Int?)? = nil) -> Diagnostic? where C.Index == Int {
        if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) { return nil }
        let kinds: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"), (Array("GIF8".utf8), "a GIF image"),
            ([0x50, 0x4B, 0x03, 0x04], "a zip archive (an Excel workbook or an OpenDocument file is one: save the sheet as CSV)"),
            (Array("%PDF".utf8), "a PDF document"), ([0x1F, 0x8B], "a gzip archive (unpack it first)"),
        ]
        for (magic, kind) in kinds where b.starts(with: magic) {
            return Diagnostic(.error, .unreadable, at: FileLocation(file: file, line: 1, column: 1), "this is \(kind), not a network file")
        }
        guard let nul = firstNUL.map({ $0(b) }) ?? b.firstIndex(of: 0) else { return nil }
        let (line, column) = lineAndColumn(of: nul, in: b)
        let utf16 = b.count >= 2 && (b[0] == 0 || b[1] == 0)
        return Diagnostic(.error, .invalidEncoding, at: FileLocation(file: file, line: line, column: column),
                          utf16 ? "the file looks like UTF-16 or UTF-32 without a byte-order mark; save it as UTF-8"
                                : "byte 0x00 (NUL): this is not a text file")
    }

    /// The UTF-8 bytes of the text, without a byte-order mark; nil after logging an error.
    static func utf8Bytes(_ raw: [UInt8], file: String, log: inout DiagnosticLog) -> [UInt8]? {
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
            return validated(Array(raw[3...]), file: file, log: &log)
        }
        if raw.count >= 2, (raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF) {
            let little = raw[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(raw.count / 2)
            var i = 2
            while i + 1 < raw.count {
                units.append(little ? UInt16(raw[i]) | UInt16(raw[i + 1]) << 8 : UInt16(raw[i]) << 8 | UInt16(raw[i + 1]))
                i += 2
            }
            var out: [UInt8] = []
            out.reserveCapacity(units.count)
            var it = units.makeIterator()
            var decoder = UTF16()
            loop: while true {
                switch decoder.decode(&it) {
                case .scalarValue(let s): UTF8.encode(s) { out.append($0) }
                case .emptyInput: break loop
                case .error:
                    log.error(.invalidEncoding, FileLocation(file: file), "the file starts with a UTF-16 byte-order mark but holds invalid UTF-16 text")
                    return nil
                }
            }
            return out
        }
        return validated(raw, file: file, log: &log)
    }

    private static func validated(_ bytes: [UInt8], file: String, log: inout DiagnosticLog) -> [UInt8]? {
        guard let bad = firstInvalidUTF8Offset(bytes) else { return bytes }
        log.append(contentsOf: [invalidByte(at: bad, in: bytes, file: file)])
        return nil
    }

    /// The error for the invalid byte at offset `bad` (line counted by line feeds, column in characters).
    static func invalidByte<C: RandomAccessCollection<UInt8>>(at bad: Int, in bytes: C, file: String) -> Diagnostic where C.Index == Int {
        let (line, column) = lineAndColumn(of: bad, in: bytes)
        let hex = String(bytes[bad], radix: 16, uppercase: true)
        return Diagnostic(.error, .invalidEncoding, at: FileLocation(file: file, line: line, column: column),
                          "byte 0x\(hex) is not valid UTF-8 text; save the file as UTF-8 (a spreadsheet's \"CSV UTF-8\" option)")
    }

    /// 1-based line and column (in characters, counting UTF-8 lead bytes) of byte `offset`.
    static func lineAndColumn<C: RandomAccessCollection<UInt8>>(of offset: Int, in bytes: C) -> (line: Int, column: Int) where C.Index == Int {
        var line = 1, lineStart = bytes.startIndex
        for i in bytes.startIndex..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }

    /// Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or nil.
    static func firstInvalidUTF8Offset<C: RandomAccessCollection<UInt8>>(_ b: C) -> Int? where C.Index == Int {
        var i = b.startIndex
        let n = b.endIndex
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var minScalar: UInt32 = 0
            var scalar: UInt32 = 0
            switch c {
            case 0xC2...0xDF: need = 1; minScalar = 0x80; scalar = UInt32(c & 0x1F)
            case 0xE0...0xEF: need = 2; minScalar = 0x800; scalar = UInt32(c & 0x0F)
            case 0xF0...0xF4: need = 3; minScalar = 0x10000; scalar = UInt32(c & 0x07)
            default: return i
            }
            guard i + need < n else { return i }
            for k in 1...need {
                let cc = b[i + k]
                guard cc & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(cc & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += need + 1
        }
        return nil
    }
}
