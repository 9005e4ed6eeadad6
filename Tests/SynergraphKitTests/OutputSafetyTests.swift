import Foundation
import Testing
@testable import SynergraphKit

/// Where outputs may go, what they may replace, what spreadsheets may run, and who exports may name
/// (Docs/hardening.md).
@Suite struct OutputSafetyTests {
    @Test func networkNamesFollowTheRule() {
        for good in ["unpog-asia-pacific", "a", "2025", "x-1-y", String(repeating: "a", count: 64)] {
            #expect(NetworkName.problem(good) == nil, "\(good)")
        }
        for bad in ["", "..", ".", "../../tmp/pwned", "/etc", "a/b", "Upper", "with space", "-lead", "a_b", "a.b", "ü", "nul\u{0}",
                    String(repeating: "a", count: 65)] {
            #expect(NetworkName.problem(bad) != nil, "\(bad)")
        }
        #expect(NetworkName.problem("a\u{1B}[31m")?.contains("U+1B") == true)
    }

    @Test func slugsAreValidNames() {
        // Hand-worked: lowercased, runs of other characters become one '-', trimmed.
        #expect(NetworkName.slug("../../tmp/pwned") == "tmp-pwned")
        #expect(NetworkName.slug("Les Misérables") == "les-mis-rables")
        #expect(NetworkName.slug("gephi-table.edges") == "gephi-table-edges")
        #expect(NetworkName.slug("..") == "network")
        #expect(NetworkName.slug("") == "network")
        #expect(NetworkName.slug(String(repeating: "ab", count: 100)).count == 64)
        for s in ["../../x", "A B", "---", "ü", "/", "x" + String(repeating: "-", count: 70) + "y"] {
            #expect(NetworkName.problem(NetworkName.slug(s)) == nil, "\(s) → \(NetworkName.slug(s))")
        }
    }

    @Test func aNetworkFolderStaysInsideItsRoot() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        #expect(try OutputLocation.networkFolder("net", in: root).path == root.appendingPathComponent("net").path)
        for bad in ["../../tmp/pwned", "..", "/etc", "a/../../b"] {
            #expect(throws: OutputLocation.Refusal.self) { try OutputLocation.networkFolder(bad, in: root) }
        }
        // A folder that is a link to somewhere else is refused even though its name is valid.
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("linked"), withDestinationURL: outside)
        #expect(throws: OutputLocation.Refusal.self) { try OutputLocation.networkFolder("linked", in: root) }
        // A root that is itself reached through a link is fine.
        let viaLink = outside.appendingPathComponent("root-link")
        try FileManager.default.createSymbolicLink(at: viaLink, withDestinationURL: root)
        #expect(throws: Never.self) { try OutputLocation.networkFolder("net", in: viaLink) }
    }

    @Test func canonicalPathsResolveDotsAndLinks() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let real = OutputLocation.canonicalPath(root.path)
        #expect(OutputLocation.canonicalPath(root.path + "/a/../b/./c") == real + "/b/c")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("d"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("l"), withDestinationURL: root.appendingPathComponent("d"))
        #expect(OutputLocation.canonicalPath(root.path + "/l/new.txt") == real + "/d/new.txt")
    }

    @Test func writesNeverReplaceAnInput() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root); ProtectedInputs.removeAll() }
        let input = root.appendingPathComponent("in.graphml")
        try Data("x".utf8).write(to: input)
        let hardLink = root.appendingPathComponent("hard.graphml")
        try FileManager.default.linkItem(at: input, to: hardLink)
        let folder = root.appendingPathComponent("net")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        ProtectedInputs.add(input.path)
        ProtectedInputs.add(folder.path)
        for target in [input, hardLink, root.appendingPathComponent("./in.graphml"), folder.appendingPathComponent("nodes.csv"),
                       folder.appendingPathComponent("out/summary.json")] {
            #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("y", to: target) }
        }
        #expect(try String(contentsOf: input, encoding: .utf8) == "x")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nodes.csv").path))
        // Beside the inputs is fine.
        try AtomicFile.write("z", to: root.appendingPathComponent("out.graphml"))
        #expect(try String(contentsOf: root.appendingPathComponent("out.graphml"), encoding: .utf8) == "z")
    }

    @Test func formulaCellsAreInertAndReadBack() {
        // Hand-worked cells: what spreadsheets would run gets a leading apostrophe; numbers do not.
        let cases: [(String, String)] = [
            ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
            ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(1)", "'@SUM(1)"), ("\tx", "'\tx"),
            ("-0.25", "-0.25"), ("+3", "+3"), ("-1e-5", "-1e-5"), ("-", "'-"), ("'=x", "''=x"), ("''", "'''"),
            ("'plain", "'plain"), ("plain", "plain"), ("a,b", "\"a,b\""), ("line\r\nbreak", "\"line\r\nbreak\""),
        ]
        for (value, cell) in cases { #expect(CSVText.field(value) == cell, "\(value)") }
        for value in cases.map(\.0) + ["'", "'a", "''=", "=", "'-", "-x", "@", "x=1"] {
            #expect(CSVText.unescapingFormula(CSVText.escapingFormula(value)) == value, "\(value)")
        }
    }

    @Test func theFolderFormKeepsFormulasInertAndReadsThemBack() throws {
        let nodes = [
            Node(id: "=cmd", name: "=HYPERLINK(\"http://evil.example\",\"x\")", kind: .agency, sectors: ["@risk"], sourceRef: "-1+1"),
            Node(id: "'quote", name: "'=already", kind: .school),
        ]
        let network = Network(manifest: Manifest(name: "formulas"), nodes: nodes, ties: [Tie(source: "=cmd", target: "'quote", kind: "+partnership")])
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try NetworkWriter.write(network, to: root.appendingPathComponent("net"), form: .folder)
        let csv = try String(contentsOf: root.appendingPathComponent("net/nodes.csv"), encoding: .utf8)
        #expect(csv.contains("\"'=HYPERLINK("))
        #expect(csv.contains("'=cmd,"))
        let back = try NetworkLoader.load(path: root.appendingPathComponent("net").path).network
        #expect(back.nodes.map(\.id) == nodes.map(\.id))
        #expect(back.nodes.map(\.name) == nodes.map(\.name))
        #expect(back.nodes[0].sectors == ["@risk"] && back.nodes[0].sourceRef == "-1+1")
        #expect(back.ties.map(\.kind) == ["+partnership"])
    }

    @Test func exportsHideExpertsWithoutConsent() throws {
        let nodes = [
            Node(id: "org", name: "Org", kind: .agency),
            Node(id: "jane-doe", name: "Jane Doe", kind: .expert, consent: false, sourceRef: "CV of Jane Doe",
                 attributes: [("email", "jd@example.org"), ("experience", "NPL;BTN"), ("note", "met Jane Doe in 2024")]),
            Node(id: "open", name: "Open Person", kind: .expert, consent: true, attributes: [("email", "op@example.org")]),
        ]
        let network = Network(manifest: Manifest(name: "consent"), nodes: nodes,
                              ties: [Tie(source: "org", target: "jane-doe", kind: "advisory", sourceRef: "letter to Jane Doe"),
                                     Tie(source: "jane-doe", target: "open", kind: "advisory")],
                              activities: [Activity(id: "w", name: "W", kind: "workshop", date: Day(year: 2024, month: 1, day: 2)!)],
                              participation: [Participation(activity: "w", node: "jane-doe", role: "speaker")])
        let published = network.publishable()
        #expect(published.nodes[1].id == "expert-1" && published.nodes[1].name == "Expert 1" && published.nodes[1].consent == false)
        #expect(published.nodes[1].attributes.map(\.key) == ["experience"])
        #expect(published.nodes[1].sourceRef == nil)
        #expect(published.nodes[2] == nodes[2])
        #expect(published.ties.map(\.source) == ["org", "expert-1"] && published.ties.map(\.target) == ["expert-1", "open"])
        #expect(published.ties[0].sourceRef == nil)
        #expect(published.participation[0].node == "expert-1" && published.participation[0].role == "speaker")
        #expect(NetworkValidator.check(published).allSatisfy { $0.severity != .error })
        for form in [NetworkForm.json, .graphml, .gexf, .gml] {
            let text = String(decoding: try NetworkWriter.data(published, form: form), as: UTF8.self)
            for secret in ["Jane Doe", "jane-doe", "jd@example.org"] { #expect(!text.contains(secret), "\(form): \(secret)") }
            #expect(text.contains("Open Person"))
        }
        #expect(network.publishable(showAllNames: true).nodes == network.nodes)
        // Read back, the export is the same network with the same expert hidden.
        let back = try NetworkLoader.load(bytes: Array(try NetworkWriter.data(published, form: .json)), file: "consent.json", form: .json).network
        #expect(back.nodes == published.nodes.map { var n = $0; n.origin = nil; return n })
        #expect(back.displayName(ofNode: 1) == "Expert 1")
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("synergraph-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
