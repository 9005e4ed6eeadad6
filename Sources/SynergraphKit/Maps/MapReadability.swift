/// How readable a laid-out map is: what overlaps what, how often ties cross, where ties run through
/// nodes or through boxes they have nothing to do with. Every count is measured on ``MapGeometry``, the
/// positions and sizes Graphviz returned, so it describes the picture the reader gets.
///
/// Definitions (all in Graphviz points; two rectangles *overlap* when they share an area more than
/// 0.5 points wide and tall, so touching boxes and rounding errors do not count):
/// - **node overlaps**: pairs of nodes whose boxes overlap. The box is Graphviz's width × height of the
///   node, which holds its shape; for round shapes it is slightly larger than the shape, so the count errs
///   towards reporting an overlap.
/// - **label overlaps**: pairs of labels whose text boxes overlap (node labels, cluster labels, edge
///   labels and the legend's box count as labels).
/// - **label–node overlaps**: pairs (label, node) where the label's box overlaps another node's box (a
///   node's own label lies in its own box and is not counted; a cluster label or the legend overlapping
///   any node is).
/// - **cluster overlaps**: pairs of cluster boxes that overlap.
/// - **actors outside their box**: nodes whose box is not inside their own cluster's box.
/// - **edge crossings**: pairs of ties whose drawn paths cross (at least once), not counting ties that
///   share an end (they meet at that node). *Per tie*: crossings divided by the number of ties drawn.
/// - **edges through nodes**: pairs (tie, node) where the tie's path enters the ellipse inscribed in the
///   box of a node that is not one of its ends (the inscribed ellipse, so grazing a box's corner does not count).
/// - **ties through foreign boxes**: ties whose path enters the box of a cluster that holds neither of their ends.
///
/// Paths are Graphviz's cubic Bézier pieces, sampled at 8 points each (one segment when the piece is straight).
///
/// - Complexity: O((L + C)²) for L labels and C clusters, O(E² · s²) in the worst case for E ties of s
///   segments (pairs are found by a sweep over their bounding boxes, so ties far apart are never
///   compared), O(E · N · s) for ties through nodes.
public struct MapReadability: Sendable, Equatable, Codable {
    public var nodes: Int
    public var ties: Int
    public var clusters: Int
    public var labels: Int
    public var nodeOverlaps: Int
    public var labelOverlaps: Int
    public var labelNodeOverlaps: Int
    public var clusterOverlaps: Int
    public var actorsOutsideBox: Int
    public var edgeCrossings: Int
    public var edgesThroughNodes: Int
    public var tiesThroughForeignBoxes: Int
    /// Width and height of the drawing, in points.
    public var width: Double
    public var height: Double

    /// Crossings per tie drawn (0 without ties).
    public var crossingsPerTie: Double { ties == 0 ? 0 : Double(edgeCrossings) / Double(ties) }

    enum CodingKeys: String, CodingKey {
        case nodes, ties, clusters, labels
        case nodeOverlaps = "node_overlaps"
        case labelOverlaps = "label_overlaps"
        case labelNodeOverlaps = "label_node_overlaps"
        case clusterOverlaps = "cluster_overlaps"
        case actorsOutsideBox = "actors_outside_box"
        case edgeCrossings = "edge_crossings"
        case crossingsPerTie = "crossings_per_tie"
        case edgesThroughNodes = "edges_through_nodes"
        case tiesThroughForeignBoxes = "ties_through_foreign_boxes"
        case width, height
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nodes = try c.decode(Int.self, forKey: .nodes)
        ties = try c.decode(Int.self, forKey: .ties)
        clusters = try c.decode(Int.self, forKey: .clusters)
        labels = try c.decode(Int.self, forKey: .labels)
        nodeOverlaps = try c.decode(Int.self, forKey: .nodeOverlaps)
        labelOverlaps = try c.decode(Int.self, forKey: .labelOverlaps)
        labelNodeOverlaps = try c.decode(Int.self, forKey: .labelNodeOverlaps)
        clusterOverlaps = try c.decode(Int.self, forKey: .clusterOverlaps)
        actorsOutsideBox = try c.decode(Int.self, forKey: .actorsOutsideBox)
        edgeCrossings = try c.decode(Int.self, forKey: .edgeCrossings)
        edgesThroughNodes = try c.decode(Int.self, forKey: .edgesThroughNodes)
        tiesThroughForeignBoxes = try c.decode(Int.self, forKey: .tiesThroughForeignBoxes)
        width = try c.decode(Double.self, forKey: .width)
        height = try c.decode(Double.self, forKey: .height)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(nodes, forKey: .nodes)
        try c.encode(ties, forKey: .ties)
        try c.encode(clusters, forKey: .clusters)
        try c.encode(labels, forKey: .labels)
        try c.encode(nodeOverlaps, forKey: .nodeOverlaps)
        try c.encode(labelOverlaps, forKey: .labelOverlaps)
        try c.encode(labelNodeOverlaps, forKey: .labelNodeOverlaps)
        try c.encode(clusterOverlaps, forKey: .clusterOverlaps)
        try c.encode(actorsOutsideBox, forKey: .actorsOutsideBox)
        try c.encode(edgeCrossings, forKey: .edgeCrossings)
        try c.encode((crossingsPerTie * 1000).rounded() / 1000, forKey: .crossingsPerTie)
        try c.encode(edgesThroughNodes, forKey: .edgesThroughNodes)
        try c.encode(tiesThroughForeignBoxes, forKey: .tiesThroughForeignBoxes)
        try c.encode(width.rounded(), forKey: .width)
        try c.encode(height.rounded(), forKey: .height)
    }

    /// The counts for a drawn map.
    public init(_ g: MapGeometry) {
        nodes = g.nodes.count
        ties = g.edges.count
        clusters = g.clusters.count
        width = g.bounds.width
        height = g.bounds.height

        // Nodes against nodes.
        let nodeBoxes = g.nodes.map(\.box)
        nodeOverlaps = Self.overlappingPairs(nodeBoxes).count

        // Labels: node labels (owner = node position in g.nodes), cluster labels, edge labels, legend.
        var labelBoxes: [MapRect] = []
        var labelOwner: [Int?] = []
        for (i, n) in g.nodes.enumerated() {
            if let l = n.label { labelBoxes.append(l); labelOwner.append(i) }
        }
        for c in g.clusters { if let l = c.label { labelBoxes.append(l); labelOwner.append(nil) } }
        for e in g.edges { if let l = e.label { labelBoxes.append(l); labelOwner.append(nil) } }
        if let l = g.legend { labelBoxes.append(l); labelOwner.append(nil) }
        labels = labelBoxes.count
        labelOverlaps = Self.overlappingPairs(labelBoxes).count
        var labelNode = 0
        let all = labelBoxes + nodeBoxes
        for (a, b) in Self.overlappingPairs(all) {
            // Only (label, node) pairs: a < labels.count <= b.
            guard a < labelBoxes.count, b >= labelBoxes.count else { continue }
            if labelOwner[a] == b - labelBoxes.count { continue }
            labelNode += 1
        }
        labelNodeOverlaps = labelNode

        // Clusters.
        clusterOverlaps = Self.overlappingPairs(g.clusters.map(\.box)).count
        var clusterBox: [Int: MapRect] = [:]
        for c in g.clusters { clusterBox[c.index] = c.box }
        actorsOutsideBox = g.nodes.filter { n in n.cluster.flatMap { clusterBox[$0] }.map { !$0.contains(n.box) } ?? false }.count

        // Edges.
        let segments = g.edges.map { e in zip(e.path, e.path.dropFirst()).map { Segment(a: $0, b: $1) } }
        let edgeBoxes = g.edges.map { e in Self.bounds(of: e.path) }
        var crossings = 0
        for (i, j) in Self.overlappingPairs(edgeBoxes, tolerance: -0.001) {
            let a = g.edges[i], b = g.edges[j]
            if a.source == b.source || a.source == b.target || a.target == b.source || a.target == b.target { continue }
            if Self.cross(segments[i], segments[j]) { crossings += 1 }
        }
        edgeCrossings = crossings

        var nodeOf: [Int: Int] = [:]
        for (i, n) in g.nodes.enumerated() { nodeOf[n.index] = i }
        let order = g.nodes.indices.sorted { nodeBoxes[$0].minX < nodeBoxes[$1].minX }
        let widest = nodeBoxes.map(\.width).max() ?? 0
        var through = 0
        var foreign = 0
        for (k, e) in g.edges.enumerated() {
            let box = edgeBoxes[k]
            let ends: Set<Int> = [e.source, e.target]
            // Nodes whose box may meet the edge's box, found by binary search on minX.
            var lo = 0, hi = order.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if nodeBoxes[order[mid]].minX < box.minX - widest { lo = mid + 1 } else { hi = mid }
            }
            var p = lo
            while p < order.count, nodeBoxes[order[p]].minX <= box.maxX {
                let i = order[p]
                p += 1
                let n = g.nodes[i]
                guard !ends.contains(n.index), nodeBoxes[i].overlaps(box, tolerance: -0.001) else { continue }
                if segments[k].contains(where: { Self.segment($0, entersEllipseIn: nodeBoxes[i]) }) { through += 1 }
            }
            let endClusters = Set([e.source, e.target].compactMap { nodeOf[$0].flatMap { g.nodes[$0].cluster } })
            for c in g.clusters where !endClusters.contains(c.index) && c.box.overlaps(box, tolerance: -0.001) {
                if segments[k].contains(where: { Self.segment($0, meets: c.box) }) {
                    foreign += 1
                    break
                }
            }
        }
        edgesThroughNodes = through
        tiesThroughForeignBoxes = foreign
    }

    // MARK: Geometry

    struct Segment {
        var a: MapPoint
        var b: MapPoint
    }

    static func bounds(of path: [MapPoint]) -> MapRect {
        guard let first = path.first else { return MapRect(minX: 0, minY: 0, maxX: 0, maxY: 0) }
        var r = MapRect(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        for p in path.dropFirst() { r = r.union(MapRect(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) }
        return r
    }

    /// Index pairs (i < j) of rectangles that overlap, by a sweep over x.
    static func overlappingPairs(_ boxes: [MapRect], tolerance: Double = 0.5) -> [(Int, Int)] {
        let order = boxes.indices.sorted { boxes[$0].minX != boxes[$1].minX ? boxes[$0].minX < boxes[$1].minX : $0 < $1 }
        var pairs: [(Int, Int)] = []
        for (p, i) in order.enumerated() {
            var q = p + 1
            while q < order.count, boxes[order[q]].minX <= boxes[i].maxX {
                let j = order[q]
                if boxes[i].overlaps(boxes[j], tolerance: tolerance) { pairs.append((min(i, j), max(i, j))) }
                q += 1
            }
        }
        return pairs
    }

    /// Whether any segment of `a` properly crosses any segment of `b`.
    static func cross(_ a: [Segment], _ b: [Segment]) -> Bool {
        for s in a {
            for t in b where properlyIntersect(s, t) { return true }
        }
        return false
    }

    private static func orientation(_ p: MapPoint, _ q: MapPoint, _ r: MapPoint) -> Double {
        (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
    }

    /// Whether two segments cross at a point inside both (touching at an end, or overlapping collinear, does not count).
    static func properlyIntersect(_ s: Segment, _ t: Segment) -> Bool {
        let d1 = orientation(s.a, s.b, t.a), d2 = orientation(s.a, s.b, t.b)
        let d3 = orientation(t.a, t.b, s.a), d4 = orientation(t.a, t.b, s.b)
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
    }

    /// Whether the segment comes inside the ellipse inscribed in `box` (distance below 1 in the
    /// ellipse's own coordinates).
    static func segment(_ s: Segment, entersEllipseIn box: MapRect) -> Bool {
        let rx = box.width / 2, ry = box.height / 2
        guard rx > 0, ry > 0 else { return false }
        let c = box.center
        let ax = (s.a.x - c.x) / rx, ay = (s.a.y - c.y) / ry
        let bx = (s.b.x - c.x) / rx, by = (s.b.y - c.y) / ry
        let dx = bx - ax, dy = by - ay
        let len2 = dx * dx + dy * dy
        let t = len2 > 0 ? max(0, min(1, -(ax * dx + ay * dy) / len2)) : 0
        let px = ax + t * dx, py = ay + t * dy
        return px * px + py * py < 1
    }

    /// Whether the segment has a point inside `box` (Liang–Barsky clipping).
    static func segment(_ s: Segment, meets box: MapRect) -> Bool {
        if box.contains(s.a) || box.contains(s.b) { return true }
        var t0 = 0.0, t1 = 1.0
        let dx = s.b.x - s.a.x, dy = s.b.y - s.a.y
        for (p, q) in [(-dx, s.a.x - box.minX), (dx, box.maxX - s.a.x), (-dy, s.a.y - box.minY), (dy, box.maxY - s.a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}
