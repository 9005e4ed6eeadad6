import Foundation
import Testing
@testable import SynergraphKit

/// Every writer's output reads back to the same network, and the same network always gives the same bytes.
@Suite struct FormatsRoundTripTests {
    /// A network that uses every field, awkward text, parallel ties, a self-loop and explicit directions.
    static func sample() -> Network {
        let manifest = Manifest(
            name: "round-trip", title: "Round \"trip\" <test> & co", description: "Line one\nline two",
            targetCountries: ["NPL", "LAO"], hub: "unpog", directedTieKinds: ["funding"], illustrative: true,
            asOf: Day(iso: "2026-09-30"), sourceRef: "test")
        let nodes = [
            Node(id: "unpog", name: "UN Project Office on Governance", kind: .agency, scope: .international, country: "KOR",
                 sdgs: [16, 17], accomplishments: [.ea1, .ea3], sectors: ["public administration", "digital government"],
                 sourceRef: "register, 2024", attributes: [("acronym", "UNPOG"), ("note", "a <b> & \"c\" 'd'\ttab\nnewline")]),
            Node(id: "nasc", name: "Nepal Administrative Staff College", kind: .school, country: "NPL", sdgs: [4],
                 attributes: [("acronym", "NASC")]),
            Node(id: "exp-1", name: "Dr. Ānanda Ṛṣi 東京", kind: .expert, country: "NPL", consent: true, attributes: [("languages", "English;Nepali")]),
            Node(id: "exp-2", name: "Hidden Person", kind: .expert, consent: false),
            Node(id: "gov npl/1", name: "Ministry of Federal Affairs, Nepal", kind: .government, country: "NPL"),
            Node(id: "x", name: "x", kind: .other),
            Node(id: "cso-1", name: "Integrity Network", kind: .cso, attributes: [("viz_color", "#123456")]),
        ]
        let ties = [
            Tie(source: "unpog", target: "nasc", kind: "partnership", weight: 4, trust: 3, value: 2.5,
                since: Day(iso: "2023-01-12"), until: Day(iso: "2025-12-31"), sourceRef: "MoU \"2023\"", attributes: [("note", "renewed")]),
            Tie(source: "unpog", target: "nasc", kind: "co-organisation", weight: 2),
            Tie(source: "unpog", target: "nasc", kind: "funding", weight: 0.125, since: Day(iso: "2025-01-01")),
            Tie(source: "nasc", target: "unpog", kind: "funding", weight: 5, directed: false),
            Tie(source: "exp-1", target: "nasc", kind: "affiliation", directed: true),
            Tie(source: "x", target: "x", kind: "membership"),
            Tie(source: "gov npl/1", target: "cso-1", kind: "engagement", weight: 1e-3, until: Day(iso: "2024-06-30")),
        ]
        let activities = [Activity(id: "act-1", name: "Workshop, \"open\" data", kind: "workshop", date: Day(iso: "2025-03-10")!,
                                   endDate: Day(iso: "2025-03-12"), country: "NPL", accomplishments: [.ea2], sdgs: [16], sectors: ["education"],
                                   sourceRef: "report", attributes: [("venue", "Kathmandu")])]
        let participation = [Participation(activity: "act-1", node: "unpog", role: "organiser"), Participation(activity: "act-1", node: "exp-1")]
        return Network(manifest: manifest, nodes: nodes, ties: ties, activities: activities, participation: participation)
    }

    @Test(arguments: [NetworkForm.folder, .json, .graphml, .gexf, .gml])
    func writesAndReadsBackTheSameNetwork(_ form: NetworkForm) throws {
        let network = Self.sample()
        #expect(NetworkValidator.check(network).allSatisfy { $0.severity == .warning })
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ext = form == .folder ? "" : "." + (form == .json ? "json" : form.rawValue)
        let url = dir.appendingPathComponent("net" + ext)
        try NetworkWriter.write(network, to: url, form: form)
        let loaded = try NetworkLoader.load(path: url.path)
        #expect(loaded.form == form)
        #expect(loaded.warnings.map(\.problem) == [.selfLoop])
        let back = loaded.network
        #expect(back.manifest == network.manifest)
        #expect(back.nodes == network.nodes)
        for (a, b) in zip(back.nodes, network.nodes) where a != b { Issue.record("\(form): \(a) != \(b)") }
        #expect(back.ties == network.ties)
        for (a, b) in zip(back.ties, network.ties) where a != b { Issue.record("\(form): \(a) != \(b)") }
        #expect(back.ties.map { back.isDirected($0) } == network.ties.map { network.isDirected($0) })
        if NetworkWriter.holdsActivities(form) {
            #expect(back.activities == network.activities)
            #expect(back.participation == network.participation)
        }
        // Deterministic: writing again gives the same bytes.
        let again = dir.appendingPathComponent("again" + ext)
        try NetworkWriter.write(back, to: again, form: form)
        if form == .folder {
            for f in ["manifest.json", "nodes.csv", "ties.csv", "activities.csv", "participation.csv"] {
                #expect(try Data(contentsOf: url.appendingPathComponent(f)) == Data(contentsOf: again.appendingPathComponent(f)), "\(f)")
            }
        } else if NetworkWriter.holdsActivities(form) {
            #expect(try Data(contentsOf: url) == Data(contentsOf: again))
        } else {
            #expect(try Data(contentsOf: url) == NetworkWriter.data(network, form: form))
        }
    }

    @Test func folderWriterUsesTheDocumentedColumnsAndQuoting() throws {
        let files = Dictionary(uniqueKeysWithValues: NetworkFolderWriter.files(Self.sample()).map { ($0.name, String(decoding: $0.data, as: UTF8.self)) })
        let nodes = try #require(files["nodes.csv"]).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(nodes[0] == "id,name,kind,scope,country,sdgs,accomplishments,sectors,consent,source_ref,acronym,note,languages,viz_color")
        #expect(nodes[1].hasPrefix("unpog,UN Project Office on Governance,agency,international,KOR,16;17,EA1;EA3,public administration;digital government,,\"register, 2024\",UNPOG,\"a <b> & \"\"c\"\" 'd'\ttab"))
        let ties = try #require(files["ties.csv"]).split(separator: "\n")
        #expect(ties[0] == "source,target,kind,weight,trust,value,since,until,directed,source_ref,note")
        #expect(ties[1] == "unpog,nasc,partnership,4,3,2.5,2023-01-12,2025-12-31,,\"MoU \"\"2023\"\"\",renewed")
        #expect(ties[4] == "nasc,unpog,funding,5,,,,,no,,")
        #expect(files["activities.csv"]?.hasPrefix("id,name,kind,date,end_date,country,accomplishments,sdgs,sectors,source_ref,venue\n") == true)
        #expect(files["participation.csv"] == "activity,node,role,source_ref\nact-1,unpog,organiser,\nact-1,exp-1,,\n")
    }

    @Test func theTinyFixtureRoundTripsThroughEveryForm() throws {
        let tiny = try NetworkLoader.load(path: FixturePaths.network("tiny")).network
        for form in [NetworkForm.graphml, .gexf, .gml] {
            let bytes = try NetworkWriter.data(tiny, form: form)
            let back = try NetworkLoader.load(bytes: [UInt8](bytes), file: "t", form: form).network
            #expect(back.nodes == tiny.nodes, "\(form)")
            #expect(back.ties == tiny.ties, "\(form)")
            #expect(back.manifest == tiny.manifest, "\(form)")
        }
    }

    @Test func mixedCaseAndOddAttributeNamesSurviveTheGraphFormats() throws {
        let n = Network(manifest: Manifest(name: "odd"), nodes: [
            Node(id: "a", name: "A", kind: .other, attributes: [("Modularity Class", "1"), ("x_y", "2"), ("ünï", "3"), ("9lives", "4"), ("label", "L")]),
        ])
        for form in [NetworkForm.graphml, .gexf, .gml] {
            let back = try NetworkLoader.load(bytes: [UInt8](try NetworkWriter.data(n, form: form)), file: "o", form: form).network
            #expect(back.nodes == n.nodes, "\(form): \(back.nodes[0].attributes)")
        }
    }

    @Test func gexfCarriesKindColoursSizesAndTimeForGephi() throws {
        let text = GEXFWriter.text(Self.sample())
        #expect(text.contains("<graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">"))
        #expect(text.contains("<viz:color r=\"230\" g=\"159\" b=\"0\"/>"))  // agency: Okabe–Ito orange
        #expect(text.contains("<viz:color r=\"18\" g=\"52\" b=\"86\"/>"))  // cso-1's own viz_color
        #expect(text.contains("kind=\"partnership\" weight=\"4.0\" start=\"2023-01-12\" end=\"2025-12-31\""))
        #expect(text.contains("<viz:size value=\"10.0\"/>"))  // exp-2: no ties
    }

    @Test(.enabled(if: Xmllint.available))
    func writtenXMLIsWellFormedForXmllint() throws {
        for form in [NetworkForm.graphml, .gexf] {
            let (status, messages) = try Xmllint.check(try NetworkWriter.data(Self.sample(), form: form), name: "n.\(form.rawValue)")
            #expect(status == 0, "\(form): \(messages)")
        }
    }
}
