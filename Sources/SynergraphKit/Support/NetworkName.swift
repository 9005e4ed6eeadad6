/// The rule for a network's machine name (`manifest.json`'s `name`), which names output folders
/// (`out/<name>/`, `OUT/<name>/<quarter>/`): lowercase ASCII letters, digits and `-`, starting with a
/// letter or digit, at most ``maximumLength`` characters. Anything else could name a path
/// (`../../tmp/x`, `/etc`, `.`), so a native network with another name is invalid, and a name taken from
/// a file name (GraphML, edge lists, ...) is made to fit with ``slug(_:)``.
public enum NetworkName {
    public static let maximumLength = 64

    /// Why `name` breaks the rule, or nil when it keeps it.
    public static func problem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        guard let first = bytes.first else { return "the name is empty" }
        guard bytes.count <= maximumLength else { return "the name is \(bytes.count) characters long; at most \(maximumLength) are allowed" }
        guard isLetterOrDigit(first) else { return "the name must start with a lowercase letter or a digit" }
        if let bad = name.unicodeScalars.first(where: { !($0.isASCII && (isLetterOrDigit(UInt8($0.value)) || $0 == "-")) }) {
            let shown = bad.value > 0x20 && bad.value != 0x7F ? "'\(bad)'" : "the control character U+\(String(bad.value, radix: 16, uppercase: true))"
            return "the name holds \(shown); only lowercase letters a-z, digits and '-' are allowed"
        }
        return nil
    }

    /// `text` made into a valid name: lowercased, every run of other characters turned into one `-`,
    /// trimmed of `-` at both ends and cut to ``maximumLength``; `fallback` when nothing is left. Also
    /// the ids Synergraph makes from text (new actors from attendance lists, aggregate map groups).
    public static func slug(_ text: String, fallback: String = "network") -> String {
        var out: [UInt8] = []
        var pendingDash = false
        for var b in text.utf8 {
            if b >= UInt8(ascii: "A"), b <= UInt8(ascii: "Z") { b += 32 }
            if isLetterOrDigit(b) {
                if pendingDash, !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingDash = false
                out.append(b)
                if out.count >= maximumLength { break }
            } else {
                pendingDash = true
            }
        }
        while out.last == UInt8(ascii: "-") { out.removeLast() }
        return out.isEmpty ? fallback : String(decoding: out, as: UTF8.self)
    }

    private static func isLetterOrDigit(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
}
