import Foundation
import Testing

/// `render --layout file` and `--color-by file`: maps drawn where, and in the colours, the file says.
@Suite struct FileLayoutCommandTests {
    static let formats = CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/formats")
    static let gephi = formats.appendingPathComponent("gephi-layout.gexf").path
    static let tiny = CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/networks/tiny").path

    /// The fixture's `viz:position` (x, y up) and `viz:color`, by node id (see its README row).
    static let file: [String: (x: Double, y: Double)] = [
        "a": (-250, 310), "b": (150, 330), "c": (-50, 110), "d": (350, -90), "e": (-150, -190),
    ]

    /// In the SVG: left/right and up/down orders as in the file (SVG y grows downwards), every distance
    /// the file's times one factor (within 1 %, the SVG's coordinates have 2 decimals), fills as in the
    /// file, `e`'s hostile `viz_color` replaced by the kind's grey, white text on the dark fill.
    @Test func svgFollowsTheFilesPlacesAndColours() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("map.svg")
        let r = try CLIRunner.run(["render", Self.gephi, "-o", out.path, "--layout", "file", "--color-by", "file", "--labels", "all"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: 1 viz_color value is not #rrggbb and is ignored (those actors are coloured by kind)"))
        #expect(r.stderr.contains("(5 actors, 4 tied pairs, the file's layout)"))
        let census = SVGCensus(try Data(contentsOf: out))
        #expect(census.parsed && census.legend)
        let shapes = census.nodeShapes
        #expect(Set(shapes.keys) == Set(Self.file.keys.map { "n-" + $0 }))
        let ids = Self.file.keys.sorted()
        var ratios: [Double] = []
        for i in ids {
            for j in ids where i < j {
                let (p, q) = (try #require(shapes["n-" + i]), try #require(shapes["n-" + j]))
                let (f, g) = (Self.file[i]!, Self.file[j]!)
                #expect((p.x < q.x) == (f.x < g.x), "\(i) \(j) left/right")
                #expect((p.y > q.y) == (f.y < g.y), "\(i) \(j) up/down")
                ratios.append(hypot(p.x - q.x, p.y - q.y) / hypot(f.x - g.x, f.y - g.y))
            }
        }
        let mean = ratios.reduce(0, +) / Double(ratios.count)
        for ratio in ratios { #expect(abs(ratio / mean - 1) < 0.01, "\(ratios)") }
        #expect(shapes.mapValues(\.fill) == ["n-a": "#e69f00", "n-b": "#0072b2", "n-c": "#009e73", "n-d": "#28143c", "n-e": "#999999"])
        #expect(census.labelFills["n-d"] == .some("#ffffff"))
        #expect(census.labelFills["n-a"] == .some("#000000"))
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("colour: as in the file, else by kind; shape: kind"))
        #expect(text.contains("places as in the file"))
        #expect(!text.contains("example.invalid") && !text.contains("URL"))
    }

    /// What Graphviz was given (the laid-out DOT is Graphviz's own rewrite of it) holds no text of the
    /// hostile `viz_color`: the node is filled with the kind's grey.
    @Test func nothingFromTheFilesAttributesReachesGraphviz() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("map.dot")
        let r = try CLIRunner.run(["render", Self.gephi, "-o", out.path, "--layout", "file", "--color-by", "file"])
        #expect(r.status == 0, "\(r.stderr)")
        let dot = try String(contentsOf: out, encoding: .utf8)
        #expect(!dot.contains("example.invalid") && !dot.contains("URL") && !dot.contains("red\\\""))
        #expect(dot.contains("fillcolor=\"#999999\""))
    }

    /// Same input, same bytes (SVG and PNG).
    @Test func renderingTwiceGivesTheSameBytes() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for ext in ["svg", "png"] {
            let a = dir.appendingPathComponent("a.\(ext)"), b = dir.appendingPathComponent("b.\(ext)")
            for url in [a, b] {
                let r = try CLIRunner.run(["render", Self.gephi, "-o", url.path, "--layout", "file", "--color-by", "file"])
                #expect(r.status == 0, "\(r.stderr)")
            }
            #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(ext) differs between runs")
        }
    }

    /// A DOT file's `pos` (points, y up, `!` allowed) is used the same way.
    @Test func dotPositionsAreUsed() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("laid-out.dot")
        try Data("graph { a [pos=\"0,0\"]; b [pos=\"300,40!\"]; c [pos=\"100,200\"]; a -- b; b -- c }\n".utf8).write(to: input)
        let out = dir.appendingPathComponent("map.svg")
        let r = try CLIRunner.run(["render", input.path, "-o", out.path, "--layout", "file"])
        #expect(r.status == 0, "\(r.stderr)")
        let shapes = SVGCensus(try Data(contentsOf: out)).nodeShapes
        let a = try #require(shapes["n-a"]), b = try #require(shapes["n-b"]), c = try #require(shapes["n-c"])
        #expect(a.x < c.x && c.x < b.x)
        #expect(c.y < b.y && b.y < a.y)
    }

    /// Each refusal: exit status 1 (2 for usage), a message saying what and how to fix it, no file.
    @Test func networksWithoutPositionsAreRefused() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let none = try CLIRunner.run(["render", Self.tiny, "-o", dir.appendingPathComponent("a.svg").path, "--layout", "file"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("error: \(Self.tiny) has no node positions (viz_x/viz_y from GEXF, pos from DOT); choose another --layout"), "\(none.stderr)")

        let partial = dir.appendingPathComponent("partial.dot")
        try Data("graph { a [pos=\"1,2\"]; b [pos=\"3,x\"]; c; a -- b; b -- c }\n".utf8).write(to: partial)
        let missing = try CLIRunner.run(["render", partial.path, "-o", dir.appendingPathComponent("b.svg").path, "--layout", "file"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("error: 2 of 3 actors have no usable position (pos missing or not a number): 'b', 'c'; lay the network out again so that every actor has a place, or choose another --layout"), "\(missing.stderr)")

        let clusters = try CLIRunner.run(["render", Self.gephi, "-o", dir.appendingPathComponent("c.svg").path, "--layout", "file", "--cluster-by", "kind"])
        #expect(clusters.status == 2)
        #expect(clusters.stderr.contains("--cluster-by kind cannot be drawn with --layout file"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["partial.dot"])
    }
}
