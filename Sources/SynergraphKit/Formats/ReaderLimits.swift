/// How much of each dimension a reader accepts before it refuses the input, so that a hostile or broken
/// file costs at most a bounded, linear amount of work and memory (Docs/formats.md, "Reader limits").
///
/// The defaults are far above what partner networks, spreadsheets and the files of NetworkX, igraph, Gephi,
/// yEd and Graphviz hold (a spreadsheet has at most 16,384 columns and 32,767 characters in a cell), so
/// they never bother real data. Exceeding one is an error naming the limit, the place, and how to raise
/// it (`--limit NAME=VALUE` on every command that reads a network).
///
/// Every reader does work linear in its input whatever the limits say; the limits bound memory and the
/// amplification some formats allow (GraphML key defaults, DOT attribute declarations), and turn absurd
/// inputs into a clear message rather than minutes of work.
public struct ReaderLimits: Sendable, Equatable {
    /// The limits by name, as `--limit NAME=VALUE` spells them.
    public enum Name: String, Sendable, CaseIterable {
        /// Bytes of one file. Default: 500 MiB for GraphML, GEXF, GML, Pajek, DOT and files of unknown
        /// form (parsed whole into memory), 2 GiB for the folder's tables, JSON and edge lists.
        case fileSize = "file-size"
        /// Fields of one CSV row (header included).
        case columns
        /// Bytes of one line of a line-based file (CSV tables and edge lists, Pajek).
        case lineLength = "line-length"
        /// Bytes of one value: a CSV cell, a JSON, GML or DOT string, an XML attribute value or text, a Pajek token.
        case fieldLength = "field-length"
        /// Nesting: XML elements, JSON arrays and objects, GML lists, DOT braces.
        case depth
        /// Records of one file: rows of a table or edge list, nodes plus edges (GraphML, GEXF, GML, Pajek, DOT), entries of the JSON form.
        case records
        /// Attributes of one node or tie, and attribute names a file declares (GraphML keys, GEXF attribute
        /// columns, DOT attribute names, JSON keys of one record).
        case attributes
        /// Attribute values of all nodes and ties together (GraphML and GEXF key defaults multiply them).
        case values

        /// Whether the limit counts bytes (`K`, `M`, `G` suffixes are then powers of 1,024).
        var isBytes: Bool { self == .fileSize || self == .lineLength || self == .fieldLength }
    }

    /// The file-size limit set by `--limit file-size`, or nil for the defaults by form (see ``Name/fileSize``).
    public var fileSize: Int?
    public var columns = 16_384
    public var lineLength = 16 << 20
    public var fieldLength = 1 << 20
    /// Clamped to ``maximumDepth`` by the readers.
    public var depth = 100 {
        didSet { depth = min(depth, Self.maximumDepth) }
    }
    public var records = 20_000_000
    public var attributes = 1_000
    public var values = 20_000_000

    /// The most `depth` can be raised to: the JSON and GML parsers recurse once per level.
    public static let maximumDepth = 1_000

    /// Default file size of forms parsed whole into memory (GraphML, GEXF, GML, Pajek, DOT, unknown).
    public static let defaultFormatFileSize = 500 << 20
    /// Default file size of the folder's tables, JSON and edge lists.
    public static let defaultFileSize = 2 << 30

    public init() {}

    /// The limit's value (for ``Name/fileSize`` with no value set, the default of the folder's tables).
    public subscript(name: Name) -> Int {
        get {
            switch name {
            case .fileSize: fileSize ?? Self.defaultFileSize
            case .columns: columns
            case .lineLength: lineLength
            case .fieldLength: fieldLength
            case .depth: depth
            case .records: records
            case .attributes: attributes
            case .values: values
            }
        }
        set {
            switch name {
            case .fileSize: fileSize = newValue
            case .columns: columns = newValue
            case .lineLength: lineLength = newValue
            case .fieldLength: fieldLength = newValue
            case .depth: depth = newValue
            case .records: records = newValue
            case .attributes: attributes = newValue
            case .values: values = newValue
            }
        }
    }

    /// The file-size limit of a form parsed whole (`format`) or not.
    public func fileSize(format: Bool) -> Int { fileSize ?? (format ? Self.defaultFormatFileSize : Self.defaultFileSize) }

    /// Parses `NAME=VALUE` (`columns=500000`, `field-length=8M`; `K`, `M`, `G` multiply by 1,000 for counts
    /// and by 1,024 for bytes), or returns why not.
    public static func parse(_ text: String) -> Result<(Name, Int), LimitSyntaxError> {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let names = Name.allCases.map(\.rawValue).joined(separator: ", ")
        guard parts.count == 2 else { return .failure(LimitSyntaxError("'\(text)' is not NAME=VALUE; the limits are \(names)")) }
        let key = parts[0].trimmingWhitespace().lowercased()
        guard let name = Name(rawValue: key) else { return .failure(LimitSyntaxError("there is no limit '\(key)'; the limits are \(names)")) }
        var digits = parts[1].trimmingWhitespace().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")
        var factor = 1
        if let last = digits.last, let power = ["k": 1, "m": 2, "g": 3][last.lowercased()] {
            digits.removeLast()
            factor = (0..<power).reduce(1) { r, _ in r * (name.isBytes ? 1024 : 1000) }
        }
        guard let v = Int(digits), v > 0, v <= Int.max / factor else {
            return .failure(LimitSyntaxError("the value of \(name.rawValue) must be a whole number above 0 (K, M, G allowed), not '\(parts[1])'"))
        }
        if name == .depth, v * factor > maximumDepth {
            return .failure(LimitSyntaxError("depth can be raised to \(grouped(maximumDepth)) at most (the JSON and GML readers recurse once per level)"))
        }
        return .success((name, v * factor))
    }

    /// The error for a limit exceeded at `place`: "`what` (limit NAME=N); raise it with --limit NAME=M", where
    /// M is twice the limit, or `needed` when that is more.
    public func exceeded(_ name: Name, at place: FileLocation, _ what: String, needed: Int? = nil, limit: Int? = nil) -> Diagnostic {
        let value = limit ?? self[name]
        let suggestion = max(needed ?? 0, value > Int.max / 2 ? value : 2 * value)
        return Diagnostic(.error, name == .depth ? .tooDeep : .tooLarge, at: place,
                          "\(what) (limit \(name.rawValue)=\(Self.spelled(name, value))); raise it with --limit \(name.rawValue)=\(Self.spelled(name, suggestion, roundUp: true))")
    }

    /// A value as `--limit` takes it: byte limits of whole mebibytes as `500M` (rounded up to one when
    /// `roundUp`), everything else as digits.
    static func spelled(_ name: Name, _ value: Int, roundUp: Bool = false) -> String {
        guard name.isBytes, value >= 1 << 20 else { return String(value) }
        if value % (1 << 20) == 0 { return "\(value >> 20)M" }
        return roundUp ? "\((value >> 20) + 1)M" : String(value)
    }
}

/// Why `--limit NAME=VALUE` text could not be read.
public struct LimitSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// `1234567` → `1,234,567`.
func grouped(_ n: Int) -> String { ReaderLimits.grouped(n) }

extension ReaderLimits {
    /// `1234567` → `1,234,567`.
    public static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return n < 0 ? "-" + out : out
}
}
