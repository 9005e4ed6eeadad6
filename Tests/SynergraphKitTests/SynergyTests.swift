import Foundation
import Testing
@testable import SynergraphKit

/// The five-node network of Docs/synergy-and-gaps.md, worked by hand.
///
///     asia-agency (agency, THA) ── lao-school (school, LAO) ── exp-1 (expert, LAO, no consent)
///          │         └──────────── lao-ministry (government, LAO) ──┘
///     tha-cso (cso, THA)
///
/// Ties: agency–school, agency–ministry, agency–cso (partnerships), exp-1 → school (affiliation),
/// ministry–exp-1 (engagement). Degrees: agency 3, school 2, ministry 2, cso 1, expert 2.
enum FiveNodes {
    static var network: Network {
        let nodes = [
            Node(id: "asia-agency", name: "Asia Agency", kind: .agency, scope: .regional, country: "THA", sdgs: [16, 17], accomplishments: [.ea1, .ea2], sectors: ["digital government"]),
            Node(id: "lao-school", name: "Lao School", kind: .school, country: "LAO", sdgs: [16], accomplishments: [.ea1], sectors: ["public administration", "digital government"]),
            Node(id: "lao-ministry", name: "Lao Ministry", kind: .government, country: "LAO", sdgs: [16], accomplishments: [.ea1, .ea3], sectors: ["public administration"]),
            Node(id: "tha-cso", name: "Thai CSO", kind: .cso, country: "THA", sdgs: [5, 16], accomplishments: [.ea3], sectors: ["open government"]),
            Node(id: "exp-1", name: "Secret Person", kind: .expert, country: "LAO", accomplishments: [.ea1], sectors: ["digital government"],
                 consent: false, attributes: [(key: "experience", value: "LAO;THA")]),
        ]
        let ties = [
            Tie(source: "asia-agency", target: "lao-school"), Tie(source: "asia-agency", target: "lao-ministry"),
            Tie(source: "asia-agency", target: "tha-cso"), Tie(source: "exp-1", target: "lao-school", kind: "affiliation"),
            Tie(source: "lao-ministry", target: "exp-1", kind: "engagement"),
        ]
        return Network(manifest: Manifest(name: "five", targetCountries: ["LAO"], hub: "asia-agency"), nodes: nodes, ties: ties)
    }

    static func scorer(_ config: SynergyConfig = SynergyConfig()) throws -> SynergyScorer {
        SynergyScorer(view: try NetworkView(network), config: config)
    }
    // Vertices in model order: 0 agency, 1 school, 2 ministry, 3 cso, 4 expert.
}

@Suite struct SynergyComponentTests {
    @Test func profilesFollowTheWorksInRule() throws {
        let s = try FiveNodes.scorer()
        func countries(_ v: Int) -> [String] { s.profiles[v].countries.map { s.profiles.countryCodes[Int($0)] }.sorted() }
        // Agency (regional, so it reaches abroad): THA (home) + LAO (school, ministry: national actors) + THA (cso).
        // School and ministry are national: their home only (a tie to the Thai agency does not make them work in Thailand).
        #expect(countries(0) == ["LAO", "THA"])
        #expect(countries(1) == ["LAO"])
        #expect(countries(2) == ["LAO"])
        #expect(countries(3) == ["THA"])
        // Expert: LAO (home, school, ministry) + experience LAO;THA.
        #expect(countries(4) == ["LAO", "THA"])
    }

    @Test func schoolAndMinistryByHand() throws {
        let s = try FiveNodes.scorer()
        let p = s.score(1, 2)
        #expect(!p.tied)
        // Thematic: SDGs {16} vs {16} → 1; EAs {EA1} vs {EA1, EA3} → 1/2; sectors {pa, dg} vs {pa} → 1/2.
        // T = (0.25 · 1 + 0.35 · 0.5 + 0.40 · 0.5) / 1.0 = 0.625.
        #expect(abs(p.components.thematic - 0.625) < 1e-12)
        // Geographic: {LAO, THA} vs {LAO, THA}: 2 / min(2, 2) = 1.
        #expect(p.components.geographic == 1)
        // Complementarity school + government: 0.9.
        #expect(p.components.complementarity == 0.9)
        // Shared partners: agency (degree 3) and expert (degree 2): AA = 1/ln 3 + 1/ln 2 ≈ 2.352934; S = 1 − e^−AA ≈ 0.904909.
        let aa = 1 / log(3.0) + 1 / log(2.0)
        #expect(abs(p.evidence.adamicAdar - aa) < 1e-12)
        #expect(abs(p.components.structural - (1 - exp(-aa))) < 1e-12)
        #expect(p.evidence.sharedPartners == [0, 4])
        // Constraint: the school now has 2 unconnected partners, c = 2 · (1/2)² = 0.5. With the tie it has 3
        // (p = 1/3) and the new partner is tied to both others: c = (4/9)² + (4/9)² + (11/18)² = 249/324 —
        // higher, so no drop (ρ = 0). The ministry is symmetric.
        #expect(abs(p.evidence.constraintWithoutA! - 0.5) < 1e-12)
        #expect(abs(p.evidence.constraintWithA! - 249.0 / 324.0) < 1e-12)
        // Communities: with m = 5 edges and degrees 3, 2, 2, 1, 2, the splits {agency, cso} | {school, ministry, expert},
        // {agency, cso, school} | {ministry, expert} and {agency, cso, ministry} | {school, expert} all have
        // modularity (1/5 − 0.4²) + (2/5 − 0.6²) = 0.08; Louvain (seed 1) returns the second. So X = 1, B = ½ · 1 + ½ · 0 = 0.5.
        #expect(s.communities.communityOf == [0, 0, 1, 0, 1])
        #expect(abs(s.communities.modularity! - 0.08) < 1e-12)
        #expect(p.components.bridging == 0.5)
        // Total = 0.30 · 0.625 + 0.20 · 1 + 0.20 · 0.9 + 0.15 · 0.904909 + 0.15 · 0.5 ≈ 0.778236.
        let total = 0.30 * 0.625 + 0.20 + 0.20 * 0.9 + 0.15 * (1 - exp(-aa)) + 0.15 * 0.5
        #expect(abs(p.total - total) < 1e-12)
        #expect(p.reason == "Both work on public administration (SDG 16; EA1) in Lao PDR. A school and a government body complement each other. They share 2 partners, Asia Agency and Expert 1. The tie would join communities 0 and 1.")
        // Closure: same country, complementary kinds, a common sector; the agency is not the hub... it is: only the expert is shared besides it.
        #expect(p.strategy == .closure)
        #expect(p.strategyReason == "Closure: both are based in Lao PDR, yet they have no tie; their rarest common topic is public administration (2 actors of the view work on it).")
        #expect(!p.reason.contains("Secret Person"))
    }

    @Test func csoAndExpertBridgingByHand() throws {
        let s = try FiveNodes.scorer()
        let p = s.score(3, 4)
        // Thematic: SDGs {5, 16} vs {} → 0; EA {EA3} vs {EA1} → 0; sectors → 0. T = 0.
        #expect(p.components.thematic == 0)
        // Geographic: {THA} vs {LAO, THA}: 1 / 1 = 1. Complementarity cso + expert 0.6. No shared partner: S = 0.
        #expect(p.components.geographic == 1 && p.components.complementarity == 0.6 && p.components.structural == 0)
        // Constraint: cso 1 → 2 · (1/2)² = 0.5 (drop 1/2); expert 0.5 → 3 · (1/3)² = 1/3 (drop 1/3). ρ = 5/12.
        #expect(abs(p.evidence.constraintWithoutA! - 1) < 1e-12 && abs(p.evidence.constraintWithA! - 0.5) < 1e-12)
        #expect(abs(p.evidence.constraintWithB! - 1.0 / 3.0) < 1e-12)
        let cross = s.communities.communityOf[3] != s.communities.communityOf[4]
        #expect(cross)
        // B = ½ · 1 + ½ · 5/12 = 17/24.
        #expect(abs(p.components.bridging - 17.0 / 24.0) < 1e-12)
        // Total = 0.20 · 1 + 0.20 · 0.6 + 0.15 · 17/24 = 0.32 + 0.10625 = 0.42625.
        #expect(abs(p.total - 0.42625) < 1e-12)
        #expect(p.reason.hasSuffix("The tie would join communities 0 and 1 and lower both actors' constraint (−50%, −33%)."))
        // Thai CSO and Expert 1: different kinds and communities, no common sector: bridging.
        #expect(p.strategy == .bridging)
        #expect(p.strategyReason == "Bridging: across communities, countries (Thailand – Lao PDR) and kinds.")
    }

    @Test func realisedSynergyOfATie() throws {
        let s = try FiveNodes.scorer()
        let p = s.score(0, 3)
        #expect(p.tied)
        // The cso's only tie: without it the cso has no partner (c taken as 1); with it c = 1: no drop.
        #expect(p.evidence.constraintWithoutA != nil)
        #expect(p.total > 0 && p.total <= 1)
        let summary = s.summary(threads: 1)
        #expect(summary.ties == 5)
        // Every tie joins two kinds: E = 5, I = 0 → E-I = 1.
        #expect(summary.crossKindShare == 1 && summary.eiIndex == 1)
    }

    @Test func componentFunctions() {
        var t = ComplementarityTable()
        #expect(t.value(.school, .agency) == 0.9 && t.value(.agency, .school) == 0.9)
        #expect(t.value(.cso, .cso) == 0.3 && t.value(.other, .school) == 0.5)
        t.set(.cso, .cso, 0.1)
        #expect(t.value(.cso, .cso) == 0.1)
        #expect(StructuralProximity.score(adamicAdar: 0) == 0)
        #expect(BridgingValue.drop(without: 0.5, with: 0.75) == 0)
        #expect(BridgingValue.drop(without: nil, with: 0.5) == 0.5)
        #expect(BridgingValue.score(crossCommunity: true, constraintDrop: 1) == 1)
    }

    @Test func introductionsAreUntiedAndRanked() throws {
        let s = try FiveNodes.scorer()
        let list = s.recommendedIntroductions(count: 3, threads: 2)
        #expect(list.introductions.count == 3)
        #expect(list.search.strategy == "exhaustive" && list.search.candidatePairs == 5)
        for p in list.introductions { #expect(!p.tied) }
        #expect(list.introductions.map(\.total) == list.introductions.map(\.total).sorted(by: >))
        // The school–ministry pair (0.778) is the best of the 5 untied pairs.
        #expect(list.introductions[0].a == 1 && list.introductions[0].b == 2)
        // For one actor: every other untied actor, best first.
        let forCSO = s.recommendedIntroductions(count: 10, for: 3)
        #expect(forCSO.introductions.map(\.b).sorted() == [1, 2, 4])
        #expect(forCSO.introductions.allSatisfy { $0.a == 3 })
    }

    @Test func neighbourhoodSearchAgreesWithExhaustive() throws {
        // A ring of 60 actors with chords: force the neighbourhood strategy and compare its top with the exhaustive one
        // restricted to the same candidates' rule: every pair in the top must be 2 hops apart or share a rare tag.
        var nodes: [Node] = []
        var ties: [Tie] = []
        for i in 0..<60 {
            nodes.append(Node(id: "n\(i)", name: "N\(i)", kind: [.agency, .school, .cso, .government][i % 4], country: ["LAO", "NPL", "THA"][i % 3],
                              sdgs: [16, i % 17 + 1], accomplishments: [[.ea1], [.ea2], [.ea3]][i % 3], sectors: ["s\(i % 5)"]))
            ties.append(Tie(source: "n\(i)", target: "n\((i + 1) % 60)"))
            if i % 7 == 0 { ties.append(Tie(source: "n\(i)", target: "n\((i + 13) % 60)")) }
        }
        let view = try NetworkView(Network(manifest: Manifest(name: "ring"), nodes: nodes, ties: ties))
        var small = SynergyConfig()
        small.exhaustivePairLimit = 10
        let neighbourhood = SynergyScorer(view: view, config: small).recommendedIntroductions(count: 5, threads: 2)
        let exhaustive = SynergyScorer(view: view).recommendedIntroductions(count: 200, threads: 1)
        #expect(neighbourhood.search.strategy == "neighbourhood")
        #expect(neighbourhood.search.candidatePairs < exhaustive.search.candidatePairs)
        // Each neighbourhood pick has the same score as in the exhaustive scan, and they are in order.
        for p in neighbourhood.introductions {
            #expect(exhaustive.introductions.contains { $0.a == p.a && $0.b == p.b && abs($0.total - p.total) < 1e-12 })
        }
        // Threads do not change the result.
        let one = SynergyScorer(view: view, config: small).recommendedIntroductions(count: 5, threads: 1)
        #expect(one.introductions.map(\.total) == neighbourhood.introductions.map(\.total))
    }
}

@Suite struct SynergyConfigTests {
    @Test func overridesAndDefaults() throws {
        let c = try SynergyConfig.parse(Data("""
            {"weights": {"thematic": 1, "bridging": 0}, "complementarity": {"school+agency": 0.5}, "seed": 7}
            """.utf8))
        #expect(c.weights.thematic == 1 && c.weights.bridging == 0 && c.weights.geographic == 0.20)
        #expect(c.complementarity.value(.agency, .school) == 0.5)
        #expect(c.seed == 7)
    }

    @Test func badConfigsAreClearErrors() {
        func error(_ json: String) -> SynergyConfigError? {
            do { _ = try SynergyConfig.parse(Data(json.utf8), path: "c.json"); return nil } catch { return error }
        }
        #expect(error(#"{"weight": {}}"#) == .unknownKey(path: "c.json", key: "weight", allowed: ["weights", "thematic", "complementarity", "experts", "seed"]))
        #expect(error(#"{"weights": {"thematc": 1}}"#)?.description.contains("unknown key \"weights.thematc\"") == true)
        #expect(error(#"{"weights": {"thematic": -0.5}}"#) == .negativeWeight(path: "c.json", key: "weights.thematic", value: -0.5))
        #expect(error(#"{"weights": {"thematic": true}}"#) == .notANumber(path: "c.json", key: "weights.thematic"))
        #expect(error(#"{"complementarity": {"school+robot": 0.5}}"#) == .badKindPair(path: "c.json", key: "complementarity.school+robot"))
        #expect(error(#"{"complementarity": {"school+cso": 1.5}}"#) == .outOfRange(path: "c.json", key: "complementarity.school+cso", value: 1.5))
        #expect(error(#"{"weights": {"thematic": 0, "geographic": 0, "complementarity": 0, "structural": 0, "bridging": 0}}"#) == .allWeightsZero(path: "c.json", section: "weights"))
        #expect(error("[1]") != nil && error("not json") != nil)
    }
}
