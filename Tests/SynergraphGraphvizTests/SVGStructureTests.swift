import Foundation
import SynergraphKit
import Testing

@testable import SynergraphGraphviz

/// What the SVG gives a stylesheet or a script to hold on to: one group per node with the node's
/// id and classes, tooltips, cluster ids, the legend, the title.
@Suite struct SVGStructureTests {
    @Test(arguments: [MapLayout.dot, .sfdp, .neato, .osage])
    func oneGroupPerNodeWithIdsAndClasses(layout: MapLayout) throws {
        let doc = Samples.small(layout: layout)
        let svg = SVGDocument(try GraphvizRenderer().render(doc, format: .svg).data)
        #expect(svg.parsed)
        let mapNodes = svg.nodes.filter { $0.id != MapIdentifiers.legend }
        #expect(mapNodes.count == doc.nodes.count)
        for node in doc.nodes {
            let group = try #require(svg.group(id: "n-" + node.id))
            #expect(group.classes == ["node"] + node.classes)
            #expect(group.texts == [node.label])
            #expect(group.tooltip == node.tooltip)
        }
        #expect(svg.edges.count == doc.edges.count)
        #expect(svg.edges.map(\.id).sorted() == (0..<doc.edges.count).map { "e-\($0)" }.sorted())
    }

    /// A node's label colour reaches the SVG as the text's fill; maps without label colours do not
    /// declare `fontcolor` for nodes at all (their DOT, hence their bytes, are as before).
    @Test func labelColoursOnlyWhereSet() throws {
        var doc = Samples.small(layout: .neato)
        func built(_ doc: MapDocument) throws -> String {
            String(decoding: try GraphvizEngine.withSession { (_) throws(GraphvizError) in try GraphBuilder.dotText(for: doc) }, as: UTF8.self)
        }
        #expect(!(try built(doc)).contains("node [fontcolor"))
        doc.nodes[1].fontColor = MapColor(red: 255, green: 255, blue: 255)
        #expect(try built(doc).contains("fontcolor=\"#ffffff\""))
        let text = String(decoding: try GraphvizRenderer().render(doc, format: .svg).data, as: UTF8.self)
        #expect(text.contains(##"fill="#ffffff">Organisation 1</text>"##))
        #expect(!text.contains(##"fill="#ffffff">Organisation 2</text>"##))
    }

    @Test func legendIsPresentWithItsEntries() throws {
        let doc = Samples.small(layout: .dot)
        let svg = SVGDocument(try GraphvizRenderer().render(doc, format: .svg).data)
        let legend = try #require(svg.group(id: "legend"))
        #expect(legend.classes == ["node", "legend"])
        for entry in doc.legend {
            #expect(legend.texts.contains(entry.text))
        }
        #expect(legend.texts.contains("⬬"))
    }

    @Test func noLegendWhenThereAreNoEntries() throws {
        var doc = Samples.small(layout: .dot)
        doc.legend = []
        let svg = SVGDocument(try GraphvizRenderer().render(doc, format: .svg).data)
        #expect(svg.group(id: "legend") == nil)
        #expect(svg.nodes.count == doc.nodes.count)
    }

    @Test func clustersAndTitleAreDrawn() throws {
        let doc = Samples.small(layout: .dot)
        let svg = SVGDocument(try GraphvizRenderer().render(doc, format: .svg).data)
        #expect(Set(svg.clusters.map(\.id)) == ["c-north", "c-south"])
        #expect(svg.group(id: "c-north")?.texts == ["North"])
        #expect(svg.graphTexts == [doc.title, doc.caption])
    }

    @Test func pinnedPositionsAreKeptByNeato() throws {
        var doc = Samples.small(layout: .neato)
        doc.clusters = []
        doc.legend = []
        for index in doc.nodes.indices {
            doc.nodes[index].cluster = nil
            doc.nodes[index].position = MapPoint(x: Double(index) * 100, y: Double(index % 2) * 50)
        }
        let plain = String(decoding: try GraphvizRenderer().render(doc, format: .plain).data, as: UTF8.self)
        // plain gives centres in inches, relative to the drawing's lower left corner.
        var centres: [String: (Double, Double)] = [:]
        for line in plain.split(separator: "\n") where line.hasPrefix("node ") {
            let fields = line.split(separator: " ")
            centres[String(fields[1]).replacingOccurrences(of: "\"", with: "")] = (Double(fields[2]) ?? 0, Double(fields[3]) ?? 0)
        }
        let origin = try #require(centres["n-org-0"])
        for (index, node) in doc.nodes.enumerated() {
            let centre = try #require(centres["n-" + node.id])
            #expect(abs((centre.0 - origin.0) * 72 - Double(index) * 100) < 1)
            #expect(abs((centre.1 - origin.1) * 72 - Double(index % 2) * 50) < 1)
        }
    }
}
