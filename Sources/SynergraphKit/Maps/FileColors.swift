import Foundation

/// Colours a network file carries for its nodes (Gephi's `viz:color`, kept by the GEXF reader as the
/// attribute `viz_color`), read strictly.
///
/// Attribute text comes from the file and may be anything (a nodes-table column or a DOT attribute
/// named `viz_color` is not checked by any reader), so only the exact form `#rrggbb` becomes a
/// ``MapColor``; everything else is refused here and never reaches Graphviz: the facade writes the
/// typed colour with ``MapColor/hex``, never the attribute's text.
extension MapColor {
    /// `#rrggbb` (seven characters: `#` and six hexadecimal digits, either case), else nil.
    ///
    /// `#rgb`, `#rrggbbaa`, colour names and anything with spaces or quotes are refused.
    public init?(rgbHex text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#") else { return nil }
        func digit(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var channels: [UInt8] = []
        for i in stride(from: 1, to: 7, by: 2) {
            guard let high = digit(bytes[i]), let low = digit(bytes[i + 1]) else { return nil }
            channels.append(high << 4 | low)
        }
        self.init(red: channels[0], green: channels[1], blue: channels[2])
    }

    /// The colour of a node as its file gives it (`viz_color`, `#rrggbb` only), or nil.
    public static func fileColor(of node: Node) -> MapColor? {
        node.attribute("viz_color").flatMap { MapColor(rgbHex: $0) }
    }

    /// WCAG 2 relative luminance (0 black … 1 white).
    var relativeLuminance: Double {
        func linear(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black or white, whichever contrasts more with this colour as a background (WCAG contrast
    /// ratio; the two are equal at a luminance of about 0.18).
    public var readableTextColor: MapColor {
        let l = relativeLuminance
        let onBlack = (l + 0.05) / 0.05, onWhite = 1.05 / (l + 0.05)
        return onBlack >= onWhite ? MapColor(red: 0, green: 0, blue: 0) : MapColor(red: 255, green: 255, blue: 255)
    }
}
