import SynergraphKit

/// Documents the tests draw. Built here, by hand, so every test states exactly what it renders.
enum Samples {
    static let school = MapColor(red: 66, green: 133, blue: 244)
    static let ngo = MapColor(red: 219, green: 68, blue: 55)
    static let company = MapColor(red: 244, green: 180, blue: 0)

    /// Eight nodes in two clusters plus two outside, nine edges, a legend, a title and a caption.
    static func small(layout: MapLayout, directed: Bool = false) -> MapDocument {
        let kinds: [(String, MapShape, MapColor)] = [
            ("school", .ellipse, school), ("ngo", .box, ngo), ("company", .diamond, company),
        ]
        var nodes: [MapNode] = []
        for index in 0..<8 {
            let kind = kinds[index % kinds.count]
            nodes.append(
                MapNode(
                    id: "org-\(index)", label: "Organisation \(index)", tooltip: "Organisation \(index) (\(kind.0))",
                    classes: ["kind-\(kind.0)", "community-\(index % 2)"], shape: kind.1, fillColor: kind.2,
                    size: 0.3 + Double(index) * 0.05, fontSize: 10, cluster: index < 6 ? index % 2 : nil))
        }
        let pairs = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0), (0, 6), (6, 7), (2, 7)]
        let edges = pairs.enumerated().map { index, pair in
            MapEdge(
                source: pair.0, target: pair.1, penWidth: 1 + Double(index % 3), style: index % 4 == 3 ? .dashed : .solid,
                tooltip: "link \(index)", classes: ["tie-\(index % 2)"])
        }
        return MapDocument(
            title: "Partner network", caption: "Test map · 8 organisations", isDirected: directed, layout: layout,
            seed: 7, nodes: nodes, edges: edges,
            clusters: [MapCluster(id: "north", label: "North"), MapCluster(id: "south", label: "South")],
            legend: [
                MapLegendEntry(.node(.ellipse, school), "School"),
                MapLegendEntry(.node(.box, ngo), "NGO"),
                MapLegendEntry(.node(.diamond, company), "Company"),
                MapLegendEntry(.line(.dashed, width: 1), "Informal tie"),
                MapLegendEntry(.note, "Size: degree"),
            ])
    }

    /// A partner-like network: `count` nodes, each new node tied to `ties` earlier ones chosen by
    /// preferential attachment (a deterministic generator, so every run draws the same network).
    static func network(count: Int, ties: Int = 2, layout: MapLayout, seed: UInt64 = 42) -> MapDocument {
        var random = SplitMix64(seed: seed)
        var nodes: [MapNode] = []
        var edges: [MapEdge] = []
        var endpoints: [Int] = []
        for index in 0..<count {
            nodes.append(MapNode(id: "p\(index)", label: "Partner \(index)", classes: ["kind-\(index % 4)"], size: 0.2))
            if index > 0 {
                var chosen = Set<Int>()
                for _ in 0..<min(ties, index) {
                    let target = endpoints.isEmpty || random.next() % 3 == 0
                        ? Int(random.next() % UInt64(index)) : endpoints[Int(random.next() % UInt64(endpoints.count))]
                    if chosen.insert(target).inserted {
                        edges.append(MapEdge(source: index, target: target))
                        endpoints += [index, target]
                    }
                }
            }
        }
        return MapDocument(title: "Network of \(count)", layout: layout, seed: 1, nodes: nodes, edges: edges)
    }
}

extension Samples {
    /// The `network` generator with labelled nodes spread over `clusters` clusters (a third of the
    /// nodes stay outside), laid out with fdp: the kind of map the product draws with fdp.
    static func clustered(count: Int, clusters: Int, seed: UInt64 = 42) -> MapDocument {
        var doc = network(count: count, layout: .fdp, seed: seed)
        doc.clusters = (0..<clusters).map { MapCluster(id: "group-\($0)", label: "Group \($0)") }
        for index in doc.nodes.indices where index % 3 != 2 {
            doc.nodes[index].cluster = index % clusters
            doc.nodes[index].label = "Partner organisation \(index)"
        }
        doc.title = "Clustered network of \(count)"
        return doc
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny deterministic generator for test data.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
