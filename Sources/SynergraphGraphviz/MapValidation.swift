import SynergraphKit

/// Checks a document before Graphviz sees it: everything that would make Graphviz fail, merge
/// objects silently, or read something it should not is an error here.
enum MapValidation {
    /// Characters a font family name may use. `fontname` is written into SVG unescaped, so a value
    /// from anywhere must not be able to close the attribute (quotes, `<`, `>`, `&`) or name a path.
    private static func isFontNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", " ", "-", "_", ",", ".": return true
        default: return false
        }
    }

    /// Throws the first problem found, in a fixed order (sizes, then references, then values).
    static func validate(_ doc: MapDocument) throws(GraphvizError) {
        if doc.nodes.count > MapLimits.maxNodes {
            throw GraphvizError.tooManyNodes(count: doc.nodes.count, limit: MapLimits.maxNodes)
        }
        if doc.edges.count > MapLimits.maxEdges {
            throw GraphvizError.tooManyEdges(count: doc.edges.count, limit: MapLimits.maxEdges)
        }
        if doc.clusters.count > MapLimits.maxClusters {
            throw GraphvizError.invalidDocument(
                "\(doc.clusters.count) clusters; at most \(MapLimits.maxClusters) can be drawn")
        }
        let font = doc.fontName
        if font.isEmpty || font.unicodeScalars.count > 100 || !font.unicodeScalars.allSatisfy(isFontNameCharacter) {
            throw GraphvizError.invalidDocument(
                "font name \"\(MapText.singleLine(font, maxCharacters: 60))\" must be 1-100 letters, digits, spaces, '-', '_', ',' or '.'")
        }

        var nodeIDs = Set<String>()
        nodeIDs.reserveCapacity(doc.nodes.count)
        for (index, node) in doc.nodes.enumerated() {
            if !nodeIDs.insert(node.id).inserted {
                throw GraphvizError.invalidDocument("two nodes have the id \"\(shown(node.id))\" (second at position \(index))")
            }
            if let cluster = node.cluster, !doc.clusters.indices.contains(cluster) {
                throw GraphvizError.invalidDocument(
                    "node \"\(shown(node.id))\" is in cluster \(cluster), but the map has \(doc.clusters.count) clusters")
            }
            if doc.layout == .neato, let position = node.position {
                let limit = MapLimits.coordinate
                guard position.x.isFinite, position.y.isFinite, abs(position.x) <= limit, abs(position.y) <= limit else {
                    throw GraphvizError.invalidDocument(
                        "node \"\(shown(node.id))\" has position (\(position.x), \(position.y)); coordinates must be finite and within ±\(Int(limit)) points")
                }
            }
        }
        if doc.layout == .neato {
            let limit = MapLimits.coordinate
            func inRange(_ v: Double) -> Bool { v.isFinite && abs(v) <= limit }
            if let p = doc.legendPosition, !(inRange(p.x) && inRange(p.y)) {
                throw GraphvizError.invalidDocument(
                    "the legend position (\(p.x), \(p.y)) must be finite and within ±\(Int(limit)) points")
            }
            if let s = doc.legendSize, !(inRange(s.width) && inRange(s.height) && s.width > 0 && s.height > 0) {
                throw GraphvizError.invalidDocument(
                    "the legend size \(s.width) × \(s.height) must be finite, positive and within \(Int(limit)) points")
            }
            if let c = doc.canvas, !([c.minX, c.minY, c.maxX, c.maxY].allSatisfy(inRange) && c.minX <= c.maxX && c.minY <= c.maxY) {
                throw GraphvizError.invalidDocument(
                    "the canvas (\(c.minX), \(c.minY))–(\(c.maxX), \(c.maxY)) must be finite, within ±\(Int(limit)) points, with min ≤ max")
            }
        }
        var clusterIDs = Set<String>()
        for cluster in doc.clusters where !clusterIDs.insert(cluster.id).inserted {
            throw GraphvizError.invalidDocument("two clusters have the id \"\(shown(cluster.id))\"")
        }
        for (index, edge) in doc.edges.enumerated() {
            guard doc.nodes.indices.contains(edge.source), doc.nodes.indices.contains(edge.target) else {
                throw GraphvizError.invalidDocument(
                    "edge \(index) joins positions \(edge.source) and \(edge.target), but the map has \(doc.nodes.count) nodes")
            }
        }
    }

    /// An id as it may appear inside an error message.
    private static func shown(_ id: String) -> String {
        MapText.singleLine(id, maxCharacters: 60)
    }
}
