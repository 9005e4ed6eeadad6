import Foundation
import SynergraphKit
import Testing

@testable import SynergraphGraphviz

/// `positions(of:)` and the pinned-layout fields the quarterly batch relies on.
@Suite struct PinnedLayoutTests {
    /// The sample without clusters (neato ignores them anyway) and without a title (which adds to the bounding box).
    static func sample() -> MapDocument {
        var doc = Samples.small(layout: .neato)
        doc.title = ""
        doc.caption = ""
        doc.clusters = []
        for i in doc.nodes.indices { doc.nodes[i].cluster = nil }
        return doc
    }

    @Test func positionsCoverEveryNodeAndTheLegend() throws {
        let doc = Self.sample()
        let layout = try GraphvizRenderer(placement: .inProcess).positions(of: doc)
        #expect(Set(layout.nodes.keys) == Set(doc.nodes.map(\.id)))
        #expect(layout.legend != nil)
        for p in layout.nodes.values {
            #expect(p.x >= layout.bounds.minX && p.x <= layout.bounds.maxX && p.y >= layout.bounds.minY && p.y <= layout.bounds.maxY)
        }
        #expect(try GraphvizRenderer(placement: .worker).positions(of: doc) == layout, "the same wherever it is laid out")
    }

    /// A subset of the nodes, pinned with the legend and the canvas, lands exactly where the full layout put them.
    @Test func pinnedSubsetKeepsPositionsAndCanvas() throws {
        let full = Self.sample()
        let layout = try GraphvizRenderer(placement: .inProcess).positions(of: full)
        func pinned(_ keep: Set<String>) -> MapDocument {
            var doc = full
            let kept = doc.nodes.filter { keep.contains($0.id) }
            let index = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1.id, $0) })
            doc.edges = full.edges.compactMap { e in
                guard let s = index[full.nodes[e.source].id], let t = index[full.nodes[e.target].id] else { return nil }
                var edge = e
                edge.source = s
                edge.target = t
                return edge
            }
            doc.nodes = kept.map { var n = $0; n.position = layout.nodes[n.id]; return n }
            doc.removeOverlaps = false
            doc.legendPosition = layout.legend
            doc.canvas = layout.bounds
            return doc
        }
        let renderer = GraphvizRenderer(placement: .inProcess)
        let a = try renderer.positions(of: pinned(["org-0", "org-1", "org-2", "org-3"]))
        let b = try renderer.positions(of: pinned(["org-2", "org-3", "org-4", "org-5", "org-6"]))
        for (id, p) in a.nodes { #expect(p == layout.nodes[id], "\(id)") }
        for (id, p) in b.nodes { #expect(p == layout.nodes[id], "\(id)") }
        #expect(a.bounds == b.bounds && a.bounds == layout.bounds)
        #expect(a.legend == layout.legend && b.legend == layout.legend)
    }

    /// With the shared layout's legend box, a legend with fewer entries is drawn from the same top edge.
    @Test func aShorterPinnedLegendKeepsItsTopEdge() throws {
        let full = Self.sample()
        let renderer = GraphvizRenderer(placement: .inProcess)
        let layout = try renderer.positions(of: full)
        let size = try #require(layout.legendSize)
        #expect(size.width > 50 && size.height > 50, "\(size)")
        func legendTop(_ entries: Int) throws -> (top: Double, svg: String) {
            var doc = full
            doc.nodes = full.nodes.map { var n = $0; n.position = layout.nodes[n.id]; return n }
            doc.removeOverlaps = false
            doc.legendPosition = layout.legend
            doc.legendSize = layout.legendSize
            doc.canvas = layout.bounds
            doc.legend = Array(full.legend.prefix(entries))
            let svg = String(decoding: try renderer.render(doc, format: .svg).data, as: UTF8.self)
            let start = try #require(svg.range(of: "<g id=\"legend\""))
            let points = try #require(svg.range(of: "points=\"", range: start.upperBound..<svg.endIndex))
            let list = svg[points.upperBound...].prefix { $0 != "\"" }
            let ys = list.split(separator: " ").compactMap { $0.split(separator: ",").last.flatMap { Double($0) } }
            return (try #require(ys.min()), String(svg.prefix(400)))
        }
        let all = try legendTop(full.legend.count), fewer = try legendTop(full.legend.count - 2)
        #expect(all.top == fewer.top)
        #expect(all.svg.contains("height=") && all.svg == fewer.svg, "same size and transform")
    }

    @Test func identityNamesTheLibraryVersion() {
        #expect(GraphvizRenderer.libraryVersion.hasPrefix("2."))
        #expect(GraphvizRenderer().identity.hasPrefix("graphviz 2."))
    }

    @Test func pinnedCoordinatesMustBeFinite() {
        var doc = Self.sample()
        doc.canvas = MapRect(minX: 0, minY: 0, maxX: .infinity, maxY: 10)
        #expect(throws: GraphvizError.self) { try GraphvizRenderer().render(doc, format: .svg) }
        doc.canvas = nil
        doc.legendPosition = MapPoint(x: .nan, y: 0)
        #expect(throws: GraphvizError.self) { try GraphvizRenderer().render(doc, format: .svg) }
    }
}
