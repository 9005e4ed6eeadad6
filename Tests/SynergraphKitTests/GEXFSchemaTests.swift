import Foundation
import Testing
@testable import SynergraphKit

/// GEXFWriter's 1.2draft output against the official GEXF 1.2draft schema (Fixtures/schemas: gexf.xsd and
/// viz.xsd, from Debian's libjgrapht-java; schemas/README.md), and read back to the same network as the
/// 1.3 output. No GEXF 1.3 schema could be obtained: the default 1.3 output is validated against nothing.
@Suite struct GEXFSchemaTests {
    static let schema = FixturePaths.root.appendingPathComponent("schemas/gexf.xsd").path
    static let haveXmllint = Xmllint.available

    /// xmllint's exit status and messages for one document.
    static func validate(_ data: Data) throws -> (Int32, String) {
        try Xmllint.check(data, name: "n.gexf", schema: schema)
    }

    static func draft(_ network: Network) throws -> Data {
        try NetworkWriter.data(network, form: .gexf, gexfVersion: .v1_2draft)
    }

    /// The check is not vacuous: the schema rejects what 1.2draft lacks — 1.3's edge `kind`, `viz:color`
    /// in the viz namespace, another version — and the 1.3 output as a whole (another namespace).
    @Test(.enabled(if: haveXmllint))
    func theSchemaRejectsWhat12DraftForbids() throws {
        let good = String(decoding: try Self.draft(FormatsRoundTripTests.sample()), as: UTF8.self)
        #expect(try Self.validate(Data(good.utf8)).0 == 0)
        let withKind = good.replacingOccurrences(of: #"<edge id="0" "#, with: #"<edge id="0" kind="partnership" "#)
        #expect(withKind != good)
        let (kindStatus, kindMessages) = try Self.validate(Data(withKind.utf8))
        #expect(kindStatus != 0)
        #expect(kindMessages.contains("'kind'"), "\(kindMessages)")

        let withVizNamespace = good
            .replacingOccurrences(of: #"xmlns="http://www.gexf.net/1.2draft""#, with: #"xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz""#)
            .replacingOccurrences(of: "<color ", with: "<viz:color ")
        let (vizStatus, vizMessages) = try Self.validate(Data(withVizNamespace.utf8))
        #expect(vizStatus != 0)
        #expect(vizMessages.contains("{http://www.gexf.net/1.2draft/viz}color"), "\(vizMessages)")

        let (versionStatus, _) = try Self.validate(Data(good.replacingOccurrences(of: #"version="1.2""#, with: #"version="1.3""#).utf8))
        #expect(versionStatus != 0)

        let (v13Status, v13Messages) = try Self.validate(try NetworkWriter.data(FormatsRoundTripTests.sample(), form: .gexf))
        #expect(v13Status != 0)
        #expect(v13Messages.contains("{http://gexf.net/1.3}gexf"), "\(v13Messages)")
    }

    @Test(.enabled(if: haveXmllint))
    func the12DraftOutputOfTheBundledNetworkIsValid() throws {
        let (status, messages) = try Self.validate(try Self.draft(try BundledNetwork.load().network))
        #expect(status == 0, "\(messages)")
    }

    /// Every field, awkward text (quotes, `<`, `&`, tab and newline in values, non-ASCII names), dates,
    /// parallel ties, a self-loop, explicit directions and an id with a space and a slash.
    @Test(.enabled(if: haveXmllint))
    func the12DraftOutputWithEveryFieldIsValid() throws {
        let (status, messages) = try Self.validate(try Self.draft(FormatsRoundTripTests.sample()))
        #expect(status == 0, "\(messages)")
    }

    /// A node's own `viz_size`/`viz_x`/`viz_y` that the schema's floats cannot hold (negative size, nan,
    /// inf) are not written as viz in 1.2draft; the attributes themselves still read back.
    @Test(.enabled(if: haveXmllint))
    func vizValuesTheSchemaCannotHoldAreLeftOut() throws {
        let nodes = [
            Node(id: "a", name: "A", kind: .agency, attributes: [("viz_size", "-3"), ("viz_x", "nan"), ("viz_y", "1")]),
            Node(id: "b", name: "B", kind: .school, attributes: [("viz_size", "inf"), ("viz_x", "2.5"), ("viz_y", "-4")]),
        ]
        let network = Network(manifest: Manifest(name: "viz"), nodes: nodes, ties: [Tie(source: "a", target: "b")])
        let data = try Self.draft(network)
        let text = String(decoding: data, as: UTF8.self)
        // Both sizes from the degree (1: 10 + 4·log2(2)); only b's position.
        #expect(text.components(separatedBy: #"<size value="14.0"/>"#).count == 3)
        #expect(text.components(separatedBy: "<position ").count == 2)
        #expect(text.contains(#"<position x="2.5" y="-4.0" z="0.0"/>"#))
        let (status, messages) = try Self.validate(data)
        #expect(status == 0, "\(messages)")
        let back = try NetworkLoader.load(bytes: [UInt8](data), file: "viz.gexf", form: .gexf).network
        #expect(back.nodes == network.nodes)
    }

    /// What 1.2draft lacks is written another way: the tie kind is the first edge column, `kind`; viz
    /// elements are in the GEXF namespace, as the schema declares them; the rest is as in 1.3.
    @Test func the12DraftOutputWritesTheTieKindAsAnEdgeColumn() throws {
        let network = FormatsRoundTripTests.sample()
        let text = String(decoding: try Self.draft(network), as: UTF8.self)
        #expect(text.contains(#"<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">"#))
        #expect(text.contains(#"<attributes class="edge" mode="static">"# + "\n" + #"      <attribute id="e0" title="kind" type="string"/>"#))
        #expect(text.contains(#"<edge id="0" source="unpog" target="nasc" type="undirected" weight="4.0" start="2023-01-12" end="2025-12-31">"#))
        #expect(text.contains(#"<attvalue for="e0" value="partnership"/>"#))
        #expect(!text.contains(" kind="))
        #expect(!text.contains("<viz:") && !text.contains("xmlns:viz"))
        #expect(text.contains(#"<color r="230" g="159" b="0"/>"#))  // agency: Okabe–Ito orange
        #expect(text.contains(#"<color r="18" g="52" b="86"/>"#))  // cso-1's own viz_color
        #expect(text.contains(#"<graph defaultedgetype="directed" mode="dynamic" timeformat="date">"#))
        // The default is 1.3, unchanged.
        #expect(try NetworkWriter.data(network, form: .gexf) == Data(GEXFWriter.text(network, version: .v1_3).utf8))
        #expect(GEXFWriter.text(network) == GEXFWriter.text(network, version: .v1_3))
        #expect(GEXFWriter.text(network).contains(#"version="1.3">"#))
    }

    /// Our reader gives the same network from the 1.2draft output as from the 1.3 output, and both the
    /// network written: nodes (every field and attribute, in order), ties with kinds, weights, dates,
    /// directions and attributes, and the manifest.
    @Test(arguments: ["sample", "bundled", "tiny"])
    func the12DraftOutputReadsBackAsThe13OutputDoes(_ which: String) throws {
        let network: Network
        switch which {
        case "sample": network = FormatsRoundTripTests.sample()
        case "bundled": network = try BundledNetwork.load().network
        default: network = try NetworkLoader.load(path: FixturePaths.network("tiny")).network
        }
        let draft = try NetworkLoader.load(bytes: [UInt8](try Self.draft(network)), file: "d.gexf", form: .gexf)
        let v13 = try NetworkLoader.load(bytes: [UInt8](try NetworkWriter.data(network, form: .gexf)), file: "d.gexf", form: .gexf)
        #expect(draft.warnings.map(\.problem) == v13.warnings.map(\.problem))
        for back in [draft.network, v13.network] {
            #expect(back.manifest == network.manifest)
            #expect(back.nodes == network.nodes)
            #expect(back.ties == network.ties)
            for (a, b) in zip(back.ties, network.ties) where a != b { Issue.record("\(which): \(a) != \(b)") }
            #expect(back.ties.map(\.kind) == network.ties.map(\.kind))
            #expect(back.ties.map { back.isDirected($0) } == network.ties.map { network.isDirected($0) })
        }
        #expect(draft.network.nodes == v13.network.nodes)
        #expect(draft.network.ties == v13.network.ties)
        #expect(draft.network.manifest == v13.network.manifest)
        // Deterministic: the network read back writes the same 1.2draft bytes.
        #expect(try Self.draft(draft.network) == Self.draft(network))
    }
}
