/// The identifiers a drawn map gives its nodes (SVG `id`, Graphviz node name), shared by the Graphviz
/// facade that writes them and the partner atlas that finds them again in the SVG.
///
/// Every character outside `[A-Za-z0-9-]` is written as `_` followed by the two hex digits of each of
/// its UTF-8 bytes (`_` itself becomes `_5F`). The result only uses `[A-Za-z0-9_-]`, so it is safe in
/// DOT, SVG, HTML attributes and CSS selectors, and the encoding is injective: two different ids never
/// give the same identifier. Identifiers depend only on the data's ids, never on positions.
/// An id longer than ``maxEncodedBytes`` bytes is written as its first 64 bytes, encoded, then `_H` and
/// the SHA-256 of the whole id (`H` is not a hex digit, so no short id's encoding has that form): Graphviz
/// spends minutes on node names of megabytes.
///
/// - Complexity: O(n) in the id's UTF-8 length.
public enum MapElementID {
    /// Prefix of node identifiers: `n-` + encoded ``MapNode/id``.
    public static let nodePrefix = "n-"
    /// Prefix of edge identifiers: `e-` + the edge's position in ``MapDocument/edges``.
    public static let edgePrefix = "e-"

    /// The node name and SVG id of a map node with this ``MapNode/id``.
    public static func node(_ id: String) -> String { nodePrefix + encode(id) }

    /// The SVG id of the edge at `index` of ``MapDocument/edges``.
    public static func edge(_ index: Int) -> String { edgePrefix + String(index) }

    /// Ids longer than this many UTF-8 bytes are shortened with a digest (see the type's note).
    public static let maxEncodedBytes = 200

    /// The injective `[A-Za-z0-9_-]` encoding described above.
    public static func encode(_ text: String) -> String {
        if text.utf8.count > maxEncodedBytes {
            return encodeBytes(text.utf8.prefix(64)) + "_H" + SHA256.hex(text)
        }
        return encodeBytes(text.utf8)
    }

    private static func encodeBytes(_ utf8: some Collection<UInt8>) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "_"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
