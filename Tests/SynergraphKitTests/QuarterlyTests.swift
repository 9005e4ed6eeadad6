import Foundation
import Synchronization
import Testing
@testable import SynergraphKit

private func day(_ s: String) -> Day { Day(iso: s)! }
private func quarter(_ s: String) -> Quarter { Quarter(s)! }

/// Time slicing at quarter boundaries, on a hand-made network.
///
/// Ties: a–b from 2025-01-01 to 2025-03-31 (ends on the last day of 2025Q1); b–c from 2025-04-01 (starts on
/// the first day of 2025Q2, open-ended); c–d with no dates at all (open at both ends: every quarter);
/// d–e until 2024-12-31 (no start: every quarter up to 2024Q4). f has no tie. as_of is 2025-09-30.
@Suite struct QuarterSlicingTests {
    static let network: Network = {
        let nodes = ["a", "b", "c", "d", "e", "f"].map { Node(id: $0, name: "Actor \($0.uppercased())", kind: .agency) }
        let ties = [
            Tie(source: "a", target: "b", since: day("2025-01-01"), until: day("2025-03-31")),
            Tie(source: "b", target: "c", since: day("2025-04-01")),
            Tie(source: "c", target: "d"),
            Tie(source: "d", target: "e", until: day("2024-12-31")),
        ]
        return Network(manifest: Manifest(name: "slices", asOf: day("2025-09-30")), nodes: nodes, ties: ties)
    }()

    func actors(_ q: String, allNodes: Bool = false) throws -> [String] {
        let s = try QuarterSnapshot(network: Self.network, quarter: quarter(q), filter: ViewFilter(allNodes: allNodes), threads: 1)
        return s.metrics.ids
    }

    @Test func tieEndingOnTheLastDayBelongsToThatQuarterOnly() throws {
        #expect(try actors("2025Q1") == ["a", "b", "c", "d"])
        #expect(!(try actors("2025Q2")).contains("a"))
    }

    @Test func tieStartingOnTheFirstDayBelongsToThatQuarterOn() throws {
        #expect(try actors("2025Q2") == ["b", "c", "d"])
        #expect(try actors("2026Q4") == ["b", "c", "d"])
        let q1 = try QuarterSnapshot(network: Self.network, quarter: quarter("2025Q1"), filter: ViewFilter(), threads: 1)
        #expect(!q1.tiedPairs.keys.contains(QuarterSnapshot.Pair(a: "b", b: "c")))
    }

    @Test func openEndedTiesReachEveryQuarterOnTheirOpenSide() throws {
        #expect(try actors("2024Q4") == ["c", "d", "e"])
        #expect(try actors("1999Q1") == ["c", "d", "e"])
        #expect(!(try actors("2025Q1")).contains("e"))
    }

    @Test func allNodesKeepsActorsWithoutTiesInTheQuarter() throws {
        #expect(try actors("2025Q2", allNodes: true) == ["a", "b", "c", "d", "e", "f"])
        let s = try QuarterSnapshot(network: Self.network, quarter: quarter("2025Q2"), filter: ViewFilter(allNodes: true), threads: 1)
        #expect(s.summary.edges == 2)
    }

    @Test func rangeCoversTheDataUpToAsOf() throws {
        // Earliest date: d–e's until 2024-12-31 (2024Q4); last: as_of 2025-09-30 (2025Q3).
        let range = try QuarterRange.resolve(for: Self.network)
        #expect(range.quarters.map(\.description) == ["2024Q4", "2025Q1", "2025Q2", "2025Q3"])
        #expect(range.window == DateWindow(from: day("2024-10-01"), to: day("2025-09-30")))
        #expect(try QuarterRange.resolve(for: Self.network, from: quarter("2025Q2")).quarters.count == 2)
        #expect(throws: QuarterRangeError.reversed(from: quarter("2025Q2"), to: quarter("2025Q1"))) {
            try QuarterRange.resolve(for: Self.network, from: quarter("2025Q2"), to: quarter("2025Q1"))
        }
        #expect(throws: QuarterRangeError.tooMany(from: quarter("1025Q1"), to: quarter("2025Q1"), count: 4001)) {
            try QuarterRange.resolve(for: Self.network, from: quarter("1025Q1"), to: quarter("2025Q1"))
        }
        let undated = Network(manifest: Manifest(name: "undated"), nodes: Self.network.nodes, ties: [Tie(source: "a", target: "b")])
        #expect(throws: QuarterRangeError.noDates(network: "undated")) { try QuarterRange.resolve(for: undated) }
    }
}

/// The diff between two quarters of a small network, worked out by hand.
///
/// 2025Q1: the path a–b–c–d (a–b and b–c from 2025-01-01, open; c–d ends 2025-03-31). n = 4.
///   Betweenness (unordered pairs): b lies on a–c and a–d (2), c on a–d and b–d (2); a and d on none.
///   Normalised by (n−1)(n−2)/2 = 3: b = c = 2/3. Degrees a 1, b 2, c 2, d 1.
/// 2025Q2: c–d has ended, b–e starts 2025-04-01: the star b with a, c, e. n = 4.
///   b lies on a–c, a–e, c–e (3) → 3/3 = 1; a, c, e 0. Degrees a 1, b 3, c 1, e 1.
/// So: actors gained e, lost d; tied pairs gained b–e, lost c–d; continuing actors a, b, c:
///   betweenness b +1/3 (riser), c −2/3 (faller), a unchanged (listed nowhere);
///   degree b +1 (riser), c −1 (faller).
@Suite struct QuarterDiffTests {
    static let network: Network = {
        let nodes = ["a", "b", "c", "d", "e"].map { Node(id: $0, name: "Actor \($0.uppercased())", kind: .school) }
        let ties = [
            Tie(source: "a", target: "b", since: day("2025-01-01")),
            Tie(source: "b", target: "c", since: day("2025-01-01")),
            Tie(source: "c", target: "d", since: day("2025-01-01"), until: day("2025-03-31")),
            Tie(source: "b", target: "e", kind: "membership", since: day("2025-04-01")),
        ]
        return Network(manifest: Manifest(name: "diff"), nodes: nodes, ties: ties)
    }()

    static func diff(extras: [QuarterDiffLine] = []) throws -> QuarterDiff {
        let q1 = try QuarterSnapshot(network: network, quarter: quarter("2025Q1"), filter: ViewFilter(), threads: 1)
        let q2 = try QuarterSnapshot(network: network, quarter: quarter("2025Q2"), filter: ViewFilter(), threads: 1)
        return QuarterDiff(from: q1, to: q2, extras: extras)
    }

    @Test func actorsAndTiesGainedAndLost() throws {
        let d = try Self.diff()
        #expect(d.previous == "2025Q1" && d.quarter == "2025Q2")
        #expect(d.actorsGained.map(\.id) == ["e"])
        #expect(d.actorsLost.map(\.id) == ["d"])
        #expect(d.tiesGained.map { [$0.a.id, $0.b.id] } == [["b", "e"]])
        #expect(d.tiesGained.first?.kinds == ["membership"])
        #expect(d.tiesLost.map { [$0.a.id, $0.b.id] } == [["c", "d"]])
        #expect((d.actorsBefore, d.actorsAfter, d.tiedPairsBefore, d.tiedPairsAfter) == (4, 4, 3, 3))
    }

    @Test func risersAndFallers() throws {
        let d = try Self.diff()
        #expect(d.betweennessRisers.map(\.actor.id) == ["b"])
        #expect(abs(d.betweennessRisers[0].before - 2.0 / 3) < 1e-12 && abs(d.betweennessRisers[0].after - 1) < 1e-12)
        #expect(abs(d.betweennessRisers[0].change - 1.0 / 3) < 1e-12)
        #expect(d.betweennessFallers.map(\.actor.id) == ["c"])
        #expect(abs(d.betweennessFallers[0].change + 2.0 / 3) < 1e-12)
        #expect(d.degreeRisers.map { [$0.actor.id, String(Int($0.change))] } == [["b", "1"]])
        #expect(d.degreeFallers.map { [$0.actor.id, String(Int($0.change))] } == [["c", "-1"]])
    }

    @Test func markdownAndJSON() throws {
        let d = try Self.diff(extras: [QuarterDiffLine(section: "Gaps", text: "opened: *no school* in <NPL>")])
        let md = d.markdown(title: "Diff")
        #expect(md.contains("## Partners gained (1)\n\n- Actor E (school, `e`)"))
        #expect(md.contains("| Actor B | school | 0.6667 | 1.0000 | +0.3333 |"))
        #expect(md.contains("## Gaps\n\n- opened: \\*no school\\* in \\<NPL\\>"))
        let json = try d.json()
        let decoded = try JSONDecoder().decode(QuarterDiff.self, from: Data(json.utf8), keyDecoding: .convertFromSnakeCase)
        #expect(decoded == d)
    }
}

extension JSONDecoder {
    fileprivate func decode<T: Decodable>(_ type: T.Type, from data: Data, keyDecoding: KeyDecodingStrategy) throws -> T {
        keyDecodingStrategy = keyDecoding
        return try decode(type, from: data)
    }
}

@Suite struct ContentHashTests {
    /// FIPS 180-4 example vectors.
    @Test func sha256KnownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func fieldsDoNotRunIntoEachOther() {
        var x = SHA256(), y = SHA256()
        x.field("ab"); x.field("c")
        y.field("a"); y.field("bc")
        #expect(x.hexDigest() != y.hexDigest())
    }
}

@Suite struct QuarterlyIndexTests {
    @Test func htmlAndMarkdownEscapeEverything() throws {
        let d = try QuarterDiffTests.diff(extras: [QuarterDiffLine(section: "<b>Gaps</b>", text: "\"quoted\" & <i>")])
        let row = QuarterlyIndex.Row(
            quarter: "2025Q2", actors: 4, tiedPairs: 3, density: 0.5, components: 1, topBroker: "<script>alert(1)</script>",
            diff: d, files: ["2025Q2/map.svg", "2025Q2/map.png"], figures: [QuarterFigure(column: "open <gaps>", value: "3 & more")], failure: nil)
        let index = QuarterlyIndex(title: "Net <img src=x onerror=alert(1)> & 'co'", network: "n\"x", range: "2025Q2", view: "whole network",
                                   notes: ["<note>"], rows: [row])
        let html = index.html()
        for raw in ["<script>", "<img src=x", "<b>Gaps", "<i>", "<note>", "<gaps>", "n\"x", "'co'"] { #expect(!html.contains(raw), "\(raw)") }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Net &lt;img src=x onerror=alert(1)&gt; &amp; &#39;co&#39;"))
        #expect(html.contains("<a href=\"2025Q2/map.svg\">map.svg</a>"))
        #expect(html.contains("<img src=\"2025Q2/map.png\""))
        let md = index.markdown()
        #expect(!md.contains("<script>"))
        #expect(md.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(md.contains("| open \\<gaps\\> |"))
        #expect(index.trendCSV().hasPrefix("quarter,actors,tied_pairs,density,components,top_broker,actors_gained,actors_lost,ties_gained,ties_lost,open <gaps>\n"))
    }
}

/// A renderer that needs no Graphviz: positions on a grid, maps as a text line. It can fail for chosen quarters.
final class FakeRenderer: QuarterlyMapRenderer {
    let failing: Set<String>
    let maps = Mutex(0)

    init(failing: Set<String> = []) { self.failing = failing }

    let identity = "fake-1"

    struct Broken: Error, CustomStringConvertible { var description: String { "the fake renderer broke" } }

    func layoutPositions(of doc: MapDocument, timeout: Duration) throws -> MapLayoutPositions {
        var nodes: [String: MapPoint] = [:]
        for (i, n) in doc.nodes.enumerated() { nodes[n.id] = MapPoint(x: Double(i % 10) * 50, y: Double(i / 10) * 50) }
        return MapLayoutPositions(nodes: nodes, legend: MapPoint(x: 600, y: 0), bounds: MapRect(minX: 0, minY: 0, maxX: 700, maxY: 500))
    }

    func layoutGeometry(of doc: MapDocument, timeout: Duration) throws -> MapGeometry {
        MapGeometry(nodes: [], clusters: [], edges: [], legend: nil, bounds: MapRect(minX: 0, minY: 0, maxX: 700, maxY: 500))
    }

    func writeMap(_ doc: MapDocument, to url: URL, format: MapFormat, timeout: Duration) throws {
        if failing.contains(where: { doc.title.hasSuffix($0) }) { throw Broken() }
        maps.withLock { $0 += 1 }
        try AtomicFile.write(doc.title + "\n" + doc.nodes.map { "\($0.id) \($0.position!.x) \($0.position!.y)" }.joined(separator: "\n"), to: url)
    }
}

/// An extra that relies on every default: it must add nothing.
struct DefaultsOnly: QuarterExtras {
    let identity = "defaults-only"
}

/// An extra that adds a section, a diff line and a trend figure.
struct Counting: QuarterExtras {
    let identity = "counting-1"
    func sections(for q: QuarterSnapshot) -> [QuarterSection] {
        [QuarterSection(id: "counts", title: "Counts", markdown: "# \(q.quarter)\n\(q.metrics.ids.count) actors\n", json: "{\"actors\": \(q.metrics.ids.count)}\n")]
    }
    func diffLines(from p: QuarterSnapshot, to q: QuarterSnapshot) -> [QuarterDiffLine] {
        [QuarterDiffLine(section: "Counts", text: "\(p.metrics.ids.count) → \(q.metrics.ids.count)")]
    }
    func trendFigures(for q: QuarterSnapshot) -> [QuarterFigure] { [QuarterFigure(column: "actors again", value: String(q.metrics.ids.count))] }
}

/// The batch job with a fake renderer: files, extras, idempotence and per-quarter failures.
@Suite struct QuarterlyJobTests {
    func run(_ folder: URL, renderer: FakeRenderer = FakeRenderer(), extras: [any QuarterExtras] = [], force: Bool = false) -> QuarterlyResult {
        let options = QuarterlyOptions(from: quarter("2025Q1"), to: quarter("2025Q2"), jobs: 2, force: force, extras: extras)
        return QuarterlyJob(network: QuarterDiffTests.network, outputRoot: folder, options: options, renderer: renderer).run()
    }

    func files(_ folder: URL) throws -> [String] {
        let root = folder.appendingPathComponent("diff")
        return (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).filter {
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path, isDirectory: &dir) && !dir.boolValue
        }.sorted()
    }

    @Test func writesEveryFileThenSkipsWhatIsUnchanged() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let renderer = FakeRenderer()
        let first = run(folder, renderer: renderer)
        #expect(first.succeeded && first.written == 2 && first.skipped == 0)
        var expected = [".synergraph-batch.json", ".synergraph-batch.lock", "index.html", "index.md", "layout.json", "trend.csv"]
        for q in ["2025Q1", "2025Q2"] {
            expected += ["diff.json", "diff.md", "map.png", "map.svg", "metrics.csv", "metrics.json", "report.html", "summary.json"].map { "\(q)/\($0)" }
        }
        #expect(try files(folder) == expected.sorted())
        #expect(renderer.maps.withLock { $0 } == 4)
        // The same pinned positions in both quarters for the shared actors.
        let q1 = try String(contentsOf: folder.appendingPathComponent("diff/2025Q1/map.svg"), encoding: .utf8)
        let q2 = try String(contentsOf: folder.appendingPathComponent("diff/2025Q2/map.svg"), encoding: .utf8)
        #expect(q1.contains("\na 0.0 0.0\n") && q2.contains("\na 0.0 0.0\n"))

        let second = run(folder, renderer: renderer)
        #expect(second.succeeded && second.written == 0 && second.skipped == 2)
        #expect(renderer.maps.withLock { $0 } == 4)
        let forced = run(folder, renderer: renderer, force: true)
        #expect(forced.written == 2 && renderer.maps.withLock { $0 } == 8)
    }

    @Test func drawsEachQuartersOverviewAndGeographicMapWhenAsked() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let renderer = FakeRenderer()
        let options = QuarterlyOptions(from: quarter("2025Q1"), to: quarter("2025Q2"), jobs: 1, overview: .country, geo: true)
        let job = QuarterlyJob(network: QuarterDiffTests.network, outputRoot: folder, options: options, renderer: renderer)
        let first = job.run()
        #expect(first.succeeded && first.written == 2)
        let written = try files(folder)
        for q in ["2025Q1", "2025Q2"] {
            for f in ["overview.svg", "overview.png", "geo.svg", "geo.png", "map.svg", "map.png"] { #expect(written.contains("\(q)/\(f)")) }
            let overview = try String(contentsOf: folder.appendingPathComponent("diff/\(q)/overview.svg"), encoding: .utf8)
            #expect(overview.hasPrefix("\(QuarterDiffTests.network.manifest.title ?? QuarterDiffTests.network.manifest.name) — \(q) — by country\n"))
            // The geographic map draws the quarter's actors (and country names), every one pinned.
            let geo = try String(contentsOf: folder.appendingPathComponent("diff/\(q)/geo.svg"), encoding: .utf8)
            #expect(geo.split(separator: "\n").count > 1)
        }
        // Three maps in two formats for each of two quarters; then nothing is redrawn.
        #expect(renderer.maps.withLock { $0 } == 12)
        let second = job.run()
        #expect(second.written == 0 && second.skipped == 2 && renderer.maps.withLock { $0 } == 12)
        // The manifest records the extra maps, so a deleted one is redrawn.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("diff/2025Q2/geo.png"))
        let third = job.run()
        #expect(third.written == 1 && renderer.maps.withLock { $0 } == 18)
    }

    @Test func defaultExtrasAddNothing() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(QuarterlyOptions().extras.isEmpty)
        let plain = run(folder)
        let plainFiles = try files(folder)
        let plainDiff = try String(contentsOf: folder.appendingPathComponent("diff/2025Q2/diff.md"), encoding: .utf8)
        let q = try QuarterSnapshot(network: QuarterDiffTests.network, quarter: quarter("2025Q2"), filter: ViewFilter(), threads: 1)
        #expect(DefaultsOnly().sections(for: q).isEmpty && DefaultsOnly().diffLines(from: q, to: q).isEmpty && DefaultsOnly().trendFigures(for: q).isEmpty)
        let other = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: other) }
        let withDefaults = run(other, extras: [DefaultsOnly()])
        #expect(plain.succeeded && withDefaults.succeeded)
        #expect(try files(other) == plainFiles)
        #expect(try String(contentsOf: other.appendingPathComponent("diff/2025Q2/diff.md"), encoding: .utf8) == plainDiff)
    }

    @Test func extrasAddSectionsDiffLinesAndFiguresAndRedoQuarters() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run(folder).written == 2)
        let result = run(folder, extras: [Counting()])
        #expect(result.written == 2, "a new extra changes every quarter's hash")
        let root = folder.appendingPathComponent("diff")
        #expect(try String(contentsOf: root.appendingPathComponent("2025Q2/counts.md"), encoding: .utf8) == "# 2025Q2\n4 actors\n")
        #expect(try String(contentsOf: root.appendingPathComponent("2025Q2/counts.json"), encoding: .utf8) == "{\"actors\": 4}\n")
        #expect(try String(contentsOf: root.appendingPathComponent("2025Q2/diff.md"), encoding: .utf8).contains("## Counts\n\n- 4 → 4\n"))
        let index = try String(contentsOf: root.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(index.contains("| actors again |") && index.contains("[counts.md](2025Q2/counts.md)") && index.contains("Counts: 4 → 4"))
        #expect(run(folder, extras: [Counting()]).skipped == 2)
    }

    @Test func aFailingQuarterIsReportedAndTheOthersComplete() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = run(folder, renderer: FakeRenderer(failing: ["2025Q2"]))
        #expect(!result.succeeded)
        #expect(result.failedQuarters.map(\.quarter.description) == ["2025Q2"])
        #expect(result.failedQuarters.first?.message.contains("the fake renderer broke") == true)
        let manifest = try #require(BatchManifest.read(from: folder.appendingPathComponent("diff")))
        #expect(manifest.quarters.keys.sorted() == ["2025Q1"], "a failed quarter is not recorded")
        #expect(try String(contentsOf: folder.appendingPathComponent("diff/index.md"), encoding: .utf8).contains("**failed**"))
        let retry = run(folder)
        #expect(retry.succeeded && retry.written == 1 && retry.skipped == 1)
    }
}
