import Foundation

/// ``MapReadability`` as a table for people and as JSON for scripts.
public enum ReadabilityText {
    public static func table(_ r: MapReadability, layout: String, map: String) -> String {
        func row(_ name: String, _ value: String) -> String {
            "  " + name.padding(toLength: 30, withPad: " ", startingAt: 0) + value + "\n"
        }
        var out = "Readability of \(map) (\(layout); \(r.nodes) nodes, \(r.ties) lines, \(r.clusters) boxes; \(Int(r.width.rounded())) × \(Int(r.height.rounded())) points)\n"
        out += row("node overlaps", String(r.nodeOverlaps))
        out += row("label overlaps", String(r.labelOverlaps) + " (of \(r.labels) labels)")
        out += row("label–node overlaps", String(r.labelNodeOverlaps))
        out += row("box overlaps", String(r.clusterOverlaps))
        out += row("actors outside their box", String(r.actorsOutsideBox))
        out += row("edge crossings", "\(r.edgeCrossings) (\(NetworkSummary.fixed(r.crossingsPerTie, 2)) per line)")
        out += row("lines through nodes", String(r.edgesThroughNodes))
        out += row("lines through other boxes", String(r.tiesThroughForeignBoxes))
        return out
    }

    /// One JSON object: the counts (snake_case keys), the layout and the map's path; keys sorted.
    public static func json(_ r: MapReadability, layout: String, map: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var object = (try? JSONSerialization.jsonObject(with: encoder.encode(r))) as? [String: Any] ?? [:]
        object["layout"] = layout
        object["map"] = map
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
