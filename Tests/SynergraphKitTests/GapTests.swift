import Foundation
import Testing
@testable import SynergraphKit

/// A small network with planted gaps: each is found and nothing else is reported.
enum PlantedGaps {
    static var network: Network {
        let recent = Day(iso: "2026-02-01")!
        let old = Day(iso: "2020-01-01")!
        let all: [Accomplishment] = [.ea1, .ea2, .ea3]
        let pd = ["public administration", "digital government"]
        let nodes = [
            Node(id: "hub", name: "Hub Office", kind: .agency, scope: .international, country: "KOR", accomplishments: all, sectors: pd),
            Node(id: "lao-school", name: "Lao School", kind: .school, country: "LAO", accomplishments: all, sectors: pd),
            Node(id: "lao-gov", name: "Lao Ministry", kind: .government, country: "LAO", accomplishments: all, sectors: pd),
            Node(id: "lao-cso", name: "Lao CSO", kind: .cso, country: "LAO", accomplishments: all, sectors: pd),
            Node(id: "tls-gov", name: "Timor Ministry", kind: .government, country: "TLS", accomplishments: [.ea1, .ea2], sectors: ["public administration"]),
            Node(id: "reg", name: "Regional Agency", kind: .agency, scope: .regional, country: "THA", accomplishments: all, sectors: pd + ["statistics"]),
            Node(id: "gate", name: "Gate School", kind: .school, country: "KOR", accomplishments: all, sectors: pd),
            Node(id: "x1", name: "Behind One", kind: .cso, country: "KOR", accomplishments: all, sectors: pd),
            Node(id: "x2", name: "Behind Two", kind: .agency, scope: .national, country: "KOR", accomplishments: all, sectors: pd),
            Node(id: "old-partner", name: "Old Partner", kind: .cso, country: "KOR", accomplishments: all, sectors: pd),
            Node(id: "lonely", name: "Lonely CSO", kind: .cso, country: "KOR", accomplishments: all, sectors: pd),
            Node(id: "e1", name: "Ann Named", kind: .expert, country: "LAO", accomplishments: all, sectors: pd, consent: true,
                 attributes: [(key: "experience", value: "LAO;TLS")]),
            Node(id: "e2", name: "Secret Person", kind: .expert, country: "LAO", accomplishments: all, sectors: pd, consent: false),
        ]
        func t(_ a: String, _ b: String, _ kind: String = "partnership", since: Day = recent) -> Tie { Tie(source: a, target: b, kind: kind, since: since) }
        let ties = [
            t("hub", "lao-school"), t("hub", "lao-gov"), t("hub", "lao-cso"), t("lao-cso", "lao-school"), t("lao-school", "lao-gov"),
            t("hub", "tls-gov"), t("reg", "tls-gov"), t("reg", "lao-gov"), t("hub", "reg"),
            t("gate", "hub"), t("gate", "lao-school"), t("gate", "x1"), t("gate", "x2"), t("x1", "x2"),
            t("hub", "old-partner", since: old),
            t("e1", "lao-school", "affiliation"), t("hub", "e1", "engagement"),
            t("hub", "e2", "engagement"), t("lao-gov", "e2", "engagement"),
        ]
        return Network(manifest: Manifest(name: "planted", targetCountries: ["LAO", "TLS"], hub: "hub", asOf: Day(iso: "2026-09-30")),
                       nodes: nodes, ties: ties)
    }
}

@Suite struct GapTests {
    struct Key: Hashable, CustomStringConvertible {
        var category: GapCategory
        var country: String?
        var subject: String
        var description: String { "\(category.rawValue) \(country ?? "-") \(subject)" }
    }

    @Test func plantedGapsAreFoundAndNothingElse() throws {
        let scorer = SynergyScorer(view: try NetworkView(PlantedGaps.network))
        let report = GapReport(scorer: scorer)
        let found = report.gaps.map { Key(category: $0.category, country: $0.country, subject: $0.subject) }
        let expected: [Key] = [
            Key(category: .missingKind, country: "TLS", subject: "school"),              // 0.90
            Key(category: .missingCounterpart, country: "TLS", subject: "EA3"),          // 0.85
            Key(category: .missingKind, country: "TLS", subject: "cso"),                 // 0.80
            Key(category: .expertTopic, country: nil, subject: "statistics"),            // 0.75
            Key(category: .broker, country: nil, subject: "gate"),                       // 0.60 + 0.25 · 2/10 = 0.65
            Key(category: .dormant, country: nil, subject: "old-partner"),               // 0.50
            Key(category: .isolated, country: nil, subject: "lonely"),                   // 0.45
            Key(category: .unaffiliatedExpert, country: nil, subject: "expert-2"),       // 0.35 (no consent: expert-2)
        ]
        #expect(found == expected, "\(found)")
        #expect(report.gaps.map(\.severity) == [0.90, 0.85, 0.80, 0.75, 0.65, 0.50, 0.45, 0.35])
        let broker = report.gaps[4]
        #expect(broker.detail == "its loss cuts off Behind One and Behind Two")
        // Fillers: up to three, each an introduction that would fill the gap.
        let school = report.gaps[0]
        #expect(!school.fillers.isEmpty && school.fillers.count <= 3)
        for f in school.fillers {
            let kinds = Set([f.id, f.partnerID!].map { scorer.view.network.node($0)!.kind })
            #expect(kinds.contains(.school))
            #expect([f.id, f.partnerID!].contains("tls-gov"))
        }
        for f in broker.fillers {
            let inside = ["x1", "x2"]
            #expect(inside.contains(f.id) != inside.contains(f.partnerID!))
        }
        // The dormancy window: from the first day of 2025Q3 (four quarters before 2026Q3).
        #expect(report.activeSince == Day(iso: "2025-07-01"))
        // Privacy: no output names the expert without consent.
        for format in ReportOutputFormat.allCases {
            #expect(!report.render(format, scorer: scorer).contains("Secret Person"))
        }
    }

    @Test func coverageCountsAndDemand() throws {
        let scorer = SynergyScorer(view: try NetworkView(PlantedGaps.network))
        let m = CoverageMatrix(scorer: scorer, countries: ["TLS", "LAO"])
        // Organisations working in TLS: the regional agency (tied to the Timor ministry); the hub is the office
        // itself, not a partner, and is not counted.
        #expect(m.cell("TLS", "EA3")?.organisations.sorted() == ["reg"])
        // Experts working in TLS: Ann Named (experience LAO;TLS).
        #expect(m.cell("TLS", "EA1")?.experts == ["e1"])
        // Statistics is listed only by the regional agency, and nobody asks for it in TLS or LAO.
        #expect(m.cell("TLS", "statistics")?.demanded == false)
        #expect(m.cell("LAO", "digital government")?.demanded == true)
    }

    @Test func noTargetCountriesIsAStatedWarning() throws {
        var network = PlantedGaps.network
        network.manifest.targetCountries = []
        let report = GapReport(scorer: SynergyScorer(view: try NetworkView(network)))
        #expect(report.warnings.contains { $0.contains("no target countries") })
        #expect(!report.gaps.contains { $0.country != nil })
        let unknown = GapReport(scorer: SynergyScorer(view: try NetworkView(PlantedGaps.network)), countries: ["KIR"])
        #expect(unknown.warnings.contains { $0.contains("Kiribati") })
    }

    @Test func bundledNetworkPlantedGaps() throws {
        let network = try BundledNetwork.load().network
        let scorer = SynergyScorer(view: try NetworkView(network))
        let report = GapReport(scorer: scorer)
        func has(_ c: GapCategory, _ country: String?, _ subject: String) -> Gap? {
            report.gaps.first { $0.category == c && $0.country == country && $0.subject == subject }
        }
        // 1. Timor-Leste has no school.
        #expect(has(.missingKind, "TLS", "school") != nil)
        // 2. No expert for statistics.
        #expect(has(.expertTopic, nil, "statistics") != nil)
        // 3. pifs cuts off the Vanuatu cluster (named as Vanuatu's single broker), exactly these 9 actors.
        let pifs = try #require(has(.singleBroker, "VUT", "pifs"))
        let vanuatu = ["vut-mia", "vut-psc", "vut-ogcio", "vut-ndmo", "vut-pstc", "vut-picv", "exp-001", "exp-002", "exp-003"]
        #expect(Set(pifs.actors.dropFirst().map { network.nodeIndex(forPublicID: $0)! }) == Set(vanuatu.map { network.nodeIndex[$0]! }))
        // 4. Bhutan only through btn-rim, cutting off 4.
        let rim = try #require(has(.singleBroker, "BTN", "btn-rim"))
        #expect(rim.actors.count == 5)
        #expect(!report.gaps.contains { $0.category == .singleBroker && !["VUT", "BTN"].contains($0.country ?? "") })
        // 5. Exactly the four dormant partners.
        #expect(Set(report.gaps.filter { $0.category == .dormant }.map(\.subject)) == ["colombo-plan", "mng-nag", "sagf", "kaz-apa"])
        // 6. Unaffiliated experts and the isolated organisation.
        let unaffiliated = report.gaps.filter { $0.category == .unaffiliatedExpert }.map { network.nodes[network.nodeIndex(forPublicID: $0.subject)!].id }
        #expect(Set(unaffiliated) == ["exp-006", "exp-007"])
        #expect(report.gaps.filter { $0.category == .isolated }.map(\.subject) == ["mekong-civic-data"])
        // 7. Lao PDR has no government counterpart for EA3, and it is the only such country.
        #expect(report.gaps.filter { $0.category == .missingCounterpart }.map { "\($0.country!) \($0.subject)" } == ["LAO EA3"])
        // Nothing else but gaps that follow from the data: Bhutan has no CSO, and only PIFS and two Vanuatu
        // bodies work in Vanuatu, none on three sectors Vanuatu's government asks for.
        let planted: Set<GapCategory> = [.singleBroker, .expertTopic, .dormant, .unaffiliatedExpert, .isolated, .missingCounterpart]
        let others = report.gaps.filter { !planted.contains($0.category) }.map { "\($0.category.rawValue) \($0.country ?? "-") \($0.subject)" }
        #expect(Set(others) == ["missing-kind TLS school", "missing-kind BTN cso", "coverage VUT digital government",
                                "coverage VUT disaster risk reduction", "coverage VUT local governance"], "\(others)")
        #expect(report.gaps.count == 16)
        // The most severe come first: the two single brokers, then Timor-Leste's missing school.
        #expect(report.gaps.prefix(3).map(\.category) == [.singleBroker, .singleBroker, .missingKind])
    }

    /// `fillersForTop: k` (the digest of `synergraph analyze`): the same gaps in the same order, the first k
    /// with exactly the fillers of the full report, the others without.
    @Test func fillersForTheTopGapsOnlyAreTheFullReportsFillers() throws {
        let scorer = SynergyScorer(view: try NetworkView(try BundledNetwork.load().network))
        let full = GapReport(scorer: scorer)
        let top = GapReport(scorer: scorer, fillersForTop: 5)
        #expect(top.gaps.map(\.key) == full.gaps.map(\.key))
        #expect(full.gaps.prefix(5).allSatisfy { !$0.fillers.isEmpty })
        for (a, b) in zip(top.gaps, full.gaps).prefix(5) { #expect(a == b) }
        let rest = Set(full.gaps.prefix(5).map(\.key))
        #expect(top.gaps.dropFirst(5).allSatisfy { $0.fillers.isEmpty || rest.contains($0.key) })
        #expect(full.gaps.dropFirst(5).contains { !$0.fillers.isEmpty })
    }

    @Test func bundledTopIntroductionsMakeSense() throws {
        let scorer = SynergyScorer(view: try NetworkView(try BundledNetwork.load().network))
        let top = scorer.introductions(count: 10, strategies: .closure, threads: 2).introductions
        #expect(top.count == 10)
        for p in top {
            #expect(!p.tied && p.strategy == .closure)
            // Complementary kinds (the closure rule) that already share partners and a country.
            #expect(p.components.complementarity >= 0.7)
            #expect(!p.evidence.sharedPartners.isEmpty && !p.evidence.sharedCountries.isEmpty)
            #expect(p.total > 0.7)
        }
        // The unfiltered ranking's best pair is the best of one of the two strategies.
        let best = try #require(scorer.recommendedIntroductions(count: 1, threads: 2).introductions.first)
        let both = scorer.introductions(count: 1, strategies: .both, threads: 2).introductions
        #expect(both.contains { $0.a == best.a && $0.b == best.b })
    }

    @Test func expertFinderRanksAndProtectsNames() throws {
        let scorer = SynergyScorer(view: try NetworkView(PlantedGaps.network))
        let finder = ExpertFinder(scorer: scorer, request: ExpertRequest(country: "TLS", sector: "digital government", accomplishment: .ea2))
        // Ann Named: topical 1, experience 1 (TLS in experience), 1 hop from the hub (proximity 1), degree 2 of max 2.
        #expect(finder.matches[0].id == "e1" && abs(finder.matches[0].score - 1) < 1e-12)
        // The other expert: topical 1, experience 0.5 (LAO shares South-eastern Asia with TLS), proximity 1, centrality 1:
        // (0.40 + 0.15 + 0.15 + 0.30 · 0.5) / 1.0 = 0.85.
        #expect(finder.matches[1].id == "expert-2" && abs(finder.matches[1].score - 0.85) < 1e-12)
        #expect(finder.matches[1].reason.contains("neighbouring Lao PDR"))
        for format in ReportOutputFormat.allCases { #expect(!finder.render(format, top: 5).contains("Secret Person")) }
        let nowhere = ExpertFinder(scorer: scorer, request: ExpertRequest(country: "KIR", sector: "statistics"))
        #expect(nowhere.warnings.count == 2)
    }
}
