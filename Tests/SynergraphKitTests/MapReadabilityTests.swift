import Foundation
import Testing
@testable import SynergraphKit

/// ``MapReadability`` on hand-drawn geometries whose counts are worked out in the comments, and the
/// map builders of the readability work (aggregate, geographic, hub-less, refusals) on the tiny network.
@Suite struct MapReadabilityTests {
    func box(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> MapRect { MapRect(center: MapPoint(x: x, y: y), width: w, height: h) }
    func node(_ i: Int, _ x: Double, _ y: Double, size: Double = 20, label: MapRect? = nil, cluster: Int? = nil) -> MapGeometry.Node {
        MapGeometry.Node(index: i, box: box(x, y, size, size), label: label, cluster: cluster)
    }
    func edge(_ i: Int, _ s: Int, _ t: Int, _ points: [(Double, Double)]) -> MapGeometry.Edge {
        MapGeometry.Edge(index: i, source: s, target: t, path: points.map { MapPoint(x: $0.0, y: $0.1) }, label: nil)
    }
    let page = MapRect(minX: 0, minY: 0, maxX: 400, maxY: 400)

    /// Four nodes at the corners of a square, its two diagonals (one crossing) and two sides (sharing ends
    /// with the diagonals: no crossing).
    @Test func crossingsCountPairsThatCrossNotPairsThatMeet() {
        let nodes = [node(0, 0, 0), node(1, 100, 0), node(2, 100, 100), node(3, 0, 100)]
        let edges = [edge(0, 0, 2, [(0, 0), (100, 100)]), edge(1, 1, 3, [(100, 0), (0, 100)]),
                     edge(2, 0, 1, [(0, 0), (100, 0)]), edge(3, 2, 3, [(100, 100), (0, 100)])]
        let r = MapReadability(MapGeometry(nodes: nodes, clusters: [], edges: edges, legend: nil, bounds: page))
        #expect(r.edgeCrossings == 1 && r.ties == 4 && r.crossingsPerTie == 0.25)
        #expect(r.nodeOverlaps == 0 && r.edgesThroughNodes == 0)
    }

    /// A line from (0,0) to (200,0) through a 20-point node at (100,0) (counted), past a node at (100,30)
    /// (not counted), and its own ends (not counted). A segment clipping a box's corner but not its
    /// inscribed circle does not count.
    @Test func linesThroughNodesUseTheInscribedEllipse() {
        let nodes = [node(0, 0, 0), node(1, 200, 0), node(2, 100, 0), node(3, 100, 30)]
        let edges = [edge(0, 0, 1, [(0, 0), (200, 0)])]
        let r = MapReadability(MapGeometry(nodes: nodes, clusters: [], edges: edges, legend: nil, bounds: page))
        #expect(r.edgesThroughNodes == 1 && r.nodeOverlaps == 0)
        // Box [0,20]²; the segment x + y = 2 passes (1,1), inside the box, 12.7 points from the centre (radius 10).
        let corner = MapReadability.Segment(a: MapPoint(x: -2, y: 4), b: MapPoint(x: 4, y: -2))
        let square = MapRect(minX: 0, minY: 0, maxX: 20, maxY: 20)
        #expect(MapReadability.segment(corner, meets: square))
        #expect(!MapReadability.segment(corner, entersEllipseIn: square))
        #expect(MapReadability.segment(MapReadability.Segment(a: MapPoint(x: -5, y: 10), b: MapPoint(x: 25, y: 10)), entersEllipseIn: square))
    }

    @Test func labelsOverlapOtherLabelsAndOtherNodesButNotTheirOwnNode() {
        // Node 0's label lies in its own box (not counted) and reaches into node 1's box (counted);
        // node 2's label overlaps node 0's label; the legend overlaps node 3.
        let nodes = [node(0, 0, 0, size: 40, label: box(10, 0, 40, 10)), node(1, 38, 0, size: 20),
                     node(2, 0, 30, size: 20, label: box(0, 8, 20, 10)), node(3, 300, 300)]
        let r = MapReadability(MapGeometry(nodes: nodes, clusters: [], edges: [], legend: box(300, 300, 50, 50), bounds: page))
        #expect(r.labels == 3)
        #expect(r.labelOverlaps == 1, "node 2's label with node 0's")
        // (label 0, node 1), (label 2, node 0), (legend, node 3); label 0 ([−10,30]×[−5,5]) misses node 2 ([−10,10]×[20,40]).
        #expect(r.labelNodeOverlaps == 3)
    }

    @Test func boxesOverlapHoldTheirActorsAndTiesCrossForeignBoxes() {
        // Box 0 holds nodes 0 and 1; box 1 holds node 2 but node 3 (also of box 1) sticks out; box 2 sits
        // between 0 and 1 and holds node 4. The tie 0–2 runs through box 2; the tie 0–1 stays in box 0.
        let clusters = [MapGeometry.Cluster(index: 0, box: MapRect(minX: -20, minY: -20, maxX: 60, maxY: 20), label: nil),
                        MapGeometry.Cluster(index: 1, box: MapRect(minX: 180, minY: -20, maxX: 220, maxY: 20), label: nil),
                        MapGeometry.Cluster(index: 2, box: MapRect(minX: 90, minY: -20, maxX: 130, maxY: 20), label: nil),
                        MapGeometry.Cluster(index: 3, box: MapRect(minX: 120, minY: 10, maxX: 140, maxY: 40), label: nil)]
        let nodes = [node(0, 0, 0, cluster: 0), node(1, 40, 0, cluster: 0), node(2, 200, 0, cluster: 1),
                     node(3, 215, 0, cluster: 1), node(4, 110, -8, size: 10, cluster: 2)]
        let edges = [edge(0, 0, 2, [(0, 0), (200, 0)]), edge(1, 0, 1, [(0, 0), (40, 0)])]
        let r = MapReadability(MapGeometry(nodes: nodes, clusters: clusters, edges: edges, legend: nil, bounds: page))
        #expect(r.clusterOverlaps == 1, "boxes 2 and 3")
        #expect(r.actorsOutsideBox == 1, "node 3 reaches x = 225, past 220")
        #expect(r.tiesThroughForeignBoxes == 1)
        #expect(r.edgesThroughNodes == 1, "node 1 (40,0) of box 0, not one of the tie's ends; not node 4, 8 points off the tie with radius 5")
    }

    @Test func jsonHasSnakeCaseKeysAndRoundedRatios() throws {
        let nodes = [node(0, 0, 0), node(1, 100, 0), node(2, 100, 100), node(3, 0, 100)]
        let edges = [edge(0, 0, 2, [(0, 0), (100, 100)]), edge(1, 1, 3, [(100, 0), (0, 100)]), edge(2, 0, 1, [(0, 0), (100, 0)])]
        let r = MapReadability(MapGeometry(nodes: nodes, clusters: [], edges: edges, legend: nil, bounds: page))
        let text = ReadabilityText.json(r, layout: "neato layout", map: "m.svg")
        #expect(text.contains("\"crossings_per_tie\":0.333") && text.contains("\"edge_crossings\":1") && text.contains("\"layout\":\"neato layout\""))
        let table = ReadabilityText.table(r, layout: "neato layout", map: "m.svg")
        #expect(table.contains("edge crossings") && table.contains("1 (0.33 per line)"))
    }

    // MARK: Builders on the tiny network

    func tiny(_ filter: ViewFilter = ViewFilter()) throws -> NetworkView {
        try NetworkView(try NetworkLoader.load(path: FixturePaths.network("tiny")).network, filter: filter)
    }

    @Test func withoutHubLeavesOutTheHubAndItsTies() throws {
        let all = try tiny(), without = try tiny(ViewFilter(withoutHub: true))
        #expect(all.vertexCount == 7 && without.vertexCount == 6)
        #expect(!(0..<without.vertexCount).contains { without.node($0).id == "unpog" })
        // Six recorded ties, four of them the hub's (escap, nasc, exp-2, gov-npl); one co-participation tie.
        #expect(all.ties.count == 7 && without.ties.count == 3)
        #expect(without.filter.summary == "without the hub")
    }

    /// By country: KOR {unpog}, THA {escap}, NPL {nasc, tiri, exp-1, gov-npl}, LAO {exp-2}. Recorded tied
    /// pairs: KOR–THA 1, KOR–NPL 2 (nasc, gov-npl), KOR–LAO 1, inside NPL 2; escap–gov-npl met only at w1.
    @Test func aggregateByCountryCountsTiedPairsBetweenGroups() throws {
        let map = AggregateMapBuilder.build(view: try tiny(), by: .country)
        let doc = map.document
        #expect(doc.nodes.map(\.id) == ["group-kor", "group-tha", "group-npl", "group-lao"])
        let pairs = doc.edges.map { "\(doc.nodes[$0.source].id.dropFirst(6))-\(doc.nodes[$0.target].id.dropFirst(6)):\($0.tooltip)" }
        #expect(pairs == ["kor-tha:1 tied pair", "kor-npl:2 tied pairs", "kor-lao:1 tied pair"])
        let npl = doc.nodes[2]
        #expect(npl.wedges.map(\.share) == [1, 1, 1, 1] && npl.wedges.map(\.color) == [MapStyle.color(of: .school), MapStyle.color(of: .cso), MapStyle.color(of: .expert), MapStyle.color(of: .government)])
        #expect(npl.tooltip.hasSuffix("2 tied pairs inside") && npl.label.hasSuffix("\n4"))
        // Area grows with actors: width 0.25 + 1.1·√(n/4).
        #expect(abs(npl.size - 1.35) < 1e-9 && abs(doc.nodes[0].size - (0.25 + 1.1 * 0.5)) < 1e-9)
        #expect(doc.legend.contains(MapLegendEntry(.note, "not drawn: 1 pairs tied only by co-participation")))
        // Laid out: each circle at the top of its footprint, its name under it.
        let positions = MapLayoutPositions(nodes: Dictionary(uniqueKeysWithValues: doc.nodes.enumerated().map { ($1.id, MapPoint(x: Double($0) * 300, y: 0)) }),
                                           legend: nil, bounds: MapRect(minX: 0, minY: 0, maxX: 1000, maxY: 200))
        let pinned = map.pinned(positions)
        #expect(pinned.nodes.count == 8 && pinned.nodes[4].id == "group-kor-name" && pinned.nodes[4].shape == .plaintext)
        #expect(pinned.nodes[2].position!.y > pinned.nodes[6].position!.y && pinned.nodes[2].label.isEmpty)
    }

    @Test func geoPlacesActorsNearTheirCountriesAndClearOfEachOther() throws {
        let view = try tiny()
        let doc = NetworkMapBuilder.build(view: view, options: MapOptions(labels: .all))
        let result = GeoLayout.pin(doc, view: view)
        let out = result.document
        #expect(result.offMap.isEmpty && result.unplaced == 0)
        // Four country names after the seven actors.
        #expect(out.nodes.count == 11 && out.nodes[7...].allSatisfy { $0.shape == .plaintext })
        func at(_ id: String) -> MapPoint { out.nodes.first { $0.id == id }!.position! }
        // Korea east of Nepal, Thailand south of Nepal; Nepal's actors nearer each other than to Korea's.
        #expect(at("unpog").x > at("nasc").x && at("escap").y < at("nasc").y)
        #expect(FileLayout.distance(at("nasc"), at("gov-npl")) < FileLayout.distance(at("nasc"), at("unpog")))
        // Samoa (172° W) lies east of Tonga (175° W), both east of 180°; the United States is off the map.
        let samoa = GeoLayout.project(latitude: -13.58, longitude: -172.33), tonga = GeoLayout.project(latitude: -20, longitude: -175)
        #expect(samoa.point.x > tonga.point.x && !samoa.clamped)
        #expect(GeoLayout.project(latitude: 38, longitude: -97).clamped)
        // No two actors' boxes (as estimated) overlap.
        let boxes = out.nodes.prefix(7).map { MapRect(center: $0.position!, width: GeoLayout.footprint($0), height: GeoLayout.footprint($0)) }
        #expect(MapReadability.overlappingPairs(boxes).isEmpty)
    }

    @Test func refusalsNameALayoutThatWorksAndForce() {
        let edges = (0..<604).map { MapEdge(source: $0 % 193, target: ($0 * 7 + 1) % 193) }
        let nodes = (0..<193).map { MapNode(id: "n\($0)", label: "") }
        let circo = MapDocument(layout: .circo, nodes: nodes, edges: edges)
        let refusal = LayoutCost.refusal(for: circo, timeout: 120)
        #expect(refusal?.alternative == .sfdp)
        #expect(refusal?.description.contains("--force") == true && refusal?.description.contains("--layout sfdp") == true)
        #expect(LayoutCost.refusal(for: MapDocument(layout: .circo, nodes: nodes, edges: Array(edges.prefix(156))), timeout: 120) == nil)
        // dot on 1,409 ties (over 120 s measured) is refused; on 604 (8 s) it is not; sfdp never is.
        let dense = (0..<1409).map { MapEdge(source: $0 % 193, target: ($0 * 7 + 1) % 193) }
        #expect(LayoutCost.refusal(for: MapDocument(layout: .dot, nodes: nodes, edges: dense), timeout: 120) != nil)
        #expect(LayoutCost.refusal(for: MapDocument(layout: .dot, nodes: nodes, edges: edges), timeout: 120) == nil)
        #expect(LayoutCost.refusal(for: MapDocument(layout: .sfdp, nodes: nodes, edges: dense), timeout: 1) == nil)
        // A pinned map is only drawn.
        var pinned = MapDocument(layout: .neato, nodes: nodes, edges: dense)
        pinned.nodes[0].position = MapPoint(x: 0, y: 0)
        #expect(LayoutCost.refusal(for: pinned, timeout: 0.001) == nil)
    }

    @Test func defaultMapLeavesOutPairsTiedOnlyByCoParticipation() throws {
        let view = try tiny()
        let doc = NetworkMapBuilder.build(view: view, options: MapOptions(hubLines: true))
        let drawn = NetworkMapBuilder.build(view: view, options: MapOptions(coParticipationLines: true, hubLines: true))
        #expect(doc.edges.count == 6 && drawn.edges.count == 7)
        #expect(doc.legend.contains(MapLegendEntry(.note, "not drawn: 1 pairs tied only by co-participation")))
        #expect(!doc.legend.contains { $0.text == "co-participation" } && drawn.legend.contains { $0.text == "co-participation" })
    }

    @Test func defaultMapOutlinesTheHubsPartnersInsteadOfDrawingItsLines() throws {
        let view = try tiny()
        let doc = NetworkMapBuilder.build(view: view)
        // tiny's hub unpog is tied to escap, nasc, exp-2 and gov-npl (ties.csv): those four lines are not drawn.
        let id = { (i: Int) in doc.nodes[i].id }
        let drawnPairs = Set(doc.edges.map { [id($0.source), id($0.target)].sorted().joined(separator: "–") })
        #expect(drawnPairs == ["exp-1–nasc", "gov-npl–nasc"])
        let outlined = Set(doc.nodes.filter { $0.outline == NetworkMapBuilder.hubPartnerOutline }.map(\.id))
        #expect(outlined == ["escap", "nasc", "expert-2", "gov-npl"])
        #expect(doc.nodes.first { $0.id == "unpog" }?.outline == nil)
        #expect(doc.legend.contains { $0.swatch == .outline(NetworkMapBuilder.hubPartnerOutline.color) && $0.text.hasSuffix("(its 4 lines not drawn)") })
        #expect(doc.caption.contains("(2 drawn)"))
        // --hub-lines draws them and outlines nobody; a map focused on an actor always draws them.
        let withLines = NetworkMapBuilder.build(view: view, options: MapOptions(hubLines: true))
        #expect(withLines.edges.count == 6 && withLines.nodes.allSatisfy { $0.outline == nil })
        let focused = NetworkMapBuilder.build(view: try tiny(ViewFilter(focus: "unpog")))
        #expect(focused.edges.contains { e in focused.nodes[e.source].id == "unpog" || focused.nodes[e.target].id == "unpog" })
        // A network without a hub is drawn as before.
        var noHub = try NetworkLoader.load(path: FixturePaths.network("tiny")).network
        noHub.manifest.hub = nil
        let plain = NetworkMapBuilder.build(view: try NetworkView(noHub))
        #expect(plain.edges.count == 6 && plain.nodes.allSatisfy { $0.outline == nil })
    }
}
