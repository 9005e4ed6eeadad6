import Foundation

/// A cell's value as a workbook stores it, after shared strings and styles are applied.
enum CellValue: Equatable {
    case text(String)
    case number(Double)
    case bool(Bool)
    /// A number in a cell formatted as a date (the serial already turned into a day; `time` when the
    /// serial has a fraction).
    case date(Day, serial: Double)
    /// A formula's cached error (`#REF!`, `#N/A`, ...).
    case error(String)
    /// A formula whose result was never saved (a program that does not calculate wrote it).
    case formulaWithoutValue(String)
}

/// One row of a sheet: its 1-based number and its cells with values, by 1-based column, in order.
struct SheetRow {
    var number: Int
    var cells: [(column: Int, value: CellValue)]
}

/// A sheet as read: name, and the rows that hold at least one value (empty rows, styled or not, are not kept).
struct SheetData {
    var name: String
    var rows: [SheetRow]
}

/// Reads the sheets of an `.xlsx` workbook (SpreadsheetML, ECMA-376 Part 1 §18): the workbook part
/// (sheet names and order, the date system), its relationships (where each sheet is), the shared
/// strings, the styles (which cells are dates), then each sheet's cells, streamed.
///
/// Values: shared strings (`t="s"`, rich text runs joined, phonetic runs left out), inline strings
/// (`t="inlineStr"`), formula strings (`t="str"`), booleans (`t="b"`), errors (`t="e"`), ISO dates
/// (`t="d"`), numbers; a formula's cached value `<v>` is its value and the formula itself is ignored.
/// A number in a cell whose style's number format is a date becomes a day in the workbook's date
/// system (``SpreadsheetDates``).
struct WorkbookReader {
    let archive: WorkbookArchive
    var file: String { archive.file }
    private(set) var date1904 = false
    private(set) var sheets: [(name: String, path: String)] = []
    private var sharedStrings: [String] = []
    private var dateStyles: [Bool] = []

    init(archive: WorkbookArchive) { self.archive = archive }

    /// Reads the workbook's structure, shared strings and styles; false after logging why.
    mutating func open(log: inout DiagnosticLog) -> Bool {
        // The workbook part: the package relationship of type officeDocument (xl/workbook.xml in practice).
        var workbookPath = "xl/workbook.xml"
        if archive.has("_rels/.rels") {
            var found: String?
            let ok = archive.streamXML("_rels/.rels", name: "the package relationships", log: &log, opened: { _, _ in .keep }, closed: { node, _ in
                if node.name == "Relationship", found == nil, let type = node.attribute("Type"), type.hasSuffix("/officeDocument"),
                   let target = node.attribute("Target") {
                    found = target.hasPrefix("/") ? String(target.dropFirst()) : target
                }
                return .drop
            })
            guard ok else { return false }
            if let found { workbookPath = found }
        }
        guard archive.has(workbookPath) else {
            log.error(.unreadable, FileLocation(file: file),
                      "the archive has no workbook part (\(workbookPath)), so it is not an .xlsx workbook; save the workbook as .xlsx (Excel Workbook)")
            return false
        }
        let base = (workbookPath as NSString).deletingLastPathComponent
        var sheetRefs: [(name: String, rid: String)] = []
        var date1904 = false
        let okWorkbook = archive.streamXML(workbookPath, name: "the workbook part", log: &log, opened: { _, _ in .keep }, closed: { node, _ in
            switch node.name {
            case "workbookPr":
                if let d = node.attribute("date1904") { date1904 = d == "1" || d.lowercased() == "true" }
            case "sheet":
                if let name = node.attribute("name"), let rid = node.attribute("id") { sheetRefs.append((name, rid)) }
            default: break
            }
            return .drop
        })
        guard okWorkbook else { return false }
        self.date1904 = date1904
        // The workbook's relationships: sheet and shared-strings and styles parts.
        let relsPath = (base.isEmpty ? "" : base + "/") + "_rels/" + (workbookPath as NSString).lastPathComponent + ".rels"
        var targets: [String: String] = [:]
        var sharedPath: String?, stylesPath: String?
        if archive.has(relsPath) {
            let ok = archive.streamXML(relsPath, name: "the workbook relationships", log: &log, opened: { _, _ in .keep }, closed: { node, _ in
                if node.name == "Relationship", let id = node.attribute("Id"), let target = node.attribute("Target") {
                    let path = Self.resolve(target, base: base)
                    targets[id] = path
                    let type = node.attribute("Type") ?? ""
                    if type.hasSuffix("/sharedStrings") { sharedPath = path }
                    if type.hasSuffix("/styles") { stylesPath = path }
                }
                return .drop
            })
            guard ok else { return false }
        }
        for ref in sheetRefs {
            guard let path = targets[ref.rid] else {
                log.error(.unreadable, FileLocation(file: file),
                          "sheet \(quoted(ref.name)) has no part in the workbook's relationships; the workbook is damaged: open it in Excel or LibreOffice and save it again as .xlsx")
                return false
            }
            // Chart sheets and dialog sheets are not worksheets: they hold no cells.
            if path.contains("/chartsheets/") || path.contains("/dialogsheets/") || path.contains("/macrosheets/") { continue }
            sheets.append((ref.name, path))
        }
        if let sharedPath, archive.has(sharedPath) { guard readSharedStrings(sharedPath, log: &log) else { return false } }
        if let stylesPath, archive.has(stylesPath) { guard readStyles(stylesPath, log: &log) else { return false } }
        return true
    }

    /// A relationship target as a part path: relative to the workbook's folder, or absolute (`/xl/...`).
    static func resolve(_ target: String, base: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = base.isEmpty ? [] : base.split(separator: "/").map(String.init)
        for p in target.split(separator: "/") {
            if p == ".." { if !parts.isEmpty { parts.removeLast() } } else if p != "." { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }

    private mutating func readSharedStrings(_ path: String, log: inout DiagnosticLog) -> Bool {
        var strings: [String] = []
        var current = ""
        let limit = archive.limits.maximumSharedStrings
        let file = self.file
        let ok = archive.streamXML(path, name: "the shared strings", log: &log, textless: ["sst", "si", "r", "rPh", "rPr", "phoneticPr"], opened: { node, _ in
            if node.name == "si" { current = "" }
            return .keep
        }, closed: { node, stack in
            switch node.name {
            case "t":
                // Phonetic guides (rPh) are reading aids, not the text.
                if !stack.contains(where: { $0.name == "rPh" }) { current += node.text }
            case "si":
                if strings.count >= limit {
                    return .fail(Diagnostic(.error, .tooLarge, at: FileLocation(file: file),
                                            "the workbook has more than \(limit) shared strings (ten per row of the row limit); raise the limit with --max-rows"))
                }
                strings.append(current)
            default: break
            }
            return .drop
        })
        sharedStrings = strings
        return ok
    }

    private mutating func readStyles(_ path: String, log: inout DiagnosticLog) -> Bool {
        var custom: [Int: String] = [:]
        var formats: [Int] = []
        let ok = archive.streamXML(path, name: "the styles", log: &log, opened: { _, _ in .keep }, closed: { node, stack in
            if node.name == "numFmt", let id = node.attribute("numFmtId").flatMap({ Int($0) }) {
                custom[id] = node.attribute("formatCode") ?? ""
            } else if node.name == "xf", stack.last?.name == "cellXfs" {
                formats.append(node.attribute("numFmtId").flatMap { Int($0) } ?? 0)
            }
            return .drop
        })
        dateStyles = formats.map { id in custom[id].map(Self.isDateFormat) ?? Self.builtInDateFormats.contains(id) }
        return ok
    }

    /// Built-in number formats that show dates (ECMA-376 Part 1 §18.8.30: 14–17 and 22; 27–36 and
    /// 50–58 are the East Asian date formats). Times alone (18–21, 45–47) are not dates.
    static let builtInDateFormats: Set<Int> = Set([14, 15, 16, 17, 22] + Array(27...36) + Array(50...58))

    /// Whether a custom number format code shows a date: it has a day, month or year part (`d`, `m`,
    /// `y`, outside quoted text, `\` escapes and `[...]` sections), where an `m` next to `h` or `s` is minutes.
    static func isDateFormat(_ code: String) -> Bool {
        var plain: [Character] = []
        var inQuote = false, inBracket = false, escaped = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\\", "_", "*": escaped = true
            case "\"": inQuote = true
            case "[": inBracket = true
            case ";": break
            default: plain.append(ch)
            }
            if ch == ";" { break }
        }
        if plain.contains("y") || plain.contains("d") { return true }
        return plain.contains("m") && !plain.contains("h") && !plain.contains("s")
    }

    /// Reads one sheet's rows with values. `maximumRows` counts rows with values only.
    func readSheet(_ index: Int, log: inout DiagnosticLog) -> SheetData? {
        let (name, path) = sheets[index]
        var rows: [SheetRow] = []
        var rowNumber = 0
        var cells: [(column: Int, value: CellValue)] = []
        var column = 0
        // The cell being read.
        var cellType = "n", cellStyle = 0, cellColumn = 0
        var value: String?, formula: String?, inline = ""
        let shared = sharedStrings, dateStyles = self.dateStyles, date1904 = self.date1904
        let file = self.file, maxRows = archive.limits.maximumRows
        var failure: Diagnostic?
        func place(_ col: Int, _ row: Int) -> FileLocation { FileLocation(file: file, path: "\(name)!\(CellReference.name(column: col, row: row))") }

        let ok = archive.streamXML(path, name: "sheet \(quoted(name))", log: &log,
                                   textless: ["worksheet", "sheetData", "row", "c", "is", "r", "rPh", "sheetViews", "cols", "mergeCells"],
                                   opened: { node, _ in
            switch node.name {
            case "row":
                if let r = node.attribute("r").flatMap({ Int($0) }), r > rowNumber, r <= CellReference.maximumRow { rowNumber = r } else { rowNumber += 1 }
                cells.removeAll(keepingCapacity: true)
                column = 0
            case "c":
                if let r = node.attribute("r"), let c = CellReference.column(r) { column = c } else { column += 1 }
                cellColumn = column
                cellType = node.attribute("t") ?? "n"
                cellStyle = node.attribute("s").flatMap { Int($0) } ?? 0
                value = nil
                formula = nil
                inline = ""
            default: break
            }
            return .keep
        }, closed: { node, stack in
            switch node.name {
            case "v":
                // openpyxl writes an empty <v/> for a formula it did not calculate.
                value = node.text.isEmpty ? nil : node.text
            case "f":
                formula = node.text
            case "t":
                if stack.contains(where: { $0.name == "is" }), !stack.contains(where: { $0.name == "rPh" }) { inline += node.text }
            case "c":
                let v: CellValue?
                switch cellType {
                case "inlineStr": v = inline.isEmpty && value == nil ? nil : .text(value ?? inline)
                case "s":
                    if let s = value, let i = Int(s.trimmingWhitespace()), i >= 0, i < shared.count {
                        v = .text(shared[i])
                    } else if value != nil {
                        failure = Diagnostic(.error, .badSyntax, at: place(cellColumn, rowNumber),
                                             "the cell points to shared string \(quoted(value ?? "")), which the workbook does not have; it is damaged: open it in Excel or LibreOffice and save it again")
                        return .stop
                    } else { v = nil }
                case "str": v = value.map { .text($0) } ?? (formula.map { .formulaWithoutValue($0) })
                case "b": v = value.map { .bool($0.trimmingWhitespace() == "1" || $0.lowercased() == "true") } ?? (formula.map { .formulaWithoutValue($0) })
                case "e": v = .error(value ?? "#VALUE!")
                case "d":
                    if let s = value, let d = Day(iso: s.prefix(10)) { v = .date(d, serial: Double(SpreadsheetDates.serial(of: d, date1904: date1904))) } else { v = value.map { .text($0) } }
                default:
                    if let s = value {
                        if let d = Double(s.trimmingWhitespace()) {
                            if cellStyle >= 0, cellStyle < dateStyles.count, dateStyles[cellStyle], let day = SpreadsheetDates.day(serial: d, date1904: date1904) {
                                v = .date(day, serial: d)
                            } else {
                                v = .number(d)
                            }
                        } else {
                            v = .text(s)
                        }
                    } else {
                        v = formula.map { .formulaWithoutValue($0) }
                    }
                }
                if let v { cells.append((cellColumn, v)) }
                return .drop
            case "row":
                if !cells.isEmpty {
                    if rows.count >= maxRows {
                        failure = Diagnostic(.error, .tooLarge, at: place(1, rowNumber),
                                             "sheet \(quoted(name)) has more than \(maxRows) rows with values (the limit); if it is a genuine register, raise the limit with --max-rows")
                        return .stop
                    }
                    var ordered = cells
                    if zip(ordered, ordered.dropFirst()).contains(where: { $0.column >= $1.column }) { ordered.sort { $0.column < $1.column } }
                    rows.append(SheetRow(number: rowNumber, cells: ordered))
                }
                return .drop
            default: break
            }
            return .drop
        })
        if let failure {
            log.error(failure.problem, failure.location, failure.message)
            return nil
        }
        guard ok else { return nil }
        return SheetData(name: name, rows: rows)
    }
}
