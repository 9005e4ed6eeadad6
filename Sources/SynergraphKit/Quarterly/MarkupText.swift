/// Escaping for Markdown written by the batch: data never becomes markup.
enum MarkdownText {
    /// Text safe in a Markdown paragraph, list item or table cell: every character that can start
    /// markup anywhere (emphasis, code, links, HTML, entities, table cells) is backslash-escaped, as is
    /// a first character that would start a list, heading or quote; line breaks become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        let leadingDigits = text.prefix { $0.isASCII && $0.isNumber }.count
        for (i, ch) in text.enumerated() {
            if ch.isNewline {
                out.append(" ")
            } else if "\\`*_[]<>|~&#".contains(ch) || (i == 0 && "-+".contains(ch))
                || (leadingDigits > 0 && i == leadingDigits && ".)".contains(ch)) {
                out.append("\\")
                out.append(ch)
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Text inside a code span (backticks cannot close it; line breaks become spaces).
    static func code(_ text: String) -> String {
        String(text.map { $0 == "`" ? "'" : ($0.isNewline ? " " : $0) })
    }
}

/// Escaping for the HTML written by the batch: every piece of data goes through ``escape(_:)``.
package enum HTMLText {
    /// Text safe in HTML content and in quoted attribute values (also the Graphviz facade's HTML-like labels).
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
