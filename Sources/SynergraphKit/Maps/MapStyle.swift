import Foundation

/// The visual vocabulary of Synergraph's maps: shapes and colour-blind-safe colours.
///
/// Colours are the Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008), distinguishable
/// under the common forms of colour blindness; shapes repeat the kind so a map printed in grey still reads.
public enum MapStyle {
    /// Okabe–Ito colours, in the order categories take them.
    public static let palette: [MapColor] = [
        MapColor(red: 0xE6, green: 0x9F, blue: 0x00),  // orange
        MapColor(red: 0x56, green: 0xB4, blue: 0xE9),  // sky blue
        MapColor(red: 0x00, green: 0x9E, blue: 0x73),  // bluish green
        MapColor(red: 0xF0, green: 0xE4, blue: 0x42),  // yellow
        MapColor(red: 0xCC, green: 0x79, blue: 0xA7),  // reddish purple
        MapColor(red: 0xD5, green: 0x5E, blue: 0x00),  // vermillion
        MapColor(red: 0x00, green: 0x72, blue: 0xB2),  // blue
        MapColor(red: 0x99, green: 0x99, blue: 0x99),  // grey
    ]

    /// The colour of the `i`-th category; past the palette, categories cycle with a lighter tint.
    public static func categoryColor(_ i: Int) -> MapColor {
        let base = palette[i % (palette.count - 1)]
        guard i >= palette.count - 1 else { return base }
        func lighten(_ c: UInt8) -> UInt8 { UInt8((Int(c) + 255) / 2) }
        return MapColor(red: lighten(base.red), green: lighten(base.green), blue: lighten(base.blue))
    }

    /// Grey for what has no category.
    public static let noCategory = palette[palette.count - 1]

    public static func shape(of kind: NodeKind) -> MapShape {
        switch kind {
        case .agency: .box
        case .school: .house
        case .cso: .hexagon
        case .expert: .ellipse
        case .government: .octagon
        case .other: .circle
        }
    }

    public static func color(of kind: NodeKind) -> MapColor {
        switch kind {
        case .agency: palette[0]
        case .school: palette[1]
        case .cso: palette[2]
        case .expert: palette[3]
        case .government: palette[4]
        case .other: noCategory
        }
    }

    /// Line style by tie kind: formal ties solid, affiliations dotted, loose engagement dashed, money bold.
    public static func lineStyle(ofTieKind kind: String) -> MapLineStyle {
        switch kind {
        case "affiliation", ViewFilter.coParticipationKind: .dotted
        case "membership", "engagement": .dashed
        case "funding": .bold
        default: .solid
        }
    }

    /// Line width in points for a tie weight: grows with the logarithm, from 0.6 to 4.
    public static func lineWidth(weight: Double) -> Double {
        min(4, 0.6 + 0.9 * log2(1 + max(0, weight)))
    }
}
