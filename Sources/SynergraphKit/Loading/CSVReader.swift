/// One record (row) of a CSV file.
struct CSVRecord {
    /// 1-based line on which the record starts.
    var line: Int
    /// Field values with quoting removed.
    var fields: [String]
    /// Where each field starts: `line << 32 | column` (1-based; see ``CSVDocument/location(_:field:)``).
    var fieldPlaces: [Int]

    static func place(line: Int, column: Int) -> Int { line << 32 | min(column, Int(UInt32.max)) }
}

/// A parsed CSV file: its records, and what is needed to place a field in a message.
struct CSVDocument {
    let file: String
    var records: [CSVRecord]

    /// `file:line:column` of a field (the record's start if the field does not exist).
    func location(_ record: CSVRecord, field: Int? = nil) -> FileLocation {
        record.location(in: file, field: field)
    }
}

extension CSVRecord {
    /// `file:line:column` of a field of this record (the record's start if the field does not exist).
    func location(in file: String, field: Int? = nil) -> FileLocation {
        guard let field, field < fieldPlaces.count else { return FileLocation(file: file, line: line) }
        let p = fieldPlaces[field]
        return FileLocation(file: file, line: p >> 32, column: p & 0xFFFF_FFFF)
    }
}

/// Column numbers (in characters: UTF-8 lead bytes) of offsets that only grow along a line, each byte
/// counted once however many fields the line has. (Counting from the start of the line for every field
/// made a 200,000-column header take more than a minute.)
struct ColumnCounter {
    private(set) var lineStart = 0
    private var anchor = 0
    private var anchorColumn = 1

    /// A new line starts at `offset`.
    mutating func newLine(at offset: Int) {
        lineStart = offset
        anchor = offset
        anchorColumn = 1
    }

    /// The column of `offset` on the current line (at or after the last offset asked for).
    mutating func column<C: RandomAccessCollection<UInt8>>(at offset: Int, in b: C) -> Int where C.Index == Int {
        if offset < anchor {
            anchor = lineStart
            anchorColumn = 1
        }
        var c = anchorColumn
        var j = anchor
        while j < offset {
            if b[j] & 0xC0 != 0x80 { c += 1 }
            j += 1
        }
        anchor = offset
        anchorColumn = c
        return c
    }
}

/// An RFC 4180 CSV parser that keeps line and column positions.
///
/// Fields may be quoted with `"`; a quoted field may hold the delimiter, newlines and doubled quotes.
/// Lines end in LF, CRLF or CR. Lines that are entirely empty are skipped. The input must already be
/// UTF-8 without a byte-order mark (see ``TextDecoding``).
///
/// Limits (``ReaderLimits``): fields per row (`columns`), bytes per field (`field-length`) and per line
/// (`line-length`), rows (`records`); the first one exceeded stops the parse with an error at its place.
///
/// - Complexity: O(n) in the bytes, whatever the shape of the rows.
enum CSVReader {
    static func parse(_ b: [UInt8], file: String, delimiter: UInt8 = UInt8(ascii: ","), limits: ReaderLimits = ReaderLimits(),
                      log: inout DiagnosticLog) -> CSVDocument {
        var records: [CSVRecord] = []
        scan(b, file: file, delimiter: delimiter, limits: limits, log: &log) { records.append($0) }
        return CSVDocument(file: file, records: records)
    }

    /// Parses as ``parse(_:file:delimiter:limits:log:)`` does, handing each record to `body` as soon as it
    /// is read instead of keeping them all (the record's arrays are reused for the next one: copy what
    /// must outlive the call). Problems are logged as they are found, so a record handed over may be
    /// followed by an error that stops the parse.
    ///
    /// - Complexity: O(n) in the bytes; memory O(longest record).
    static func scan(_ b: [UInt8], file: String, delimiter: UInt8 = UInt8(ascii: ","), limits: ReaderLimits = ReaderLimits(),
                     log: inout DiagnosticLog, body: (CSVRecord) -> Void) {
        var recordCount = 0
        var record = CSVRecord(line: 0, fields: [], fieldPlaces: [])
        let n = b.count
        let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var i = 0
        var line = 1
        var columns = ColumnCounter()
        var fields: [String] = []
        var places: [Int] = []
        var field: [UInt8] = []
        func stop(_ name: ReaderLimits.Name, _ at: FileLocation, _ what: String) {
            log.append(contentsOf: [limits.exceeded(name, at: at, what)])
        }
        while i < n {
            // Start of a record.
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            places.removeAll(keepingCapacity: true)
            if b[i] == lf || b[i] == cr {
                // Empty line.
                if b[i] == cr, i + 1 < n, b[i + 1] == lf { i += 1 }
                i += 1
                line += 1
                columns.newLine(at: i)
                continue
            }
            if recordCount >= limits.records {
                return stop(.records, FileLocation(file: file, line: line), "the file has more than \(grouped(limits.records)) rows")
            }
            var endOfRecord = false
            while !endOfRecord {
                let column = columns.column(at: i, in: b)
                let fieldLine = line
                if fields.count >= limits.columns {
                    return stop(.columns, FileLocation(file: file, line: line, column: column),
                                "the row has more than \(grouped(limits.columns)) fields")
                }
                places.append(CSVRecord.place(line: line, column: column))
                var text: String
                if i < n, b[i] == quote {
                    field.removeAll(keepingCapacity: true)
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
                        if c == lf || (c == cr && !(i + 1 < n && b[i + 1] == lf)) {
                            line += 1
                            columns.newLine(at: i + 1)
                        }
                        field.append(c)
                        i += 1
                        if field.count > limits.fieldLength {
                            return stop(.fieldLength, FileLocation(file: file, line: fieldLine, column: column),
                                        "this field is longer than \(grouped(limits.fieldLength)) bytes")
                        }
                    }
                    if !closed {
                        log.error(.unterminatedQuote, FileLocation(file: file, line: openLine),
                                  "a quoted field opened on this line is never closed; check for a missing \"")
                        return
                    }
                    // After the closing quote: delimiter, end of line or end of file.
                    if i < n, b[i] != delimiter, b[i] != lf, b[i] != cr {
                        log.error(.textAfterQuote, FileLocation(file: file, line: line, column: columns.column(at: i, in: b)),
                                  "text after a closing quote; a quote inside a quoted field must be doubled (\"\")")
                        while i < n, b[i] != delimiter, b[i] != lf, b[i] != cr {
                            field.append(b[i])
                            i += 1
                        }
                    }
                    if field.count > limits.fieldLength {
                        return stop(.fieldLength, FileLocation(file: file, line: fieldLine, column: column),
                                    "this field is longer than \(grouped(limits.fieldLength)) bytes")
                    }
                    text = String(decoding: field, as: UTF8.self)
                } else {
                    let start = i
                    while i < n, b[i] != delimiter, b[i] != lf, b[i] != cr { i += 1 }
                    if i - start > limits.fieldLength {
                        return stop(.fieldLength, FileLocation(file: file, line: line, column: column),
                                    "this field is longer than \(grouped(limits.fieldLength)) bytes")
                    }
                    text = String(decoding: b[start..<i], as: UTF8.self)
                }
                if i - columns.lineStart > limits.lineLength {
                    return stop(.lineLength, FileLocation(file: file, line: line), "this line is longer than \(grouped(limits.lineLength)) bytes")
                }
                fields.append(text)
                if i < n, b[i] == delimiter {
                    i += 1
                    if i >= n {
                        // A trailing delimiter at end of file: one more empty field.
                        places.append(CSVRecord.place(line: line, column: columns.column(at: i, in: b)))
                        fields.append("")
                        endOfRecord = true
                    }
                } else {
                    if i < n {
                        if b[i] == cr, i + 1 < n, b[i + 1] == lf { i += 1 }
                        i += 1
                        line += 1
                        columns.newLine(at: i)
                    }
                    endOfRecord = true
                }
            }
            recordCount += 1
            // Hand the record over in `record`'s own arrays, then take them back (still uniquely held
            // unless `body` kept a copy) so the next record reuses their storage.
            record.line = recordLine
            swap(&record.fields, &fields)
            swap(&record.fieldPlaces, &places)
            body(record)
            swap(&record.fields, &fields)
            swap(&record.fieldPlaces, &places)
        }
    }

    /// The delimiter among `,` `;` and tab that occurs most often outside quotes on the first line
    /// (`,` on a tie or when none occurs).
    static func sniffDelimiter(_ b: [UInt8]) -> UInt8 {
        var comma = 0, semi = 0, tab = 0
        var inQuotes = false
        for c in b {
            if c == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes, c == 0x0A || c == 0x0D { break }
            if !inQuotes {
                if c == UInt8(ascii: ",") { comma += 1 } else if c == UInt8(ascii: ";") { semi += 1 } else if c == 0x09 { tab += 1 }
            }
        }
        if tab > comma, tab >= semi { return 0x09 }
        if semi > comma { return UInt8(ascii: ";") }
        return UInt8(ascii: ",")
    }
}
