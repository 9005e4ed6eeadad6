/// How to read a file in a foreign format (GraphML, GEXF, GML, Pajek, DOT) or an edge list.
public struct LoadOptions: Sendable, Equatable {
    /// The node attribute (or nodes-table column) that holds the Synergraph kind (agency, school, ...).
    /// Nil: `kind`, else `type`.
    public var kindAttribute: String?
    /// How to decode GML, Pajek, CSV edge lists and nodes tables (XML files say their own encoding; the
    /// native folder form is UTF-8).
    public var encoding: TextEncodingChoice
    /// The path of a nodes table (CSV with a header) joined by id to an edge list; only edge lists take
    /// one (see ``EdgeListReader``).
    public var nodesTable: String?
    /// How much of each dimension (columns, line and field length, nesting, records, attributes, file
    /// size) the readers accept before refusing the input.
    public var limits: ReaderLimits
    /// How much an `.xlsx` workbook may hold (Docs/workbooks.md, "Limits").
    public var workbookLimits: WorkbookLimits

    public init(kindAttribute: String? = nil, encoding: TextEncodingChoice = .auto, nodesTable: String? = nil, limits: ReaderLimits = ReaderLimits(),
                workbookLimits: WorkbookLimits = WorkbookLimits()) {
        self.kindAttribute = kindAttribute
        self.encoding = encoding
        self.nodesTable = nodesTable
        self.limits = limits
        self.workbookLimits = workbookLimits
    }
}

/// The text encoding of a GML, Pajek or CSV edge-list file.
public enum TextEncodingChoice: String, Sendable, CaseIterable {
    /// UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark; a file that is not
    /// valid UTF-8 is read as Windows-1252 (a superset of Latin-1's printable characters), with a warning.
    case auto
    /// UTF-8 or UTF-16 with a byte-order mark; anything else is an error.
    case utf8
    /// Latin-1 as Windows-1252 (what Pajek on Windows writes).
    case latin1
}

extension TextDecoding {
    /// Windows-1252 code points for bytes 0x80-0x9F (Latin-1 has C1 controls there; undefined bytes map to them too).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// UTF-8 bytes of Windows-1252 text.
    static func windows1252ToUTF8(_ raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count + raw.count / 8)
        for b in raw {
            if b < 0x80 {
                out.append(b)
                continue
            }
            let v: UInt32 = (0x80...0x9F).contains(b) ? cp1252High[Int(b - 0x80)] : UInt32(b)
            if let s = Unicode.Scalar(v) { UTF8.encode(s) { out.append($0) } }
        }
        return out
    }

    /// The UTF-8 bytes of a GML or Pajek file under `choice`; nil after logging an error.
    static func textBytes(_ raw: [UInt8], file: String, choice: TextEncodingChoice, log: inout DiagnosticLog) -> [UInt8]? {
        switch choice {
        case .latin1:
            return windows1252ToUTF8(raw.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(raw.dropFirst(3)) : raw)
        case .utf8:
            return utf8Bytes(raw, file: file, log: &log)
        case .auto:
            let hasBOM = raw.starts(with: [0xEF, 0xBB, 0xBF]) || raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF])
            if hasBOM || firstInvalidUTF8Offset(raw) == nil { return utf8Bytes(raw, file: file, log: &log) }
            var probe = DiagnosticLog()
            _ = utf8Bytes(raw, file: file, log: &probe)
            let place = probe.items.first?.location ?? FileLocation(file: file)
            log.warning(.invalidEncoding, place,
                        "the file is not valid UTF-8 here; read it as Latin-1 (Windows-1252). Pass --encoding utf8 or latin1 to decide")
            return windows1252ToUTF8(raw)
        }
    }
}
