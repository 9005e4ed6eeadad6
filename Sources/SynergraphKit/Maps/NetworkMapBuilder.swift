import Foundation

/// How a network map should look: what decides colour, size and labels.
public struct MapOptions: Sendable, Equatable {
    public enum Labels: Sendable, Equatable {
        case all
        /// Only the `n` largest nodes by the size metric carry a label; the rest have tooltips.
        case top(Int)
        case none
    }

    /// Layout engine; nil chooses one by size (see ``NetworkMapBuilder/automaticLayout(vertexCount:)``).
    public var layout: MapLayout?
    public var seed: Int
    public var labels: Labels
    /// Name experts who have not consented (never the default).
    public var showAllNames: Bool
    /// Title; nil uses the network's title.
    public var title: String?

    public init(layout: MapLayout? = nil, seed: Int = 1, labels: Labels = .top(40), showAllNames: Bool = false, title: String? = nil) {
        self.layout = layout
        self.seed = seed
        self.labels = labels
        self.showAllNames = showAllNames
        self.title = title
    }
}

/// Turns a network view into a ``MapDocument``: nodes shaped and coloured by kind, sized by betweenness,
/// ties styled by kind and weighted by strength, a legend, and a caption saying what is shown.
public enum NetworkMapBuilder {
    /// The layout chosen when none is asked for: never one that runs for minutes (dot needs over
    /// 11 minutes for 2,000 partner-network nodes; neato is quick below a few hundred; sfdp scales).
    public static func automaticLayout(vertexCount n: Int) -> MapLayout {
        n <= 300 ? .neato : .sfdp
    }

    /// - Parameters:
    ///   - sizeValues: one value per vertex deciding node size and which labels show (default: betweenness).
    public static func build(view: NetworkView, options: MapOptions = MapOptions(), sizeValues: [Double]? = nil, sizeLabel: String = "betweenness") -> MapDocument {
        let n = view.vertexCount
        let size = sizeValues ?? view.graph.betweennessCentrality(normalized: true)
        let maxSize = size.max() ?? 0
        let labelled: Set<Int>
        switch options.labels {
        case .all: labelled = Set(0..<n)
        case .none: labelled = []
        case .top(let k): labelled = Set(NetworkSummary.top(k, size))
        }
        let degree = view.graph.degrees()
        var nodes: [MapNode] = []
        nodes.reserveCapacity(n)
        for v in 0..<n {
            let node = view.node(v)
            let name = view.displayName(v, showAllNames: options.showAllNames)
            let short = node.mayBeNamed || options.showAllNames ? (node.attribute("acronym") ?? name) : name
            let scaled = maxSize > 0 ? (size[v] / maxSize).squareRoot() : 0
            var tooltip = "\(name) — \(node.kind.rawValue)"
            if let c = node.country { tooltip += ", \(c)" }
            tooltip += "\npartners: \(degree[v]); \(sizeLabel): \(NetworkSummary.fixed(size[v], 3))"
            if !node.sectors.isEmpty { tooltip += "\nsectors: " + node.sectors.joined(separator: ", ") }
            nodes.append(MapNode(
                id: view.publicID(v, showAllNames: options.showAllNames),
                label: labelled.contains(v) ? LabelWrapping.wrap(short) : "",
                tooltip: tooltip,
                classes: ["kind-\(node.kind.rawValue)"],
                shape: MapStyle.shape(of: node.kind),
                fillColor: MapStyle.color(of: node.kind),
                size: 0.18 + 0.6 * scaled,
                fontSize: labelled.contains(v) ? 9 + 5 * scaled : 8
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
        var edges: [MapEdge] = []
        edges.reserveCapacity(pairs.count)
        for p in pairs {
            let onlyMet = p.kind == ViewFilter.coParticipationKind
            edges.append(MapEdge(
                source: Int(p.pair.a), target: Int(p.pair.b),
                penWidth: onlyMet ? 0.5 : MapStyle.lineWidth(weight: p.weight),
                style: MapStyle.lineStyle(ofTieKind: p.kind),
                color: onlyMet ? MapColor(red: 150, green: 150, blue: 150, alpha: 90) : MapColor(red: 80, green: 80, blue: 80, alpha: 160),
                tooltip: p.kinds.joined(separator: ", "),
                classes: p.kinds.map { "tie-" + $0.replacingOccurrences(of: " ", with: "-") }
            ))
        }
        var legend: [MapLegendEntry] = []
        let kinds = Set((0..<n).map { view.node($0).kind })
        for k in NodeKind.allCases where kinds.contains(k) {
            legend.append(MapLegendEntry(.node(MapStyle.shape(of: k), MapStyle.color(of: k)), k.plural))
        }
        let tieKinds = Set(view.ties.map(\.kind))
        for k in tieKinds.sorted() {
            legend.append(MapLegendEntry(.line(MapStyle.lineStyle(ofTieKind: k), width: 1.2), k))
        }
        legend.append(MapLegendEntry(.note, "node size: \(sizeLabel); line width: tie strength"))
        let m = view.network.manifest
        var caption = "\(view.filter.summary) · \(n) actors, \(view.graph.edgeCount) tied pairs"
        if let asOf = m.asOf { caption += " · data as of \(asOf)" }
        if m.illustrative == true { caption += " · illustrative data" }
        return MapDocument(
            title: options.title ?? m.title ?? m.name,
            caption: caption,
            isDirected: false,
            layout: options.layout ?? automaticLayout(vertexCount: n),
            seed: options.seed,
            nodes: nodes,
            edges: edges,
            legend: legend
        )
    }
}
