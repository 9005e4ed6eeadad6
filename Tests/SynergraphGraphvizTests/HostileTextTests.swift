import Foundation
import SynergraphKit
import Testing

@testable import SynergraphGraphviz

/// Text from data is drawn literally: no Graphviz escape, entity, HTML or DOT keyword in it has any
/// effect, and nothing in it can break the SVG.
@Suite struct HostileTextTests {
    static let hostileLabels = [
        "say \"hi\"", "back\\slash", "a\\\\b", "end\\", "\\\"quoted\\\"", "<lt> & <gt>", "&lt;b&gt; &amp; &#65; &nbsp;",
        "close ] bracket [", "two\nlines", "graph", "node", "subgraph cluster_x { }", "digraph { a -> b }",
        "<b>html</b>", "<TABLE><TR><TD>x</TD></TR></TABLE>", "\\N", "\\G \\E \\T \\H \\L", "\\n\\l\\r", "tab\there",
        "  leading and trailing  ", "ampersand & more", "quote's", "emoji 🤝 and 한국어 ភាសាខ្មែរ",
        String(repeating: "x", count: 500), String(repeating: "line\n", count: 40_000),
    ]

    @Test func labelsTooltipsAndLegendComeOutLiterally() throws {
        let nodes = Self.hostileLabels.enumerated().map { index, text in
            MapNode(id: "h\(index)", label: text, tooltip: text, classes: ["hostile"])
        }
        let legend = Self.hostileLabels.prefix(20).map { MapLegendEntry(.note, $0) }
        let doc = MapDocument(
            title: "title \\N & <b>", caption: "caption &lt; \\G", layout: .dot, nodes: nodes, legend: Array(legend))
        let svg = SVGDocument(try GraphvizRenderer().render(doc, format: .svg).data)
        #expect(svg.parsed)
        for (index, text) in Self.hostileLabels.enumerated() {
            let group = try #require(svg.group(id: "n-h\(index)"))
            let expected = MapText.capped(text, maxCharacters: MapLimits.labelCharacters, maxLines: MapLimits.labelLines)
            #expect(group.texts.joined(separator: "\n") == expected, "label \(index)")
            let tooltip = MapText.capped(text, maxCharacters: MapLimits.tooltipCharacters, maxLines: MapLimits.tooltipLines)
            #expect(group.tooltip == tooltip, "tooltip \(index)")
        }
        let legendTexts = try #require(svg.group(id: "legend")).texts
        for text in legend.map(\.text) {
            #expect(legendTexts.contains(MapText.singleLine(text, maxCharacters: MapLimits.legendTextCharacters)))
        }
        #expect(svg.graphTexts == ["title \\N & <b>", "caption &lt; \\G"])
    }

    @Test func hostileTextSurvivesTheWorkerToo() throws {
        let nodes = Self.hostileLabels.enumerated().map { MapNode(id: "h\($0.offset)", label: $0.element) }
        let doc = MapDocument(layout: .sfdp, nodes: nodes)
        let svg = SVGDocument(try GraphvizRenderer().render(doc, format: .svg).data)
        for (index, text) in Self.hostileLabels.enumerated() {
            let expected = MapText.capped(text, maxCharacters: MapLimits.labelCharacters, maxLines: MapLimits.labelLines)
            #expect(svg.group(id: "n-h\(index)")?.texts.joined(separator: "\n") == expected, "label \(index)")
        }
    }

    @Test func hostileIdsAndClassesCannotBreakTheSVG() throws {
        let ids = ["a\"b", "</g><script>alert(1)</script>", "x y", "ü", "_5F", "-", "", "n-1", "a&amp;b", "\\N"]
        let nodes = ids.map { MapNode(id: $0, label: "node", classes: [$0, "kind \"x\"", "<c>"]) }
        let clusters = [MapCluster(id: "</g>\"", label: "cluster \\G")]
        var doc = MapDocument(layout: .dot, nodes: nodes, clusters: clusters)
        doc.nodes[0].cluster = 0
        doc.edges = [MapEdge(source: 0, target: 1, tooltip: "edge \"tip\" </a>", classes: ["</g>"])]
        let data = try GraphvizRenderer().render(doc, format: .svg).data
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("<script"))
        let svg = SVGDocument(data)
        #expect(svg.parsed)
        #expect(svg.nodes.count == ids.count)
        let renderedIDs = Set(svg.nodes.map(\.id))
        #expect(renderedIDs == Set(ids.map(MapIdentifiers.node)))
        for group in svg.nodes {
            #expect(group.id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            #expect(group.classes.count >= 3)  // "node", the two fixed classes, and the id unless empty
        }
        #expect(svg.clusters.first?.texts == ["cluster \\G"])
        #expect(svg.edges.first?.tooltip == "edge \"tip\" </a>")
    }

    @Test func identifierEncodingIsInjective() {
        let ids = ["a b", "a_20b", "a-b", "a_b", "a_5Fb", "ab", "", "_", "__", "é", "e\u{301}"]
        let encoded = ids.map(MapIdentifiers.encode)
        #expect(Set(encoded).count == ids.count)
        #expect(MapIdentifiers.encode("a b") == "a_20b")
        #expect(MapIdentifiers.encode("a_20b") == "a_5F20b")
    }

    @Test func capping() {
        #expect(MapText.cappedLines("a\n\n  b  c \n", maxCharacters: 200, maxLines: 8) == ["a", "b c"])
        #expect(MapText.capped(String(repeating: "x", count: 300), maxCharacters: 200, maxLines: 8).count == 200)
        #expect(MapText.capped(String(repeating: "x", count: 300), maxCharacters: 200, maxLines: 8).hasSuffix("…"))
        let many = MapText.cappedLines(String(repeating: "l\n", count: 40_000), maxCharacters: 200, maxLines: 8)
        #expect(many == ["l", "l", "l", "l", "l", "l", "l", "l…"])
        #expect(MapText.cappedLines("", maxCharacters: 200, maxLines: 8) == [""])
        #expect(MapText.singleLine("a\nb\r\nc", maxCharacters: 100) == "a b c")
        #expect(MapText.capped("exactly", maxCharacters: 7, maxLines: 1) == "exactly")
        #expect(MapText.capped("exactly!", maxCharacters: 7, maxLines: 1) == "exactl…")
    }
}
