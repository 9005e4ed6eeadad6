import Foundation
import SynergraphKit
import Testing

@testable import SynergraphGraphviz

private func day(_ s: String) -> Day { Day(iso: s)! }

/// The quarterly maps mark what is new since the quarter before: drawn by Graphviz, read back from the SVG.
///
/// A hand-made network over two quarters (every tie a partnership unless said):
///
/// | tie | dates | 2025Q1 | 2025Q2 |
/// | --- | --- | --- | --- |
/// | a–b | from 2025-01-01 | yes | yes |
/// | a–b membership | from 2025-04-01 | — | yes (a second tie of an old pair) |
/// | b–c | 2025-01-01 to 2025-03-31 | yes | — |
/// | c–d | from 2025-02-01 | yes | yes |
/// | a–c | from 2025-05-01 | — | yes (new pair of old actors) |
/// | d–e | from 2025-04-01 | — | yes (new actor e) |
/// | e–f | 2025-06-01 to 2025-06-30 | — | yes (new actors e, f) |
///
/// g has no tie (absent from both views). So 2025Q1 has a, b, c, d and the pairs a–b, b–c, c–d;
/// 2025Q2 has a, b, c, d, e, f and a–b, c–d, a–c, d–e, e–f. By hand, 2025Q2's new actors are e and f
/// and its new tied pairs a–c, d–e and e–f; a–b is not new (tied before, whatever kinds it gains), b–c
/// is lost (not drawn). 2025Q1 is the first quarter drawn: nothing is marked, although its diff
/// (against the empty 2024Q4) counts everything as gained.
@Suite(.serialized) struct NewSinceMapTests {
    static let network: Network = {
        let nodes = ["a", "b", "c", "d", "e", "f", "g"].map { Node(id: $0, name: "Actor \($0.uppercased())", kind: $0 == "e" ? .school : .agency) }
        let ties = [
            Tie(source: "a", target: "b", since: day("2025-01-01")),
            Tie(source: "a", target: "b", kind: "membership", since: day("2025-04-01")),
            Tie(source: "b", target: "c", since: day("2025-01-01"), until: day("2025-03-31")),
            Tie(source: "c", target: "d", since: day("2025-02-01")),
            Tie(source: "a", target: "c", since: day("2025-05-01")),
            Tie(source: "d", target: "e", since: day("2025-04-01")),
            Tie(source: "e", target: "f", since: day("2025-06-01"), until: day("2025-06-30")),
        ]
        return Network(manifest: Manifest(name: "growth", asOf: day("2025-06-30")), nodes: nodes, ties: ties)
    }()

    func run(_ folder: URL) -> QuarterlyResult {
        let options = QuarterlyOptions(from: Quarter("2025Q1"), to: Quarter("2025Q2"), formats: [.svg], jobs: 1)
        return QuarterlyJob(network: Self.network, outputRoot: folder, options: options, renderer: GraphvizRenderer()).run()
    }

    func svg(_ folder: URL, _ quarter: String) throws -> SVGDocument {
        SVGDocument(try Data(contentsOf: folder.appendingPathComponent("growth/\(quarter)/map.svg")))
    }

    /// An edge's pair of node ids from its SVG title (`n-a--n-c` → `a–c`, sorted).
    func pair(_ edge: SVGDocument.Group) -> String {
        let ends = (edge.title ?? "").components(separatedBy: "--").map { String($0.dropFirst(2)) }.sorted()
        return ends.joined(separator: "–")
    }

    @Test func theSecondQuarterMarksExactlyItsNewActorsAndPairsAndTheFirstNone() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = run(folder)
        #expect(result.succeeded && result.written == 2, "\(result.outcomes) \(result.failure ?? "")")

        let q1 = try svg(folder, "2025Q1"), q2 = try svg(folder, "2025Q2")
        #expect(q1.parsed && q2.parsed)
        // The views are as worked out above.
        #expect(Set(q1.nodes.map(\.id)).subtracting(["legend"]) == ["n-a", "n-b", "n-c", "n-d"])
        #expect(Set(q2.nodes.map(\.id)).subtracting(["legend"]) == ["n-a", "n-b", "n-c", "n-d", "n-e", "n-f"])
        #expect(Set(q2.edges.map(pair)) == ["a–b", "c–d", "a–c", "d–e", "e–f"])

        // First quarter: nothing marked, no "new" legend entry; its second caption line says so.
        #expect(!q1.groups.contains { $0.classes.contains("new") })
        #expect(!q1.groups.flatMap(\.texts).contains { $0.contains("new") })
        #expect(q1.graphTexts.last == "first map of the series: nothing is marked as new", "\(q1.graphTexts)")

        // Second quarter: exactly e and f, exactly a–c, d–e and e–f, alongside their other classes.
        let newNodes = q2.nodes.filter { $0.classes.contains("new") }
        #expect(Set(newNodes.map(\.id)) == ["n-e", "n-f"])
        #expect(q2.group(id: "n-e")?.classes == ["node", "kind-school", "new"])
        let newEdges = q2.edges.filter { $0.classes.contains("new") }
        #expect(newEdges.map(pair).sorted() == ["a–c", "d–e", "e–f"])
        #expect(newEdges.allSatisfy { $0.classes.contains("tie-partnership") })
        #expect(newNodes.allSatisfy { $0.tooltip?.hasSuffix("new since 2025Q1") == true })

        // The marks as drawn: two vermillion rings around new actors, vermillion new lines, grey old ones.
        let text = try String(contentsOf: folder.appendingPathComponent("growth/2025Q2/map.svg"), encoding: .utf8)
        let nodeE = try #require(text.range(of: "<g id=\"n&#45;e\"")).lowerBound
        let nodeEEnd = try #require(text.range(of: "</g>", range: nodeE..<text.endIndex)).lowerBound
        #expect(text[nodeE..<nodeEEnd].components(separatedBy: "stroke=\"#d55e00\"").count - 1 == 2, "two rings")
        #expect(text.components(separatedBy: "stroke=\"#d55e00\"").count - 1 == 2 * 2 + 3, "two rings each for e and f, three new lines")

        // Legend and caption say so.
        let legend = try #require(q2.group(id: "legend"))
        #expect(legend.texts.contains("new this quarter (actor)") && legend.texts.contains("new tie"))
        #expect(q2.graphTexts.last == "2 new actors, 3 new tied pairs since 2025Q1", "\(q2.graphTexts)")
        #expect(!(try #require(q1.group(id: "legend"))).texts.contains { $0.hasPrefix("new") })

        // The rule is QuarterDiff's: the diff of 2025Q2 lists the same actors and pairs.
        let diff = try String(contentsOf: folder.appendingPathComponent("growth/2025Q2/diff.md"), encoding: .utf8)
        #expect(diff.contains("## Partners gained (2)\n\n- Actor E (school, `e`)\n- Actor F (agency, `f`)\n"))
        #expect(diff.contains("## Ties gained (3)\n\n- Actor A — Actor C (partnership)\n- Actor D — Actor E (partnership)\n- Actor E — Actor F (partnership)\n"))
    }

    @Test func aRerunWritesNothing() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run(folder).written == 2)
        func stamps() throws -> [String: [String]] {
            let root = folder.appendingPathComponent("growth")
            var out: [String: [String]] = [:]
            for p in FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [] {
                let a = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(p).path)
                guard a[.type] as? FileAttributeType == .typeRegular else { continue }
                out[p] = ["\(a[.systemFileNumber]!)", "\((a[.modificationDate] as! Date).timeIntervalSince1970)"]
            }
            return out
        }
        let before = try stamps()
        #expect(before.keys.contains("2025Q2/map.svg"))
        let again = run(folder)
        #expect(again.succeeded && again.written == 0 && again.skipped == 2)
        #expect(try stamps() == before, "no file was replaced or touched")
    }
}
