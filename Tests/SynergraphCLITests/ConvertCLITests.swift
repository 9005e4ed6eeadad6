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

    /// DOT goes through the Graphviz facade, which `main()` registers with SynergraphKit.
    @Test func convertsToDOTAndBack() throws {
        let out = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let dot = out.appendingPathComponent("t.gv").path
        let json = out.appendingPathComponent("t.json").path
        let write = try CLIRunner.run(["convert", tiny.path, dot])
        #expect(write.status == 0, "\(write.stderr)")
        #expect(try String(contentsOfFile: dot, encoding: .utf8).contains("synergraph_manifest"))
        let read = try CLIRunner.run(["convert", dot, json])
        #expect(read.status == 0, "\(read.stderr)")
        let first = try NetworkLoader.load(path: tiny.path).network
        let back = try NetworkLoader.load(path: json).network
        #expect(back.manifest == first.manifest)
        // cgraph's writer orders nodes and ties its own way (Docs/formats.md, DOT).
        #expect(Set(back.nodes.map(\.id)) == Set(first.nodes.map(\.id)))
        #expect(back.ties.count == first.ties.count)

        let foreign = out.appendingPathComponent("nx.txt")
        try Data("digraph { a [role=school]; a -> b }\n".utf8).write(to: foreign)
        let r = try CLIRunner.run(["convert", "--kind-attribute", "role", foreign.path, json])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try NetworkLoader.load(path: json).network.nodes.map(\.kind) == [.school, .other])
        let bad = out.appendingPathComponent("bad.dot")
        try Data("digraph {\n a -> ;\n}\n".utf8).write(to: bad)
        let e = try CLIRunner.run(["convert", bad.path, json])
        #expect(e.status == 1)
        #expect(e.stderr.contains("\(bad.path):2: error: Graphviz: syntax error near ';'"))
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
