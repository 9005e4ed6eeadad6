import SynergraphKit

/// The legend as an HTML-like table: one row per entry, a swatch and its text.
///
/// HTML-like labels cannot draw Graphviz shapes or lines, so swatches are glyphs from the Unicode
/// Geometric Shapes and Box Drawing blocks in the entry's colour (Noto Sans Symbols 2 and DejaVu
/// cover them). All text is escaped for HTML; no attribute value comes from data except colours,
/// which are formatted by ``MapColor/hex``.
enum LegendTable {
    /// The label text (to be passed through `agstrdup_html`).
    static func html(for entries: [MapLegendEntry]) -> String {
        var rows = [
            "<TABLE BORDER=\"1\" COLOR=\"#9a9a9a\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" BGCOLOR=\"#ffffff\">",
            "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>",
        ]
        let shown = entries.prefix(MapLimits.maxLegendEntries)
        for entry in shown {
            let text = MapText.escapeHTML(MapText.singleLine(entry.text, maxCharacters: MapLimits.legendTextCharacters))
            rows.append("<TR><TD ALIGN=\"CENTER\">" + swatch(entry.swatch) + "</TD><TD ALIGN=\"LEFT\">" + text + "</TD></TR>")
        }
        if entries.count > shown.count {
            rows.append("<TR><TD></TD><TD ALIGN=\"LEFT\"><I>… \(entries.count - shown.count) more</I></TD></TR>")
        }
        rows.append("</TABLE>")
        return rows.joined()
    }

    private static func swatch(_ swatch: MapLegendEntry.Swatch) -> String {
        switch swatch {
        case .node(let shape, let color):
            return "<FONT COLOR=\"\(color.hex)\" POINT-SIZE=\"14\">\(glyph(shape))</FONT>"
        case .line(let style, let width):
            let heavy = width.isFinite && width >= 2.5
            return "<FONT COLOR=\"#555555\">\(line(style, heavy: heavy))</FONT>"
        case .coloredLine(let style, let width, let color):
            let heavy = width.isFinite && width >= 2.5
            return "<FONT COLOR=\"\(color.hex)\">\(line(style, heavy: heavy))</FONT>"
        case .ring(let color):
            return "<FONT COLOR=\"\(color.hex)\" POINT-SIZE=\"14\">◎</FONT>"
        case .outline(let color):
            return "<FONT COLOR=\"\(color.hex)\" POINT-SIZE=\"14\"><B>○</B></FONT>"
        case .note:
            return ""
        }
    }

    private static func glyph(_ shape: MapShape) -> String {
        switch shape {
        case .ellipse: return "⬬"
        case .circle: return "●"
        case .box: return "■"
        case .diamond: return "◆"
        case .hexagon: return "⬢"
        case .octagon: return "⯃"
        case .triangle: return "▲"
        case .house: return "⌂"
        case .pentagon: return "⬟"
        case .doublecircle: return "◉"
        case .plaintext: return "A"
        }
    }

    private static func line(_ style: MapLineStyle, heavy: Bool) -> String {
        switch style {
        case .solid: return heavy ? "━━━" : "───"
        case .dashed: return heavy ? "╍╍╍" : "╌╌╌"
        case .dotted: return heavy ? "┉┉┉" : "┈┈┈"
        case .bold: return "━━━"
        }
    }
}
