import Foundation
import Testing
@testable import SynergraphKit

/// `FilePositions`, `FileLayout` and `--color-by file` (`MapColor(rgbHex:)`), on hand-made networks and
/// on `Fixtures/formats/gephi-layout.gexf`.
@Suite struct FileLayoutTests {
    static func network(_ nodes: [(String, [(String, String)])], ties: [(String, String)] = []) -> Network {
        Network(
            manifest: Manifest(name: "t"),
            nodes: nodes.map { Node(id: $0.0, name: $0.0.uppercased(), kind: .other, attributes: $0.1) },
            ties: ties.map { Tie(source: $0.0, target: $0.1) })
    }

    static func gephiLayout() throws -> NetworkView {
        let path = FixturePaths.root.appendingPathComponent("formats/gephi-layout.gexf").path
        return try NetworkView(try NetworkLoader.load(path: path).network)
    }

    // MARK: Colours

    @Test func onlySevenCharacterHexColoursAreAccepted() {
        #expect(MapColor(rgbHex: "#1a2B3c") == MapColor(red: 0x1A, green: 0x2B, blue: 0x3C))
        #expect(MapColor(rgbHex: "#000000")?.hex == "#000000")
        for refused in ["red", "#abc", "#aabbccdd", "#12345g", " #123456", "#123456 ", "123456", "", "#",
                        "red\" URL=\"x", "#12345\u{0}", "#１２３４５６"] {
            #expect(MapColor(rgbHex: refused) == nil, "\(refused)")
        }
    }

    /// WCAG contrast: white on dark fills, black on light ones (Okabe–Ito blue #0072b2 is dark enough for white).
    @Test func labelsAreReadableOnTheirFill() {
        #expect(MapColor(red: 0x28, green: 0x14, blue: 0x3C).readableTextColor.hex == "#ffffff")
        #expect(MapColor(red: 0x00, green: 0x72, blue: 0xB2).readableTextColor.hex == "#ffffff")
        #expect(MapColor(red: 0xE6, green: 0x9F, blue: 0x00).readableTextColor.hex == "#000000")
        #expect(MapColor(red: 255, green: 255, blue: 255).readableTextColor.hex == "#000000")
    }

    /// The file's colours, the kind's where the file gives none or no usable one (the hostile text in
    /// the fixture's `viz_color` column), the legend saying so, and white labels on the dark fill.
    @Test func colorByFileUsesTheFilesColoursElseTheKinds() throws {
        let view = try Self.gephiLayout()
        let doc = NetworkMapBuilder.build(view: view, options: MapOptions(colorBy: MapColorBy("file")))
        let fills = Dictionary(uniqueKeysWithValues: doc.nodes.map { ($0.id, $0.fillColor.hex) })
        #expect(fills == ["a": "#e69f00", "b": "#0072b2", "c": "#009e73", "d": "#28143c", "e": MapStyle.color(of: .other).hex])
        #expect(doc.nodes.first { $0.id == "d" }?.fontColor?.hex == "#ffffff")
        #expect(doc.nodes.first { $0.id == "e" }?.fontColor == nil)
        #expect(doc.legend.contains(MapLegendEntry(.note, "colour: as in the file, else by kind; shape: kind")))
        #expect(doc.legend.contains(MapLegendEntry(.node(.circle, MapStyle.color(of: .other)), NodeKind.other.plural)))

        // Every colour from the file: no "else by kind", and the kind swatches are neutral.
        let allColoured = Self.network([("x", [("viz_color", "#102030")]), ("y", [("viz_color", "#ABCDEF")])])
        let plain = NetworkMapBuilder.build(view: try NetworkView(allColoured), options: MapOptions(colorBy: .file))
        #expect(plain.nodes.map(\.fillColor.hex) == ["#102030", "#abcdef"])
        #expect(plain.legend.contains(MapLegendEntry(.note, "colour: as in the file; shape: kind")))
        #expect(plain.legend.contains(MapLegendEntry(.node(.circle, MapColor(red: 225, green: 225, blue: 225)), NodeKind.other.plural)))
    }

    // MARK: Reading positions

    @Test func numbersMustBeFiniteDecimals() {
        for good in ["0", "-12.5", "+3", "1e3", " 4.25 ", "1E-2"] { #expect(FilePositions.number(good) != nil, "\(good)") }
        for bad in ["", "abc", "nan", "NaN", "inf", "-infinity", "1e400", "0x1p3", "1,5", "2e12", "1 2"] {
            #expect(FilePositions.number(bad) == nil, "\(bad)")
        }
    }

    @Test func graphvizPosIsXCommaYWithAnOptionalBang() {
        #expect(FilePositions.graphvizPoint("109.54,110.03") == MapPoint(x: 109.54, y: 110.03))
        #expect(FilePositions.graphvizPoint("1,2!") == MapPoint(x: 1, y: 2))
        #expect(FilePositions.graphvizPoint(" 1 , 2 ") == MapPoint(x: 1, y: 2))
        #expect(FilePositions.graphvizPoint("1,2,3") == MapPoint(x: 1, y: 2))
        for bad in ["1", "1,", ",2", "a,b", "1,2,x", "1,2,3,4", "1,2!!", "1;2", "e,0 1,2 3,4"] {
            #expect(FilePositions.graphvizPoint(bad) == nil, "\(bad)")
        }
    }

    /// One source per network: viz_x/viz_y as soon as any node has them (a node with only `pos` then
    /// has no position), else `pos`; none at all is nil.
    @Test func oneSourcePerNetwork() throws {
        let mixed = Self.network([("a", [("viz_x", "1"), ("viz_y", "2")]), ("b", [("pos", "3,4!")]), ("c", [("viz_x", "5")])])
        let read = try #require(FilePositions.read(try NetworkView(mixed)))
        #expect(read.source == .gexf)
        #expect(read.points == [MapPoint(x: 1, y: 2), nil, nil])
        let dot = Self.network([("a", [("pos", "3,4!")]), ("b", [("pos", "5,6")])])
        #expect(FilePositions.read(try NetworkView(dot)) == FilePositions(source: .dot, points: [MapPoint(x: 3, y: 4), MapPoint(x: 5, y: 6)]))
        #expect(FilePositions.read(try NetworkView(Self.network([("a", []), ("b", [("x", "1")])]))) == nil)
    }

    // MARK: Pinning

    @Test func noPositionsAndMissingPositionsAreErrors() throws {
        let none = try NetworkView(Self.network([("a", []), ("b", [])]))
        #expect(throws: FileLayoutError.noPositions) { try FileLayout.pin(NetworkMapBuilder.build(view: none), view: none) }

        var nodes: [(String, [(String, String)])] = [("ok", [("viz_x", "0"), ("viz_y", "0")])]
        for i in 1...7 { nodes.append(("m\(i)", i == 3 ? [("viz_x", "nan"), ("viz_y", "1")] : [])) }
        let view = try NetworkView(Self.network(nodes))
        let error = FileLayoutError.missingPositions(count: 7, of: 8, first: ["m1", "m2", "m3", "m4", "m5"], source: .gexf)
        #expect(throws: error) { try FileLayout.pin(NetworkMapBuilder.build(view: view), view: view) }
        #expect(error.description == "7 of 8 actors have no usable position (viz_x/viz_y missing or not a number): 'm1', 'm2', 'm3', 'm4', 'm5', …")
        #expect(FileLayoutError.missingPositions(count: 1, of: 3, first: ["x"], source: .dot).description
            == "1 of 3 actors has no usable position (pos missing or not a number): 'x'")
    }

    /// The fixture: one uniform scale (ratios of distances and the aspect ratio kept, orders kept,
    /// y up), every actor clear of its nearest neighbour, the legend right of every node, and a pinned
    /// neato document without overlap removal.
    @Test func placementFollowsTheFile() throws {
        let view = try Self.gephiLayout()
        let doc = NetworkMapBuilder.build(view: view, options: MapOptions(labels: .all))
        let result = try FileLayout.pin(doc, view: view)
        let out = result.document
        #expect(out.layout == .neato && !out.removeOverlaps && out.canvas == nil)
        let file = try #require(FilePositions.read(view)).points.map { $0! }
        let drawn = out.nodes.map { $0.position! }
        for i in file.indices {
            for j in file.indices where i != j {
                #expect((file[i].x < file[j].x) == (drawn[i].x < drawn[j].x))
                #expect((file[i].y < file[j].y) == (drawn[i].y < drawn[j].y))
                let ratio = FileLayout.distance(drawn[i], drawn[j]) / FileLayout.distance(file[i], file[j])
                #expect(abs(ratio - result.scale) < 1e-9 * result.scale)
            }
        }
        #expect(drawn.map(\.x).min() == 0 && drawn.map(\.y).min() == 0)
        let diameters = out.nodes.map(FileLayout.drawnDiameter)
        let nearest = FileLayout.nearestNeighbours(drawn)
        let clear = drawn.indices.filter { i in
            FileLayout.distance(drawn[i], drawn[nearest[i]!]) >= (diameters[i] + diameters[nearest[i]!]) / 2 + FileLayout.clearance - 1e-9
        }
        #expect(clear.count == drawn.count)
        #expect(result.overlapping == 0)
        let legend = try #require(out.legendPosition)
        for (p, d) in zip(drawn, diameters) { #expect(legend.x > p.x + d / 2 + FileLayout.legendGap) }
        #expect(out.caption.hasSuffix(" · places as in the file"))
        #expect(try FileLayout.pin(doc, view: view) == result, "the same document every time")
    }

    /// The longer side stays within its bounds: a spread-out file is shrunk to at most 20 inches, a
    /// cramped one (nodes far closer than their sizes) is spread to at least 5 inches.
    @Test func sizeIsBounded() throws {
        func side(_ step: Double, count: Int = 30) throws -> (Double, Int) {
            let nodes = (0..<count).map { i in ("n\(i)", [("viz_x", String(Double(i % 6) * step)), ("viz_y", String(Double(i / 6) * step))]) }
            let view = try NetworkView(Self.network(nodes))
            let result = try FileLayout.pin(NetworkMapBuilder.build(view: view), view: view)
            let xs = result.document.nodes.map { $0.position!.x }, ys = result.document.nodes.map { $0.position!.y }
            return (max(xs.max()! - xs.min()!, ys.max()! - ys.min()!), result.overlapping)
        }
        let (tiny, _) = try side(1e-6)
        let (huge, _) = try side(1e9)
        #expect(abs(tiny - huge) < 1e-6, "units do not matter")
        #expect(tiny >= 360 - 1e-6 && tiny <= 1440)
        // Coincident nodes (four at x = 0) are left to overlap; the others, one unit apart, set the scale.
        let nodes = (0..<10).map { i in ("n\(i)", [("viz_x", i < 4 ? "0" : String(i)), ("viz_y", "0")], i) }
        let view = try NetworkView(Self.network(nodes.map { ($0.0, $0.1) }))
        let result = try FileLayout.pin(NetworkMapBuilder.build(view: view, options: MapOptions(labels: MapOptions.Labels.none)), view: view)
        #expect(result.overlapping == 4)
        let d = result.document.nodes.map { FileLayout.drawnDiameter($0) }
        let gaps = (5..<10).map { i in result.document.nodes[i].position!.x - result.document.nodes[i - 1].position!.x }
        #expect(gaps.allSatisfy { abs($0 - result.scale) < 1e-9 })
        #expect(zip(5..<10, gaps).allSatisfy { i, gap in gap >= (d[i] + d[i - 1]) / 2 + FileLayout.clearance - 1e-9 })
        // Most of them in one place: nothing sensible to clear, so the longest side allowed.
        let piled = (0..<10).map { i in ("n\(i)", [("viz_x", i < 7 ? "0" : String(i)), ("viz_y", "0")]) }
        let pview = try NetworkView(Self.network(piled))
        let xs = try FileLayout.pin(NetworkMapBuilder.build(view: pview), view: pview).document.nodes.map { $0.position!.x }
        #expect(abs(xs.max()! - max(FileLayout.maximumSide, 144 * 10.0.squareRoot())) < 1e-6)
        // One node, or all in one place: scale 1, at the origin.
        let one = try NetworkView(Self.network([("a", [("viz_x", "7"), ("viz_y", "9")])]))
        #expect(try FileLayout.pin(NetworkMapBuilder.build(view: one), view: one).document.nodes[0].position == MapPoint(x: 0, y: 0))
    }

    /// The sweep finds the same nearest neighbours as comparing every pair.
    @Test func nearestNeighboursMatchBruteForce() {
        var generator = _SplitMix64(seed: 7)  // the same random points on every run
        let points = (0..<300).map { _ in
            MapPoint(x: Double(Int.random(in: 0..<50, using: &generator)), y: Double(Int.random(in: 0..<50, using: &generator)))
        }
        let fast = FileLayout.nearestNeighbours(points)
        for i in points.indices {
            let best = points.indices.filter { $0 != i }.min {
                let a = FileLayout.distance(points[i], points[$0]), b = FileLayout.distance(points[i], points[$1])
                return a != b ? a < b : $0 < $1
            }
            #expect(fast[i] == best, "\(i)")
        }
    }
}
