import Foundation

/// An overview map: one node per group of actors (country, region, community or kind), one line per
/// pair of groups with ties between them.
///
/// - A group's node is a circle whose *area* grows with its number of actors (width
///   `0.25 + 1.1 · √(actors / largest group)` inches, drawn at exactly that size), filled with wedges in the
///   colours of the kinds of its actors, in proportion (one colour when all are of one kind); its label,
///   beside it (Graphviz places it clear of the others), gives the group's name and number of actors; the
///   tooltip lists the kinds and the ties inside the group.
/// - A line joins two groups when some actor of one has a recorded tie with some actor of the other
///   (co-participation ties, derived from taking part in the same activity, are not drawn: their count
///   is in the legend). Its width grows with the logarithm of the number of *tied pairs* (distinct actor
///   pairs, parallel ties counted once); lines of 3 pairs or more carry that number as a label (placed
///   clear of nodes and other labels where Graphviz can), the others give it in their tooltip.
/// - Ties inside a group are counted in its tooltip and label, not drawn.
/// - Actors without a value (no country, for example) form one group, "no country".
/// - Groups come in order of first appearance in the view (model order), so the document is deterministic;
///   the layout is neato with overlap removal (a few dozen nodes at most).
///
/// - Complexity: O(n + m) for n actors and m ties, plus the community search for `community`.
public enum AggregateMapBuilder {
    /// The overview map of `view` grouped by `by`. Experts without consent are never named (groups are
    /// named by country, region, community or kind only).
    public static func build(view: NetworkView, by: MapClusterBy, options: MapOptions = MapOptions()) -> AggregateMap {
        let n = view.vertexCount
        var computer = NodeMetricComputer(graph: view.graph, simple: view.graph, seed: options.communitySeed)
        var communityOf: [Int]?
        func community(_ v: Int) -> Int {
            if communityOf == nil { communityOf = computer.values(.community).map { Int($0 ?? 0) } }
            return communityOf![v]
        }
        let key: MapColorBy = switch by {
        case .country: .country
        case .region: .region
        case .community: .community
        case .kind: .kind
        }

        // Groups in order of first appearance.
        var groupOf = [Int](repeating: 0, count: n)
        var keys: [String?] = []
        var index: [String?: Int] = [:]
        for v in 0..<n {
            let k = NetworkMapBuilder.category(key, of: view, vertex: v, community: community)
            if index[k] == nil {
                index[k] = keys.count
                keys.append(k)
            }
            groupOf[v] = index[k]!
        }
        let groups = keys.count
        var members = [Int](repeating: 0, count: groups)
        var kindCount = [[NodeKind: Int]](repeating: [:], count: groups)
        for v in 0..<n {
            members[groupOf[v]] += 1
            kindCount[groupOf[v]][view.node(v).kind, default: 0] += 1
        }

        // Tied pairs: recorded ties between groups (and inside), co-participation only counted.
        struct Pair: Hashable { var a: Int32; var b: Int32 }
        var recorded = Set<Pair>()
        var metOnly = Set<Pair>()
        for t in view.ties where t.source != t.target {
            let p = Pair(a: min(t.source, t.target), b: max(t.source, t.target))
            if t.kind == ViewFilter.coParticipationKind { metOnly.insert(p) } else { recorded.insert(p) }
        }
        metOnly.subtract(recorded)
        struct GroupPair: Hashable { var a: Int; var b: Int }
        var between: [GroupPair: Int] = [:]
        var inside = [Int](repeating: 0, count: groups)
        for p in recorded {
            let a = groupOf[Int(p.a)], b = groupOf[Int(p.b)]
            if a == b { inside[a] += 1 } else { between[GroupPair(a: min(a, b), b: max(a, b)), default: 0] += 1 }
        }

        let largest = members.max() ?? 1
        var nodes: [MapNode] = []
        var usedIDs = Set<String>()
        for g in 0..<groups {
            var id = "group-" + NetworkName.slug(keys[g] ?? "none", fallback: "none")
            if usedIDs.contains(id) { id += "-\(g)" }
            usedIDs.insert(id)
            let name = keys[g].map { NetworkMapBuilder.categoryLabel(key, $0) } ?? "no \(by.rawValue)"
            let kinds = NodeKind.allCases.filter { kindCount[g][$0] != nil }
            let wedges = kinds.map { MapWedge(color: MapStyle.color(of: $0), share: Double(kindCount[g][$0]!)) }
            let mix = kinds.map { "\(kindCount[g][$0]!) \($0.rawValue)" }.joined(separator: ", ")
            let scaled = (Double(members[g]) / Double(largest)).squareRoot()
            var node = MapNode(
                id: id,
                label: LabelWrapping.wrap(name) + "\n\(members[g])",
                tooltip: "\(name): \(members[g]) actor\(members[g] == 1 ? "" : "s") (\(mix)); \(inside[g]) tied pair\(inside[g] == 1 ? "" : "s") inside",
                classes: ["group", "\(by.rawValue)-group"],
                shape: .circle,
                fillColor: kinds.count == 1 ? MapStyle.color(of: kinds[0]) : MapColor(red: 235, green: 235, blue: 235),
                size: 0.25 + 1.1 * scaled,
                fontSize: 9 + 4 * scaled)
            if kinds.count > 1 { node.wedges = wedges }
            node.fixedSize = true
            nodes.append(node)
        }

        var edges: [MapEdge] = []
        // Numbers only on the stronger lines (the rest say it in their tooltip), so they do not crowd the map.
        let labelledPairs = 3
        let maxPairs = between.values.max() ?? 1
        for (pair, count) in between.sorted(by: { $0.key.a != $1.key.a ? $0.key.a < $1.key.a : $0.key.b < $1.key.b }) {
            let strength = Double(count) / Double(maxPairs)
            edges.append(MapEdge(
                source: pair.a, target: pair.b,
                penWidth: MapStyle.lineWidth(weight: Double(count)),
                style: .solid,
                color: MapColor(red: 70, green: 70, blue: 70, alpha: UInt8(90 + 140 * strength)),
                tooltip: "\(count) tied pair\(count == 1 ? "" : "s")",
                classes: ["group-tie"],
                label: count >= labelledPairs ? String(count) : ""))
        }

        var legend: [MapLegendEntry] = []
        let present = Set((0..<n).map { view.node($0).kind })
        for k in NodeKind.allCases where present.contains(k) {
            legend.append(MapLegendEntry(.node(.circle, MapStyle.color(of: k)), k.plural))
        }
        legend.append(MapLegendEntry(.note, "one circle per \(by.rawValue); area: actors; wedges: their kinds"))
        legend.append(MapLegendEntry(.line(.solid, width: 1.2), "line width and number: tied pairs between groups"))
        if !metOnly.isEmpty {
            legend.append(MapLegendEntry(.note, "not drawn: \(metOnly.count) pairs tied only by co-participation"))
        }

        let m = view.network.manifest
        var caption = "\(view.filter.summary) · \(n) actors in \(groups) \(Self.plural(by, groups)), \(recorded.count) tied pairs (\(between.values.reduce(0, +)) between groups)"
        if let asOf = m.asOf { caption += " · data as of \(asOf)" }
        if m.illustrative == true { caption += " · illustrative data" }
        let doc = MapDocument(
            title: options.title ?? ((m.title ?? m.name) + " — by \(by.rawValue)"),
            caption: caption,
            isDirected: false,
            layout: options.layout ?? .neato,
            seed: options.seed,
            nodes: nodes,
            edges: edges,
            legend: legend)
        return AggregateMap(document: doc)
    }

    static func plural(_ by: MapClusterBy, _ count: Int) -> String {
        switch by {
        case .country: count == 1 ? "country" : "countries"
        case .region: count == 1 ? "region" : "regions"
        case .community: count == 1 ? "community" : "communities"
        case .kind: count == 1 ? "kind" : "kinds"
        }
    }
}

/// An overview map in two steps: ``layoutDocument`` is laid out (each group a square *footprint* that
/// holds its circle and, below it, its name, so overlap removal keeps names clear too), then
/// ``pinned(_:)`` draws each circle at the top of its footprint at exactly its size and the name as a
/// text node under it, every node pinned.
public struct AggregateMap: Sendable, Equatable {
    /// The groups as circles with their labels inside, before layout.
    public var document: MapDocument

    /// Font size of the names under the circles.
    static let nameFont = 10.0

    /// Width and height of a group's name, in points (0.65 em a character, 1.3 em a line, and the text
    /// node's margins: generous, so that a name never reaches past its footprint).
    static func nameSize(_ label: String) -> (width: Double, height: Double) {
        let lines = label.split(separator: "\n")
        return (0.65 * nameFont * Double(lines.map(\.count).max() ?? 0) + 16, 1.3 * nameFont * Double(lines.count) + 6)
    }

    /// The document to lay out: each group a square that holds its circle and its name (no label, no legend).
    public var layoutDocument: MapDocument {
        var out = document
        out.legend = []
        out.title = ""
        out.caption = ""
        out.removeOverlaps = true
        for i in out.nodes.indices {
            let name = Self.nameSize(document.nodes[i].label)
            let circle = document.nodes[i].size * 72
            out.nodes[i].size = max(circle + name.height, name.width) / 72
            out.nodes[i].label = ""
            out.nodes[i].wedges = []
            out.nodes[i].shape = .box
        }
        for i in out.edges.indices { out.edges[i].label = "" }
        return out
    }

    /// The overview ready to draw: ``layoutDocument`` laid out by `positions` (the facade's
    /// `GraphvizRenderer.positions(of:timeout:)`), ``pinned(_:)`` there, and its line numbers kept clear of
    /// nodes and names by ``LineLabelClearance`` with `geometry` (`GraphvizRenderer.geometry(of:timeout:)`).
    /// What `render --aggregate` and `quarterly --aggregate` draw.
    public func laidOut(
        positions: (MapDocument) throws -> MapLayoutPositions, geometry: (MapDocument) throws -> MapGeometry
    ) rethrows -> MapDocument {
        try LineLabelClearance.cleared(pinned(try positions(layoutDocument)), geometry: geometry).document
    }

    /// The map drawn at the laid-out places: circles at the top of their footprints, names under them.
    public func pinned(_ positions: MapLayoutPositions) -> MapDocument {
        var out = document
        out.layout = .neato
        out.removeOverlaps = false
        var names: [MapNode] = []
        var ids = Set(document.nodes.map(\.id))
        for i in out.nodes.indices {
            let node = document.nodes[i]
            let centre = positions.nodes[node.id] ?? MapPoint(x: 0, y: 0)
            let name = Self.nameSize(node.label)
            let circle = node.size * 72
            let side = max(circle + name.height, name.width)
            let top = centre.y + side / 2
            out.nodes[i].position = MapPoint(x: centre.x, y: top - circle / 2)
            out.nodes[i].label = ""
            var id = node.id + "-name"
            while ids.contains(id) { id += "-" }
            ids.insert(id)
            names.append(MapNode(
                id: id, label: node.label, tooltip: node.tooltip, classes: ["group-name"], shape: .plaintext,
                fillColor: MapColor(red: 255, green: 255, blue: 255), size: 0.05, fontSize: Self.nameFont,
                position: MapPoint(x: centre.x, y: top - circle - name.height / 2), fontColor: MapColor(red: 30, green: 30, blue: 30)))
        }
        out.nodes += names
        if !out.legend.isEmpty {
            let right = positions.nodes.values.map(\.x).max() ?? 0
            let halfSide = out.nodes.prefix(document.nodes.count).enumerated().map { i, n in
                max(n.size * 72 + Self.nameSize(document.nodes[i].label).height, Self.nameSize(document.nodes[i].label).width) / 2
            }.max() ?? 0
            let top = positions.nodes.values.map(\.y).max() ?? 0
            let size = FileLayout.legendSize(out.legend)
            out.legendPosition = MapPoint(x: right + halfSide + FileLayout.legendGap + size.width / 2, y: top + halfSide - size.height / 2)
        }
        return out
    }
}
