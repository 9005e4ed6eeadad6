import Foundation

/// Why quarters cannot share a layout.
public enum StableLayoutError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A quarter has an actor the union layout does not (the union view must contain every quarter's view).
    case missingPosition(String)

    public var description: String {
        switch self {
        case .missingPosition(let id): "the shared layout has no position for '\(id)'"
        }
    }
}

/// One layout for every quarter of a batch, so that each partner keeps its place from map to map.
///
/// The layout is that of the *union* of the quarters: every actor present in any quarter and every
/// tie in any quarter (the view over the whole range). It is laid out once, with neato and a fixed
/// seed, from a document in which every actor is labelled and as large as it is in any quarter
/// (so there is room for whichever label and size a quarter gives it), with overlaps removed and no
/// title (so the bounding box is nodes and legend only). Each quarter is then drawn by neato with
/// every node pinned at its union position, the legend pinned at the union legend's place and the
/// union's bounding box pinned as its canvas, with overlap removal off: Graphviz only draws and
/// routes the straight edges. Shared actors therefore have identical coordinates in every quarter's
/// SVG and PNG, new actors appear where the union put them, and every map has the same size.
public enum StableLayout {
    /// The document the shared layout is computed from.
    ///
    /// - Parameters:
    ///   - unionView: The view over the whole range (the quarters' filter with the range's window).
    ///   - quarterDocuments: The quarters' documents before pinning (for the largest size and font of each node).
    public static func unionDocument(unionView: NetworkView, quarterDocuments: [MapDocument], options: MapOptions) -> MapDocument {
        var o = options
        o.labels = .all
        o.layout = .neato
        o.title = ""
        var doc = NetworkMapBuilder.build(view: unionView, options: o)
        doc.title = ""
        doc.caption = ""
        doc.removeOverlaps = true
        var largest: [String: (size: Double, font: Double)] = [:]
        for q in quarterDocuments {
            for n in q.nodes {
                let was = largest[n.id] ?? (0, 0)
                largest[n.id] = (max(was.size, n.size), max(was.font, n.fontSize))
            }
        }
        for i in doc.nodes.indices {
            guard let l = largest[doc.nodes[i].id] else { continue }
            doc.nodes[i].size = max(doc.nodes[i].size, l.size)
            doc.nodes[i].fontSize = max(doc.nodes[i].fontSize, l.font)
        }
        return doc
    }

    /// `doc` drawn with the shared layout: every node pinned at its union position, the union's
    /// legend pinned at its place, the union's bounding box as the canvas, overlaps left alone.
    public static func pin(_ doc: MapDocument, to positions: MapLayoutPositions, union: MapDocument) throws(StableLayoutError) -> MapDocument {
        var out = doc
        out.layout = .neato
        out.removeOverlaps = false
        for i in out.nodes.indices {
            guard let p = positions.nodes[out.nodes[i].id] else { throw .missingPosition(out.nodes[i].id) }
            out.nodes[i].position = p
        }
        out.legend = union.legend
        out.legendPosition = positions.legend
        out.legendSize = positions.legendSize
        out.canvas = positions.bounds
        return out
    }

    /// A content hash of a document: of its complete value as Swift prints it, so no field can be forgotten.
    public static func hash(of doc: MapDocument) -> String {
        SHA256.hex(String(reflecting: doc))
    }
}

/// The shared layout as cached in a batch's output folder (`layout.json`), keyed by the hash of the
/// union document it was computed from: a rerun with the same union reuses it without Graphviz.
struct CachedLayout: Codable, Equatable {
    static let fileName = "layout.json"

    var document: String
    var bounds: [Double]
    var legend: [Double]?
    /// Width and height of the legend's box (absent in layouts cached before it was kept).
    var legendSize: [Double]?
    var nodes: [String: [Double]]

    init(document: String, positions: MapLayoutPositions) {
        self.document = document
        let b = positions.bounds
        bounds = [b.minX, b.minY, b.maxX, b.maxY]
        legend = positions.legend.map { [$0.x, $0.y] }
        legendSize = positions.legendSize.map { [$0.width, $0.height] }
        nodes = positions.nodes.mapValues { [$0.x, $0.y] }
    }

    var positions: MapLayoutPositions? {
        guard bounds.count == 4, legend?.count ?? 2 == 2, legendSize?.count ?? 2 == 2, nodes.values.allSatisfy({ $0.count == 2 }) else { return nil }
        return MapLayoutPositions(
            nodes: nodes.mapValues { MapPoint(x: $0[0], y: $0[1]) },
            legend: legend.map { MapPoint(x: $0[0], y: $0[1]) },
            bounds: MapRect(minX: bounds[0], minY: bounds[1], maxX: bounds[2], maxY: bounds[3]),
            legendSize: legendSize.map { MapSize(width: $0[0], height: $0[1]) })
    }

    static func read(_ url: URL) -> CachedLayout? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(CachedLayout.self, from: data)
    }

    func text() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
