import Foundation

/// Reads a network kept as one `.xlsx` workbook: a sheet per table of the folder form (Networks/README.md),
/// found by name (`nodes` or `actors`, `ties`, `activities`, `participation`, `manifest`, any case) or,
/// for sheets named otherwise, by the columns of their first row; and the manifest as rows of key and
/// value, or as a header of manifest fields with one row under it. Every value goes through the same
/// checks as the CSV tables (``RecordDecoder``, ``NetworkValidator``), and every problem is placed as a
/// spreadsheet user finds it: `book.xlsx: ties!C14`.
///
/// Cells: text as it is; numbers as numbers (ids and names that are numbers read as `101`, not `101.0`);
/// booleans; a formula's saved result; dates (a date-formatted cell, or any number in a date column:
/// `since`, `until`, `date`, `end_date`, `as_of`) as ISO days in the workbook's date system. A formula
/// with no saved result, or with an error result (`#REF!`), is an error at its cell. Empty rows and
/// columns are ignored wherever they are; a value right of the last header is ignored with a warning.
public enum WorkbookNetworkReader {
    /// The tables of the folder form, the columns each must have, and its date columns.
    static let tables: [(name: String, aliases: [String], required: [String], dates: Set<String>)] = [
        ("nodes", ["nodes", "actors", "nodes.csv"], ["id", "name", "kind"], []),
        ("ties", ["ties", "ties.csv"], ["source", "target"], ["since", "until"]),
        ("activities", ["activities", "activities.csv"], ["id", "date"], ["date", "end_date"]),
        ("participation", ["participation", "participation.csv"], ["activity", "node"], []),
    ]

    static let manifestFields: [String] = ["format_version", "name", "title", "description", "target_countries", "hub",
                                           "directed_tie_kinds", "illustrative", "as_of", "source_ref"]

    /// Reads the workbook at `url` (named `file` in messages).
    public static func read(url: URL, file: String, limits: WorkbookLimits = WorkbookLimits()) -> (Network?, [Diagnostic]) {
        var log = DiagnosticLog()
        let archive: WorkbookArchive
        do { archive = try WorkbookArchive(url: url, file: file, limits: limits) } catch {
            return (nil, [error.diagnostic])
        }
        var reader = WorkbookReader(archive: archive)
        guard reader.open(log: &log) else { return (nil, log.items) }
        var sheets: [SheetData] = []
        for i in reader.sheets.indices {
            guard let sheet = reader.readSheet(i, log: &log) else { return (nil, log.items) }
            sheets.append(sheet)
        }
        let network = assemble(sheets, file: file, date1904: reader.date1904, log: &log)
        let order = Dictionary(sheets.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = log.items.enumerated().sorted { a, b in
            (sortKey(a.element.location, order) + [a.offset]).lexicographicallyPrecedes(sortKey(b.element.location, order) + [b.offset])
        }.map(\.element)
        return (log.hasErrors ? nil : network, ordered)
    }

    private static func sortKey(_ l: FileLocation, _ order: [String: Int]) -> [Int] {
        guard let path = l.path, let bang = path.lastIndex(of: "!") else { return [-1, 0, 0] }
        let cell = CellReference.parse(path[path.index(after: bang)...])
        return [order[String(path[..<bang])] ?? 99, cell?.row ?? 0, cell?.column ?? 0]
    }

    /// The network of the sheets read (nil when a table cannot be used; errors are logged).
    static func assemble(_ sheets: [SheetData], file: String, date1904: Bool, log: inout DiagnosticLog) -> Network? {
        // Which sheet is which table: by name first, then by header.
        var chosen: [String: Int] = [:]
        var manifestSheet: Int?
        for (i, sheet) in sheets.enumerated() {
            let key = sheet.name.trimmingWhitespace().lowercased()
            if key == "manifest" || key == "manifest.json" {
                if manifestSheet == nil { manifestSheet = i }
                continue
            }
            if let t = tables.first(where: { $0.aliases.contains(key) }) {
                if let other = chosen[t.name] {
                    log.error(.duplicateRecord, FileLocation(file: file, path: "\(sheet.name)!A1"),
                              "sheets \(quoted(sheets[other].name)) and \(quoted(sheet.name)) are both the \(t.name) table; rename one")
                } else {
                    chosen[t.name] = i
                }
            }
        }
        for (i, sheet) in sheets.enumerated() where !chosen.values.contains(i) && manifestSheet != i {
            let header = Set(headerNames(sheet))
            if let t = tables.first(where: { chosen[$0.name] == nil && Set($0.required).isSubset(of: header) }) {
                chosen[t.name] = i
            } else if manifestSheet == nil, header.contains("name"), header.isSubset(of: Set(manifestFields)), header.count >= 2 {
                manifestSheet = i
            } else if !sheet.rows.isEmpty {
                log.warning(.notKept, FileLocation(file: file, path: "\(sheet.name)!A1"),
                            "sheet \(quoted(sheet.name)) is none of the tables Synergraph reads (nodes, ties, activities, participation, manifest: by sheet name, or by the columns of the first row); it is ignored")
            }
        }

        var manifest: Manifest?
        if let m = manifestSheet {
            manifest = readManifest(sheets[m], file: file, date1904: date1904, log: &log)
        } else {
            manifest = Manifest(name: NetworkName.slug(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent))
        }
        guard chosen["nodes"] != nil else {
            log.error(.unreadable, FileLocation(file: file),
                      "the workbook has no nodes table: name a sheet 'nodes' (or 'actors') with the columns id, name, kind (Networks/README.md), or run 'synergraph init NAME --xlsx' for a workbook to fill in")
            return nil
        }
        var decoder = RecordDecoder()
        var nodes: [Node] = [], ties: [Tie] = [], activities: [Activity] = [], participation: [Participation] = []
        for t in tables {
            guard let i = chosen[t.name], let records = records(sheets[i], required: t.required, dates: t.dates, file: file, date1904: date1904, log: &log) else { continue }
            switch t.name {
            case "nodes": nodes = records.compactMap { decoder.node($0) }
            case "ties": ties = records.compactMap { decoder.tie($0) }
            case "activities": activities = records.compactMap { decoder.activity($0) }
            default: participation = records.compactMap { decoder.participation($0) }
            }
        }
        log.append(contentsOf: decoder.log.items)
        guard let manifest else { return nil }
        let network = Network(manifest: manifest, nodes: nodes, ties: ties, activities: activities, participation: participation)
        let manifestPlace = manifestSheet.map { "\(file): \(sheets[$0].name)" } ?? file
        log.append(contentsOf: NetworkValidator.check(network, manifestFile: manifestPlace))
        return network
    }


    /// The header of a sheet: its first row with values, as lowercased names.
    static func headerNames(_ sheet: SheetData) -> [String] {
        guard let first = sheet.rows.first else { return [] }
        return first.cells.map { cellText($0.value).trimmingWhitespace().lowercased() }
    }

    static func cellText(_ v: CellValue) -> String {
        switch v {
        case .text(let s): return s
        case .number(let d): return RawValue.number(d).text
        case .bool(let b): return b ? "true" : "false"
        case .date(let d, _): return d.description
        case .error(let e): return e
        case .formulaWithoutValue: return ""
        }
    }

    /// The raw records of a table sheet (its first row with values is the header), or nil when the
    /// header cannot be used (errors are logged).
    static func records(_ sheet: SheetData, required: [String], dates: Set<String>, file: String, date1904: Bool,
                        log: inout DiagnosticLog) -> [RawRecord]? {
        func place(_ col: Int, _ row: Int) -> FileLocation { FileLocation(file: file, path: "\(sheet.name)!\(CellReference.name(column: col, row: row))") }
        guard let header = sheet.rows.first else {
            log.error(.emptyFile, FileLocation(file: file, path: "\(sheet.name)!A1"),
                      "sheet \(quoted(sheet.name)) is empty; it needs at least a header row (\(required.joined(separator: ", ")))")
            return nil
        }
        let width = header.cells.last?.column ?? 0
        var names = [String](repeating: "", count: width)
        var seen: [String: Int] = [:]
        var ok = true
        for (col, value) in header.cells {
            let name = cellText(value).trimmingWhitespace().lowercased()
            names[col - 1] = name
        }
        for i in 0..<width {
            if names[i].isEmpty { names[i] = "column_\(i + 1)" }
            if let first = seen[names[i]] {
                log.error(.duplicateColumn, place(i + 1, header.number),
                          "column \(quoted(names[i])) appears twice (also column \(CellReference.letters(first + 1))); rename one")
                ok = false
            } else {
                seen[names[i]] = i
            }
        }
        for col in required where seen[col] == nil {
            log.error(.missingColumn, place(1, header.number),
                      "required column \(quoted(col)) is missing from sheet \(quoted(sheet.name)); its first row has \(names.map { quoted($0) }.joined(separator: ", "))")
            ok = false
        }
        guard ok else { return nil }
        var out: [RawRecord] = []
        out.reserveCapacity(sheet.rows.count - 1)
        var warnedBeyond = false
        for row in sheet.rows.dropFirst() {
            var values = [RawValue](repeating: .text(""), count: width)
            for (col, value) in row.cells {
                guard col <= width else {
                    if !warnedBeyond {
                        warnedBeyond = true
                        log.warning(.notKept, place(col, row.number),
                                    "cell \(CellReference.name(column: col, row: row.number)) has a value but its column has no header; values right of the header are ignored (this warning is given once per sheet)")
                    }
                    continue
                }
                let key = names[col - 1]
                switch value {
                case .text(let s): values[col - 1] = .text(s)
                case .bool(let b): values[col - 1] = .bool(b)
                case .date(let d, _): values[col - 1] = .text(d.description)
                case .number(let n):
                    if dates.contains(key) {
                        if let d = SpreadsheetDates.day(serial: n, date1904: date1904) {
                            values[col - 1] = .text(d.description)
                        } else {
                            log.error(.badDate, place(col, row.number),
                                      "\(key) is the number \(RawValue.number(n).text), which is no date\(n == 60 && !date1904 ? " (serial 60 is 29 February 1900, which never was)" : ""); format the cell as a date or write YYYY-MM-DD")
                        }
                    } else {
                        values[col - 1] = .number(n)
                    }
                case .error(let e):
                    log.error(.badSyntax, place(col, row.number), "the cell shows the formula error \(e); fix the formula or type the value")
                case .formulaWithoutValue(let f):
                    log.error(.missingValue, place(col, row.number),
                              "the cell holds a formula (=\(quoted(f).dropFirst().dropLast())) whose result was never saved (the program that wrote the workbook does not calculate); open the workbook in Excel or LibreOffice and save it, or type the value")
                }
            }
            var fields: [RawRecord.Field] = []
            fields.reserveCapacity(width)
            for i in 0..<width {
                fields.append(RawRecord.Field(key: names[i], value: values[i], location: place(i + 1, row.number)))
            }
            out.append(RawRecord(location: place(1, row.number), fields: fields))
        }
        return out
    }

    /// The manifest from a sheet of key–value rows (`name | unpog-asia-pacific`, an optional first row
    /// `key | value`), or of manifest fields as a header with one row of values.
    static func readManifest(_ sheet: SheetData, file: String, date1904: Bool, log: inout DiagnosticLog) -> Manifest? {
        func place(_ col: Int, _ row: Int) -> FileLocation { FileLocation(file: file, path: "\(sheet.name)!\(CellReference.name(column: col, row: row))") }
        var pairs: [(key: String, value: CellValue?, keyPlace: FileLocation, valuePlace: FileLocation)] = []
        let header = headerNames(sheet)
        let fields = Set(manifestFields)
        let columnar = header.count >= 2 && fields.contains(header[0]) && fields.contains(header[1])
        if columnar, let first = sheet.rows.first {
            let values = sheet.rows.dropFirst().first
            if sheet.rows.count > 2 {
                log.warning(.notKept, place(1, sheet.rows[2].number), "the manifest sheet has its fields as a header; only the first row under it is read")
            }
            for (col, v) in first.cells {
                let key = cellText(v).trimmingWhitespace().lowercased()
                let value = values?.cells.first(where: { $0.column == col })?.value
                pairs.append((key, value, place(col, first.number), place(col, values?.number ?? first.number + 1)))
            }
        } else {
            for row in sheet.rows {
                guard let keyCell = row.cells.first else { continue }
                let key = cellText(keyCell.value).trimmingWhitespace().lowercased()
                if row.number == sheet.rows.first?.number, ["key", "field", "setting", "property"].contains(key) { continue }
                // The value is the cell right of the key (an empty one is no value; a note further right is not it).
                let valueCell = row.cells.first { $0.column == keyCell.column + 1 }
                pairs.append((key, valueCell?.value, place(keyCell.column, row.number), place(keyCell.column + 1, row.number)))
            }
        }
        var m = Manifest(name: "")
        var sawName = false, ok = true
        for (key, value, keyPlace, valuePlace) in pairs {
            guard fields.contains(key) else {
                log.warning(.notKept, keyPlace, "\(quoted(key)) is not a manifest field (\(manifestFields.joined(separator: ", "))); it is ignored")
                continue
            }
            guard let value else { continue }
            let text = cellText(value).trimmingWhitespace()
            if case .formulaWithoutValue = value {
                log.error(.missingValue, valuePlace, "the manifest's \(key) is a formula whose result was never saved; open the workbook in Excel or LibreOffice and save it, or type the value")
                ok = false
                continue
            }
            if case .error(let e) = value {
                log.error(.badSyntax, valuePlace, "the manifest's \(key) shows the formula error \(e)")
                ok = false
                continue
            }
            if text.isEmpty { continue }
            func list() -> [String] {
                text.split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            }
            switch key {
            case "format_version":
                guard let v = Int(text) else {
                    log.error(.badManifest, valuePlace, "format_version is \(quoted(text)); it must be a whole number (1)")
                    ok = false
                    continue
                }
                if v > Manifest.currentFormatVersion {
                    log.error(.unsupportedVersion, valuePlace, "format_version \(v) is newer than this Synergraph reads (\(Manifest.currentFormatVersion)); update Synergraph")
                    ok = false
                }
                m.formatVersion = v
            case "name": m.name = text; sawName = true
            case "title": m.title = text
            case "description": m.description = text
            case "hub": m.hub = text
            case "source_ref": m.sourceRef = text
            case "target_countries": m.targetCountries = list().map { $0.uppercased() }
            case "directed_tie_kinds": m.directedTieKinds = list().map { $0.lowercased() }
            case "illustrative":
                if case .bool(let b) = value { m.illustrative = b; continue }
                switch text.lowercased() {
                case "yes", "true", "1", "y": m.illustrative = true
                case "no", "false", "0", "n": m.illustrative = false
                default:
                    log.error(.badBoolean, valuePlace, "illustrative is \(quoted(text)); use yes or no")
                    ok = false
                }
            default: // as_of
                var day: Day?
                switch value {
                case .date(let d, _): day = d
                case .number(let n): day = SpreadsheetDates.day(serial: n, date1904: date1904)
                default: day = Day(iso: text)
                }
                if let day { m.asOf = day } else {
                    log.error(.badDate, valuePlace, "as_of is \(quoted(text)); format the cell as a date or write YYYY-MM-DD")
                    ok = false
                }
            }
        }
        if !sawName {
            log.error(.badManifest, place(1, sheet.rows.first?.number ?? 1),
                      "the manifest sheet \(quoted(sheet.name)) has no name (a row 'name | my-network', or a column 'name'); see Networks/README.md")
            return nil
        }
        return ok ? m : nil
    }
}
