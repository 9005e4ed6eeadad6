/// One cell of a CSV file Synergraph writes (reports, trend tables, the network folder's tables):
/// RFC 4180 quoting, and text that a spreadsheet would run as a formula made inert.
///
/// CSV (formula) injection: Excel, LibreOffice and Google Sheets evaluate a cell whose text starts with
/// `=`, `+`, `-` or `@` (and some start a formula after a leading tab or carriage return), so a name such
/// as `=HYPERLINK("http://…","click")` from a partner's file would become a live link in our output. Such
/// a cell is written with a leading `'`, which spreadsheets show as text and do not store. Numbers
/// (`-0.25`, `+3`, `-1e-5`) stay as they are. So that the network folder reads back exactly, a cell that
/// already starts with `'` followed by one of those characters (or by another `'`) gets one more `'`,
/// and ``unescapingFormula(_:)`` takes exactly one off: the two are inverse for every text.
enum CSVText {
    /// `s` as a CSV cell.
    static func field(_ s: String) -> String {
        let text = escapingFormula(s)
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `s` with a leading `'` when a spreadsheet would read it as a formula (see the type's note).
    static func escapingFormula(_ s: String) -> String {
        let u = s.utf8
        guard let first = u.first else { return s }
        if isTrigger(first) { return isNumber(s) ? s : "'" + s }
        if first == UInt8(ascii: "'"), u.count > 1, let second = u.dropFirst().first, isTrigger(second) || second == UInt8(ascii: "'") {
            return "'" + s
        }
        return s
    }

    /// The inverse of ``escapingFormula(_:)``, for cells read back from the network folder.
    static func unescapingFormula(_ s: String) -> String {
        let u = s.utf8
        guard u.first == UInt8(ascii: "'"), u.count > 1, let second = u.dropFirst().first else { return s }
        if isTrigger(second) || second == UInt8(ascii: "'") { return String(s.dropFirst()) }
        return s
    }

    private static func isTrigger(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "=") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "@") || b == 0x09 || b == 0x0D
    }

    /// A plain decimal number (optional sign, digits, optional fraction and exponent), which
    /// spreadsheets read as a number, not a formula.
    private static func isNumber(_ s: String) -> Bool {
        var u = Substring(s).utf8[...]
        func digits() -> Int {
            var n = 0
            while let c = u.first, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { u = u.dropFirst(); n += 1 }
            return n
        }
        if let c = u.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { u = u.dropFirst() }
        var mantissa = digits()
        if u.first == UInt8(ascii: ".") { u = u.dropFirst(); mantissa += digits() }
        guard mantissa > 0 else { return false }
        if let c = u.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            u = u.dropFirst()
            if let c = u.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { u = u.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return u.isEmpty
    }
}
