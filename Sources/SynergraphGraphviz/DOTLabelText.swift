/// The text a DOT `label` shows, as a plain one-line string (a node's name, an edge's label).
///
/// - Ordinary labels: Graphviz's escapes are applied as Graphviz draws them: `\N` the node's name,
///   `\G` the graph's, `\E` `\T` `\H` the edge's, its tail's and head's; the line breaks `\n`, `\l`,
///   `\r` and real line breaks become one space; `\\` is a backslash; any other backslash is dropped.
/// - HTML-like labels (`<…>`): the text without its tags, `<br/>` and table cells as a space, entities decoded
///   (`&amp;`, `&lt;`, `&#65;`, `&#x41;`, `&nbsp;` and the other XML ones); the markup itself is kept
///   by the reader as the attribute `html_label`.
///
/// Runs of blanks become one space; the result is trimmed.
enum DOTLabelText {
    struct Context {
        var graph: String
        var node: String?
        var tail: String?
        var head: String?
    }

    static func plain(_ label: String, _ context: Context) -> String {
        var out = ""
        var chars = label.makeIterator()
        while let c = chars.next() {
            guard c == "\\" else {
                out.append(c == "\n" || c == "\r" || c == "\r\n" ? " " : c)
                continue
            }
            guard let next = chars.next() else { break }
            switch next {
            case "N": out += context.node ?? ""
            case "G": out += context.graph
            case "E": out += context.tail.map { t in t + "->" + (context.head ?? "") } ?? ""
            case "T": out += context.tail ?? ""
            case "H": out += context.head ?? ""
            case "n", "l", "r": out += " "
            case "\\": out += "\\"
            default: out.append(next)
            }
        }
        return collapse(out)
    }

    static func html(_ label: String) -> String {
        var out = ""
        var i = label.startIndex
        while i < label.endIndex {
            let c = label[i]
            if c == "<" {
                let end = label[i...].firstIndex(of: ">") ?? label.endIndex
                let tag = label[label.index(after: i)..<end].lowercased().drop { $0 == "/" }.prefix { $0.isLetter }
                if !inlineTags.contains(String(tag)) { out += " " }
                i = end < label.endIndex ? label.index(after: end) : end
            } else if c == "&", let semi = label[i...].prefix(12).firstIndex(of: ";"),
                      let decoded = entity(label[label.index(after: i)..<semi]) {
                out += decoded
                i = label.index(after: semi)
            } else {
                out.append(c)
                i = label.index(after: i)
            }
        }
        return collapse(out)
    }

    /// Tags that format text inside a line; every other tag (`<br/>`, table cells, ...) separates words.
    private static let inlineTags: Set<String> = ["b", "i", "u", "o", "s", "sub", "sup", "font"]

    private static func entity(_ name: Substring) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }

    private static func collapse(_ s: String) -> String {
        var out = ""
        var blank = false
        for c in s {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" {
                blank = true
                continue
            }
            if blank, !out.isEmpty { out.append(" ") }
            blank = false
            out.append(c)
        }
        return out
    }
}
