import Foundation
import ZIPFoundation

/// A cell to write.
public enum WorkbookCell: Sendable, Equatable {
    case empty
    /// Text, always as an inline string: never a formula, whatever it starts with (`=`, `+`, `-`, `@`).
    case text(String)
    case number(Double)
    case bool(Bool)
    /// A day, as a date serial (1900 system) formatted `yyyy-mm-dd`.
    case date(Day)
}

/// A sheet to write: a header row, rows of cells, and optional drop-down lists per column.
public struct WorkbookSheet: Sendable {
    public var name: String
    public var header: [String]
    public var rows: [[WorkbookCell]]
    /// Column (0-based) → the values its drop-down offers; `strict` refuses other values in Excel.
    public var dropDowns: [(column: Int, values: [String], strict: Bool)] = []
    /// Rows the drop-downs cover (below the header), for sheets to be filled in.
    public var dropDownRows = 1000

    public init(name: String, header: [String], rows: [[WorkbookCell]], dropDowns: [(column: Int, values: [String], strict: Bool)] = []) {
        self.name = name
        self.header = header
        self.rows = rows
        self.dropDowns = dropDowns
    }
}

/// Writes `.xlsx` workbooks (SpreadsheetML, ECMA-376 Part 1), as Excel, LibreOffice, Google Sheets and
/// openpyxl read them: one worksheet per ``WorkbookSheet`` with a bold header row frozen in place, an
/// autofilter over the table, column widths from the longest value (8 to 60 characters), numbers as
/// numbers, dates as dates (`yyyy-mm-dd`), text as inline strings, and drop-down lists (data validation).
///
/// Safety: cells are written from data as values only. Text is an inline string (`t="inlineStr"`), which
/// no spreadsheet evaluates, so a name such as `=HYPERLINK(...)` stays text; no `<f>` element is ever
/// written. Characters XML 1.0 cannot hold are dropped; sheet names are cleaned of the characters Excel
/// forbids (`[]:*?/\`) and cut to 31 characters.
///
/// Deterministic: the same sheets give the same bytes (parts in a fixed order, one fixed timestamp).
public enum XLSXWriter {
    /// The timestamp of every part (zip cannot store an earlier one).
    static let timestamp = Date(timeIntervalSince1970: 315_532_800 + 86_400 * 2) // 1980-01-03

    /// The workbook's bytes.
    public static func data(_ sheets: [WorkbookSheet]) throws -> Data {
        let names = uniqueSheetNames(sheets.map(\.name))
        var parts: [(String, String)] = []
        parts.append(("[Content_Types].xml", contentTypes(count: sheets.count)))
        parts.append(("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """))
        parts.append(("xl/workbook.xml", workbook(names: names, sheets: sheets)))
        var rels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        rels += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in sheets.indices {
            rels += #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        rels += #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        rels += "</Relationships>"
        parts.append(("xl/_rels/workbook.xml.rels", rels))
        parts.append(("xl/styles.xml", styles))
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet))) }

        let archive: Archive
        do { archive = try Archive(accessMode: .create) } catch {
            throw AtomicFile.WriteError(path: "", reason: "cannot start the workbook archive (\(error))")
        }
        for (path, text) in parts {
            let data = Data(text.utf8)
            do {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                                     compressionMethod: .deflate, bufferSize: 1 << 16) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            } catch {
                throw AtomicFile.WriteError(path: "", reason: "cannot add \(path) to the workbook (\(error))")
            }
        }
        guard let bytes = archive.data else { throw AtomicFile.WriteError(path: "", reason: "the workbook archive is empty") }
        return bytes
    }

    /// Writes the workbook atomically.
    public static func write(_ sheets: [WorkbookSheet], to url: URL) throws {
        do {
            try AtomicFile.write(try data(sheets), to: url)
        } catch let e as AtomicFile.WriteError where e.path.isEmpty {
            throw AtomicFile.WriteError(path: url.path, reason: e.reason)
        }
    }

    /// Sheet names Excel accepts: without `[]:*?/\`, at most 31 characters, not empty, unique (any case).
    static func uniqueSheetNames(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.enumerated().map { i, raw in
            var name = String(raw.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) && $0.value >= 0x20 }.map(Character.init))
            name = String(name.prefix(31)).trimmingCharacters(in: CharacterSet(charactersIn: "' "))
            if name.isEmpty { name = "Sheet\(i + 1)" }
            var candidate = name
            var k = 2
            while !seen.insert(candidate.lowercased()).inserted {
                candidate = String(name.prefix(27)) + " (\(k))"
                k += 1
            }
            return candidate
        }
    }

    private static func contentTypes(count: Int) -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        s += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        s += #"<Default Extension="xml" ContentType="application/xml"/>"#
        s += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        s += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in 0..<count {
            s += #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return s + "</Types>"
    }

    private static func workbook(names: [String], sheets: [WorkbookSheet]) -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        s += #"<workbookPr date1904="false"/><bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (i, name) in names.enumerated() {
            s += #"<sheet name="\#(WriterText.xml(name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        s += "</sheets>"
        // Excel keeps each autofilter's range as a hidden defined name.
        let filtered = sheets.indices.filter { !sheets[$0].header.isEmpty }
        if !filtered.isEmpty {
            s += "<definedNames>"
            for i in filtered {
                let quotedName = "'" + names[i].replacingOccurrences(of: "'", with: "''") + "'"
                let ref = "$A$1:$\(CellReference.letters(sheets[i].header.count))$\(sheets[i].rows.count + 1)"
                s += #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(i)" hidden="1">\#(WriterText.xml(quotedName + "!" + ref))</definedName>"#
            }
            s += "</definedNames>"
        }
        return s + "</workbook>"
    }

    /// Styles: 0 plain, 1 bold (the header), 2 date (`yyyy-mm-dd`).
    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """

    /// Width of a column in characters: the longest of the header and the first 1,000 values, plus 2, in 8...60.
    private static func widths(_ sheet: WorkbookSheet) -> [Int] {
        sheet.header.indices.map { c in
            var w = sheet.header[c].count + 3  // room for the filter button
            for row in sheet.rows.prefix(1000) where c < row.count {
                switch row[c] {
                case .text(let t): w = max(w, (t.split(separator: "\n").map(\.count).max() ?? 0) + 2)
                case .number(let d): w = max(w, RawValue.number(d).text.count + 2)
                case .date: w = max(w, 12)
                case .bool: w = max(w, 7)
                case .empty: break
                }
            }
            return min(60, max(8, w))
        }
    }

    private static func worksheet(_ sheet: WorkbookSheet) -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s.reserveCapacity(64 * (sheet.rows.count + 2) * max(1, sheet.header.count))
        s += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        let columns = max(1, sheet.header.count)
        let lastColumn = CellReference.letters(columns)
        s += #"<dimension ref="A1:\#(lastColumn)\#(sheet.rows.count + 1)"/>"#
        s += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        s += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !sheet.header.isEmpty {
            s += "<cols>"
            for (i, w) in widths(sheet).enumerated() { s += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(w)" customWidth="1"/>"# }
            s += "</cols>"
        }
        s += "<sheetData>"
        s += #"<row r="1">"#
        for (i, h) in sheet.header.enumerated() { s += cell(.text(h), column: i + 1, row: 1, style: 1) }
        s += "</row>"
        for (k, row) in sheet.rows.enumerated() {
            let r = k + 2
            s += #"<row r="\#(r)">"#
            for (i, value) in row.enumerated() { s += cell(value, column: i + 1, row: r, style: 0) }
            s += "</row>"
        }
        s += "</sheetData>"
        if !sheet.header.isEmpty { s += #"<autoFilter ref="A1:\#(lastColumn)\#(sheet.rows.count + 1)"/>"# }
        if !sheet.dropDowns.isEmpty {
            s += #"<dataValidations count="\#(sheet.dropDowns.count)">"#
            let last = max(sheet.rows.count, 0) + 1 + sheet.dropDownRows
            for d in sheet.dropDowns {
                let col = CellReference.letters(d.column + 1)
                let list = "\"" + d.values.joined(separator: ",").replacingOccurrences(of: "\"", with: "") + "\""
                s += #"<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="\#(d.strict ? 1 : 0)" sqref="\#(col)2:\#(col)\#(last)"><formula1>\#(WriterText.xml(list))</formula1></dataValidation>"#
            }
            s += "</dataValidations>"
        }
        s += #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        return s + "</worksheet>"
    }

    private static func cell(_ v: WorkbookCell, column: Int, row: Int, style: Int) -> String {
        let ref = CellReference.name(column: column, row: row)
        let s = style == 0 ? "" : #" s="\#(style)""#
        switch v {
        case .empty: return ""
        case .text(let t):
            if t.isEmpty { return "" }
            return #"<c r="\#(ref)"\#(s) t="inlineStr"><is><t xml:space="preserve">\#(textXML(t))</t></is></c>"#
        case .number(let d):
            guard d.isFinite else { return #"<c r="\#(ref)"\#(s) t="inlineStr"><is><t>\#(d.isNaN ? "NaN" : d > 0 ? "inf" : "-inf")</t></is></c>"# }
            return #"<c r="\#(ref)"\#(s)><v>\#(RawValue.number(d).text)</v></c>"#
        case .bool(let b): return #"<c r="\#(ref)"\#(s) t="b"><v>\#(b ? 1 : 0)</v></c>"#
        case .date(let d): return #"<c r="\#(ref)" s="2"><v>\#(SpreadsheetDates.serial(of: d, date1904: false))</v></c>"#
        }
    }

    /// Character data: `& < >` escaped; tab, line feed and carriage return kept as they are (element
    /// text keeps them); other characters XML 1.0 cannot hold dropped.
    private static func textXML(_ t: String) -> String {
        var out = ""
        out.reserveCapacity(t.utf8.count)
        for u in t.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\t", "\n": out.unicodeScalars.append(u)
            case "\r": out += "&#13;"  // a parser turns a raw carriage return into a line feed
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

extension WorkbookSheet {
    /// A sheet from a report's CSV text (header row first): cells that are numbers as Synergraph writes
    /// them become numbers, `YYYY-MM-DD` cells dates, the rest text. A CSV holding several tables one
    /// after another (blank line between) becomes one sheet with the blank rows kept.
    public static func fromCSV(_ text: String, name: String) -> WorkbookSheet {
        var log = DiagnosticLog()
        let doc = CSVReader.parse(Array(text.utf8), file: name, log: &log)
        let header = doc.records.first?.fields ?? []
        var rows: [[WorkbookCell]] = []
        for r in doc.records.dropFirst() {
            rows.append(r.fields.map { f in
                if f.isEmpty { return .empty }
                if let d = Day(iso: f) { return .date(d) }
                if isPlainNumber(f), let v = Double(f), v.isFinite { return .number(v) }
                return .text(f)
            })
        }
        return WorkbookSheet(name: name, header: header, rows: rows)
    }

    /// `-12`, `3.25`, `1e-05`: a decimal number without a leading `+` or a leading zero before a digit
    /// (`007` is an id, kept as text).
    static func isPlainNumber(_ f: String) -> Bool {
        var u = Array(f.utf8)[...]
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        guard let first = u.first, (48...57).contains(first) else { return false }
        if first == 48, u.count > 1, (48...57).contains(u[u.startIndex + 1]) { return false }
        var seenDot = false, seenExp = false, previous: UInt8 = 0
        for c in u {
            switch c {
            case 48...57: break
            case UInt8(ascii: "."): if seenDot || seenExp { return false }; seenDot = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): if seenExp { return false }; seenExp = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if previous != UInt8(ascii: "e") && previous != UInt8(ascii: "E") { return false }
            default: return false
            }
            previous = c
        }
        return (48...57).contains(previous)
    }
}
