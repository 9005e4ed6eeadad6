import Foundation

/// What decides a node's colour on a map.
public enum MapColorBy: Sendable, Equatable {
    case kind, community, country, region, scope
    /// The colour the network file gives each node (`viz_color`, `#rrggbb` only, from Gephi's
    /// `viz:color`), else the kind's colour. (So an attribute column named `file` cannot be chosen.)
    case file
    /// Any attribute column of the nodes table.
    case attribute(String)

    public init(_ text: String) {
        switch text.lowercased() {
        case "kind": self = .kind
        case "community": self = .community
        case "country": self = .country
        case "region": self = .region
        case "scope": self = .scope
        case "file": self = .file
        default: self = .attribute(text)
        }
    }

    public var name: String {
        switch self {
        case .kind: "kind"
        case .community: "community"
        case .country: "country"
        case .region: "region"
        case .scope: "scope"
        case .file: "file"
        case .attribute(let a): a
        }
    }
}

/// What groups nodes into cluster boxes.
public enum MapClusterBy: String, Sendable, Equatable, CaseIterable {
    case country, region, community, kind
}

/// How a network map should look.
public struct MapOptions: Sendable, Equatable {
    public enum Labels: Sendable, Equatable {
        case all
        /// Only the `n` largest nodes by the size metric carry a label; the rest have tooltips.
        case top(Int)
        case none
    }

    /// Layout engine; nil chooses ``NetworkMapBuilder/automaticLayout`` (fdp with boxes).
    public var layout: MapLayout?
    public var seed: Int
    /// nil: top 40, or top 25 above 500 nodes.
    public var labels: Labels?
    public var colorBy: MapColorBy
    public var sizeBy: NodeMetricName
    public var clusterBy: MapClusterBy?
    /// Name experts who have not consented (never the default).
    public var showAllNames: Bool
    /// Title; nil uses the network's title.
    public var title: String?
    /// Seed of the community search when colouring or clustering by community.
    public var communitySeed: UInt64
    /// Label nodes with this attribute (e.g. `name_local` for names in local scripts) where they have it.
    /// Never used for experts who may not be named.
    public var labelAttribute: String?
    /// Draw the pairs tied only by co-participation (faint dotted lines). Off by default: they are
    /// derived from shared activities (805 of the bundled network's 1,409 tied pairs are tied only so) and turn the map into a
    /// hairball; the legend counts them. They always count in the metrics that size the nodes.
    public var coParticipationLines: Bool
    /// Draw the hub's own lines (the manifest's `hub`, the office). Off by default: the hub is tied to most
    /// actors (158 of the bundled network's 193), its star of lines crosses nearly every other line, and it
    /// pulls the layout into a ball around itself. Its partners are outlined instead (``hubPartnerOutline``)
    /// and the legend counts the lines left out. Always drawn on a map focused on an actor (`--focus`).
    public var hubLines: Bool

    public init(layout: MapLayout? = nil, seed: Int = 1, labels: Labels? = nil, colorBy: MapColorBy = .kind,
                sizeBy: NodeMetricName = .betweenness, clusterBy: MapClusterBy? = nil, showAllNames: Bool = false,
                title: String? = nil, communitySeed: UInt64 = 1, labelAttribute: String? = nil, coParticipationLines: Bool = false,
                hubLines: Bool = false) {
        self.coParticipationLines = coParticipationLines
        self.hubLines = hubLines
        self.layout = layout
        self.seed = seed
        self.labels = labels
        self.colorBy = colorBy
        self.sizeBy = sizeBy
        self.clusterBy = clusterBy
        self.showAllNames = showAllNames
        self.title = title
        self.communitySeed = communitySeed
        self.labelAttribute = labelAttribute
    }
}

/// Turns a network view into a ``MapDocument``: nodes shaped by kind, coloured by a category (kind by
/// default), sized by a metric (betweenness by default), ties styled by kind and weighted by strength,
/// optional cluster boxes, a legend, and a caption saying what is shown.
public enum NetworkMapBuilder {
    /// The layout chosen when none is asked for: sfdp, at every size. It scales (dot needs over 11
    /// minutes for 2,000 partner-network nodes; neato's time grows with the cube of the actors), and on
    /// the bundled network and each of its quarters it draws fewer crossings than neato with no
    /// overlap (7.9 crossings per line against neato's 8.8 on the whole network, 6.2 against 8.1 on
    /// 2026Q3: Docs/map-readability.md). Maps with cluster boxes use fdp, the force-directed layout
    /// that keeps clusters apart.
    public static let automaticLayout = MapLayout.sfdp

    /// The outline of the hub's partners when the hub's lines are not drawn (``MapOptions/hubLines``):
    /// one dark ring, wider than every node's own outline, that shows on every fill.
    public static let hubPartnerOutline = MapOutline(color: MapColor(red: 25, green: 25, blue: 25), width: 2.2, rings: 1)

    /// Most categories a colouring shows; the rest share "other".
    static let maxCategories = 12

    public static func build(view: NetworkView, options: MapOptions = MapOptions()) -> MapDocument {
        let n = view.vertexCount
        let g = view.graph
        var computer = NodeMetricComputer(graph: g, simple: g, seed: options.communitySeed)
        let size = computer.values(options.sizeBy).map { $0 ?? 0 }
        let maxSize = size.max() ?? 0
        let large = n > 500
        let labelled: Set<Int>
        switch options.labels ?? .top(large ? 25 : 40) {
        case .all: labelled = Set(0..<n)
        case .none: labelled = []
        case .top(let k): labelled = Set(NetworkSummary.top(k, size))
        }
        let degree = g.degrees()
        let betweenness = options.sizeBy == .betweenness ? size : computer.values(.betweenness).map { $0 ?? 0 }
        var communityOf: [Int]?
        func community(_ v: Int) -> Int {
            if communityOf == nil { communityOf = computer.values(.community).map { Int($0 ?? 0) } }
            return communityOf![v]
        }

        // Colours: by kind (fixed palette), or by the categories of a value, most frequent first.
        let colorKey: (Int) -> String? = { v in Self.category(options.colorBy, of: view, vertex: v, community: community) }
        var colorOf: [String: MapColor] = [:]
        var colorLegend: [(String, MapColor)] = []
        if options.colorBy != .kind, options.colorBy != .file {
            var counts: [String: Int] = [:]
            for v in 0..<n { if let k = colorKey(v) { counts[k, default: 0] += 1 } }
            let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            for (i, key) in ordered.enumerated() {
                let c = i < maxCategories ? MapStyle.categoryColor(i) : MapStyle.noCategory
                colorOf[key] = c
                if i < maxCategories { colorLegend.append((Self.categoryLabel(options.colorBy, key), c)) }
            }
            if ordered.count > maxCategories { colorLegend.append(("other \(options.colorBy.name)", MapStyle.noCategory)) }
        }

        // Clusters.
        var clusters: [MapCluster] = []
        var clusterIndex: [String: Int] = [:]
        var clusterOf = [Int?](repeating: nil, count: n)
        if let by = options.clusterBy {
            let key: MapColorBy = switch by {
            case .country: .country
            case .region: .region
            case .community: .community
            case .kind: .kind
            }
            for v in 0..<n {
                guard let k = Self.category(key, of: view, vertex: v, community: community) else { continue }
                if clusterIndex[k] == nil {
                    clusterIndex[k] = clusters.count
                    clusters.append(MapCluster(id: "\(by.rawValue)-\(k)", label: Self.categoryLabel(key, k)))
                }
                clusterOf[v] = clusterIndex[k]
            }
        }

        var nodes: [MapNode] = []
        nodes.reserveCapacity(n)
        // Kinds of the nodes the file gives no usable colour (`--color-by file` falls back to the kind's).
        var kindFallbacks: Set<NodeKind> = []
        for v in 0..<n {
            let node = view.node(v)
            let name = view.displayName(v, showAllNames: options.showAllNames)
            let named = node.mayBeNamed || options.showAllNames
            let short = named ? (options.labelAttribute.flatMap(node.attribute) ?? node.attribute("acronym") ?? name) : name
            let scaled = maxSize > 0 ? (size[v] / maxSize).squareRoot() : 0
            var tooltip = "\(name) — \(node.kind.rawValue)"
            if let c = node.country { tooltip += ", \(Countries.name(c))" }
            tooltip += "\npartners: \(degree[v]); betweenness: \(NetworkSummary.fixed(betweenness[v], 3))"
            if options.sizeBy != .betweenness, options.sizeBy != .degree {
                tooltip += "; \(options.sizeBy.rawValue): \(NetworkSummary.fixed(size[v], 3))"
            }
            if !node.sectors.isEmpty { tooltip += "\nsectors: " + node.sectors.joined(separator: ", ") }
            var classes = ["kind-\(node.kind.rawValue)"]
            if options.colorBy == .community || options.clusterBy == .community { classes.append("community-\(community(v))") }
            let fill: MapColor
            var fontColor: MapColor?
            switch options.colorBy {
            case .kind:
                fill = MapStyle.color(of: node.kind)
            case .file:
                if let own = MapColor.fileColor(of: node) {
                    fill = own
                    fontColor = own.readableTextColor
                } else {
                    fill = MapStyle.color(of: node.kind)
                    kindFallbacks.insert(node.kind)
                }
            default:
                fill = colorKey(v).flatMap { colorOf[$0] } ?? MapStyle.noCategory
            }
            nodes.append(MapNode(
                id: view.publicID(v, showAllNames: options.showAllNames),
                label: labelled.contains(v) ? LabelWrapping.wrap(short) : "",
                tooltip: tooltip,
                classes: classes,
                shape: MapStyle.shape(of: node.kind),
                fillColor: fill,
                size: large ? 0.08 + 0.4 * scaled : 0.18 + 0.6 * scaled,
                fontSize: labelled.contains(v) ? 9 + 5 * scaled : 8,
                cluster: clusterOf[v],
                fontColor: fontColor
            ))
        }

        // One drawn line per tied pair: parallel ties merge (weights add), and the line takes the style of
        // the first recorded tie, so a pair that also met at workshops is drawn as the partnership it is.
        struct Pair: Hashable { var a: Int32; var b: Int32 }
        var pairIndex: [Pair: Int] = [:]
        var pairs: [(pair: Pair, kind: String, weight: Double, kinds: [String])] = []
        for t in view.ties where t.source != t.target {
            let key = Pair(a: min(t.source, t.target), b: max(t.source, t.target))
            if let i = pairIndex[key] {
                pairs[i].weight += t.weight
                if !pairs[i].kinds.contains(t.kind) { pairs[i].kinds.append(t.kind) }
                if pairs[i].kind == ViewFilter.coParticipationKind, t.kind != ViewFilter.coParticipationKind { pairs[i].kind = t.kind }
            } else {
                pairIndex[key] = pairs.count
                pairs.append((key, t.kind, t.weight, [t.kind]))
            }
        }
        // The hub's lines, left out unless asked for or the map is focused on an actor.
        var hubVertex: Int32 = -1
        if !options.hubLines, view.filter.focus == nil, let hub = view.network.manifest.hub, let i = view.network.nodeIndex[hub] {
            hubVertex = view.vertexOfNode[i]
        }
        var hubLinesLeftOut = 0
        let faint: UInt8 = large ? 60 : 160
        var edges: [MapEdge] = []
        edges.reserveCapacity(pairs.count)
        var metOnlyLeftOut = 0
        for p in pairs {
            if hubVertex >= 0, p.pair.a == hubVertex || p.pair.b == hubVertex {
                hubLinesLeftOut += 1
                nodes[Int(p.pair.a == hubVertex ? p.pair.b : p.pair.a)].outline = hubPartnerOutline
                continue
            }
            let onlyMet = p.kind == ViewFilter.coParticipationKind
            if onlyMet, !options.coParticipationLines {
                metOnlyLeftOut += 1
                continue
            }
            edges.append(MapEdge(
                source: Int(p.pair.a), target: Int(p.pair.b),
                penWidth: onlyMet || large ? 0.5 : MapStyle.lineWidth(weight: p.weight),
                style: MapStyle.lineStyle(ofTieKind: p.kind),
                color: onlyMet ? MapColor(red: 150, green: 150, blue: 150, alpha: large ? 40 : 90) : MapColor(red: 80, green: 80, blue: 80, alpha: faint),
                tooltip: p.kinds.joined(separator: ", "),
                classes: p.kinds.map { "tie-" + $0.replacingOccurrences(of: " ", with: "-") }
            ))
        }

        var legend: [MapLegendEntry] = []
        let kinds = Set((0..<n).map { view.node($0).kind })
        for k in NodeKind.allCases where kinds.contains(k) {
            let kindColored = options.colorBy == .kind || kindFallbacks.contains(k)
            let color = kindColored ? MapStyle.color(of: k) : MapColor(red: 225, green: 225, blue: 225)
            legend.append(MapLegendEntry(.node(MapStyle.shape(of: k), color), k.plural))
        }
        for (label, color) in colorLegend { legend.append(MapLegendEntry(.node(.circle, color), label)) }
        for k in Set(pairs.map(\.kind)).sorted() where options.coParticipationLines || k != ViewFilter.coParticipationKind {
            legend.append(MapLegendEntry(.line(MapStyle.lineStyle(ofTieKind: k), width: 1.2), k))
        }
        if hubLinesLeftOut > 0 {
            let hubName = nodes[Int(hubVertex)].label.isEmpty ? view.displayName(Int(hubVertex), showAllNames: options.showAllNames) : nodes[Int(hubVertex)].label
            legend.append(MapLegendEntry(.outline(hubPartnerOutline.color), "tied to \(hubName.replacingOccurrences(of: "\n", with: " ")) (its \(hubLinesLeftOut) lines not drawn)"))
        }
        if metOnlyLeftOut > 0 {
            legend.append(MapLegendEntry(.note, "not drawn: \(metOnlyLeftOut) pairs tied only by co-participation"))
        }
        legend.append(MapLegendEntry(.note, "node size: \(options.sizeBy.rawValue); line width: tie strength"))
        if options.colorBy == .file {
            let rest = kindFallbacks.isEmpty ? "" : ", else by kind"
            legend.append(MapLegendEntry(.note, "colour: as in the file\(rest); shape: kind"))
        } else if options.colorBy != .kind {
            legend.append(MapLegendEntry(.note, "colour: \(options.colorBy.name); shape: kind"))
        }

        let m = view.network.manifest
        var caption = "\(view.filter.summary) · \(n) actors, \(g.edgeCount) tied pairs"
        if metOnlyLeftOut + hubLinesLeftOut > 0 { caption += " (\(edges.count) drawn)" }
        if let asOf = m.asOf { caption += " · data as of \(asOf)" }
        if m.illustrative == true { caption += " · illustrative data" }
        return MapDocument(
            title: options.title ?? m.title ?? m.name,
            caption: caption,
            isDirected: false,
            layout: options.layout ?? (clusters.isEmpty ? automaticLayout : .fdp),
            seed: options.seed,
            nodes: nodes,
            edges: edges,
            clusters: clusters,
            legend: legend
        )
    }

    /// The category of vertex `v` under a colouring, or nil when the node has none.
    static func category(_ by: MapColorBy, of view: NetworkView, vertex v: Int, community: (Int) -> Int) -> String? {
        let node = view.node(v)
        switch by {
        case .kind: return node.kind.rawValue
        case .community: return String(community(v))
        case .country: return node.country
        case .region: return node.country.flatMap(Countries.region)
        case .scope: return node.scope?.rawValue
        case .file: return MapColor.fileColor(of: node)?.hex
        case .attribute(let a): return node.attribute(a)
        }
    }

    /// How a category is named in legends and cluster labels.
    static func categoryLabel(_ by: MapColorBy, _ key: String) -> String {
        switch by {
        case .country: Countries.name(key)
        case .community: "community \(key)"
        default: key
        }
    }
}
