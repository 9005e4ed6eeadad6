import Foundation
import Testing

@Suite struct RenderCommandTests {
    let tiny = CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/networks/tiny").path

    @Test func svgHasOneElementPerActorWithStableIdsClassesAndALegend() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("map.svg")
        let r = try CLIRunner.run(["render", tiny, "-o", out.path, "--labels", "all", "--color-by", "community"])
        #expect(r.status == 0, "\(r.stderr)")
        let census = SVGCensus(try Data(contentsOf: out))
        #expect(census.parsed)
        #expect(census.nodeGroups == 7)
        // Ids come from node ids (the expert without consent by alias), never from creation order.
        #expect(census.ids.sorted() == ["n-escap", "n-exp-1", "n-expert-2", "n-gov-npl", "n-nasc", "n-tiri", "n-unpog"])
        #expect(census.legend)
        #expect(census.nodeClasses.isSuperset(of: ["node", "kind-school", "kind-expert", "community-0"]))
        #expect(!(try String(contentsOf: out, encoding: .utf8)).contains("Secret Person"))
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for ext in ["svg", "png", "dot"] {
            for layout in ["neato", "sfdp", "fdp"] {
                let a = dir.appendingPathComponent("a-\(layout).\(ext)"), b = dir.appendingPathComponent("b-\(layout).\(ext)")
                #expect(try CLIRunner.run(["render", "-o", a.path, "--layout", layout]).status == 0)
                #expect(try CLIRunner.run(["render", "-o", b.path, "--layout", layout]).status == 0)
                #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(layout) \(ext) differs between runs")
            }
        }
    }

    @Test func focusAndTopViews() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ego = dir.appendingPathComponent("ego.svg")
        #expect(try CLIRunner.run(["render", tiny, "-o", ego.path, "--focus", "nasc"]).status == 0)
        #expect(SVGCensus(try Data(contentsOf: ego)).nodeGroups == 4)
        let top = dir.appendingPathComponent("top.svg")
        #expect(try CLIRunner.run(["render", tiny, "-o", top.path, "--top", "3", "--by", "degree"]).status == 0)
        #expect(SVGCensus(try Data(contentsOf: top)).ids.sorted() == ["n-gov-npl", "n-nasc", "n-unpog"])
    }

    /// Each error path: a clear message, exit status 1, and no output file left behind.
    @Test func errorPathsLeaveNoFile() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], String, String)] = [
            (["-o", dir.appendingPathComponent("map.gif").path], "map.gif", "cannot tell the map format"),
            (["--focus", "nobody", "-o", dir.appendingPathComponent("f.svg").path], "f.svg", "--focus 'nobody' is not an actor"),
            (["--country", "ZZZ", "-o", dir.appendingPathComponent("e.svg").path], "e.svg", "the view selects no actors"),
            (["--layout", "dot", "--timeout", "0.01", "--force", "-o", dir.appendingPathComponent("t.svg").path], "t.svg", "took longer than 0.01 seconds"),
        ]
        for (args, file, message) in cases {
            let r = try CLIRunner.run(["render"] + args)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path))
        }
        let unwritable = try CLIRunner.run(["render", tiny, "-o", "/proc/synergraph/map.svg"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("/proc/synergraph/map.svg"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        #expect(try CLIRunner.run(["render", "--layout", "spring", "-o", "x.svg"]).status == 2)
    }
}
