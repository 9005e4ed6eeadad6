import Foundation
import Testing
@testable import SynergraphKit

/// The summary numbers of the tiny fixture, worked out by hand.
///
/// Undirected simple graph (U = unpog, E = escap, N = nasc, G = gov-npl, X1 = exp-1, X2 = exp-2, T = tiri):
/// U–E, U–N, N–G, X1–N, X2–U, U–G (funding), and E–G from co-participation in workshop w1. T is isolated.
/// Betweenness (each unordered pair once): every path from X2 passes U (4 pairs: E, N, G, X1; X2–X1 also
/// passes N); every path from X1 passes N (4 pairs); X1–E has two shortest paths, via U and via G (½ each);
/// E–N has two, via U and via G (½ each). So U = 4 + ½ + ½ = 5, N = 1 + 3 = 4, G = ½ + ½ = 1; normalised by
/// (n−1)(n−2)/2 = 15 for n = 7: U = 1/3, N = 4/15, G = 1/15.
@Suite struct SummaryTests {
    let network = try! NetworkLoader.load(path: FixturePaths.network("tiny")).network

    @Test func wholeNetworkSummary() throws {
        let s = NetworkSummary(view: try NetworkView(network))
        #expect(s.nodes == 7)
        #expect(s.ties == 6)
        #expect(s.coParticipationTies == 1)
        #expect(s.edges == 7)
        #expect(abs(s.density - 7.0 / 21.0) < 1e-15)
        #expect(s.components == 2)
        #expect(s.largestComponent == 6)
        #expect(s.nodesByKind.map { "\($0.label)=\($0.count)" } == ["agency=2", "school=1", "cso=1", "expert=2", "government=1"])
        #expect(s.tiesByKind.map { "\($0.label)=\($0.count)" } == ["affiliation=2", "partnership=2", "co-participation=1", "engagement=1", "funding=1"])
        #expect(s.isolated.map(\.id) == ["tiri"])
        #expect(s.topByDegree.map { "\($0.id)=\(Int($0.value))" } == ["unpog=4", "nasc=3", "gov-npl=3", "escap=2", "exp-1=1", "expert-2=1", "tiri=0"])
        #expect(s.topByBetweenness.map(\.id) == ["unpog", "nasc", "gov-npl"])
        let expected = [1.0 / 3.0, 4.0 / 15.0, 1.0 / 15.0]
        for (r, e) in zip(s.topByBetweenness, expected) { #expect(abs(r.value - e) < 1e-12) }
    }

    /// Above the exact budget the ranking is estimated by sampling shortest paths, within ε of the exact values
    /// (here the hand-worked 1/3, 4/15 and 1/15 above, forced with a budget of 0); below it, exact, and the
    /// JSON has no estimate key.
    @Test func largeViewsEstimateBetweennessAndSaySo() throws {
        let exact = NetworkSummary(view: try NetworkView(network))
        #expect(exact.betweennessEstimate == nil)
        #expect(!(try exact.json()).contains("betweenness_estimate"))
        #expect(!exact.text.contains("estimated"))
        let s = NetworkSummary(view: try NetworkView(network), exactBetweennessBudget: 0)
        let e = try #require(s.betweennessEstimate)
        #expect(e.epsilon == 0.01 && e.delta == 0.1 && e.seed == 1 && e.samples > 1000)
        let expected = ["unpog": 1.0 / 3.0, "nasc": 4.0 / 15.0, "gov-npl": 1.0 / 15.0]
        #expect(Set(s.topByBetweenness.prefix(3).map(\.id)) == Set(expected.keys))
        for r in s.topByBetweenness { #expect(abs(r.value - (expected[r.id] ?? 0)) <= e.epsilon, "\(r.id) \(r.value)") }
        #expect(s.text.contains("estimated from \(e.samples) sampled shortest paths"))
        #expect(try s.json().contains("\"betweenness_estimate\""))
        // Same seed, same bytes.
        #expect(try NetworkSummary(view: try NetworkView(network), exactBetweennessBudget: 0).json() == (try s.json()))
    }

    @Test func expertsWithoutConsentAreNeverNamed() throws {
        let s = NetworkSummary(view: try NetworkView(network))
        let text = s.text + (try s.json())
        #expect(!text.contains("Secret Person"))
        #expect(!text.contains("exp-2"))
        #expect(text.contains("Expert 2"))
        #expect(text.contains("Dr. Ana Fictional"))
        let all = NetworkSummary(view: try NetworkView(network), showAllNames: true)
        #expect(all.text.contains("Secret Person"))
    }

    /// A tie that ends on the last day of 2025Q2 is not in 2025Q3; open-ended ties are; the workshop of
    /// March is not; the isolated CSO has nothing in the quarter and is left out.
    @Test func quarterViewSlicesAtTheBoundary() throws {
        let q3 = try NetworkView(network, filter: ViewFilter(window: Quarter("2025Q3")!.window))
        #expect(q3.nodes.map { network.nodes[$0].id } == ["unpog", "escap", "nasc", "exp-1", "exp-2", "gov-npl"])
        #expect(q3.ties.compactMap(\.modelTie) == [0, 1, 3, 4, 5])
        #expect(q3.activities.isEmpty)
        let q2 = try NetworkView(network, filter: ViewFilter(window: Quarter("2025Q2")!.window))
        #expect(q2.ties.compactMap(\.modelTie) == [0, 1, 2, 3, 4, 5])
        let q1 = try NetworkView(network, filter: ViewFilter(window: Quarter("2025Q1")!.window))
        #expect(q1.ties.filter { $0.modelTie == nil }.count == 1)
        let all = try NetworkView(network, filter: ViewFilter(window: Quarter("2025Q3")!.window, allNodes: true))
        #expect(all.vertexCount == 7)
    }

    @Test func kindCountryAndTieKindFilters() throws {
        let schoolsAndGov = try NetworkView(network, filter: ViewFilter(kinds: [.school, .government]))
        #expect(schoolsAndGov.nodes.map { network.nodes[$0].id } == ["nasc", "gov-npl"])
        #expect(schoolsAndGov.graph.edgeCount == 1)
        let nepal = try NetworkView(network, filter: ViewFilter(countries: ["NPL"], tieKinds: ["affiliation", "engagement"]))
        #expect(nepal.nodes.map { network.nodes[$0].id } == ["nasc", "tiri", "exp-1", "gov-npl"])
        #expect(nepal.graph.edgeCount == 2)
        let strong = try NetworkView(network, filter: ViewFilter(minWeight: 2))
        #expect(strong.ties.map(\.kind) == ["partnership", "partnership", "funding"])
    }

    @Test func directedGraphFollowsTheManifestsDirectedKinds() throws {
        let view = try NetworkView(network)
        let d = view.directedGraph()
        let u = Int(view.vertexOfNode[network.nodeIndex["unpog"]!])
        let g = Int(view.vertexOfNode[network.nodeIndex["gov-npl"]!])
        #expect(d.neighbours(of: u).contains(Int32(g)))
        // gov-npl's out-arcs: back to nasc (engagement) and escap (co-participation), not to unpog (funding is one-way).
        #expect(!d.neighbours(of: g).contains(Int32(u)))
    }

    @Test func focusKeepsTheEgoNetwork() throws {
        let ids = { (v: NetworkView) in v.nodes.map { self.network.nodes[$0].id } }
        let ego = try NetworkView(network, filter: ViewFilter(focus: "nasc"))
        #expect(ids(ego) == ["unpog", "nasc", "exp-1", "gov-npl"])
        #expect(ego.graph.edgeCount == 4)
        let two = try NetworkView(network, filter: ViewFilter(focus: "nasc", radius: 2))
        #expect(ids(two) == ["unpog", "escap", "nasc", "exp-1", "exp-2", "gov-npl"])
        let alias = try NetworkView(network, filter: ViewFilter(focus: "expert-2"))
        #expect(ids(alias) == ["unpog", "exp-2"])
        #expect(throws: ViewError.unknownFocus("nope")) { try NetworkView(network, filter: ViewFilter(focus: "nope")) }
        #expect(throws: ViewError.focusFilteredOut("tiri")) { try NetworkView(network, filter: ViewFilter(kinds: [.school], focus: "tiri")) }
    }

    @Test func topKeepsTheMostCentralAndTheTiesAmongThem() throws {
        let top = try NetworkView(network, filter: ViewFilter(top: 3, topBy: .degree))
        #expect(top.nodes.map { network.nodes[$0].id } == ["unpog", "nasc", "gov-npl"])
        #expect(top.graph.edgeCount == 3)
    }

    @Test func quarterParsing() {
        #expect(Quarter("2025Q3")?.firstDay == Day(iso: "2025-07-01"))
        #expect(Quarter("2025q4")?.lastDay == Day(iso: "2025-12-31"))
        #expect(Quarter("2024Q1")?.lastDay == Day(iso: "2024-03-31"))
        #expect(Quarter("2025Q5") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2025-02-29") == nil)
        #expect(Day(iso: "2025-1-01") == nil)
        #expect(Day(iso: "1969-12-31")?.daysSinceEpoch == -1)
        #expect(Day(iso: "2000-03-01")?.description == "2000-03-01")
    }
}
