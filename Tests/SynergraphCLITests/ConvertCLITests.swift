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
            // --show-all-names: a complete copy, the expert without consent included.
            let r = try CLIRunner.run(["convert", previous, target, "--show-all-names"])
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
        let write = try CLIRunner.run(["convert", tiny.path, dot, "--show-all-names"])
        #expect(write.status == 0, "\(write.stderr)")
        #expect(try String(contentsOfFile: dot, encoding: .utf8).contains("synergraph_manifest"))
        let read = try CLIRunner.run(["convert", dot, json, "--show-all-names"])
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

    /// Without --show-all-names every export hides the expert without consent (tiny's exp-2, "Secret
    /// Person") as the other outputs do, and reads back as the same network with that expert hidden.
    @Test func exportsHideExpertsWithoutConsentByDefault() throws {
        let out = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        for name in ["a.graphml", "b.gexf", "c.gml", "d.json", "e.dot", "f"] {
            let target = out.appendingPathComponent(name)
            let r = try CLIRunner.run(["convert", tiny.path, target.path])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            let files = name == "f" ? ["manifest.json", "nodes.csv", "ties.csv", "activities.csv", "participation.csv"].map { target.appendingPathComponent($0).path } : [target.path]
            for file in files {
                let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
                #expect(!text.contains("Secret Person") && !text.contains("exp-2"), "\(file) names the expert without consent")
            }
            // DOT reads back through the Graphviz facade, which this test process does not register.
            guard !name.hasSuffix(".dot") else { continue }
            let back = try NetworkLoader.load(path: target.path).network
            let hidden = try #require(back.node("expert-2"), "\(name)")
            #expect(hidden.name == "Expert 2" && hidden.consent == false && hidden.kind == .expert)
            #expect(back.ties.contains { $0.source == "expert-2" && $0.target == "unpog" }, "\(name)")
            #expect(back.node("exp-1")?.name == "Dr. Ana Fictional")
        }
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

    @Test func gexfVersionChoosesTheGEXFVersionAndOtherValuesAreUsageErrors() throws {
        let out = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let draft = out.appendingPathComponent("d.gexf").path
        let r = try CLIRunner.run(["convert", tiny.path, draft, "--gexf-version", "1.2draft", "--show-all-names"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("(gexf 1.2draft)"))
        let text = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(text.contains(#"xmlns="http://www.gexf.net/1.2draft""#) && text.contains(#"version="1.2">"#))
        #expect(try NetworkLoader.load(path: draft).network.ties == NetworkLoader.load(path: tiny.path).network.ties)
        let v13 = out.appendingPathComponent("e.gexf").path
        #expect(try CLIRunner.run(["convert", tiny.path, v13, "--gexf-version", "1.3"]).status == 0)
        #expect(try String(contentsOfFile: v13, encoding: .utf8).contains(#"version="1.3">"#))

        let bad = try CLIRunner.run(["convert", tiny.path, out.appendingPathComponent("f.gexf").path, "--gexf-version", "1.2"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'1.2draft'") && bad.stderr.contains("'1.3'"), "\(bad.stderr)")
        let notGEXF = try CLIRunner.run(["convert", tiny.path, out.appendingPathComponent("g.graphml").path, "--gexf-version", "1.3"])
        #expect(notGEXF.status == 2)
        #expect(notGEXF.stderr.contains("--gexf-version applies only to GEXF output"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("f.gexf").path))
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
