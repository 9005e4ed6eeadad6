import Foundation
import Testing
@testable import SynergraphKit

/// Real files written by yEd and qvge (from Debian packages; Fixtures/formats/thirdparty/README.md says which),
/// read and compared with what tools other than Synergraph count in them: xmllint XPath, Python's XML parser
/// and NetworkX 3.6.1, all run by Scripts/make-thirdparty-fixtures.py into thirdparty/reference.json.
/// (Graphviz-written DOT needs the Graphviz facade: SynergraphGraphvizTests/ThirdPartyDOTTests.swift.)
@Suite struct ThirdPartyFilesTests {
    struct NetworkXCount: Decodable {
        var nodes: Int?
        var edges: Int?
        var directed: Bool?
        var error: String?
    }

    struct Record: Decodable {
        var id: String?
        var label: String?
        var source: String?
        var target: String?
        var values: [String: String]
        var viz: [String: String]
    }

    /// One file's reference; the fields present depend on the format.
    struct Reference: Decodable {
        var tool: String
        var nodes: Int
        var edges: Int
        var directed: Bool
        var node_ids: [String]?
        var names: [String: String?]?
        var edge_ends: [[String]]?
        var nested_graphs: Int?
        var creator: String?
        var node_records: [Record]?
        var edge_records: [Record]?
        var networkx: NetworkXCount?
    }

    static let folder = FixturePaths.root.appendingPathComponent("formats/thirdparty")

    static let references: [String: Reference] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("reference.json")),
              let r = try? JSONDecoder().decode([String: Reference].self, from: data) else { return [:] }
        return r
    }()

    static func load(_ file: String) throws -> (LoadedNetwork, Reference) {
        let reference = try #require(references[file], "no reference for \(file): run Scripts/make-thirdparty-fixtures.py")
        return (try NetworkLoader.load(path: folder.appendingPathComponent(file).path), reference)
    }

    static let yEdFiles = ["yed-nova-spec-process.graphml", "yed-ant-image-task.graphml"]

    @Test func everySampleHasAReference() {
        #expect(Set(Self.references.keys) == Set(Self.yEdFiles + ["qvge-mine-airing-network.gexf", "graphviz-clust4.dot", "graphviz-process.dot"]))
    }

    /// Counts, ids, names (yEd's first `y:NodeLabel`), edge ends and direction as xmllint and NetworkX see them.
    @Test(arguments: yEdFiles)
    func yEdFileReadsAsOtherToolsCountIt(_ file: String) throws {
        let (loaded, ref) = try Self.load(file)
        let n = loaded.network
        #expect(n.nodes.count == ref.nodes)
        #expect(n.ties.count == ref.edges)
        #expect(ref.networkx?.nodes == ref.nodes && ref.networkx?.edges == ref.edges && ref.networkx?.directed == ref.directed)
        #expect(n.ties.allSatisfy { n.isDirected($0) == ref.directed })
        // Nested graphs are flattened: same nodes, nested ones after the top graph's (Docs/formats.md).
        #expect(Set(n.nodes.map(\.id)) == Set(try #require(ref.node_ids)))
        let names = try #require(ref.names)
        for node in n.nodes {
            #expect(node.name == (names[node.id] ?? nil) ?? node.id, "\(file) \(node.id)")
            #expect(node.kind == .other)
            #expect(node.attributes.isEmpty, "\(file) \(node.id): yEd's empty url/description data make no attributes")
        }
        #expect(n.ties.map { [$0.source, $0.target] } == ref.edge_ends)
        #expect(n.ties.allSatisfy { $0.kind == "tie" && $0.weight == 1 })
        #expect(!loaded.warnings.isEmpty && loaded.warnings.allSatisfy { $0.problem == .notKept }, "\(loaded.warnings)")
    }

    /// yEd 3.14 with two group nodes (`yfiles.foldertype="group"`) holding nested graphs, and edges across them.
    @Test func yEdGroupNodesAreFlattenedWithTheirLabels() throws {
        let (loaded, ref) = try Self.load("yed-nova-spec-process.graphml")
        let n = loaded.network
        #expect(ref.nested_graphs == 2)
        // The two group nodes, by their open group's label (not "Folder 1"); each comes before its members.
        #expect(["n0", "n1"].map { id in n.nodes.first { $0.id == id }?.name } == ["API Cell", "child cell"])
        #expect(n.nodes.firstIndex { $0.id == "n1" }! < n.nodes.firstIndex { $0.id == "n1::n2" }!)
        #expect(n.nodes.first { $0.id == "n1::n2" }?.name == "mysql - hoststate")
        #expect(n.ties.contains { $0.source == "n1::n4" && $0.target == "n0::n4" })
        #expect(loaded.warnings.map { $0.message.contains("nested") }.contains(true))
    }

    /// yEd UML class and note nodes: a note's label runs over six lines and is kept with its line breaks.
    @Test func yEdMultiLineNoteLabelIsTheName() throws {
        let (loaded, ref) = try Self.load("yed-ant-image-task.graphml")
        let note = try #require(loaded.network.nodes.first { $0.id == "n2" })
        let expected = ref.names?["n2"] ?? nil
        #expect(note.name == expected)
        #expect(note.name.split(separator: "\n").count == 6)
        #expect(note.name.hasPrefix("The setType() method forces type to\n"))
        #expect(loaded.network.nodes.first?.name == "org.apache.tools.ant.types.DataType")
    }

    /// qvge 0.5.2's GEXF 1.2draft: `label=""` on most nodes, column defaults on every node and edge, a graph-level
    /// (`class=""`) attribute block, attvalues overriding defaults, viz positions and colours. NetworkX 3.6.1 cannot
    /// read it (the `class=""` block); the reference is xmllint's count and the XML itself.
    @Test func qvgeGEXFReadsWithDefaultsAttvaluesAndViz() throws {
        let (loaded, ref) = try Self.load("qvge-mine-airing-network.gexf")
        let n = loaded.network
        #expect(ref.creator == "Qt Visual Graph Editor 0.5.2 (64bit)")
        #expect(ref.networkx?.error != nil)
        #expect(n.nodes.count == ref.nodes && n.nodes.count == 64)
        #expect(n.ties.count == ref.edges && n.ties.count == 117)
        #expect(n.ties.allSatisfy { n.isDirected($0) == ref.directed } && ref.directed)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(n.manifest.description == "Mine airing network \"Molodogvardeiskaya\"")

        let nodes = try #require(ref.node_records)
        #expect(n.nodes.map(\.id) == nodes.map { $0.id ?? "" })
        for (node, r) in zip(n.nodes, nodes) {
            let label = r.label ?? ""
            #expect(node.name == (label.isEmpty ? node.id : label), "node \(node.id)")
            var expected = r.values
            if let c = r.viz["color"] { expected["viz_color"] = c }
            if let x = r.viz["x"], let y = r.viz["y"] { expected["viz_x"] = x; expected["viz_y"] = y }
            if let s = r.viz["size"] { expected["viz_size"] = s }
            if let s = r.viz["shape"] { expected["viz_shape"] = s }
            #expect(Dictionary(node.attributes.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }) == expected, "node \(node.id)")
            #expect(node.attributes.count == expected.count, "node \(node.id)")
        }
        #expect(n.nodes.first { $0.id == "V2" }.map { [$0.name, $0.attribute("viz_color"), $0.attribute("stroke.color")] } == ["AIR2", "#cc9900", "#ff0000"])

        let edges = try #require(ref.edge_records)
        #expect(n.ties.map { [$0.source, $0.target] } == edges.map { [$0.source ?? "", $0.target ?? ""] })
        for (tie, r) in zip(n.ties, edges) {
            var expected = r.values
            let weight = expected.removeValue(forKey: "weight")  // the "weight" column → the weight
            if let c = r.viz["color"] { expected["viz_color"] = c }
            if let t = r.viz["thickness"] { expected["viz_thickness"] = t }
            if let s = r.viz["shape"] { expected["viz_shape"] = s }
            #expect(weight.flatMap(Double.init) == tie.weight)
            #expect(Dictionary(tie.attributes.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }) == expected, "tie \(tie.source)>\(tie.target)")
        }
        #expect(n.ties.filter { $0.attribute("MODEL") == "leak" }.count == 12)
    }

    /// Every qvge edge carries `<viz:color r="0" g="0" b="0"/>`; Gephi writes edge colours the same way.
    @Test
    func qvgeEdgeColoursAreKept() throws {
        let (loaded, ref) = try Self.load("qvge-mine-airing-network.gexf")
        let edges = try #require(ref.edge_records)
        for (tie, r) in zip(loaded.network.ties, edges) {
            #expect(tie.attribute("viz_color") == r.viz["color"], "tie \(tie.source)>\(tie.target)")
        }
    }
}

/// GraphMLWriter's output against the GraphML 1.0 schema (Fixtures/schemas: graphml.xsd with attributes and
/// parseinfo, and xlink.xsd, from Debian's libjgrapht-java). No GEXF 1.3 schema could be obtained (schemas/README.md).
@Suite struct WriterSchemaTests {
    static let schema = FixturePaths.root.appendingPathComponent("schemas/graphml.xsd").path

    /// xmllint's exit status and messages for one document.
    static func validate(_ data: Data) throws -> (Int32, String) {
        try Xmllint.check(data, name: "n.graphml", schema: schema)
    }

    @Test(.enabled(if: Xmllint.available))
    func theSchemaRejectsWhatGraphMLForbids() throws {
        // An edge without a target, and a node id that is no NMTOKEN: the check is not vacuous.
        let bad = #"<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a b"/><edge source="a b"/></graph></graphml>"#
        let (status, messages) = try Self.validate(Data(bad.utf8))
        #expect(status != 0)
        #expect(messages.contains("target"), "\(messages)")
    }

    @Test(.enabled(if: Xmllint.available))
    func graphMLWriterOutputOfTheBundledNetworkIsValid() throws {
        let (status, messages) = try Self.validate(try NetworkWriter.data(try BundledNetwork.load().network, form: .graphml))
        #expect(status == 0, "\(messages)")
    }

    /// The round-trip sample uses every field, awkward text, parallel ties, a self-loop and explicit directions
    /// (and the id `gov npl/1`, which is no NMTOKEN: the writer escapes it).
    @Test(.enabled(if: Xmllint.available))
    func graphMLWriterOutputWithEveryFieldIsValid() throws {
        let (status, messages) = try Self.validate(try NetworkWriter.data(FormatsRoundTripTests.sample(), form: .graphml))
        #expect(status == 0, "\(messages)")
    }

    /// Ids an NMTOKEN cannot hold are escaped so that the schema accepts them, and read back exactly.
    @Test(.enabled(if: Xmllint.available))
    func idsThatAreNoNMTOKENsAreEscapedAndReadBack() throws {
        let ids = ["gov npl/1", "a_x20_b", "東京 office", "org#7 (old)", "plain-id.2", "n_x", "🙂", "ኢትዮጵያ", "नेपाल", "ລາວ"]
        let nodes = ids.map { Node(id: $0, name: "N \($0)", kind: .agency) }
        let ties = zip(ids, ids.dropFirst()).map { Tie(source: $0, target: $1) }
        let network = Network(manifest: Manifest(name: "ids"), nodes: nodes, ties: ties)
        let data = try NetworkWriter.data(network, form: .graphml)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<node id=\"gov_x20_npl_x2F_1\">"))
        #expect(text.contains("<node id=\"plain-id.2\">"))  // NMTOKENs stay as they are
        #expect(text.contains("<node id=\"a_x5F_x20_x5F_b\">"))  // a literal _x is escaped too
        #expect(text.contains("<node id=\"नेपाल\">"))  // Devanagari is an NMTOKEN for libxml2, Ethiopic is not
        #expect(text.contains("<node id=\"_x12A2__x1275__x12EE__x1335__x12EB_\">"))
        let (status, messages) = try Self.validate(data)
        #expect(status == 0, "\(messages)")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ids-\(UUID().uuidString).graphml")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let back = try NetworkLoader.load(path: url.path).network
        #expect(back.nodes.map(\.id) == ids)
        #expect(back.ties.map(\.source) == Array(ids.dropLast()))
        #expect(back.ties.map(\.target) == Array(ids.dropFirst()))
    }
}
