import Foundation
import SynergraphKit
import Testing

@testable import SynergraphGraphviz

/// A 30-node demo map in several scripts, for looking at: written to the path in
/// `SYNERGRAPH_DEMO_PNG` (kept out of git) when that is set, e.g.
/// `SYNERGRAPH_DEMO_PNG=/tmp/demo.png swift test --filter DemoMapTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SYNERGRAPH_DEMO_PNG"] != nil))
struct DemoMapTests {
    static func demo(layout: MapLayout) -> MapDocument {
        let names = [
            "서울 청년 네트워크", "부산 교육 협동조합", "សមាគមកសិករ", "អង្គការសុខភាព", "ສະມາຄົມຊາວນາ", "โรงเรียนบ้านนา",
            "Монгол сургууль", "ᠮᠣᠩᠭᠣᠯ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ", "የኢትዮጵያ ማህበር", "Partner Foundation", "City Library", "Youth Club",
        ]
        let kinds: [(String, MapShape, MapColor)] = [
            ("school", .ellipse, MapColor(red: 66, green: 133, blue: 244)),
            ("ngo", .box, MapColor(red: 219, green: 68, blue: 55)),
            ("company", .diamond, MapColor(red: 244, green: 180, blue: 0)),
            ("public", .hexagon, MapColor(red: 15, green: 157, blue: 88)),
        ]
        var random = SplitMix64(seed: 3)
        var nodes: [MapNode] = []
        for index in 0..<30 {
            let kind = kinds[index % kinds.count]
            let name = index < names.count ? names[index] : "Organisation \(index)"
            nodes.append(MapNode(
                id: "org-\(index)", label: name, tooltip: name, classes: ["kind-\(kind.0)"], shape: kind.1,
                fillColor: kind.2, size: 0.3 + Double(random.next() % 5) * 0.1, fontSize: 10,
                cluster: layout == .dot ? index % 3 == 0 ? 0 : nil : nil))
        }
        var edges: [MapEdge] = []
        for index in 1..<30 {
            edges.append(MapEdge(source: index, target: Int(random.next() % UInt64(index)), penWidth: 1 + Double(random.next() % 3)))
            if index % 4 == 0 {
                edges.append(MapEdge(source: index, target: Int(random.next() % UInt64(index)), style: .dashed))
            }
        }
        return MapDocument(
            title: "파트너 네트워크 · Partner network", caption: "Demo: 30 organisations, 7 scripts", layout: layout, seed: 5,
            nodes: nodes, edges: edges, clusters: [MapCluster(id: "core", label: "핵심 파트너 · core partners")],
            legend: kinds.map { MapLegendEntry(.node($0.1, $0.2), $0.0) } + [
                MapLegendEntry(.line(.solid, width: 2), "formal partnership"),
                MapLegendEntry(.line(.dashed, width: 1), "informal tie"),
                MapLegendEntry(.note, "size: degree"),
            ])
    }

    @Test(arguments: [MapLayout.sfdp, .dot])
    func writeDemoMap(layout: MapLayout) throws {
        guard let path = ProcessInfo.processInfo.environment["SYNERGRAPH_DEMO_PNG"] else { return }
        let url = URL(fileURLWithPath: path.replacingOccurrences(of: ".png", with: "-\(layout).png"))
        let warnings = try GraphvizRenderer().write(Self.demo(layout: layout), to: url)
        #expect(warnings.isEmpty, "\(warnings)")
    }
}
