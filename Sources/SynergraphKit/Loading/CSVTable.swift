/// Reads a CSV table with a header row into raw records, checking the header and the column count.
enum CSVTable {
    /// The names of a header row, trimmed and lowercased, `column_N` (1-based) for an empty one; nil
    /// after logging every name that appears twice (at the repeat).
    static func headerNames(_ header: CSVRecord, in doc: CSVDocument, log: inout DiagnosticLog) -> [String]? {
        var names: [String] = []
        var seen: [String: Int] = [:]
        var ok = true
        for (i, field) in header.fields.enumerated() {
            var name = field.trimmingWhitespace().lowercased()
            if name.isEmpty { name = "column_\(i + 1)" }
            if let first = seen[name] {
                log.error(.duplicateColumn, doc.location(header, field: i), "column \(quoted(name)) appears twice (also column \(first + 1))")
                ok = false
            } else {
                seen[name] = i
            }
            names.append(name)
        }
        return ok ? names : nil
    }

    /// The records of a table, or nil when the file cannot be used at all (errors are logged).
    ///
    /// - Parameters:
    ///   - required: columns that must be in the header.
    static func records(bytes raw: [UInt8], file: String, required: [String], log: inout DiagnosticLog) -> [RawRecord]? {
        guard let bytes = TextDecoding.utf8Bytes(raw, file: file, log: &log) else { return nil }
        let doc = CSVReader.parse(bytes, file: file, log: &log)
        guard let header = doc.records.first else {
            log.error(.emptyFile, FileLocation(file: file), "the file is empty; it needs at least a header row (\(required.joined(separator: ",")))")
            return nil
        }
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        var ok = true
        var seen: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            if let first = seen[name] {
                log.error(.duplicateColumn, doc.location(header, field: i), "column \(quoted(name)) appears twice (also column \(first + 1))")
                ok = false
            } else {
                seen[name] = i
            }
        }
        for col in required where seen[col] == nil {
            log.error(.missingColumn, FileLocation(file: file, line: header.line),
                      "required column \(quoted(col)) is missing; the header has \(names.map { quoted($0) }.joined(separator: ", "))")
            ok = false
        }
        guard ok else { return nil }
        var out: [RawRecord] = []
        out.reserveCapacity(doc.records.count - 1)
        for rec in doc.records.dropFirst() {
            if rec.fields.count != names.count {
                // A lone empty field is a blank line of spaces; anything else is a real row with the wrong shape.
                if rec.fields.count == 1, rec.fields[0].trimmingWhitespace().isEmpty { continue }
                log.error(.wrongColumnCount, doc.location(rec),
                          "this row has \(rec.fields.count) field\(rec.fields.count == 1 ? "" : "s") but the header has \(names.count); quote fields that contain commas")
                continue
            }
            var fields: [RawRecord.Field] = []
            fields.reserveCapacity(names.count)
            for (i, name) in names.enumerated() {
                // A leading `'` before `=`, `+`, `-`, `@` is how Synergraph's writers keep a formula inert (CSVText).
                fields.append(RawRecord.Field(key: name, value: .text(CSVText.unescapingFormula(rec.fields[i])), location: doc.location(rec, field: i)))
            }
            out.append(RawRecord(location: FileLocation(file: file, line: rec.line), fields: fields))
        }
        return out
    }
}
