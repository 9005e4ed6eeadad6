import Foundation
import Testing
@testable import SynergraphGraphviz
import SynergraphKit

/// ``GraphvizRenderer/geometry(of:timeout:)`` read back from Graphviz: a pinned square with its two
/// diagonals (one crossing), and two nodes pinned at one place (one overlap).
@Suite struct GeometryTests {
    @Test func pinnedSquareGivesOneCrossingAndOneOverlap() throws {
        var nodes = [(0.0, 0.0), (200, 0), (200, 200), (0, 200), (0, 200)].enumerated().map { i, p in
            MapNode(id: "v\(i)", label: "", size: 0.3, position: MapPoint(x: p.0, y: p.1))
        }
        nodes[4].label = "x"
        let edges = [MapEdge(source: 0, target: 2), MapEdge(source: 1, target: 3), MapEdge(source: 0, target: 1)]
        let doc = MapDocument(layout: .neato, nodes: nodes, edges: edges, removeOverlaps: false)
        let g = try GraphvizRenderer().geometry(of: doc)
        #expect(g.nodes.count == 5 && g.edges.count == 3)
        // Node boxes are 0.3 inch = 21.6 points (Graphviz writes the width rounded), centred where pinned
        // (the drawing is moved so that its box starts at the origin: distances are kept).
        #expect(abs(g.nodes[1].box.width - 21.6) < 0.5, "\(g.nodes[1].box)")
        #expect(abs(g.nodes[1].box.center.x - g.nodes[0].box.center.x - 200) < 0.01, "\(g.nodes[1].box)")
        #expect(g.nodes[4].label != nil && g.nodes[0].label == nil)
        let r = MapReadability(g)
        #expect(r.edgeCrossings == 1 && r.nodeOverlaps == 1)
        // Node 4's label lies on node 3, which is another node.
        #expect(r.labelNodeOverlaps == 1)
    }

    @Test func bezierPathsAreSampledAndStraightOnesKeptAsSegments() {
        #expect(GraphvizRenderer.path("e,10,10 0,0 3,3 6,6 9,9").count == 2)
        let curved = GraphvizRenderer.path("0,0 0,10 10,10 10,0")
        #expect(curved.count == 9 && abs(curved[4].y - 7.5) < 1e-9)
    }
}
