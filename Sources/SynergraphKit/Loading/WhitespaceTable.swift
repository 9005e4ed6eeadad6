/// Edge lists separated by spaces, as NetworkX's `write_edgelist(data=False)`/`write_weighted_edgelist`,
/// igraph's `write_ncol` and KONECT's `out.*` files write them: `a b [weight]` per line, fields split at
/// runs of spaces (and tabs), lines starting with `#` or `%` (after blanks) are comments, and no quoting
/// (a name with a space cannot be written in these forms at all).
///
/// The form is chosen only when the first line that is neither blank nor a comment holds a space and
/// none of `,` `;` tab or `"`: a CSV or tab-separated file is never read this way (their ids may hold
/// spaces, and `#` may start an id such as a hashtag). Tab-separated files with `#` comment lines (SNAP's)
/// are not read: the comments are taken as rows.
enum WhitespaceTable {
    /// Whether `bytes` (UTF-8) is a blank-separated list by the rule above.
    static func applies(to bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            var end = i
            while end < n, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            var start = i
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            if start < end, bytes[start] != UInt8(ascii: "#"), bytes[start] != UInt8(ascii: "%") {
                let line = bytes[start..<end]
                return line.contains(0x20) && !line.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == 0x09 || $0 == UInt8(ascii: "\"") }
            }
            i = end + 1
        }
        return false
    }

    /// The records of a blank-separated list: one per line that is neither blank nor a comment, with
    /// each field's first byte for column numbers in messages.
    ///
    /// - Complexity: O(size of the file).
    static func parse(_ b: [UInt8], file: String, limits: ReaderLimits = ReaderLimits(), log: inout DiagnosticLog) -> CSVDocument {
        var records: [CSVRecord] = []
        scan(b, file: file, limits: limits, log: &log) { records.append($0) }
        return CSVDocument(file: file, records: records)
    }

    /// Parses as ``parse(_:file:limits:log:)`` does, handing each record to `body` as soon as it is read
    /// (as ``CSVReader/scan(_:file:delimiter:limits:log:body:)`` does).
    static func scan(_ b: [UInt8], file: String, limits: ReaderLimits = ReaderLimits(), log: inout DiagnosticLog, body: (CSVRecord) -> Void) {
        var recordCount = 0
        let n = b.count
        var i = 0, line = 1
        var columns = ColumnCounter()
        while i < n {
            var end = i
            while end < n, b[end] != 0x0A, b[end] != 0x0D { end += 1 }
            if end - i > limits.lineLength {
                log.append(contentsOf: [limits.exceeded(.lineLength, at: FileLocation(file: file, line: line), "this line is longer than \(grouped(limits.lineLength)) bytes")])
                return
            }
            columns.newLine(at: i)
            var fields: [String] = []
            var places: [Int] = []
            var k = i
            while k < end {
                while k < end, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
                guard k < end else { break }
                if fields.isEmpty, b[k] == UInt8(ascii: "#") || b[k] == UInt8(ascii: "%") { break }
                let s = k
                while k < end, b[k] != 0x20, b[k] != 0x09 { k += 1 }
                let place = FileLocation(file: file, line: line, column: columns.column(at: s, in: b))
                if fields.count >= limits.columns {
                    log.append(contentsOf: [limits.exceeded(.columns, at: place, "the row has more than \(grouped(limits.columns)) fields")])
                    return
                }
                if k - s > limits.fieldLength {
                    log.append(contentsOf: [limits.exceeded(.fieldLength, at: place, "this field is longer than \(grouped(limits.fieldLength)) bytes")])
                    return
                }
                fields.append(String(decoding: b[s..<k], as: UTF8.self))
                places.append(CSVRecord.place(line: line, column: place.column!))
            }
            if !fields.isEmpty {
                if recordCount >= limits.records {
                    log.append(contentsOf: [limits.exceeded(.records, at: FileLocation(file: file, line: line), "the file has more than \(grouped(limits.records)) rows")])
                    return
                }
                recordCount += 1
                body(CSVRecord(line: line, fields: fields, fieldPlaces: places))
            }
            // One line break: LF, CR or CRLF.
            if end < n, b[end] == 0x0D, end + 1 < n, b[end + 1] == 0x0A { end += 1 }
            i = end + 1
            line += 1
        }
    }
}
