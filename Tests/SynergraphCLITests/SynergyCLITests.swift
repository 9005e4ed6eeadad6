import Foundation
import Testing

/// The synergy, gaps and experts commands as a user runs them: formats, bad input, privacy.
@Suite(.serialized) struct SynergyCommandTests {
    static func hiddenExpertNames() throws -> [String] {
        let nodesCSV = try String(contentsOf: CLIRunner.repository.appendingPathComponent("Networks/unpog-asia-pacific/nodes.csv"), encoding: .utf8)
        return nodesCSV.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count > 8 && $0[2] == "expert" && $0[8] == "no" }.map { $0[1] }
    }

    @Test func synergyTopInEveryFormat() throws {
        for format in ["table", "csv", "json", "md"] {
            let r = try CLIRunner.run(["synergy", "--top", "5", "--format", format])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            #expect(!r.stdout.isEmpty)
        }
        let json = try CLIRunner.run(["synergy", "--top", "3", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let pairs = object["pairs"] as! [[String: Any]]
        // --strategy both (the default): the top three closure pairs, then the top three bridging pairs.
        #expect(pairs.count == 6)
        #expect(pairs.map { $0["strategy"] as? String } == ["closure", "closure", "closure", "bridging", "bridging", "bridging"])
        #expect(pairs.map { $0["strategy_rank"] as? Int } == [1, 2, 3, 1, 2, 3])
        #expect(Set(pairs[0].keys) == ["rank", "a", "b", "tied", "synergy", "components", "evidence", "reason", "works_in",
                                       "strategy", "strategy_rank", "strategy_reason", "would_change"])
        #expect(object["strategy"] as? String == "both")
        let closure = try CLIRunner.run(["synergy", "--top", "2", "--strategy", "closure", "--format", "json"])
        let closurePairs = (try JSONSerialization.jsonObject(with: Data(closure.stdout.utf8)) as! [String: Any])["pairs"] as! [[String: Any]]
        #expect(closurePairs.count == 2 && closurePairs.allSatisfy { $0["strategy"] as? String == "closure" })
        #expect(Set((pairs[0]["components"] as! [String: Any]).keys) == ["thematic", "geographic", "complementarity", "structural", "bridging"])
        #expect((object["summary"] as! [String: Any])["ei_index_by_kind"] is Double)
    }

    /// Issue 13's example: the ministry works in Nepal only, and every country of each actor is traced.
    @Test func pairTracesWhereEachActorWorks() throws {
        let r = try CLIRunner.run(["synergy", "--pair", "npl-mofaga", "napsipag", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let pair = (object["pairs"] as! [[String: Any]])[0]
        let worksIn = pair["works_in"] as! [String: Any]
        let a = worksIn["a"] as! [[String: Any]]
        #expect(a.map { $0["country"] as? String } == ["NPL"])
        let bases = a[0]["bases"] as! [[String: Any]]
        #expect(bases.first?["basis"] as? String == "home")
        #expect(bases.dropFirst().allSatisfy { $0["basis"] as? String == "activity" && ($0["activity"] as? String)?.hasPrefix("act-") == true })
        let b = worksIn["b"] as! [[String: Any]]
        for c in b {
            let list = c["bases"] as! [[String: Any]]
            #expect(!list.isEmpty)
            #expect(list.allSatisfy { ["home", "activity", "tie"].contains($0["basis"] as? String ?? "") })
        }
        #expect(!(pair["reason"] as! String).contains("Republic of Korea"))
        #expect(((pair["evidence"] as! [String: Any])["shared_countries"] as! [String]) == ["NPL"])
    }

    @Test func pairAndForBreakdowns() throws {
        let pair = try CLIRunner.run(["synergy", "--pair", "pifs", "vut-pstc", "--format", "json"])
        #expect(pair.status == 0)
        #expect(pair.stdout.contains("\"mode\": \"pair\"") && pair.stdout.contains("\"tied\": true"))
        let forActor = try CLIRunner.run(["synergy", "--for", "btn-rim", "--top", "3"])
        #expect(forActor.status == 0 && forActor.stdout.contains("Best new partners for Royal Institute of Management"))
    }

    @Test func badInputIsAClearError() throws {
        let unknown = try CLIRunner.run(["synergy", "--for", "nobody"])
        #expect(unknown.status == 1 && unknown.stderr.contains("--for 'nobody' is not an actor"))
        let unknownPair = try CLIRunner.run(["synergy", "--pair", "unpog", "nobody"])
        #expect(unknownPair.status == 1 && unknownPair.stderr.contains("--pair 'nobody' is not an actor"))
        let onePair = try CLIRunner.run(["synergy", "--pair", "unpog"])
        #expect(onePair.status == 2)
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.json")
        try #"{"weights": {"thematic": -1}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let negative = try CLIRunner.run(["synergy", "--config", bad.path])
        #expect(negative.status == 1 && negative.stderr.contains("weights must be 0 or more"))
        try #"{"wieghts": {}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let key = try CLIRunner.run(["gaps", "--config", bad.path])
        #expect(key.status == 1 && key.stderr.contains("unknown key \"wieghts\""))
        let missing = try CLIRunner.run(["experts", "--config", folder.appendingPathComponent("none.json").path])
        #expect(missing.status == 1 && missing.stderr.contains("cannot read the configuration file"))
        let country = try CLIRunner.run(["experts", "--country", "K1R"])
        #expect(country.status == 2)
        let abroad = try CLIRunner.run(["experts", "--country", "KIR", "--sector", "statistics"])
        #expect(abroad.status == 0 && abroad.stderr.contains("no actor of the network is based in or works in Kiribati"))
        #expect(abroad.stderr.contains("no expert lists the sector 'statistics'"))
        // A network without target countries (a plain edge list): a stated warning, still a report.
        let edges = folder.appendingPathComponent("edges.csv")
        try "source,target\na,b\nb,c\nc,d\nd,b\n".write(to: edges, atomically: true, encoding: .utf8)
        let noTargets = try CLIRunner.run(["gaps", edges.path])
        #expect(noTargets.status == 0 && noTargets.stderr.contains("names no target countries"))
        let gapsElsewhere = try CLIRunner.run(["gaps", "--countries", "KIR"])
        #expect(gapsElsewhere.status == 0 && gapsElsewhere.stderr.contains("Kiribati"))
        #expect(gapsElsewhere.stdout.contains("Kiribati has no school of public administration"))
    }

    @Test func gapsOnTheBundledNetwork() throws {
        let r = try CLIRunner.run(["gaps", "--format", "json"])
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let gaps = object["gaps"] as! [[String: Any]]
        #expect(gaps.count == 16)
        #expect(gaps[0]["category"] as? String == "single-broker")
        #expect(object["active_since"] as? String == "2025-07-01")
        for format in ["table", "csv", "md"] { #expect(try CLIRunner.run(["gaps", "--format", format]).status == 0) }
    }

    @Test func noOutputNamesExpertsWithoutConsent() throws {
        let hidden = try Self.hiddenExpertNames()
        #expect(!hidden.isEmpty)
        var everything = ""
        for format in ["table", "json", "csv", "md"] {
            everything += try CLIRunner.run(["synergy", "--top", "60", "--format", format]).stdout
            everything += try CLIRunner.run(["gaps", "--format", format]).stdout
            everything += try CLIRunner.run(["experts", "--top", "70", "--format", format]).stdout
        }
        everything += try CLIRunner.run(["synergy", "--for", "expert-1", "--top", "50", "--format", "json"]).stdout
        everything += try CLIRunner.run(["metrics", "--metric", "brokerage", "--format", "json"]).stdout
        for name in hidden { #expect(!everything.contains(name), "leaked \(name)") }
        #expect(everything.contains("Expert 1"))
    }

    @Test func brokerageInTheMetricsContract() throws {
        let r = try CLIRunner.run(["metrics", "--metric", "brokerage", "--group-by", "kind", "--format", "json"])
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let node = (object["nodes"] as! [[String: Any]])[0]
        #expect(Set((node["brokerage"] as! [String: Any]).keys) == ["coordinator", "itinerant", "gatekeeper", "representative", "liaison", "total"])
        #expect(Set((node["brokerage_z"] as! [String: Any]).keys) == ["coordinator", "itinerant", "gatekeeper", "representative", "liaison", "total"])
        let csv = try CLIRunner.run(["metrics", "--metric", "degree,brokerage", "--group-by", "country", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,kind,name,degree,brokerage_coordinator,"))
    }
}
