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
    static func parse(_ b: [UInt8], file: String) -> CSVDocument {
        var records: [CSVRecord] = []
        let n = b.count
        var i = 0, line = 1
        while i < n {
            var end = i
            while end < n, b[end] != 0x0A, b[end] != 0x0D { end += 1 }
            var fields: [String] = []
            var starts: [Int] = []
            var k = i
            while k < end {
                while k < end, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
                guard k < end else { break }
                if fields.isEmpty, b[k] == UInt8(ascii: "#") || b[k] == UInt8(ascii: "%") { break }
                let s = k
                while k < end, b[k] != 0x20, b[k] != 0x09 { k += 1 }
                fields.append(String(decoding: b[s..<k], as: UTF8.self))
                starts.append(s)
            }
            if !fields.isEmpty { records.append(CSVRecord(line: line, fields: fields, fieldStarts: starts)) }
            // One line break: LF, CR or CRLF.
            if end < n, b[end] == 0x0D, end + 1 < n, b[end + 1] == 0x0A { end += 1 }
            i = end + 1
            line += 1
        }
        return CSVDocument(file: file, bytes: b, records: records)
    }
}
