/// Text helpers shared by the writers.
enum WriterText {
    /// Text safe inside XML character data and attribute values: `& < > " '` as entities, tab, line
    /// feed and carriage return as character references (so attribute values keep them), and characters
    /// XML 1.0 cannot hold (other C0 controls, U+FFFE, U+FFFF) dropped.
    static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A number as the shortest text that reads back to the same `Double`; whole numbers with `.0`
    /// (GraphML and GML readers then see a real, as NetworkX writes them).
    static func number(_ d: Double) -> String {
        "\(d)"
    }

    /// A number for a CSV cell: whole numbers without a fraction (`5`, not `5.0`), as people write them.
    static func plainNumber(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}

/// The model fields every writer writes, by name, in a fixed order, as text (lists joined with `;`).
enum ModelColumns {
    static func node(_ n: Node) -> [(String, String)] {
        var out: [(String, String)] = [("name", n.name), ("kind", n.kind.rawValue)]
        if let s = n.scope { out.append(("scope", s.rawValue)) }
        if let c = n.country { out.append(("country", c)) }
        if !n.sdgs.isEmpty { out.append(("sdgs", n.sdgs.map(String.init).joined(separator: ";"))) }
        if !n.accomplishments.isEmpty { out.append(("accomplishments", n.accomplishments.map(\.rawValue).joined(separator: ";"))) }
        if !n.sectors.isEmpty { out.append(("sectors", n.sectors.joined(separator: ";"))) }
        if let c = n.consent { out.append(("consent", c ? "true" : "false")) }
        if let s = n.sourceRef { out.append(("source_ref", s)) }
        return out
    }

    static let nodeOrder = ["name", "kind", "scope", "country", "sdgs", "accomplishments", "sectors", "consent", "source_ref"]

    /// Tie fields other than source and target.
    static func tie(_ t: Tie) -> [(String, String)] {
        var out: [(String, String)] = [("kind", t.kind), ("weight", WriterText.number(t.weight))]
        if let v = t.trust { out.append(("trust", WriterText.number(v))) }
        if let v = t.value { out.append(("value", WriterText.number(v))) }
        if let d = t.since { out.append(("since", d.description)) }
        if let d = t.until { out.append(("until", d.description)) }
        if let d = t.directed { out.append(("directed", d ? "true" : "false")) }
        if let s = t.sourceRef { out.append(("source_ref", s)) }
        return out
    }

    static let tieOrder = ["kind", "weight", "trust", "value", "since", "until", "directed", "source_ref"]

    /// Attribute names in order of first appearance.
    static func attributeNames<S: Sequence>(_ lists: S) -> [String] where S.Element == Attributes {
        var seen = Set<String>()
        var out: [String] = []
        for list in lists {
            for (k, _) in list where seen.insert(k).inserted { out.append(k) }
        }
        return out
    }
}
