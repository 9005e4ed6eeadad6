import Foundation
import Testing
@testable import SynergraphKit

/// What ``NewSinceMarking`` puts into a quarter's ``MapDocument``, on ``QuarterDiffTests``' network
/// (2025Q1: a–b, b–c, c–d; 2025Q2: a–b, b–c, b–e; so 2025Q2 gains actor e and pair b–e).
@Suite struct NewSinceMarkingTests {
    func plans() throws -> [QuarterlyJob.Plan] {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = QuarterlyOptions(from: Quarter("2025Q1"), to: Quarter("2025Q2"), jobs: 1)
        let job = QuarterlyJob(network: QuarterDiffTests.network, outputRoot: folder, options: options, renderer: FakeRenderer())
        try FileManager.default.createDirectory(at: job.folder, withIntermediateDirectories: true)
        return try job.makePlans(QuarterRange.resolve(for: QuarterDiffTests.network, from: options.from, to: options.to))
    }

    @Test func theSecondQuarterMarksWhatItsDiffGained() throws {
        let plans = try plans()
        let map = try #require(plans[1].map)
        #expect(plans[1].diff.actorsGained.map(\.id) == ["e"] && plans[1].diff.tiesGained.map { $0.a.id + $0.b.id } == ["be"])
        #expect(map.nodes.filter { $0.outline != nil }.map(\.id) == ["e"])
        #expect(map.nodes.filter { $0.classes.contains("new") }.map(\.id) == ["e"])
        let e = try #require(map.nodes.first { $0.id == "e" })
        #expect(e.outline == MapOutline(color: MapColor(red: 0xD5, green: 0x5E, blue: 0x00), width: 2, rings: 2))
        #expect(e.classes == ["kind-school", "new"] && e.tooltip.hasSuffix("\nnew since 2025Q1"))
        let marked = map.edges.filter { $0.classes.contains("new") }
        #expect(marked.map { map.nodes[$0.source].id + map.nodes[$0.target].id } == ["be"])
        #expect(marked.first?.color.hex == "#d55e00f0" && marked.first?.style == .dashed, "vermillion, the kind's style kept")
        #expect(map.edges.last?.classes.contains("new") == true, "new lines are drawn last, on top")
        #expect(map.subcaption == "1 new actor, 1 new tied pair since 2025Q1")
        // The entries come after the line styles, before the notes.
        let texts = map.legend.map(\.text)
        let at = try #require(texts.firstIndex(of: "new this quarter (actor)"))
        #expect(texts[at + 1] == "new tie" && map.legend[at + 2].swatch == .note)
    }

    @Test func theFirstQuarterMarksNothing() throws {
        let plans = try plans()
        let first = try #require(plans[0].map), second = try #require(plans[1].map)
        #expect(!plans[0].diff.actorsGained.isEmpty, "its diff (against the empty 2024Q4) gains everything")
        #expect(first.nodes.allSatisfy { $0.outline == nil && !$0.classes.contains("new") })
        #expect(first.edges.allSatisfy { !$0.classes.contains("new") })
        #expect(!first.legend.contains(NewSinceMarking.actorEntry) && !first.legend.contains(NewSinceMarking.tieEntry))
        #expect(first.subcaption == "first map of the series: nothing is marked as new" && first.caption == second.caption.replacingOccurrences(of: "2025-04-01 to 2025-06-30", with: "2025-01-01 to 2025-03-31"))
        // Two entries fewer, in the same place and box as the shared layout's legend.
        #expect(first.legend.count == second.legend.count - 2)
        #expect(first.legendPosition == second.legendPosition && first.legendSize == second.legendSize)
    }

    @Test func captionCounts() {
        #expect(NewSinceMarking.summary(actors: 9, pairs: 74, since: "2025Q2") == "9 new actors, 74 new tied pairs since 2025Q2")
        #expect(NewSinceMarking.summary(actors: 0, pairs: 1, since: "2025Q2") == "0 new actors, 1 new tied pair since 2025Q2")
        #expect(NewSinceMarking.summary(actors: 0, pairs: 0, since: "2025Q2") == "nothing new since 2025Q2")
    }

    @Test func legendEntriesOnlyForWhatTheMapHas() {
        let base = [MapLegendEntry(.line(.solid, width: 1.2), "partnership"), MapLegendEntry(.note, "node size")]
        #expect(NewSinceMarking.legend(base, with: NewSinceMarking.legendEntries(actors: false, ties: true)).map(\.text) == ["partnership", "new tie", "node size"])
        let both = NewSinceMarking.legend(base, with: NewSinceMarking.legendEntries(actors: true, ties: true))
        #expect(NewSinceMarking.legend(both, with: []) == base)
    }
}
