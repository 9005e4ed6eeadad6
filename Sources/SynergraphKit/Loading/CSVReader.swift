/// One record (row) of a CSV file.
struct CSVRecord {
    /// 1-based line on which the record starts.
    var line: Int
    /// Field values with quoting removed.
    var fields: [String]
    /// Byte offset of each field's first byte (for column numbers in messages).
    var fieldStarts: [Int]
}

/// A parsed CSV file: its records, and what is needed to place a field in a message.
struct CSVDocument {
    let file: String
    let bytes: [UInt8]
    var records: [CSVRecord]

    /// `file:line:column` of a field (the record's start if the field does not exist).
    func location(_ record: CSVRecord, field: Int? = nil) -> FileLocation {
        guard let field, field < record.fieldStarts.count else { return FileLocation(file: file, line: record.line) }
        return CSVDocument.position(of: record.fieldStarts[field], from: record.fieldStarts[0], line: record.line, in: bytes, file: file)
    }

    /// Line and column of byte `target`, counting from byte `start` which lies on line `line`.
    static func position(of target: Int, from start: Int, line startLine: Int, in bytes: [UInt8], file: String) -> FileLocation {
        var line = startLine
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] != 0x0A, bytes[lineStart - 1] != 0x0D { lineStart -= 1 }
        var i = start
        while i < target {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
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

/// An RFC 4180 CSV parser that keeps line and column positions.
///
/// Fields may be quoted with `"`; a quoted field may hold the delimiter, newlines and doubled quotes.
/// Lines end in LF, CRLF or CR. Lines that are entirely empty are skipped. The input must already be
/// UTF-8 without a byte-order mark (see ``TextDecoding``).
enum CSVReader {
    static func parse(_ b: [UInt8], file: String, delimiter: UInt8 = UInt8(ascii: ","), log: inout DiagnosticLog) -> CSVDocument {
        var records: [CSVRecord] = []
        let n = b.count
        let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var i = 0
        var line = 1
        var fields: [String] = []
        var starts: [Int] = []
        var recordLine = 1
        var field: [UInt8] = []
        while i < n {
            // Start of a record.
            recordLine = line
            fields.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            if b[i] == lf || b[i] == cr {
                // Empty line.
                if b[i] == cr, i + 1 < n, b[i + 1] == lf { i += 1 }
                i += 1
                line += 1
                continue
            }
            var endOfRecord = false
            while !endOfRecord {
                field.removeAll(keepingCapacity: true)
                starts.append(i)
                if i < n, b[i] == quote {
                    let openLine = line
                    i += 1
                    var closed = false
                    while i < n {
                        let c = b[i]
                        if c == quote {
                            if i + 1 < n, b[i + 1] == quote {
                                field.append(quote)
                                i += 2
                                continue
                            }
                            i += 1
                            closed = true
                            break
                        }
                        if c == lf || (c == cr && !(i + 1 < n && b[i + 1] == lf)) { line += 1 }
                        field.append(c)
                        i += 1
                    }
                    if !closed {
                        log.error(.unterminatedQuote, FileLocation(file: file, line: openLine),
                                  "a quoted field opened on this line is never closed; check for a missing \"")
                        return CSVDocument(file: file, bytes: b, records: records)
                    }
                    // After the closing quote: delimiter, end of line or end of file.
                    if i < n, b[i] != delimiter, b[i] != lf, b[i] != cr {
                        let loc = CSVDocument.position(of: i, from: starts[0], line: recordLine, in: b, file: file)
                        log.error(.textAfterQuote, loc, "text after a closing quote; a quote inside a quoted field must be doubled (\"\")")
                        while i < n, b[i] != delimiter, b[i] != lf, b[i] != cr {
                            field.append(b[i])
                            i += 1
                        }
                    }
                } else {
                    while i < n, b[i] != delimiter, b[i] != lf, b[i] != cr {
                        field.append(b[i])
                        i += 1
                    }
                }
                fields.append(String(decoding: field, as: UTF8.self))
                if i < n, b[i] == delimiter {
                    i += 1
                    if i >= n {
                        // A trailing delimiter at end of file: one more empty field.
                        starts.append(i)
                        fields.append("")
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
            records.append(CSVRecord(line: recordLine, fields: fields, fieldStarts: starts))
        }
        return CSVDocument(file: file, bytes: b, records: records)
    }

    /// The delimiter among `,` `;` and tab that occurs most often outside quotes on the first line
    /// (`,` on a tie or when none occurs).
    static func sniffDelimiter(_ b: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 0x09: 0]
        var inQuotes = false
        for c in b {
            if c == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes, c == 0x0A || c == 0x0D { break }
            if !inQuotes, counts[c] != nil { counts[c]! += 1 }
        }
        let comma = counts[UInt8(ascii: ",")]!, semi = counts[UInt8(ascii: ";")]!, tab = counts[0x09]!
        if tab > comma, tab >= semi { return 0x09 }
        if semi > comma { return UInt8(ascii: ";") }
        return UInt8(ascii: ",")
    }
}
