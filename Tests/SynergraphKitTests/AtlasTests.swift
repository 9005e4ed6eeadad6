import Foundation
import Testing
@testable import SynergraphKit

/// The partner atlas's data and page (the browser tests in Tests/Browser drive the page itself).
@Suite struct AtlasTests {
    static let hostile = FixturePaths.repository.appendingPathComponent("Tests/Browser/Fixtures/hostile-labels").path

    /// The embedded script and stylesheet are byte for byte the files (rerun Scripts/embed-atlas-assets after editing them).
    @Test func embeddedAssetsEqualTheFiles() throws {
        let folder = FixturePaths.repository.appendingPathComponent("Sources/SynergraphKit/Atlas/Assets")
        #expect(try String(contentsOf: folder.appendingPathComponent("atlas.js"), encoding: .utf8) == AtlasAssets.script,
                "atlas.js differs from the embedded copy; run Scripts/embed-atlas-assets")
        #expect(try String(contentsOf: folder.appendingPathComponent("atlas.css"), encoding: .utf8) == AtlasAssets.style,
                "atlas.css differs from the embedded copy; run Scripts/embed-atlas-assets")
        #expect(!AtlasAssets.script.contains("</"))
        #expect(!AtlasAssets.script.contains("<!--"))
    }

    /// Escaping for a `<script>` element, written out by hand; the escaped JSON still means the same.
    @Test func scriptJSONEscapesWhatCouldEndTheElement() throws {
        let json = "{\"a\":\"</script><!--x\u{2028}y\u{2029}&>\"}"
        let escaped = AtlasPage.scriptJSON(json)
        #expect(escaped == "{\"a\":\"\\u003c/script\\u003e\\u003c!--x\\u2028y\\u2029\\u0026\\u003e\"}")
        let a = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        let b = try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: String]
        #expect(a == b)
    }

    /// The CSP source of a script is its SHA-256 in base64: the FIPS 180-2 example "abc".
    @Test func cspHashIsBase64SHA256() {
        #expect(AtlasPage.cspHash("abc") == "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
    }

    @Test func inlineSVGDropsPrologCommentsAndNodeTitles() {
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- Generated -->\n<svg a=\"1\">\n<g id=\"graph0\" class=\"graph\">\n<title>map</title>\n<!-- n&#45;a -->\n<g id=\"n-a\" class=\"node\">\n<title>n&#45;a</title>\n<ellipse/>\n</g>\n</g>\n</svg>\n"
        #expect(AtlasPage.inlineSVG(svg) == "<svg a=\"1\">\n<g id=\"graph0\" class=\"graph\">\n<title>map</title>\n\n<g id=\"n-a\" class=\"node\">\n<ellipse/>\n</g>\n</g>\n</svg>\n")
        #expect(AtlasPage.inlineSVG("no svg here") == "")
    }

    /// Plain-language lines, worked out by hand from the metric definitions.
    @Test func metricLines() {
        let ctx = AtlasMetricText.Context(actors: 10, maxDegree: 6, communitySizes: [2: 4], rank: 1)
        #expect(AtlasMetricText.line(.betweenness, 0.09, name: "PIFS", context: ctx)
                == "9% of the shortest paths between other actors pass through PIFS (rank 1 of 10): a broker others depend on to reach each other.")
        #expect(AtlasMetricText.line(.degree, 3, name: "NASC", context: ctx)
                == "NASC has 3 distinct partners in this view (rank 1 of 10); the best-connected actor has 6.")
        #expect(AtlasMetricText.line(.clustering, 0.5, name: "X", context: ctx)
                == "50% of the pairs of its partners are partners of each other too: a close-knit circle.")
        #expect(AtlasMetricText.line(.community, 2, name: "X", context: ctx)
                == "It sits in community 2 (Leiden), a group of 4 actors more tied to each other than to the rest.")
        #expect(AtlasMetricText.line(.constraint, nil, name: "X", context: ctx) == "Undefined: X has no partner in this view.")
        #expect(AtlasMetricText.value(.articulationPoint, 1) == "yes")
        #expect(AtlasMetricText.value(.pagerank, 0.0123) == "0.012")
    }

    /// The tiny network's partners, counted from the atlas's ties, are the degrees worked out by hand from
    /// its ties.csv and participation.csv (w1 ties escap and gov-npl by co-participation).
    @Test func partnersAreTheHandCountedDegrees() throws {
        let network = try NetworkLoader.load(path: FixturePaths.network("tiny")).network
        let view = try NetworkView(network)
        let data = AtlasData(view: view, map: NetworkMapBuilder.build(view: view), options: AtlasData.Options(threads: 1))
        let core = data.core
        var partners = [Set<Int>](repeating: [], count: core.actors.count)
        for t in core.ties {
            partners[t.a].insert(t.b)
            partners[t.b].insert(t.a)
        }
        let counts = Dictionary(uniqueKeysWithValues: core.actors.enumerated().map { ($1.id, partners[$0].count) })
        #expect(counts == ["unpog": 4, "escap": 2, "nasc": 3, "tiri": 0, "exp-1": 1, "expert-2": 1, "gov-npl": 3])
        // Every actor of the map has its SVG id; the map's lines are the tied pairs.
        #expect(core.actors.allSatisfy { $0.svg == MapElementID.node($0.id) })
        // The map's lines: the seven tied pairs (14 partner slots above, halved) less the one joined only
        // by co-participation in w1 and the hub's four, which maps leave out by default (Docs/map-readability.md).
        #expect(core.edges.count == 2)
        // w1 (2025-03-10..12) and the dated ties give the quarter filter its quarters.
        #expect(core.quarters.contains("2025Q1"))
        #expect(core.activities.map(\.name) == ["Digital government workshop"])
        // The degree line agrees.
        let unpog = try #require(core.actors.first { $0.id == "unpog" })
        #expect(unpog.m.first == ["degree", "4", "UNPOG has 4 distinct partners in this view (rank 1 of 7); the best-connected actor has 4."])
    }

    /// A page built from the hostile-label network: no markup from the data, no hidden name, data intact.
    @Test func hostileLabelsStayTextAndHiddenNamesStayHidden() throws {
        let network = try NetworkLoader.load(path: Self.hostile).network
        let view = try NetworkView(network)
        let data = AtlasData(view: view, map: NetworkMapBuilder.build(view: view), options: AtlasData.Options(threads: 1))
        let html = AtlasPage.html(data: data, mapSVG: nil)
        for hidden in ["Zebulon", "Quillfeather", "Vantablack", "exp-b", "exp-c"] {
            #expect(!html.contains(hidden), "\(hidden) is in the page")
        }
        #expect(html.components(separatedBy: "<script").count - 1 == 6)
        #expect(html.components(separatedBy: "</script>").count - 1 == 6)
        #expect(!html.contains("<!--"))
        #expect(!html.lowercased().contains("<img"))
        #expect(!html.lowercased().contains("<svg onload"))
        // U+2028/2029 may stand in HTML text (the briefing), never raw inside a script element.
        for part in html.components(separatedBy: "<script").dropFirst() {
            let body = part.components(separatedBy: "</script>")[0]
            #expect(!body.contains("\u{2028}") && !body.contains("\u{2029}"))
        }
        #expect(!html.contains("<b>HUB</b>"))
        // The data blocks parse back to the names as written.
        func block(_ id: String) throws -> Any {
            let start = try #require(html.range(of: "<script type=\"application/json\" id=\"\(id)\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            return try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
        }
        let core = try #require(try block("atlas-data") as? [String: Any])
        let actors = try #require(core["actors"] as? [[String: Any]])
        let names = actors.compactMap { $0["name"] as? String }
        #expect(names.contains("</script><script>window.__pwned='script'</script>"))
        #expect(names.contains("Line\u{2028}separator\u{2029}and </SCRIPT > end"))
        #expect(names.contains("Expert 2") && names.contains("Expert 3"))
        let hiddenLocal = actors.first { $0["id"] as? String == "expert-2" }?["local"]
        #expect(hiddenLocal == nil || hiddenLocal is NSNull)
        for id in ["atlas-gaps", "atlas-synergy", "atlas-best", "atlas-experts"] { _ = try block(id) }
        // The CSP allows the page's own script, by hash, and nothing from anywhere else.
        #expect(html.contains("script-src &#39;\(AtlasPage.cspHash(AtlasAssets.script))&#39;"))
        #expect(html.contains("default-src &#39;none&#39;"))
    }

    @Test func trendChartsNeedTwoQuarters() {
        let a = AtlasTrendPoint(quarter: "2025Q1", actors: 3, tiedPairs: 2, density: 0.5, openGaps: 4, meanSynergy: nil)
        let b = AtlasTrendPoint(quarter: "2025Q2", actors: 5, tiedPairs: 4, density: 0.4, openGaps: 2, meanSynergy: nil)
        #expect(AtlasTrendCharts.html([a]) == "")
        let html = AtlasTrendCharts.html([a, b])
        #expect(html.components(separatedBy: "<figure>").count - 1 == 4)  // no mean synergy in any quarter
        #expect(html.contains("aria-label=\"Actors: 5 in 2025Q2; from 3 to 5 over 2025Q1–2025Q2\""))
        // Values scale to the chart: the lowest at the bottom (y = 72), the highest at the top (y = 8).
        #expect(html.contains("points=\"6.0,72.0 234.0,8.0\""))
    }
}
