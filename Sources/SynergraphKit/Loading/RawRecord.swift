/// A value as it appears in a file, before it is checked: CSV cells are always text; the JSON form
/// also has numbers, booleans and lists.
enum RawValue: Equatable {
    case text(String)
    case number(Double)
    case bool(Bool)
    case list([String])

    /// The value as text (lists joined with `;`, as they are written in CSV cells).
    var text: String {
        switch self {
        case .text(let s): s
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .bool(let b): b ? "true" : "false"
        case .list(let l): l.joined(separator: ";")
        }
    }
}

/// One record of a table (a node, a tie, an activity, a participation) with where each value came from.
struct RawRecord {
    struct Field {
        var key: String
        var value: RawValue
        var location: FileLocation
    }

    var location: FileLocation
    var fields: [Field]

    /// The field for `key`, if present and not empty.
    func field(_ key: String) -> Field? {
        guard let f = fields.first(where: { $0.key == key }) else { return nil }
        if case .text(let s) = f.value, s.trimmingWhitespace().isEmpty { return nil }
        if case .list(let l) = f.value, l.isEmpty { return nil }
        return f
    }

    /// Trimmed text of `key`, nil when absent or empty.
    func text(_ key: String) -> String? {
        guard let f = field(key) else { return nil }
        let t = f.value.text.trimmingWhitespace()
        return t.isEmpty ? nil : t
    }

    /// Where `key`'s value is, or the record's place.
    func location(of key: String) -> FileLocation {
        fields.first(where: { $0.key == key })?.location ?? location
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        // Fast path (most values): ASCII non-blank bytes at both ends. Unicode's whitespace property
        // lookup was 11% of reading a 1M-tie GraphML.
        let bytes = utf8
        guard let firstByte = bytes.first else { return "" }
        let lastByte = bytes[bytes.index(bytes.endIndex, offsetBy: -1)]
        if firstByte > 0x20, firstByte < 0x80, lastByte > 0x20, lastByte < 0x80 { return String(self) }
        let view = unicodeScalars
        guard let head = view.first, let tail = view.last else { return "" }
        if !head.properties.isWhitespace, !tail.properties.isWhitespace { return String(self) }
        let scalars = Array(view)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == 0, last == scalars.count - 1 { return String(self) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
