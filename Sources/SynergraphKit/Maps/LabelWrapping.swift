/// Breaks a name into short lines so a labelled node stays compact on a map.
enum LabelWrapping {
    /// `text` with its words packed greedily into lines of at most `width` characters (a longer word
    /// gets a line of its own), at most `maxLines` lines, the last ending in "…" when text was left out.
    /// Line breaks and runs of white space in the input count as single spaces.
    static func wrap(_ text: String, width: Int = 20, maxLines: Int = 3) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        var lines: [String] = []
        var current = ""
        for word in words {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines else { return lines.joined(separator: "\n") }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] += "…"
        return kept.joined(separator: "\n")
    }
}
