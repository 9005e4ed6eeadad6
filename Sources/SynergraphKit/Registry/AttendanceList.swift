import Foundation

/// An attendance list as read: its header and rows of text, each row with its place (`list.csv:4`,
/// `list.xlsx: Sheet1!A4`).
public struct AttendanceList: Sendable {
    public struct Row: Sendable {
        public var place: FileLocation
        public var cells: [String]
    }

    public var file: String
    public var header: [String]
    public var rows: [Row]

    /// Reads a CSV (delimiter sniffed, UTF-8 or Windows-1252) or the first sheet of an `.xlsx` workbook
    /// (or the sheet named `sheet`); the first row is the header.
    public static func read(path: String, sheet: String? = nil, limits: WorkbookLimits = WorkbookLimits()) throws(LoadFailure) -> AttendanceList {
        var log = DiagnosticLog()
        guard FileManager.default.fileExists(atPath: path) else {
            throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: path), "no such file (the attendance list)")])
        }
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if ["xlsx", "xlsm", "xls", "xlsb", "ods"].contains(ext) {
            let archive: WorkbookArchive
            do { archive = try WorkbookArchive(url: URL(fileURLWithPath: path), file: path, limits: limits) } catch {
                throw LoadFailure([error.diagnostic])
            }
            var reader = WorkbookReader(archive: archive)
            guard reader.open(log: &log) else { throw LoadFailure(log.items) }
            let index: Int
            if let sheet {
                guard let i = reader.sheets.firstIndex(where: { $0.name.lowercased() == sheet.lowercased() }) else {
                    throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: path),
                                                  "the workbook has no sheet \(quoted(sheet)); it has \(reader.sheets.map { quoted($0.name) }.joined(separator: ", "))")])
                }
                index = i
            } else {
                guard !reader.sheets.isEmpty else { throw LoadFailure([Diagnostic(.error, .emptyFile, at: FileLocation(file: path), "the workbook has no sheets")]) }
                index = 0
            }
            guard let data = reader.readSheet(index, log: &log) else { throw LoadFailure(log.items) }
            guard let first = data.rows.first else {
                throw LoadFailure([Diagnostic(.error, .emptyFile, at: FileLocation(file: path, path: "\(data.name)!A1"), "the sheet is empty; it needs a header row")])
            }
            let width = first.cells.last?.column ?? 0
            func line(_ r: SheetRow) -> [String] {
                var out = [String](repeating: "", count: width)
                for (c, v) in r.cells where c <= width { out[c - 1] = WorkbookNetworkReader.cellText(v) }
                return out
            }
            return AttendanceList(file: path, header: line(first), rows: data.rows.dropFirst().map {
                Row(place: FileLocation(file: path, path: "\(data.name)!A\($0.number)"), cells: line($0))
            })
        }
        let raw: [UInt8]
        do { raw = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw LoadFailure([Diagnostic(.error, .unreadable, at: FileLocation(file: path), "cannot read the file: \(error.localizedDescription)")])
        }
        guard let bytes = TextDecoding.textBytes(raw, file: path, choice: .auto, log: &log) else { throw LoadFailure(log.items) }
        let doc = CSVReader.parse(bytes, file: path, delimiter: CSVReader.sniffDelimiter(bytes), log: &log)
        guard !log.hasErrors else { throw LoadFailure(log.items) }
        guard let header = doc.records.first else { throw LoadFailure([Diagnostic(.error, .emptyFile, at: FileLocation(file: path), "the file is empty; it needs a header row")]) }
        return AttendanceList(file: path, header: header.fields, rows: doc.records.dropFirst().compactMap { r in
            r.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) ? nil : Row(place: FileLocation(file: path, line: r.line), cells: r.fields)
        })
    }
}

/// Which column of an attendance list holds what.
public struct AttendanceColumns: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable, Codable {
        case person, organisation, country, email, role
    }

    /// Field → 0-based column.
    public var columns: [Field: Int] = [:]

    /// Header words (lowercased, spaces and `_`/`-` removed) that name each field.
    static let synonyms: [Field: [String]] = [
        .person: ["name", "fullname", "participant", "participantname", "person", "attendee", "nameofparticipant", "firstnamelastname"],
        .organisation: ["organisation", "organization", "agency", "institution", "affiliation", "org", "organisationname", "organizationname",
                        "ministry", "office", "company", "employer", "entity", "nameoforganisation", "nameoforganization"],
        .country: ["country", "nation", "countryname", "countrycode"],
        .email: ["email", "mail", "emailaddress"],
        .role: ["role", "participation", "capacity"],
    ]

    static func key(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    /// The columns a header's names suggest (the first column for each field).
    public static func guess(_ header: [String]) -> AttendanceColumns {
        var out = AttendanceColumns()
        for field in Field.allCases {
            if let i = header.firstIndex(where: { synonyms[field]!.contains(key($0)) }) { out.columns[field] = i }
        }
        return out
    }

    /// Sets a field to the column with this header (any case); false when no column has it.
    public mutating func set(_ field: Field, header name: String, in header: [String]) -> Bool {
        guard let i = header.firstIndex(where: { $0.trimmingWhitespace().lowercased() == name.trimmingWhitespace().lowercased() }) else { return false }
        columns[field] = i
        return true
    }
}
