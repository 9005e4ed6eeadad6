import SynergraphKit

/// Identifiers written into the output (node names, SVG `id`s and `class`es), derived from data.
///
/// Every character outside `[A-Za-z0-9-]` is written as `_` followed by the two hex digits of each
/// of its UTF-8 bytes (`_` itself becomes `_5F`). The result only uses `[A-Za-z0-9_-]`, so it is
/// safe in DOT, SVG and CSS selectors, and the encoding is injective: two different ids never
/// give the same identifier. Identifiers depend only on the data's ids, never on positions.
/// An id longer than ``maxEncodedBytes`` bytes is written as its first bytes, encoded, then `_H` and the
/// SHA-256 of the whole id (`H` is not a hex digit, so no short id's encoding has that form): Graphviz
/// spends minutes on node names of megabytes.
package enum MapIdentifiers {
    /// Prefix of node identifiers: `n-` + encoded ``MapNode/id``.
    package static let nodePrefix = "n-"
    /// Prefix of cluster identifiers (SVG id): `c-` + encoded ``MapCluster/id``.
    package static let clusterPrefix = "c-"
    /// Prefix of edge identifiers: `e-` + the edge's position in ``MapDocument/edges``.
    package static let edgePrefix = "e-"
    /// SVG id (and node name) of the legend.
    package static let legend = "legend"
    /// Names of the invisible corner points of a fixed canvas (``MapDocument/canvas``). Node names
    /// always start with ``nodePrefix``, so these cannot clash with a node.
    package static let canvasMin = "canvas-min"
    package static let canvasMax = "canvas-max"

    /// The node name and SVG id of a node.
    package static func node(_ id: String) -> String { nodePrefix + encode(id) }

    /// The SVG id of a cluster.
    package static func cluster(_ id: String) -> String { clusterPrefix + encode(id) }

    /// The Graphviz subgraph name of a cluster (the `cluster` prefix makes Graphviz draw a box).
    package static func clusterSubgraph(_ id: String) -> String { "cluster_" + encode(id) }

    /// The SVG id of the edge at `index`.
    package static func edge(_ index: Int) -> String { edgePrefix + String(index) }

    /// Class names as one `class` value: each encoded, empty ones dropped, duplicates removed
    /// (first occurrence kept).
    package static func classList(_ classes: [String]) -> String {
        var seen = Set<String>()
        var out: [String] = []
        for name in classes where !name.isEmpty {
            let encoded = encode(name)
            if seen.insert(encoded).inserted { out.append(encoded) }
        }
        return out.joined(separator: " ")
    }

    /// Ids longer than this many UTF-8 bytes are shortened with a digest (see the type's note).
    package static let maxEncodedBytes = 200

    /// The injective `[A-Za-z0-9_-]` encoding described above.
    package static func encode(_ text: String) -> String {
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
