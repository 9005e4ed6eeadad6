import Foundation
import SynergraphKit

extension GraphvizRenderer {
    /// Lays out `doc` and returns where the layout put every node and the legend, in points,
    /// keyed by ``MapNode/id``: what a pinned layout (``MapNode/position``,
    /// ``MapDocument/legendPosition``, ``MapDocument/canvas``) takes back, so that several maps can
    /// share one layout.
    ///
    /// The positions come from Graphviz's own JSON output of the laid-out graph (`pos` of each
    /// object, `bb` of the graph), so they are exactly what an SVG or PNG of `doc` would show. The
    /// same document gives the same positions wherever it is laid out (see
    /// ``render(_:format:timeout:)``).
    ///
    /// - Throws: ``GraphvizError``, including ``GraphvizError/renderFailed(_:)`` when the JSON cannot be read.
    public func positions(of doc: MapDocument, timeout: Duration? = nil) throws(GraphvizError) -> MapLayoutPositions {
        let result = try render(doc, format: .json, timeout: timeout)
        guard let object = try? JSONSerialization.jsonObject(with: result.data) as? [String: Any] else {
            throw GraphvizError.renderFailed("Graphviz's JSON output could not be read")
        }
        var idOfName: [String: String] = [:]
        for node in doc.nodes { idOfName[MapIdentifiers.node(node.id)] = node.id }
        var nodes: [String: MapPoint] = [:]
        var legend: MapPoint?
        var legendSize: MapSize?
        for case let entry as [String: Any] in object["objects"] as? [Any] ?? [] {
            guard let name = entry["name"] as? String, let pos = entry["pos"] as? String, let point = Self.point(pos) else { continue }
            if let id = idOfName[name] {
                nodes[id] = point
            } else if name == MapIdentifiers.legend {
                legend = point
                // Graphviz writes the drawn node's size in inches.
                if let w = (entry["width"] as? String).flatMap(Double.init), let h = (entry["height"] as? String).flatMap(Double.init) {
                    legendSize = MapSize(width: w * 72, height: h * 72)
                }
            }
        }
        guard nodes.count == doc.nodes.count else {
            throw GraphvizError.renderFailed("Graphviz's JSON output gave positions for \(nodes.count) of \(doc.nodes.count) nodes")
        }
        let box = (object["bb"] as? String ?? "").split(separator: ",").compactMap { Double($0) }
        guard box.count == 4 else { throw GraphvizError.renderFailed("Graphviz's JSON output has no bounding box") }
        return MapLayoutPositions(
            nodes: nodes, legend: legend, bounds: MapRect(minX: box[0], minY: box[1], maxX: box[2], maxY: box[3]), legendSize: legendSize)
    }

    /// `"x,y"` (Graphviz's `pos` of a node; a trailing `!` is allowed).
    private static func point(_ text: String) -> MapPoint? {
        let parts = text.replacingOccurrences(of: "!", with: "").split(separator: ",")
        guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]) else { return nil }
        return MapPoint(x: x, y: y)
    }
}

/// The quarterly batch draws through the facade: layouts and maps always with a time limit, so
/// always in a worker process, where a Graphviz crash or hang cannot take the batch down.
extension GraphvizRenderer: QuarterlyMapRenderer {
    /// The Graphviz library's version and this facade's drawing rules: part of every quarter's hash, so
    /// an upgraded Graphviz, or a change to how maps are drawn, redraws the maps.
    public var identity: String { "graphviz \(Self.libraryVersion); facade \(Self.drawingVersion)" }

    /// Bump when the facade draws the same document differently, or draws new fields.
    /// 2: node outlines (``MapOutline``), the `coloredLine`/`ring` legend swatches and
    /// ``MapDocument/subcaption`` and ``MapDocument/legendSize`` (what is new on the quarterly maps).
    /// 3: wedged/striped fills (``MapNode/wedges``), edge labels (``MapEdge/label``), the plain-text
    /// shape, and the maps of the readability work (faint co-participation, hub-less views).
    package static let drawingVersion = 3

    /// The version the Graphviz library reports (`gvcVersion`), or "unknown".
    public static var libraryVersion: String {
        (try? GraphvizEngine.libraryVersion()) ?? "unknown"
    }

    public func layoutPositions(of doc: MapDocument, timeout: Duration) throws -> MapLayoutPositions {
        try positions(of: doc, timeout: timeout)
    }

    public func layoutGeometry(of doc: MapDocument, timeout: Duration) throws -> MapGeometry {
        try geometry(of: doc, timeout: timeout)
    }

    public func writeMap(_ doc: MapDocument, to url: URL, format: MapFormat, timeout: Duration) throws {
        try write(doc, to: url, format: format, timeout: timeout)
    }
}
