import Foundation
import Testing
@testable import SynergraphKit

@Suite struct LoadingTests {
    @Test func loadsTheTinyNetworkWithEveryField() throws {
        let loaded = try NetworkLoader.load(path: FixturePaths.network("tiny"))
        let n = loaded.network
        #expect(loaded.form == .folder)
        #expect(loaded.warnings.isEmpty)
        #expect(n.manifest.name == "tiny")
        #expect(n.manifest.targetCountries == ["NPL"])
        #expect(n.nodes.map(\.id) == ["unpog", "escap", "nasc", "tiri", "exp-1", "exp-2", "gov-npl"])
        let unpog = try #require(n.node("unpog"))
        #expect(unpog.kind == .agency)
        #expect(unpog.scope == .international)
        #expect(unpog.country == "KOR")
        #expect(unpog.sdgs == [16, 17])
        #expect(unpog.accomplishments == [.ea1, .ea3])
        #expect(unpog.attribute("acronym") == "UNPOG")
        #expect(unpog.sourceRef == "register")
        // Quoted field with a comma; sectors lowercased.
        #expect(n.node("tiri")?.name == "Integrity Network, Asia")
        #expect(n.node("nasc")?.sectors == ["education", "public administration"])
        #expect(n.node("exp-1")?.consent == true)
        #expect(n.node("exp-2")?.consent == false)
        #expect(n.ties.count == 6)
        let funding = n.ties[5]
        #expect(funding.kind == "funding" && funding.weight == 5)
        #expect(funding.since == Day(year: 2025, month: 1, day: 1))
        #expect(funding.until == Day(year: 2025, month: 12, day: 31))
        #expect(n.isDirected(funding))
        #expect(!n.isDirected(n.ties[0]))
        #expect(n.ties[0].trust == 4 && n.ties[0].value == 3)
        #expect(n.activities.first?.endDate == Day(iso: "2025-03-12"))
        #expect(n.participation.map(\.node) == ["escap", "gov-npl"])
    }

    /// Every problem of the broken fixture, in reading order, with its place.
    @Test func validateListsEveryProblemWithItsPlace() {
        let path = FixturePaths.network("broken")
        #expect(throws: LoadFailure.self) { try NetworkLoader.load(path: path) }
        guard case .failure(let failure) = Result(catching: { () throws(LoadFailure) in try NetworkLoader.load(path: path) }) else { return }
        let got = failure.diagnostics.map { d in
            "\(d.problem.rawValue) \(d.location.description.replacingOccurrences(of: path + "/", with: ""))"
        }
        #expect(got == [
            "bad_country manifest.json",
            "duplicate_id nodes.csv:4",
            "unknown_kind nodes.csv:5:11",
            "bad_country nodes.csv:6:20",
            "bad_sdg nodes.csv:6:26",
            "bad_accomplishment nodes.csv:6:29",
            "bad_boolean nodes.csv:6:34",
            "wrong_column_count nodes.csv:7",
            "unknown_node ties.csv:3",
            "bad_weight ties.csv:4:17",
            "bad_weight ties.csv:5:17",
            "bad_date ties.csv:6:15",
            "until_before_since ties.csv:7:26",
            "unknown_activity participation.csv:3",
            "unknown_node participation.csv:4",
        ])
        #expect(failure.diagnostics.allSatisfy { $0.severity == .error })
        #expect(failure.diagnostics[1].message == "duplicate node id 'a'; first defined on line 2")
        #expect(failure.diagnostics[2].message == "node 'c' has unknown kind 'spaceship'; use one of agency, school, cso, expert, government, other")
        #expect(failure.diagnostics[12].message == "tie a – b ends (until 2025-01-01) before it starts (since 2025-06-01)")
    }

    /// A BOM, CRLF line ends and a quoted field holding quotes, a comma and a line break are valid.
    @Test func quotedFieldsBOMAndCRLFAreValid() throws {
        var files = try fixtureFiles("tiny")
        files["activities.csv"] = "\u{FEFF}id,name,kind,date,country\r\nw1,\"Workshop on \"\"open\"\" government,\r\nday 1\",workshop,2025-03-10,NPL\r\n"
        let loaded = try NetworkLoader.load(folderNamed: "mem", files: files)
        #expect(loaded.network.activities.map(\.name) == ["Workshop on \"open\" government,\r\nday 1"])
        #expect(loaded.network.activities[0].country == "NPL")
    }

    @Test func nonUTF8BytesAreReportedAtTheirPlace() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in try fixtureFiles("tiny") {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        // "Caf\xE9" is Latin-1, not UTF-8: line 3, column 9 of ties.csv.
        var ties = Array("source,target\nunpog,escap\nnasc,Caf".utf8)
        ties.append(0xE9)
        try Data(ties + Array("\n".utf8)).write(to: dir.appendingPathComponent("ties.csv"))
        let failure = try #require(loadFailure(dir.path))
        #expect(failure.diagnostics.map(\.problem) == [.invalidEncoding])
        #expect(failure.diagnostics[0].location == FileLocation(file: dir.path + "/ties.csv", line: 3, column: 9))
    }

    @Test func emptyFileAndMissingColumnAreErrors() throws {
        var files = try fixtureFiles("tiny")
        files["ties.csv"] = ""
        files["activities.csv"] = "id,name,kind\nw1,x,workshop\n"
        files["participation.csv"] = "activity\n"
        let failure = try #require(loadFailure(files))
        #expect(failure.diagnostics.map(\.problem) == [.emptyFile, .missingColumn, .missingColumn])
        #expect(failure.diagnostics[1].message.hasPrefix("required column 'date' is missing"))
    }

    @Test func unterminatedQuoteIsReportedAtTheLineItOpens() throws {
        var files = try fixtureFiles("tiny")
        files["ties.csv"] = "source,target,kind\nunpog,escap,\"partnership\nnasc,unpog,partnership\n"
        let failure = try #require(loadFailure(files))
        #expect(failure.diagnostics.map(\.problem) == [.unterminatedQuote])
        #expect(failure.diagnostics[0].location.line == 2)
    }

    @Test func jsonFormLoadsTheSameNetworkAsTheFolder() throws {
        let folder = try NetworkLoader.load(path: FixturePaths.network("tiny")).network
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("tiny.json")
        try NetworkJSONWriter.data(folder).write(to: url)
        let json = try NetworkLoader.load(path: url.path)
        #expect(json.form == .json)
        #expect(json.network.manifest == folder.manifest)
        #expect(json.network.nodes == folder.nodes)
        #expect(json.network.ties == folder.ties)
        #expect(json.network.activities == folder.activities)
        #expect(json.network.participation == folder.participation)
    }

    @Test func jsonFormReportsBadValuesWithTheirPath() throws {
        let text = """
            {"manifest": {"name": "j"}, "nodes": [{"id": "a", "name": "A", "kind": "agency"}, {"id": "b", "kind": "robot", "sdgs": [16, 40]}],
             "ties": [{"source": "a", "target": "b", "weight": -2}]}
            """
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("net.json")
        try Data(text.utf8).write(to: url)
        let failure = try #require(loadFailure(url.path))
        #expect(failure.diagnostics.map { "\($0.problem.rawValue) \($0.location.path ?? "")" } == [
            "unknown_kind nodes[1].kind", "bad_sdg nodes[1].sdgs", "bad_weight ties[0].weight",
        ])
    }

    @Test func edgeListWithAndWithoutHeader() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.csv"), b = dir.appendingPathComponent("b.txt")
        try Data("source,target,weight\nx,y,2\ny,z,0.5\nx,y,1\n".utf8).write(to: a)
        try Data("x\ty\ny\tz\n".utf8).write(to: b)
        let withHeader = try NetworkLoader.load(path: a.path)
        #expect(withHeader.form == .edgeList)
        #expect(withHeader.network.nodes.map(\.id) == ["x", "y", "z"])
        #expect(withHeader.network.ties.map(\.weight) == [2, 0.5, 1])
        #expect(withHeader.network.nodes.allSatisfy { $0.kind == .other })
        let plain = try NetworkLoader.load(path: b.path)
        #expect(plain.network.ties.count == 2)
        let c = dir.appendingPathComponent("c.csv")
        try Data("x,y,2\ny,z,heavy\nx\n".utf8).write(to: c)
        let failure = try #require(loadFailure(c.path))
        #expect(failure.diagnostics.map(\.problem) == [.badWeight, .wrongColumnCount])
    }

    @Test func missingPathIsAnError() throws {
        let failure = try #require(loadFailure("/nonexistent/network"))
        #expect(failure.diagnostics.first?.problem == .unreadable)
    }

    // MARK: helpers

    private func fixtureFiles(_ name: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for f in ["manifest.json", "nodes.csv", "ties.csv", "activities.csv", "participation.csv"] {
            out[f] = try String(contentsOfFile: FixturePaths.network(name) + "/" + f, encoding: .utf8)
        }
        return out
    }

    private func loadFailure(_ path: String) -> LoadFailure? {
        do { _ = try NetworkLoader.load(path: path) } catch { return error }
        return nil
    }

    private func loadFailure(_ files: [String: String]) -> LoadFailure? {
        do { _ = try NetworkLoader.load(folderNamed: "mem", files: files) } catch { return error }
        return nil
    }
}
