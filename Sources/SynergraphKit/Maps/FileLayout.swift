import Foundation

/// Why a map cannot be drawn where its file put the nodes.
public enum FileLayoutError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No node of the network has a position attribute.
    case noPositions
    /// Some actors of the view have no usable position: how many, of how many, the first few (public)
    /// ids, and the attributes looked at.
    case missingPositions(count: Int, of: Int, first: [String], source: FilePositions.Source)

    public var description: String {
        switch self {
        case .noPositions:
            return "the network has no node positions (viz_x/viz_y from GEXF, pos from DOT)"
        case .missingPositions(let count, let total, let first, let source):
            let shown = first.map { "'\($0)'" }.joined(separator: ", ") + (count > first.count ? ", …" : "")
            let verb = count == 1 ? "has" : "have"
            return "\(count) of \(total) actors \(verb) no usable position (\(source.rawValue) missing or not a number): \(shown)"
        }
    }
}

/// A map drawn where the file put its nodes.
public struct FileLayoutResult: Sendable, Equatable {
    /// The document with every node pinned (neato, no overlap removal) and the legend beside the nodes.
    public var document: MapDocument
    /// Points per unit of the file's coordinates.
    public var scale: Double
    /// Actors that overlap their nearest neighbour as drawn (the file puts them closer than Synergraph's
    /// sizes and labels need); coincident ones included.
    public var overlapping: Int
}

/// Pins a map's nodes at the positions its file gives (``FilePositions``), scaled to points.
///
/// **Scale.** A file's units are arbitrary (Gephi's are whatever ForceAtlas left, qvge's are screen
/// pixels, Graphviz's are points), and Synergraph draws its own node sizes and labels, not the file's.
/// So the coordinates are multiplied by one factor (aspect ratio and relative placement kept), chosen
/// so that **every actor clears its nearest neighbour by ``clearance`` points** as drawn: for each actor
/// *i* with nearest neighbour *j* at distance *d* (file units), the factor it needs is
/// `((wᵢ + wⱼ)/2 + clearance) / d`, with *w* the drawn diameter (``drawnDiameter(_:)``: the node's size,
/// or the circle around its label if larger, as Graphviz grows a node to hold its label); the factor is
/// the largest of these, leaving out actors that need more than ``outlier`` times the median (pairs the
/// file puts on top of each other, coincident ones included: they would blow the map up, and overlap
/// in the file too). The longer side of the nodes' centres is then kept between `max(360, 40·√n)`
/// points (5 inches: small networks get air between their nodes) and `max(1440, 144·√n)` points
/// (20 inches, more for large maps). A map whose nodes all share one place is drawn at scale 1.
///
/// **Legend.** Pinned beside the nodes, to the right of their drawn extent (``legendGap`` points away),
/// its top level with the top of the nodes; its size is estimated from its entries (Graphviz measures
/// it only when drawing), generously, so an error leaves more room, not an overlap.
///
/// **Missing positions** are an error (``FileLayoutError/missingPositions(count:of:first:source:)``),
/// never guessed: see Docs/graphviz-rendering.md, "Drawing the file's layout".
public enum FileLayout {
    /// Points between an actor and its nearest neighbour, as drawn.
    public static let clearance = 12.0
    /// Actors needing more than this many times the median scale are left to overlap.
    public static let outlier = 4.0
    /// The longer side of the nodes' centres is at least `max(minimumSide, 40·√n)` points…
    public static let minimumSide = 360.0
    /// …and at most `max(maximumSide, 144·√n)` points.
    public static let maximumSide = 1440.0
    /// Points between the nodes' drawn extent and the legend.
    public static let legendGap = 24.0
    /// How many ids a missing-positions error names.
    static let namedInError = 5

    /// `doc`, built from `view` by ``NetworkMapBuilder`` (its nodes are the view's vertices, in order),
    /// with every node at its file position.
    ///
    /// - Complexity: O(n log n) to sort, plus the nearest-neighbour sweep (about O(n·√n) for spread layouts).
    public static func pin(_ doc: MapDocument, view: NetworkView) throws(FileLayoutError) -> FileLayoutResult {
        guard let positions = FilePositions.read(view) else { throw .noPositions }
        return try pin(doc, positions: positions)
    }

    /// `doc` with node *i* at `positions.points[i]`, scaled as described above.
    public static func pin(_ doc: MapDocument, positions: FilePositions) throws(FileLayoutError) -> FileLayoutResult {
        precondition(positions.points.count == doc.nodes.count, "positions must be given for the document's nodes, in order")
        let missing = doc.nodes.indices.filter { positions.points[$0] == nil }
        if !missing.isEmpty {
            throw .missingPositions(
                count: missing.count, of: doc.nodes.count, first: missing.prefix(namedInError).map { doc.nodes[$0].id },
                source: positions.source)
        }
        let points = positions.points.map { $0! }
        let diameters = doc.nodes.map(drawnDiameter)
        let nearest = nearestNeighbours(points)
        let n = points.count

        let minX = points.map(\.x).min() ?? 0, maxX = points.map(\.x).max() ?? 0
        let minY = points.map(\.y).min() ?? 0, maxY = points.map(\.y).max() ?? 0
        let longer = max(maxX - minX, maxY - minY)
        var scale = 1.0
        if longer > 0 {
            var needed: [Double] = []
            for i in 0..<n {
                guard let j = nearest[i] else { continue }
                let d = distance(points[i], points[j])
                needed.append(d > 0 ? ((diameters[i] + diameters[j]) / 2 + clearance) / d : .infinity)
            }
            needed.sort()
            let median = needed.isEmpty ? 0 : needed[(needed.count - 1) / 2]
            let cleared = needed.last { $0 <= outlier * median } ?? median
            let root = Double(n).squareRoot()
            let least = max(minimumSide, 40 * root) / longer, most = max(maximumSide, 144 * root) / longer
            if needed.isEmpty {
                scale = least
            } else {
                scale = cleared.isFinite ? min(max(cleared, least), most) : most
            }
        }

        var out = doc
        out.layout = .neato
        out.removeOverlaps = false
        out.canvas = nil
        for i in 0..<n {
            out.nodes[i].position = MapPoint(x: (points[i].x - minX) * scale, y: (points[i].y - minY) * scale)
        }
        var overlapping = 0
        for i in 0..<n {
            guard let j = nearest[i] else { continue }
            if distance(points[i], points[j]) * scale < (diameters[i] + diameters[j]) / 2 { overlapping += 1 }
        }
        if !doc.legend.isEmpty {
            let right = (0..<n).map { out.nodes[$0].position!.x + diameters[$0] / 2 }.max() ?? 0
            let top = (0..<n).map { out.nodes[$0].position!.y + diameters[$0] / 2 }.max() ?? 0
            let size = legendSize(doc.legend)
            out.legendPosition = MapPoint(x: right + legendGap + size.width / 2, y: top - size.height / 2)
        }
        out.caption += out.caption.isEmpty ? "places as in the file" : " · places as in the file"
        return FileLayoutResult(document: out, scale: scale, overlapping: overlapping)
    }

    /// The diameter in points a node is drawn with: its size, or the circle around its label box if
    /// that is larger (Graphviz grows a node to hold its label; width about 0.6 em a character, lines
    /// 1.2 em, plus the node margin of 0.05 × 0.03 inch on each side).
    public static func drawnDiameter(_ node: MapNode) -> Double {
        let size = (node.size.isFinite ? min(max(node.size, 0.05), 4) : 0.3) * 72
        let lines = node.label.split(separator: "\n")
        guard !lines.isEmpty else { return size }
        let font = node.fontSize.isFinite ? min(max(node.fontSize, 4), 48) : 10
        let width = 0.6 * font * Double(lines.map(\.count).max() ?? 0) + 7.2
        let height = 1.2 * font * Double(lines.count) + 4.32
        return max(size, (width * width + height * height).squareRoot())
    }

    /// The legend's size in points, estimated from its entries as ``LegendTable`` draws them (10-point
    /// text at about 0.55 em a character, a 14-point swatch column, 3-point cell padding, a title row).
    static func legendSize(_ legend: [MapLegendEntry]) -> (width: Double, height: Double) {
        let shown = legend.prefix(40)
        let longest = shown.map { min($0.text.count, 120) }.max() ?? 0
        let width = 40 + 5.5 * Double(max(longest, 6))
        let rows = shown.count + 1 + (legend.count > shown.count ? 1 : 0)
        return (width, 20 * Double(rows) + 6)
    }

    static func distance(_ a: MapPoint, _ b: MapPoint) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    /// For each point, the index of its nearest other point (the lowest index among equally near ones),
    /// or nil when it is alone. A sweep over the points sorted by x that stops once the x gap alone
    /// exceeds the best distance found.
    static func nearestNeighbours(_ points: [MapPoint]) -> [Int?] {
        let order = points.indices.sorted { points[$0].x != points[$1].x ? points[$0].x < points[$1].x : $0 < $1 }
        var result = [Int?](repeating: nil, count: points.count)
        for (rank, i) in order.enumerated() {
            var best = Double.infinity
            var bestIndex: Int?
            func consider(_ j: Int) {
                let d = distance(points[i], points[j])
                if d < best || (d == best && j < bestIndex!) {
                    best = d
                    bestIndex = j
                }
            }
            var k = rank - 1
            while k >= 0, points[i].x - points[order[k]].x <= best {
                consider(order[k])
                k -= 1
            }
            k = rank + 1
            while k < order.count, points[order[k]].x - points[i].x <= best {
                consider(order[k])
                k += 1
            }
            result[i] = bestIndex
        }
        return result
    }
}
