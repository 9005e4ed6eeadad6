/// Reads a CSV table with a header row into raw records, checking the header and the column count.
enum CSVTable {
    /// A header cell as a column name: trimmed, lowercased, without byte-order marks (files joined with
    /// `cat` carry the second file's mark into a cell).
    static func headerName(_ cell: String) -> String {
        let name = cell.trimmingWhitespace().lowercased()
        guard name.unicodeScalars.contains("\u{FEFF}") else { return name }
        return String(String.UnicodeScalarView(name.unicodeScalars.filter { $0 != "\u{FEFF}" })).trimmingWhitespace()
    }

    /// The names of a header row, trimmed and lowercased, `column_N` (1-based) for an empty one; nil
    /// after logging every name that appears twice (at the repeat).
    static func headerNames(_ header: CSVRecord, in doc: CSVDocument, log: inout DiagnosticLog) -> [String]? {
        headerNames(header, file: doc.file, log: &log)
    }

    /// ``headerNames(_:in:log:)`` for a header read from `file`.
    static func headerNames(_ header: CSVRecord, file: String, log: inout DiagnosticLog) -> [String]? {
        var names: [String] = []
        var seen: [String: Int] = [:]
        var ok = true
        for (i, field) in header.fields.enumerated() {
            var name = headerName(field)
            if name.isEmpty { name = "column_\(i + 1)" }
            if let first = seen[name] {
                log.error(.duplicateColumn, header.location(in: file, field: i), "column \(quoted(name)) appears twice (also column \(first + 1))")
                ok = false
            } else {
                seen[name] = i
            }
            names.append(name)
        }
        return ok ? names : nil
    }

    /// Reads a table, handing each data row to `row` as a raw record as soon as it is read (nothing is
    /// kept between rows); false when the file cannot be used at all (errors are logged).
    ///
    /// The diagnostics are those of reading the whole table first: the parser's problems, then the
    /// header's, then each row's. When a limit is exceeded the table counts as unreadable and only the
    /// parser's problems are logged, but rows before the limit have already been handed over: the caller
    /// drops what it made of them when this returns false.
    ///
    /// - Parameters:
    ///   - required: columns that must be in the header.
    /// - Complexity: O(size of the file); memory O(longest row) besides the bytes.
    static func scan(bytes raw: [UInt8], file: String, required: [String], limits: ReaderLimits = ReaderLimits(),
                     log: inout DiagnosticLog, row: (RawRecord) -> Void) -> Bool {
        if let refusal = TextDecoding.binaryRefusal(raw, file: file) {
            log.append(contentsOf: [refusal])
            return false
        }
        guard let bytes = TextDecoding.utf8Bytes(raw, file: file, log: &log) else { return false }
        var csvLog = DiagnosticLog()
        // Problems of the header and the rows, logged after the parser's (as when the parse came first).
        var tableLog = DiagnosticLog()
        var names: [String]?
        var sawHeader = false
        var ok = true
        CSVReader.scan(bytes, file: file, limits: limits, log: &csvLog) { rec in
            guard sawHeader else {
                sawHeader = true
                let header = rec.fields.map { headerName($0) }
                var seen: [String: Int] = [:]
                for (i, name) in header.enumerated() {
                    if let first = seen[name] {
                        tableLog.error(.duplicateColumn, rec.location(in: file, field: i), "column \(quoted(name)) appears twice (also column \(first + 1))")
                        ok = false
                    } else {
                        seen[name] = i
                    }
                }
                for col in required where seen[col] == nil {
                    tableLog.error(.missingColumn, FileLocation(file: file, line: rec.line),
                                   "required column \(quoted(col)) is missing; the header has \(header.prefix(20).map { quoted($0) }.joined(separator: ", "))\(header.count > 20 ? ", ... (\(grouped(header.count)) columns)" : "")")
                    ok = false
                }
                names = header
                return
            }
            guard ok, let names else { return }
            if rec.fields.count != names.count {
                // A lone empty field is a blank line of spaces; anything else is a real row with the wrong shape.
                if rec.fields.count == 1, rec.fields[0].trimmingWhitespace().isEmpty { return }
                tableLog.error(.wrongColumnCount, rec.location(in: file),
                               "this row has \(rec.fields.count) field\(rec.fields.count == 1 ? "" : "s") but the header has \(names.count); quote fields that contain commas")
                return
            }
            var fields: [RawRecord.Field] = []
            fields.reserveCapacity(names.count)
            for (i, name) in names.enumerated() {
                // A leading `'` before `=`, `+`, `-`, `@` is how Synergraph's writers keep a formula inert (CSVText).
                fields.append(RawRecord.Field(key: name, value: .text(CSVText.unescapingFormula(rec.fields[i])), location: rec.location(in: file, field: i)))
            }
            row(RawRecord(location: FileLocation(file: file, line: rec.line), fields: fields))
        }
        log.append(contentsOf: csvLog.items)
        // A limit exceeded leaves the table cut short: nothing more to say about it.
        guard !csvLog.items.contains(where: { $0.problem == .tooLarge }) else { return false }
        guard sawHeader else {
            log.error(.emptyFile, FileLocation(file: file), "the file is empty; it needs at least a header row (\(required.joined(separator: ",")))")
            return false
        }
        log.append(contentsOf: tableLog.items)
        return ok
    }

    /// How many records a table of these bytes can hold at most: its line breaks, plus one (for
    /// reserving room for the decoded records at once instead of doubling).
    static func lineCountBound(_ b: [UInt8]) -> Int {
        var count = 1
        b.withUnsafeBufferPointer { p in
            // LF, and CR not followed by LF (a CRLF pair is one break).
            var previousCR = false
            for c in p {
                if c == 0x0A {
                    if !previousCR { count += 1 }
                } else if c == 0x0D {
                    count += 1
                }
                previousCR = c == 0x0D
            }
        }
        return count
    }
}
