/// What a layout drew, in Graphviz points (y up): every node's box and label, every cluster's box and
/// label, every edge's path, the legend's box. The facade reads it from Graphviz's own JSON output of the
/// laid-out graph, so it is exactly what the SVG or PNG of the same document shows; ``MapReadability``
/// measures it.
public struct MapGeometry: Sendable, Equatable {
    /// One drawn node: the box around its shape, and the box around its label text (nil without a label).
    public struct Node: Sendable, Equatable {
        /// Position in ``MapDocument/nodes``.
        public var index: Int
        public var box: MapRect
        public var label: MapRect?
        /// Cluster of the node (``MapDocument/clusters``), from the document.
        public var cluster: Int?

        public init(index: Int, box: MapRect, label: MapRect?, cluster: Int?) {
            self.index = index
            self.box = box
            self.label = label
            self.cluster = cluster
        }
    }

    /// One drawn cluster: its box, and its label's box.
    public struct Cluster: Sendable, Equatable {
        public var index: Int
        public var box: MapRect
        public var label: MapRect?

        public init(index: Int, box: MapRect, label: MapRect?) {
            self.index = index
            self.box = box
            self.label = label
        }
    }

    /// One drawn edge: its path as a polyline (Bézier pieces sampled), and its label's box.
    public struct Edge: Sendable, Equatable {
        /// Position in ``MapDocument/edges``.
        public var index: Int
        public var source: Int
        public var target: Int
        public var path: [MapPoint]
        public var label: MapRect?

        public init(index: Int, source: Int, target: Int, path: [MapPoint], label: MapRect?) {
            self.index = index
            self.source = source
            self.target = target
            self.path = path
            self.label = label
        }
    }

    public var nodes: [Node]
    public var clusters: [Cluster]
    public var edges: [Edge]
    /// The legend's box, when the map has one.
    public var legend: MapRect?
    /// The whole drawing.
    public var bounds: MapRect

    public init(nodes: [Node], clusters: [Cluster], edges: [Edge], legend: MapRect?, bounds: MapRect) {
        self.nodes = nodes
        self.clusters = clusters
        self.edges = edges
        self.legend = legend
        self.bounds = bounds
    }
}

extension MapRect {
    /// A rectangle from its centre and size.
    public init(center: MapPoint, width: Double, height: Double) {
        self.init(minX: center.x - width / 2, minY: center.y - height / 2, maxX: center.x + width / 2, maxY: center.y + height / 2)
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
    public var center: MapPoint { MapPoint(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

    /// Whether the two rectangles share an area wider and taller than `tolerance` points (touching
    /// edges, or overlaps of a rounding error, do not count).
    public func overlaps(_ other: MapRect, tolerance: Double = 0.5) -> Bool {
        min(maxX, other.maxX) - max(minX, other.minX) > tolerance && min(maxY, other.maxY) - max(minY, other.minY) > tolerance
    }

    /// Whether `other` lies inside this rectangle, allowing `tolerance` points past each side.
    public func contains(_ other: MapRect, tolerance: Double = 0.5) -> Bool {
        other.minX >= minX - tolerance && other.maxX <= maxX + tolerance && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
    }

    public func contains(_ p: MapPoint) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    /// The smallest rectangle holding both.
    public func union(_ other: MapRect) -> MapRect {
        MapRect(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }

    /// This rectangle grown by `d` points on every side.
    public func inset(by d: Double) -> MapRect {
        MapRect(minX: minX + d, minY: minY + d, maxX: maxX - d, maxY: maxY - d)
    }
}
