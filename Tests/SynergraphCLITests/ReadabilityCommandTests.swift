import Foundation
import Testing

/// `render --report`, `--aggregate`, `--layout geo`, `--without-hub` and the up-front refusals, as a user runs them.
@Suite struct ReadabilityCommandTests {
    let tiny = CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/networks/tiny").path

    func report(_ args: [String]) throws -> [String: Any] {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["render", tiny, "-o", dir.appendingPathComponent("m.svg").path, "--report", "--format", "json"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        let line = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func reportCountsTheDrawnMap() throws {
        let r = try report([])
        // Seven actors, six recorded tied pairs: the co-participation pair escap–gov-npl is not drawn, nor
        // are the hub's four lines (escap, nasc, exp-2, gov-npl), which leaves nasc–gov-npl and exp-1–nasc.
        #expect(r["nodes"] as? Int == 7 && r["ties"] as? Int == 2)
        #expect(r["node_overlaps"] as? Int == 0 && r["label_overlaps"] as? Int == 0 && r["label_node_overlaps"] as? Int == 0)
        #expect(r["layout"] as? String == "sfdp layout" && r["crossings_per_tie"] is Double || r["crossings_per_tie"] is Int)
        let hub = try report(["--hub-lines"])
        #expect(hub["ties"] as? Int == 6)
        let all = try report(["--co-participation-lines", "--hub-lines"])
        #expect(all["ties"] as? Int == 7)
        let aggregate = try report(["--aggregate", "country"])
        // Four circles and their four names; three lines (KOR–THA, KOR–NPL, KOR–LAO).
        #expect(aggregate["nodes"] as? Int == 8 && aggregate["ties"] as? Int == 3 && aggregate["node_overlaps"] as? Int == 0)
        let boxes = try report(["--cluster-by", "country"])
        #expect(boxes["clusters"] as? Int == 4 && boxes["cluster_overlaps"] as? Int == 0 && boxes["actors_outside_box"] as? Int == 0)
    }

    @Test func tableReportAndUsageErrors() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("m.svg").path
        let table = try CLIRunner.run(["render", tiny, "-o", out, "--report"])
        #expect(table.status == 0 && table.stdout.contains("node overlaps") && table.stdout.contains("edge crossings"))
        #expect(try CLIRunner.run(["render", tiny, "-o", out, "--format", "json"]).status == 2)
        #expect(try CLIRunner.run(["render", tiny, "-o", out, "--aggregate", "kind", "--detail"]).status == 2)
        #expect(try CLIRunner.run(["render", tiny, "-o", out, "--layout", "geo", "--cluster-by", "region"]).status == 2)
    }

    @Test func withoutHubGeoAndAggregateMaps() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let hubless = dir.appendingPathComponent("h.svg")
        #expect(try CLIRunner.run(["render", tiny, "-o", hubless.path, "--without-hub"]).status == 0)
        let svg = try String(contentsOf: hubless, encoding: .utf8)
        #expect(!svg.contains("id=\"n&#45;unpog\"") && svg.contains("id=\"n&#45;nasc\"") && svg.contains("without the hub"))
        let geo = dir.appendingPathComponent("g.svg")
        #expect(try CLIRunner.run(["render", tiny, "-o", geo.path, "--layout", "geo"]).status == 0)
        let geoText = try String(contentsOf: geo, encoding: .utf8)
        #expect(geoText.contains("Republic of Korea") && geoText.contains("id=\"n&#45;country&#45;NPL\"") && !geoText.contains("Secret Person"))
        let again = dir.appendingPathComponent("g2.svg")
        #expect(try CLIRunner.run(["render", tiny, "-o", again.path, "--layout", "geo"]).status == 0)
        #expect(try Data(contentsOf: geo) == Data(contentsOf: again))
        let overview = dir.appendingPathComponent("a.svg")
        #expect(try CLIRunner.run(["render", tiny, "-o", overview.path, "--aggregate", "country"]).status == 0)
        let a = try String(contentsOf: overview, encoding: .utf8)
        #expect(a.contains("id=\"n&#45;group&#45;npl\"") && a.contains("Nepal") && !a.contains("Secret Person"))
    }

    @Test func circoOnTheBundledNetworkIsRefusedUpFront() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("c.svg")
        let r = try CLIRunner.run(["render", "-o", out.path, "--layout", "circo"])
        #expect(r.status == 1 && r.stderr.contains("--layout sfdp") && r.stderr.contains("--force"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
