import Foundation

/// Where a network file says its nodes are: the layout an analyst made in Gephi (or Graphviz), as
/// the readers keep it in node attributes (Docs/formats.md).
///
/// - GEXF `viz:position` → `viz_x`, `viz_y` (Gephi's units, y up);
/// - DOT `pos` → `pos`, `"x,y"` in points, y up, possibly with a trailing `!` (Graphviz writes
///   `"x,y,z"` for 3-D layouts: z is ignored).
///
/// One source per network, never mixed: if any node of the network has `viz_x` or `viz_y`, every node
/// is read from those (a node with only `pos` counts as lacking a position), else from `pos`. Two
/// tools' coordinates are in different units, so mixing them would draw a wrong picture.
///
/// A value is usable when it is a finite decimal number of magnitude at most 10¹² (so differences and
/// the bounding box stay finite); anything else (empty, `abc`, `nan`, `1e400`) counts as no position.
public struct FilePositions: Sendable, Equatable {
    /// Which attributes the positions come from.
    public enum Source: String, Sendable, Equatable {
        /// `viz_x`/`viz_y`, from GEXF `viz:position`.
        case gexf = "viz_x/viz_y"
        /// `pos`, from DOT.
        case dot = "pos"
    }

    public var source: Source
    /// By vertex of the view: the position in the file's units (y up), or nil when the node has no usable one.
    public var points: [MapPoint?]

    public init(source: Source, points: [MapPoint?]) {
        self.source = source
        self.points = points
    }

    /// Largest coordinate magnitude accepted from a file.
    static let limit = 1e12

    /// The positions of `view`'s vertices, or nil when no node of the network has any position attribute.
    ///
    /// - Complexity: O(n·a), n the network's nodes, a their attributes.
    public static func read(_ view: NetworkView) -> FilePositions? {
        let nodes = view.network.nodes
        let source: Source
        if nodes.contains(where: { $0.attribute("viz_x") != nil || $0.attribute("viz_y") != nil }) {
            source = .gexf
        } else if nodes.contains(where: { $0.attribute("pos") != nil }) {
            source = .dot
        } else {
            return nil
        }
        let points = (0..<view.vertexCount).map { v in point(of: view.node(v), source: source) }
        return FilePositions(source: source, points: points)
    }

    /// The position of one node from `source`'s attributes, or nil.
    public static func point(of node: Node, source: Source) -> MapPoint? {
        switch source {
        case .gexf:
            guard let x = node.attribute("viz_x").flatMap(number), let y = node.attribute("viz_y").flatMap(number) else { return nil }
            return MapPoint(x: x, y: y)
        case .dot:
            return node.attribute("pos").flatMap(graphvizPoint)
        }
    }

    /// `"x,y"`, `"x,y!"` or `"x,y,z"` (z ignored), blanks around the parts allowed.
    static func graphvizPoint(_ text: String) -> MapPoint? {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasSuffix("!") { body.removeLast() }
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              let x = number(String(parts[0])), let y = number(String(parts[1])),
              parts.count == 2 || number(String(parts[2])) != nil
        else { return nil }
        return MapPoint(x: x, y: y)
    }

    /// A finite decimal number within ±``limit``, or nil.
    static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Double("nan"), Double("inf") and hexadecimal floats parse; a file's coordinate is decimal.
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Double(trimmed), value.isFinite, abs(value) <= limit
        else { return nil }
        return value
    }
}
