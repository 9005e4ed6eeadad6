import SynergraphKit

/// Text from data made safe to hand to Graphviz: capped, and escaped for the three places text
/// goes (ordinary labels, tooltips, HTML-like labels).
///
/// Graphviz interprets ordinary labels: `\N`, `\G`, `\n`, `\l`, ... are escapes, other backslashes
/// are dropped, and entities such as `&lt;` or `&#65;` are decoded. To show text literally every
/// backslash becomes `\\` first, then every `&` becomes `&amp;`. Line breaks are the facade's
/// (`\n` between capped lines), never the data's.
package enum MapText {
    /// `text` as the lines a label shows.
    ///
    /// - Every line break the data may contain (`\n`, `\r\n`, `\r`, U+2028, ...) separates lines.
    /// - Runs of spaces, tabs and control characters become one space; lines are trimmed and empty
    ///   lines dropped (Graphviz would draw double spaces as no-break spaces and keep room for empty
    ///   lines, which only makes nodes bigger).
    /// - At most `maxLines` lines and `maxCharacters` characters (grapheme clusters, one per line
    ///   break); text past either limit is cut and the last line ends in "…".
    ///
    /// An empty result (no visible character) is `[""]`.
    /// - Complexity: O(*n*) in the length of the text, stopping early at the limits.
    package static func cappedLines(_ text: String, maxCharacters: Int, maxLines: Int) -> [String] {
        compact(text, maxCharacters: maxCharacters, maxLines: maxLines, breaksAreSpaces: false)
    }

    /// The capped text as one string, lines joined by `"\n"` (what a reader of the SVG sees).
    package static func capped(_ text: String, maxCharacters: Int, maxLines: Int) -> String {
        cappedLines(text, maxCharacters: maxCharacters, maxLines: maxLines).joined(separator: "\n")
    }

    /// `text` on one line, as ``cappedLines(_:maxCharacters:maxLines:)`` but with line breaks as spaces.
    package static func singleLine(_ text: String, maxCharacters: Int) -> String {
        compact(text, maxCharacters: maxCharacters, maxLines: 1, breaksAreSpaces: true)[0]
    }

    private static func compact(_ text: String, maxCharacters: Int, maxLines: Int, breaksAreSpaces: Bool) -> [String] {
        let maxCharacters = max(maxCharacters, 2)
        let maxLines = max(maxLines, 1)
        var lines: [String] = []
        var current = ""
        var used = 0  // characters kept, line breaks included
        var pendingSpace = false
        var pendingBreak = false
        var cut = false
        for character in text {
            if character.isNewline && !breaksAreSpaces {
                if !current.isEmpty { pendingBreak = true }
                pendingSpace = false
                continue
            }
            if character == " " || character.isNewline || isControl(character) {
                if !current.isEmpty && !pendingBreak { pendingSpace = true }
                continue
            }
            if pendingBreak {
                if lines.count + 1 == maxLines || used + 1 >= maxCharacters {
                    cut = true
                    break
                }
                lines.append(current)
                current = ""
                used += 1
                pendingBreak = false
            } else if pendingSpace {
                if used + 1 >= maxCharacters {
                    cut = true
                    break
                }
                current.append(" ")
                used += 1
                pendingSpace = false
            }
            if used == maxCharacters {
                cut = true
                break
            }
            current.append(character)
            used += 1
        }
        if cut {
            // Make room for the ellipsis within the character budget.
            if used >= maxCharacters, !current.isEmpty {
                current.removeLast()
            }
            current.append("…")
        }
        if !current.isEmpty || lines.isEmpty {
            lines.append(current)
        }
        return lines
    }

    /// An ordinary Graphviz label value showing `lines` literally, one per line, centred.
    package static func labelValue(_ lines: [String]) -> String {
        lines.map(escapeLabelLine).joined(separator: "\\n")
    }

    /// One line escaped for an ordinary label: `\` → `\\`, then `&` → `&amp;`.
    package static func escapeLabelLine(_ line: String) -> String {
        var out = ""
        out.reserveCapacity(line.utf8.count)
        for scalar in line.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A tooltip value showing `lines` literally.
    ///
    /// Tooltips are not labels: Graphviz unescapes them twice (each pass turns `\\` into `\` and
    /// drops other backslashes; `\N`, `\G`, ... are substituted in the second), and its SVG writer
    /// passes anything that looks like an entity through unchanged. So a backslash becomes four,
    /// `&` becomes `&amp;`, and lines are joined with `&#10;`; an XML parser reading the SVG gets
    /// the original text back (checked by the tests).
    package static func tooltipValue(_ lines: [String]) -> String {
        var out = ""
        for (index, line) in lines.enumerated() {
            if index > 0 { out += "&#10;" }
            for scalar in line.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\\\\\"
                case "&": out += "&amp;"
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `text` escaped for the body of an HTML-like label: `&`, `<`, `>`, `"`, `'` as entities, and
    /// `\` as `\\` (Graphviz substitutes `\N`, `\G`, ... inside HTML-like labels too).
    package static func escapeHTML(_ text: String) -> String {
        // HTMLText's entities bring no backslash, so doubling afterwards touches only the text's own.
        HTMLText.escape(text).replacingOccurrences(of: "\\", with: "\\\\")
    }

    /// Control characters (C0, DEL, C1) and noncharacters (U+FFFE, ...): not text, and several of
    /// them are not allowed in XML at all. Format characters (ZWJ, ZWNJ, ...) are kept: several
    /// scripts need them.
    private static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control || scalar.properties.isNoncharacterCodePoint
        }
    }
}
