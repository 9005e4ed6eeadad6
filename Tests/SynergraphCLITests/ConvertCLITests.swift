import Foundation
import Testing
@testable import SynergraphKit

@Suite struct ConvertCLITests {
    let tiny = CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/networks/tiny")

    @Test func convertsThroughEveryFormAndBackToTheSameFolder() throws {
        let out = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        var previous = tiny.path
        for name in ["a.graphml", "b.gexf", "c.gml", "d.json", "e"] {
            let target = out.appendingPathComponent(name).path
            let r = try CLIRunner.run(["convert", previous, target])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            previous = target
        }
        let first = try NetworkLoader.load(path: tiny.path).network
        let last = try NetworkLoader.load(path: previous).network
        #expect(last.nodes == first.nodes)
        #expect(last.ties == first.ties)
        #expect(last.manifest == first.manifest)
        // GraphML holds no activities: the first step says so and they are gone.
        #expect(last.activities.isEmpty)
    }

    @Test func warnsWhenActivitiesCannotBeWritten() throws {
        let out = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLIRunner.run(["convert", tiny.path, out.appendingPathComponent("t.gexf").path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: gexf cannot hold activities: 1 activities and 2 participation records are not written; use a folder or .json to keep them"))
    }

    @Test func unknownOutputExtensionIsAUsageError() throws {
        let r = try CLIRunner.run(["convert", tiny.path, "/tmp/x.net"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("OUT '/tmp/x.net' has an extension Synergraph does not write"))
    }

    @Test func kindAttributeAndEncodingOptionsReachTheReader() throws {
        let out = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let input = out.appendingPathComponent("in.gml")
        try Data("graph [ node [ id 0 label \"a\" role \"school\" ] ]".utf8).write(to: input)
        let r = try CLIRunner.run(["convert", "--kind-attribute", "role", "--encoding", "utf8", input.path, out.appendingPathComponent("o.json").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try NetworkLoader.load(path: out.appendingPathComponent("o.json").path).network.nodes.map(\.kind) == [.school])
    }
}
