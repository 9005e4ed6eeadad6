import Testing
@testable import SynergraphKit

/// Line labels over nodes or other labels are removed, on geometry written out by hand.
@Suite struct LineLabelClearanceTests {
    // Two nodes 100 points apart (boxes 20 × 20) with a name under the second, and three lines.
    static let nodes = [
        MapGeometry.Node(index: 0, box: MapRect(minX: 0, minY: 0, maxX: 20, maxY: 20), label: nil, cluster: nil),
        MapGeometry.Node(index: 1, box: MapRect(minX: 100, minY: 0, maxX: 120, maxY: 20), label: MapRect(minX: 95, minY: -12, maxX: 125, maxY: -2), cluster: nil),
    ]

    static func geometry(_ labels: [MapRect?]) -> MapGeometry {
        MapGeometry(nodes: nodes, clusters: [], edges: labels.enumerated().map { i, l in
            MapGeometry.Edge(index: i, source: 0, target: 1, path: [MapPoint(x: 10, y: 10), MapPoint(x: 110, y: 10)], label: l)
        }, legend: nil, bounds: MapRect(minX: -20, minY: -20, maxX: 140, maxY: 40))
    }

    @Test func findsLabelsOverNodesAndOtherLabels() {
        let g = Self.geometry([
            MapRect(minX: 50, minY: 12, maxX: 60, maxY: 22),   // clear of everything
            MapRect(minX: 18, minY: 5, maxX: 28, maxY: 15),    // 2 points into node 0
            MapRect(minX: 120, minY: -8, maxX: 130, maxY: 2),  // 5 points into node 1's name
            nil,
            MapRect(minX: -10, minY: 0, maxX: -0.2, maxY: 10), // 0.2 points left of node 0: not an overlap
        ])
        #expect(LineLabelClearance.colliding(g) == [1, 2])
        // Two line labels on each other: both go.
        let pair = Self.geometry([MapRect(minX: 40, minY: 30, maxX: 50, maxY: 40), MapRect(minX: 45, minY: 32, maxX: 55, maxY: 42)])
        #expect(LineLabelClearance.colliding(pair) == [0, 1])
    }

    @Test func removesOnlyThoseAndDrawsAgainUntilClear() {
        var doc = MapDocument(nodes: [MapNode(id: "a", label: "A"), MapNode(id: "b", label: "B")])
        doc.edges = (0..<3).map { MapEdge(source: 0, target: 1, tooltip: "\($0 + 3) pairs", label: String($0 + 3)) }
        var drawings = 0
        // The first drawing puts label 1 on a node; once it is gone, the second puts label 2 on one; then clear.
        let result = LineLabelClearance.cleared(doc) { d in
            drawings += 1
            let over = MapRect(minX: 18, minY: 5, maxX: 28, maxY: 15)
            let labels: [MapRect?] = d.edges.enumerated().map { i, e in
                let clear = MapRect(minX: 30 + 20 * Double(i), minY: 12, maxX: 40 + 20 * Double(i), maxY: 22)
                return e.label.isEmpty ? nil : (i == 1 || (i == 2 && d.edges[1].label.isEmpty)) ? over : clear
            }
            return Self.geometry(labels)
        }
        #expect(drawings == 3)
        #expect(result.removed == 2)
        #expect(result.document.edges.map(\.label) == ["3", "", ""])
        #expect(result.document.edges.map(\.tooltip) == ["3 pairs", "4 pairs", "5 pairs"])
        // A map without line labels is not drawn at all.
        var bare = doc
        for i in bare.edges.indices { bare.edges[i].label = "" }
        drawings = 0
        _ = LineLabelClearance.cleared(bare) { _ in drawings += 1; return Self.geometry([]) }
        #expect(drawings == 0)
    }
}
