import Foundation
import SynergraphKit
import Testing

/// `report` and `analyze`'s report.html end to end, through the built binary (the page's behaviour is
/// tested in a browser by Tests/Browser/atlas_browser_test.py).
@Suite struct AtlasCLITests {
    static let hostile = CLIRunner.repository.appendingPathComponent("Tests/Browser/Fixtures/hostile-labels").path
    static let tiny = CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/networks/tiny").path

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("synergraph-atlas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func reportWritesOneSelfContainedPageAroundTheMap() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("atlas.html")
        let r = try CLIRunner.run(["report", Self.hostile, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Wrote \(out.path) (8 actors"))
        let html = try String(contentsOf: out, encoding: .utf8)
        // The facade's SVG, inline, with every actor's node under the id the page looks for (Graphviz
        // writes '-' in ids as &#45;).
        #expect(html.contains("<svg"))
        for id in ["hub", "pifs", "sch", "cso", "gov", "exp-a", "expert-2", "expert-3"] {
            #expect(html.contains("id=\"" + MapElementID.node(id).replacingOccurrences(of: "-", with: "&#45;") + "\""), "no node \(id)")
        }
        // Labels from the data are text: the acronym <b>HUB</b> is drawn escaped, no markup came through.
        #expect(html.contains("&lt;b&gt;HUB&lt;/b&gt;"))
        #expect(!html.lowercased().contains("<img"))
        #expect(!html.contains("<!--"))
        for hidden in ["Zebulon", "Quillfeather", "Vantablack"] { #expect(!html.contains(hidden)) }
        // No reference to anything outside the file.
        #expect(!html.replacingOccurrences(of: "http://www.w3.org/", with: "").contains("http://"))
        #expect(!html.contains("https://"))
        #expect(!html.contains("src=\""))
    }

    @Test func analyzeWritesReportBesideTheMap() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["analyze", Self.tiny, "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(dir.path + "/report.html"))
        let html = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
        let svg = try String(contentsOf: dir.appendingPathComponent("map.svg"), encoding: .utf8)
        // The atlas holds the map just drawn.
        #expect(html.contains(AtlasPage.inlineSVG(svg)))
        #expect(html.contains("Tiny test network"))
        let none = try CLIRunner.run(["analyze", Self.tiny, "--out", dir.appendingPathComponent("b").path, "--no-report"])
        #expect(none.status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("b/report.html").path))
    }

    @Test func reportUsageErrors() throws {
        #expect(try CLIRunner.run(["report"]).status == 2)
        #expect(try CLIRunner.run(["report", "-o", "x.html", "--trends", "--quarter", "2025Q1"]).status == 2)
        let help = try CLIRunner.run(["report", "--help"])
        #expect(help.stdout.contains("-o, --output <output>"))
    }
}
