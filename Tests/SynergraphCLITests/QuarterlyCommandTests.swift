import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
import SynergraphKit
#endif

/// The `quarterly` command end to end, through the built binary and its Graphviz worker.
@Suite(.serialized) struct QuarterlyCommandTests {
    static let tiny = CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/networks/tiny").path
    static let broken = CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/networks/broken").path

    /// Four quarters of the tiny network: 2024Q3 (nasc–gov-npl starts 2024-07-01) to 2025Q2 (it ends 2025-06-30).
    static func quarterly(_ out: URL, _ more: [String] = []) throws -> CLIRunner.Output {
        try CLIRunner.run(["quarterly", tiny, "--out", out.path, "--from", "2024Q3", "--to", "2025Q2"] + more)
    }

    /// Every file under `root` (hidden ones included), by relative path.
    static func contents(_ root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let paths = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        for p in paths {
            var dir: ObjCBool = false
            let url = root.appendingPathComponent(p)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &dir), !dir.boolValue { out[p] = try Data(contentsOf: url) }
        }
        return out
    }

    @Test func sharedActorsKeepTheirCoordinatesFromQuarterToQuarter() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.quarterly(dir, ["--map-format", "svg"])
        #expect(r.status == 0, "\(r.stderr)")
        // 2024Q4 has nasc–gov-npl (engagement) but not unpog–gov-npl (funding, 2025); 2025Q1 has both and workshop w1.
        let a = SVGShapes(try Data(contentsOf: dir.appendingPathComponent("tiny/2024Q4/map.svg")))
        let b = SVGShapes(try Data(contentsOf: dir.appendingPathComponent("tiny/2025Q1/map.svg")))
        let shared = Set(a.centres.keys).intersection(b.centres.keys)
        #expect(shared.isSuperset(of: ["n-unpog", "n-escap", "n-nasc", "n-gov-npl", "n-exp-1"]))
        // The funding tie is the hub's, whose lines are not drawn: gov-npl gets the hub-partner outline instead
        // (Graphviz writes the id's "-" as "&#45;").
        func block(_ svg: String, _ id: String) -> String? {
            guard let start = svg.range(of: "<g id=\"\(id)\"") else { return nil }
            return String(svg[start.lowerBound...]).components(separatedBy: "</g>").first
        }
        let svgA = try String(contentsOf: dir.appendingPathComponent("tiny/2024Q4/map.svg"), encoding: .utf8)
        let svgB = try String(contentsOf: dir.appendingPathComponent("tiny/2025Q1/map.svg"), encoding: .utf8)
        #expect(block(svgA, "n&#45;gov&#45;npl")?.contains("#191919") == false && block(svgB, "n&#45;gov&#45;npl")?.contains("#191919") == true,
                "gov-npl is the hub's partner in 2025Q1 only")
        for id in shared {
            let (p, q) = (a.centres[id]!, b.centres[id]!)
            #expect(p.x == q.x, "\(id) moved horizontally: \(p) vs \(q)")
            // A house (school) is not symmetric top to bottom, so its box's middle moves with its size.
            if !(a.classes[id] ?? []).contains("kind-school") { #expect(p.y == q.y, "\(id) moved vertically: \(p) vs \(q)") }
        }
        // The same canvas: same size, same transform, so the maps overlay pixel for pixel.
        #expect(a.canvas == b.canvas && a.canvas != nil)
        // The titles name the quarter.
        #expect(a.texts.contains { $0.hasSuffix("— 2024Q4") } && b.texts.contains { $0.hasSuffix("— 2025Q1") })
        // Each quarter's atlas holds its map; the index links the atlases, charts the trend and shows the latest map.
        let atlas = try String(contentsOf: dir.appendingPathComponent("tiny/2025Q1/report.html"), encoding: .utf8)
        let svg = try String(contentsOf: dir.appendingPathComponent("tiny/2025Q1/map.svg"), encoding: .utf8)
        #expect(atlas.contains(AtlasPage.inlineSVG(svg)))
        #expect(atlas.contains("<div class=\"trends\">"))  // 2024Q3 to 2025Q1: three quarters
        let index = try String(contentsOf: dir.appendingPathComponent("tiny/index.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"2025Q1/report.html\">report.html</a>"))
        #expect(index.contains("<div class=\"trends\">"))
        #expect(index.contains("<figure class=\"latest\"><a href=\"2025Q2/report.html\"><img src=\"2025Q2/map.svg\""))
    }

    @Test func aSecondRunWritesNothing() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try Self.quarterly(dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("tiny: 4 quarters: 4 written, 0 skipped (unchanged), 0 failed"))
        func stamps() throws -> [String: [String]] {
            var out: [String: [String]] = [:]
            for p in try Self.contents(dir).keys {
                let a = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(p).path)
                out[p] = ["\(a[.systemFileNumber]!)", "\((a[.modificationDate] as! Date).timeIntervalSince1970)"]
            }
            return out
        }
        let before = try stamps()
        #expect(before.count == 4 * 12 + 6)  // per quarter: map.svg, map.png, metrics.csv, metrics.json, summary.json, diff.md, diff.json, gaps.md, gaps.json, synergy.md, synergy.json, report.html
        let second = try Self.quarterly(dir)
        #expect(second.status == 0)
        #expect(second.stdout.contains("tiny: 4 quarters: 0 written, 4 skipped (unchanged), 0 failed"), "\(second.stdout)")
        #expect(try stamps() == before, "no file was replaced or touched")
        let forced = try Self.quarterly(dir, ["--force"])
        #expect(forced.stdout.contains("4 written"))
    }

    /// Killed with SIGKILL twice at different moments, then run to the end: every file equals an uninterrupted run's.
    @Test func aKilledRunIsCompletedByTheNextWithTheSameBytes() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let clean = dir.appendingPathComponent("clean"), killed = dir.appendingPathComponent("killed")
        let args = ["quarterly", Self.tiny, "--jobs", "1"]  // every quarter the data covers: 2023Q1-2025Q4
        #expect(try CLIRunner.run(args + ["--out", clean.path]).status == 0)

        func runAndKill(when ready: () -> Bool) throws -> Bool {
            let p = Process()
            p.executableURL = CLIRunner.executable
            p.arguments = args + ["--out", killed.path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            let deadline = Date().addingTimeInterval(60)
            while p.isRunning, !ready(), Date() < deadline { usleep(2_000) }
            let wasRunning = p.isRunning
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            return wasRunning && p.terminationReason == .uncaughtSignal
        }
        let manifest = killed.appendingPathComponent("tiny/.synergraph-batch.json")
        // First kill: as soon as the first quarter is recorded (its files complete, eleven to go).
        #expect(try runAndKill { FileManager.default.fileExists(atPath: manifest.path) }, "the run finished before it could be killed")
        let partial = try Self.contents(killed.appendingPathComponent("tiny"))
        #expect(partial["index.html"] == nil, "killed midway, before the index")
        // Second kill: once a few more quarters are recorded.
        #expect(try runAndKill { ((try? String(contentsOf: manifest, encoding: .utf8)) ?? "").components(separatedBy: "\"hash\"").count > 4 })
        let last = try CLIRunner.run(args + ["--out", killed.path])
        #expect(last.status == 0, "\(last.stderr)")
        #expect(last.stdout.contains("skipped (unchanged)"))
        let expected = try Self.contents(clean.appendingPathComponent("tiny"))
        let got = try Self.contents(killed.appendingPathComponent("tiny"))
        #expect(expected.keys.sorted() == got.keys.sorted(), "no temporary file left, no file missing")
        for (path, data) in expected { #expect(got[path] == data, "\(path) differs") }
        #expect(expected.keys.contains("2025Q4/map.png") && expected.count == 12 * 12 + 6 && expected.keys.contains("2025Q4/gaps.json") && expected.keys.contains("2025Q4/synergy.json"))
    }

    @Test func anInvalidNetworkFailsTheBatchAndIsNamedWhileTheOtherCompletes() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["quarterly", Self.broken, Self.tiny, "--out", dir.path, "--from", "2025Q1", "--to", "2025Q2", "--map-format", "svg"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("tiny: 2 quarters: 2 written"))
        #expect(r.stderr.contains("error: 1 failure:\n  \(Self.broken): the network cannot be loaded"), "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("tiny/index.html").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("tiny/2025Q2/map.svg").path))
    }

    /// A render that runs past its time limit is stopped in its worker process; the network fails, named, and nothing hangs.
    @Test func aHangingRenderFailsItsNetworkOnly() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let started = Date()
        let r = try Self.quarterly(dir, ["--timeout", "0.001"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("tiny (\(Self.tiny)): the shared layout failed: Laying out and rendering the map took longer than"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func dateWindowFlagsAreUsageErrors() throws {
        for args in [["--quarter", "2025Q1"], ["--since", "2025-01-01"], ["--focus", "nasc"], ["--from", "2025Q9"], ["--from", "2025Q2", "--to", "2025Q1"]] {
            let r = try CLIRunner.run(["quarterly", Self.tiny, "--out", "/nonexistent"] + args)
            #expect(r.status == 2, "\(args): \(r.stderr)")
        }
    }
}

/// Node centres, edges, texts and canvas of a Graphviz SVG.
final class SVGShapes: NSObject, XMLParserDelegate {
    struct Point: Equatable, CustomStringConvertible {
        var x: Double
        var y: Double
        var description: String { "(\(x), \(y))" }
    }

    /// Centre of each node's shape (ellipse centre, or the middle of the polygon's box), by SVG id.
    var centres: [String: Point] = [:]
    var classes: [String: [String]] = [:]
    var edges = 0
    var texts: [String] = []
    /// Width, height and the graph group's transform.
    var canvas: [String]?
    private var node: String?
    private var depth = 0
    private var text: String?

    init(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        _ = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
        switch name {
        case "svg":
            canvas = [a["width"] ?? "", a["height"] ?? ""]
        case "g":
            depth += 1
            let cls = (a["class"] ?? "").split(separator: " ").map(String.init)
            if cls.first == "graph" { canvas?.append(a["transform"] ?? "") }
            if cls.first == "edge" { edges += 1 }
            if cls.first == "node", let id = a["id"], id.hasPrefix("n-") {
                node = id
                classes[id] = cls
            }
        case "ellipse":
            if let node, centres[node] == nil, let x = a["cx"].flatMap(Double.init), let y = a["cy"].flatMap(Double.init) {
                centres[node] = Point(x: x, y: y)
            }
        case "polygon":
            if let node, centres[node] == nil, let points = a["points"] {
                let xy = points.split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }.filter { $0.count == 2 }
                let xs = xy.map { $0[0] }, ys = xy.map { $0[1] }
                if let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() {
                    centres[node] = Point(x: ((x0 + x1) / 2 * 10).rounded() / 10, y: ((y0 + y1) / 2 * 10).rounded() / 10)
                }
            }
        case "text":
            text = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "g" {
            depth -= 1
            if depth <= 1 { node = nil }
        }
        if name == "text", let t = text {
            texts.append(t)
            text = nil
        }
    }
}
