import Foundation
import Testing
@testable import SynergraphKit

/// Reading files other tools wrote, and what each tool itself reports about them (reports.json, written by
/// Scripts/make-format-fixtures.py with NetworkX 3.6.1 and igraph 1.0).
@Suite struct FormatsFixtureTests {
    struct Report: Decodable {
        var tool: String
        var nodes: Int
        var edges: Int
        var directed: Bool
        var first_nodes: [[String: String]]
        var weight_sum: Double
    }

    static let formats = FixturePaths.root.appendingPathComponent("formats")

    static let reports: [String: Report] = {
        guard let data = try? Data(contentsOf: formats.appendingPathComponent("reports.json")),
              let r = try? JSONDecoder().decode([String: Report].self, from: data) else { return [:] }
        return r
    }()

    static let files: [String] = reports.keys.sorted()

    @Test func everyToolFileHasAReport() {
        // 3 graphs × (NetworkX GraphML, GEXF, GML; igraph GraphML, GML, Pajek) + karate as NetworkX's
        // weighted edge list and igraph's ncol (space-separated).
        #expect(Self.files.count == 20)
        #expect(Self.files.contains("karate.networkx.edgelist") && Self.files.contains("karate.igraph.ncol"))
    }

    @Test(arguments: files)
    func readsAsTheToolReports(_ file: String) throws {
        let report = try #require(Self.reports[file])
        let loaded = try NetworkLoader.load(path: Self.formats.appendingPathComponent(file).path)
        let n = loaded.network
        #expect(n.nodes.count == report.nodes, "\(file)")
        #expect(n.ties.count == report.edges, "\(file)")
        #expect(n.ties.allSatisfy { n.isDirected($0) == report.directed }, "\(file)")
        #expect(abs(n.ties.map(\.weight).reduce(0, +) - report.weight_sum) < 1e-9, "\(file)")
        #expect(loaded.warnings.allSatisfy { $0.problem == .selfLoop }, "\(file): \(loaded.warnings)")
        for (i, expected) in report.first_nodes.enumerated() {
            let node = n.nodes[i]
            for (key, value) in expected {
                switch key {
                case "id": if !file.hasSuffix("igraph.gml") { #expect(node.id == value, "\(file) node \(i)") }
                case "name", "label": #expect(node.name == value, "\(file) node \(i)")
                case "kind": #expect(node.kind.rawValue == value, "\(file) node \(i)")
                case "country": #expect(node.country == value, "\(file) node \(i)")
                default: #expect(node.attribute(key) == value, "\(file) node \(i) \(key)")
                }
            }
        }
    }

    @Test func multigraphKeepsParallelTiesKindsAndTheSelfLoop() throws {
        for file in ["multi.networkx.graphml", "multi.networkx.gexf", "multi.networkx.gml", "multi.igraph.gml"] {
            let n = try NetworkLoader.load(path: Self.formats.appendingPathComponent(file).path).network
            #expect(n.ties.map(\.kind).sorted() == ["affiliation", "funding", "membership", "partnership", "partnership"], "\(file)")
            #expect(n.ties.filter { $0.source == "unpog" && $0.target == "nasc" }.map(\.weight).sorted() == [2, 5], "\(file)")
            #expect(n.nodes.map(\.kind) == [.agency, .school, .cso, .expert], "\(file)")
        }
    }

    @Test func unicodeNamesSurviveEveryTool() throws {
        let names = ["Hà Nội", "Zürich", "東京", "Ōsaka \"north\" & co", "Ελλάδα"]
        for ext in ["networkx.graphml", "networkx.gexf", "networkx.gml", "igraph.graphml", "igraph.gml", "igraph.net"] {
            let n = try NetworkLoader.load(path: Self.formats.appendingPathComponent("unicode.\(ext)").path).network
            #expect(n.nodes.map(\.name) == names, "\(ext)")
            if !ext.hasSuffix(".net") { #expect(n.nodes.allSatisfy { $0.attribute("note") == "ünïcödé <tag>" }, "\(ext)") }
        }
    }

    @Test func yEdStyleGraphML() throws {
        let loaded = try NetworkLoader.load(path: Self.formats.appendingPathComponent("yed-style.graphml").path)
        let n = loaded.network
        // Document order: the group node, then the nodes of its nested graph, then the rest.
        #expect(n.nodes.map(\.id) == ["n0", "n1", "n1::n0", "n2"])
        #expect(n.nodes.map(\.name) == ["UNPOG & partners", "Nepal schools", "Nepal Administrative Staff College", "Ms. Rāna"])
        // The key default (agency) applies where a node has no kind; "Expert" is read case-insensitively.
        #expect(n.nodes.map(\.kind) == [.agency, .school, .school, .expert])
        #expect(n.nodes[0].attributes.map(\.key) == ["founded"])
        #expect(n.nodes[2].attribute("url") == "https://example.org/nasc?a=1&b=2")
        #expect(n.ties.map { n.isDirected($0) } == [true, false, true])
        #expect(n.ties[0].weight == 2.5)
        #expect(n.ties.map { $0.attribute("active") } == ["true", "false", "true"])
        #expect(loaded.warnings.map(\.problem) == [.notKept, .selfLoop])
        #expect(loaded.warnings[0].location.line == 37)
    }

    @Test func gephiStyleGEXFWithVizAndSpells() throws {
        let loaded = try NetworkLoader.load(path: Self.formats.appendingPathComponent("gephi-style.gexf").path)
        let n = loaded.network
        #expect(loaded.warnings.isEmpty)
        #expect(n.manifest.title == "Partners 2025")
        #expect(n.nodes.map(\.kind) == [.agency, .cso, .school])
        #expect(n.nodes[0].attributes.map { "\($0.key)=\($0.value)" } == [
            "Modularity Class=0", "viz_size=24.5", "viz_x=-12.5", "viz_y=40.25", "viz_color=#e69f00",
        ])
        #expect(n.nodes[1].attribute("viz_alpha") == "0.8")
        #expect(n.nodes[2].name == "Pacific school \"PSPA\"")
        #expect(n.nodes[2].attribute("start") == "2024-01-01")
        let t = n.ties
        #expect(t.map(\.kind) == ["partnership", "co-organisation", "funding", "tie"])
        #expect(t[0].since == Day(iso: "2023-01-12") && t[0].until == Day(iso: "2025-12-31") && t[0].trust == 3.5)
        #expect(t[1].since == Day(iso: "2024-03-01") && t[1].until == Day(iso: "2024-03-03"))
        #expect(t[1].attribute("spells") == "2025-05-10..2025-05-12")
        #expect(t.map { n.isDirected($0) } == [false, false, true, false])
        #expect(t[2].attribute("label") == "grant")
    }
}

@Suite struct FormatsEncodingTests {
    static let latin1 = FixturePaths.root.appendingPathComponent("formats/latin1.net").path

    @Test func latin1PajekFallsBackWithAWarning() throws {
        let loaded = try NetworkLoader.load(path: Self.latin1)
        #expect(loaded.warnings.map(\.problem) == [.invalidEncoding])
        #expect(loaded.warnings[0].location == FileLocation(file: Self.latin1, line: 4, column: 7))
        let n = loaded.network
        #expect(n.manifest.title == "Partners")
        #expect(n.nodes.map(\.id) == ["Café des Arts", "Zürich 100€", "Plain"])
        #expect(n.nodes[0].attributes.map { "\($0.key)=\($0.value)" } == ["x=0.1", "y=0.2", "z=0.5", "ic=Red"])
        #expect(n.ties.map(\.kind) == ["funding", "tie", "tie"])
        #expect(n.ties.map { n.isDirected($0) } == [true, false, false])
        #expect(n.ties[0].weight == 5)
    }

    @Test func encodingOptionDecides() throws {
        let strict = Result { () throws(LoadFailure) in try NetworkLoader.load(path: Self.latin1, encoding: .utf8) }
        guard case .failure(let f) = strict else {
            Issue.record("utf8 should refuse Latin-1 bytes")
            return
        }
        #expect(f.diagnostics.map(\.problem) == [.invalidEncoding])
        let latin = try NetworkLoader.load(path: Self.latin1, encoding: .latin1)
        #expect(latin.warnings.isEmpty)
        #expect(latin.network.nodes[1].name == "Zürich 100€")
    }

    @Test func utf16GMLAndBOMGraphML() throws {
        let gml = "graph [\n  node [ id 0 label \"Ünï\" ]\n  node [ id 1 label \"b\" ]\n  edge [ source 0 target 1 ]\n]\n"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in gml.utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let a = try NetworkLoader.load(bytes: utf16, file: "a.gml", form: .gml)
        #expect(a.network.nodes.map(\.id) == ["Ünï", "b"])
        let graphml = "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?><graphml><graph edgedefault=\"undirected\"><node id=\"é\"/><node id=\"b\"/><edge source=\"é\" target=\"b\"/></graph></graphml>"
        let b = try NetworkLoader.load(bytes: Array(graphml.utf8), file: "b.graphml", form: .graphml)
        #expect(b.network.nodes.map(\.id) == ["é", "b"])
        let latinXML = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><graphml><graph><node id=\"caf".utf8) + [0xE9] + Array("\"/></graph></graphml>".utf8)
        let c = try NetworkLoader.load(bytes: latinXML, file: "c.graphml", form: .graphml)
        #expect(c.network.nodes.map(\.id) == ["café"])
    }
}

@Suite struct FormatsMappingTests {
    @Test func unknownKindsBecomeOtherWithOneWarningUnlessAColumnIsNamed() throws {
        let text = """
            <graphml><key id="t" for="node" attr.name="type" attr.type="string"/><key id="c" for="node" attr.name="category" attr.type="string"/>
            <key id="w" for="edge" attr.name="weight" attr.type="double"/><key id="s" for="edge" attr.name="start" attr.type="string"/>
            <graph edgedefault="undirected">
            <node id="a"><data key="t">person</data><data key="c">expert</data></node>
            <node id="b"><data key="t">person</data><data key="c">school</data></node>
            <node id="c"><data key="t">org</data><data key="c">agency</data></node>
            <edge source="a" target="b"><data key="w">0</data><data key="s">2020-05-01T10:00:00</data></edge>
            <edge source="b" target="c"><data key="s">1.5</data></edge>
            </graph></graphml>
            """
        let loaded = try NetworkLoader.load(bytes: Array(text.utf8), file: "k.graphml", form: .graphml)
        let n = loaded.network
        #expect(n.nodes.map(\.kind) == [.other, .other, .other])
        #expect(n.nodes[0].attributes.map { "\($0.key)=\($0.value)" } == ["category=expert", "type=person"])
        #expect(n.ties[0].weight == 1 && n.ties[0].attribute("original_weight") == "0")
        #expect(n.ties[0].since == Day(iso: "2020-05-01"))
        #expect(n.ties[1].since == nil && n.ties[1].attribute("start") == "1.5")
        #expect(loaded.warnings.map(\.problem) == [.replacedValue, .replacedValue, .replacedValue])
        #expect(loaded.warnings[0].message == "3 records have a kind that is not one of agency, school, cso, expert, government, other; they are loaded as other. Name the attribute that holds Synergraph kinds with --kind-attribute ('person', 'org'); the value is kept as the attribute 'type'")
        #expect(loaded.warnings[0].location == FileLocation(file: "k.graphml", line: 4))

        let named = try NetworkLoader.load(bytes: Array(text.utf8), file: "k.graphml", form: .graphml, options: LoadOptions(kindAttribute: "category"))
        #expect(named.network.nodes.map(\.kind) == [.expert, .school, .agency])
        #expect(named.network.nodes[0].attributes.map { "\($0.key)=\($0.value)" } == ["type=person"])
    }

    /// GraphML's nodes and edges are read as flat records while their children are `<data>` holding text
    /// (SafeXML's XMLRecords); anything else inside one hands the record to the general path part-way
    /// (after some data, inside a data, before any). Expected values worked out by hand from the file.
    @Test func graphMLRecordsThatLeaveTheShortcutReadAsTheyDid() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
              <key id="d0" for="node" attr.name="name" attr.type="string"/>
              <key id="d1" for="edge" attr.name="weight" attr.type="double"><default>1.5</default></key>
              <key id="d2" for="node" attr.name="sector" attr.type="string"/>
              <key id="g" for="node" yfiles.type="nodegraphics"/>
              <graph edgedefault="undirected">
                <node id="a"><data key="d0">Alpha</data><data key="d2">health</data></node>
                <node id="b"><data key="d2">energy</data><port name="p"/></node>
                <node id="c"><data key="g"><y:ShapeNode><y:NodeLabel>Gamma</y:NodeLabel></y:ShapeNode></data></node>
                <node id="d"><graph edgedefault="directed"><node id="e"/><edge source="e" target="d"/></graph></node>
                <edge source="a" target="b"><data key="d1">2</data></edge>
                <edge source="b" target="c" directed="true"/>
                <edge source="c" target="a"><desc>x</desc><data key="d1">3</data></edge>
              </graph>
            </graphml>
            """
        let loaded = try NetworkLoader.load(bytes: Array(text.utf8), file: "f.graphml", form: .graphml)
        let n = loaded.network
        // Slots in start-tag order: d before the node nested in it.
        #expect(n.nodes.map(\.id) == ["a", "b", "c", "d", "e"])
        #expect(n.nodes.map(\.name) == ["Alpha", "b", "Gamma", "d", "e"])
        #expect(n.nodes.map { $0.attribute("sector") } == ["health", "energy", nil, nil, nil])
        #expect(n.nodes.map { $0.origin?.line } == [8, 9, 10, 11, 11])
        // Ties as their end tags are read: the nested edge first.
        #expect(n.ties.map { "\($0.source)-\($0.target)" } == ["e-d", "a-b", "b-c", "c-a"])
        #expect(n.ties.map(\.weight) == [1.5, 2, 1.5, 3])
        #expect(n.ties.map(\.directed) == [true, nil, true, nil])
        #expect(n.ties.map { $0.origin?.line } == [11, 12, 13, 14])
        #expect(loaded.warnings.map(\.description) == ["f.graphml:11: warning: nested graphs are flattened: their nodes and edges join the top graph, and the nesting is not kept"])

        // The same records, each sent to the general path by an empty child first or last, read the same.
        for extra in [("<desc/>", ""), ("", "<desc/>")] {
            var other = text
            for tag in ["<node id=\"a\">", "<edge source=\"a\" target=\"b\">"] { other = other.replacingOccurrences(of: tag, with: tag + extra.0) }
            for end in ["</data></node>", "</data></edge>"] { other = other.replacingOccurrences(of: end, with: "</data>" + extra.1 + end.dropFirst(7)) }
            #expect(other != text)
            let again = try NetworkLoader.load(bytes: Array(other.utf8), file: "f.graphml", form: .graphml)
            #expect(again.network.nodes == n.nodes)
            #expect(again.network.nodes.map(\.origin) == n.nodes.map(\.origin))
            #expect(again.network.ties == n.ties)
            #expect(again.network.ties.map(\.origin) == n.ties.map(\.origin))
            #expect(again.warnings.map(\.description) == loaded.warnings.map(\.description))
        }
    }

    @Test func detectsTheFormByContentWhereTheExtensionSaysNothing() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let samples: [(String, String, NetworkForm)] = [
            ("a.xml", "<?xml version=\"1.0\"?>\n<graphml><graph><node id=\"x\"/></graph></graphml>", .graphml),
            ("b", "<gexf version=\"1.3\"><graph><nodes><node id=\"x\" label=\"X\"/></nodes></graph></gexf>", .gexf),
            ("c.txt", "Creator \"igraph\"\ngraph\n[\n  node [ id 0 ]\n]\n", .gml),
            ("d.txt", "% comment\n*Vertices 1\n1 \"x\"\n", .pajek),
            ("e.dat", "x,y\n", .edgeList),
        ]
        for (name, text, form) in samples {
            let url = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            #expect(try NetworkLoader.load(path: url.path).form == form, "\(name)")
        }
    }

    /// SynergraphKit alone cannot read DOT (Graphviz's parser is in the facade, registered by the
    /// program); it says so instead of reading the file as an edge list.
    @Test func dotWithoutTheFacadeIsAClearError() throws {
        #expect(ForeignFormats.dotReader == nil)
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in [("a.gv", "digraph { a -> b }"), ("b.txt", "// c\nstrict graph g {\n a -- b\n}\n")] {
            let url = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            let f = try #require(Result { () throws(LoadFailure) in try NetworkLoader.load(path: url.path) }.failureValue)
            #expect(f.errors.map(\.problem) == [.unreadable])
            #expect(f.errors.first?.message.hasPrefix("reading DOT needs the Graphviz facade") == true)
        }
        #expect(NetworkWriter.form(forPath: "x.dot") == .dot)
        #expect(throws: AtomicFile.WriteError.self) { try NetworkWriter.data(Network(manifest: Manifest(name: "n"), nodes: []), form: .dot) }
    }

    @Test func gmlEscapesNestedListsAndErrors() throws {
        let text = """
            graph [
              directed 1
              name "Q&amp;A &#8364; &quot;x&quot; &#x41;"
              node [ id 5 label "a" graphics [ x 1.5 y -2 ] tag "p" tag "q" ]
              node [ id 7 label "b" ]
              edge [ source 5 target 7 weight 2 ]
            ]
            """
        let loaded = try NetworkLoader.load(bytes: Array(text.utf8), file: "g.gml", form: .gml)
        #expect(loaded.network.manifest.title == "Q&A € \"x\" A")
        #expect(loaded.network.nodes[0].attributes.map { "\($0.key)=\($0.value)" } == ["graphics.x=1.5", "graphics.y=-2", "tag=p;q"])
        #expect(loaded.network.isDirected(loaded.network.ties[0]))
        for (bad, line, problem) in [
            ("graph [\n node [ id 0 label \"x ]\n]", 2, Diagnostic.Problem.badSyntax),
            ("graph [\n node [ id 0 ]\n edge [ source 0 target 9 ]\n]", 3, .unknownNode),
            ("graph [\n node [ id 0 label foo ]\n]", 2, .badSyntax),
            ("graph [\n node [ id 0 ]\n", 3, .badSyntax),
        ] {
            let r = Result { () throws(LoadFailure) in try NetworkLoader.load(bytes: Array(bad.utf8), file: "bad.gml", form: .gml) }
            guard case .failure(let f) = r else {
                Issue.record("\(bad) should fail")
                continue
            }
            #expect(f.diagnostics.map(\.problem) == [problem], "\(bad)")
            #expect(f.diagnostics.first?.location.line == line, "\(bad)")
        }
    }

    @Test func pajekListsAndMatrix() throws {
        let text = "*Vertices 3\n1 \"a\"\n2 \"b\"\n3 \"c\"\n*Arcslist\n1 2 3\n*Matrix\n0 0 0\n0 0 1.5\n2 0 0\n"
        let n = try NetworkLoader.load(bytes: Array(text.utf8), file: "p.net", form: .pajek).network
        #expect(n.ties.map { "\($0.source)>\($0.target):\($0.weight)" } == ["a>b:1.0", "a>c:1.0", "b>c:1.5", "c>a:2.0"])
        let project = "*Network one\n*Vertices 5\n*Edges\n1 5\n*Network two\n*Vertices 2\n*Edges\n1 2\n"
        let first = try NetworkLoader.load(bytes: Array(project.utf8), file: "p.paj", form: .pajek)
        #expect(first.network.nodes.count == 5 && first.network.ties.count == 1)
        #expect(first.warnings.map(\.description) == ["p.paj:5: warning: the file holds more than one network; only the first is read"])
        let bad = "*Vertices 2\n1 \"a\"\n*Edges\n1 3\n"
        let r = Result { () throws(LoadFailure) in try NetworkLoader.load(bytes: Array(bad.utf8), file: "p.net", form: .pajek) }
        guard case .failure(let f) = r else {
            Issue.record("vertex 3 of 2 should fail")
            return
        }
        #expect(f.diagnostics.map(\.description) == ["p.net:4: error: vertex '3' is not a number from 1 to 2"])
    }
}

extension Tie {
    /// The value of a free-form attribute (tests only).
    func attribute(_ key: String) -> String? { attributes.first(where: { $0.key == key })?.value }
}

@Suite struct ForeignRecordsFastPathTests {
    /// The direct construction of plain ties must give exactly what the general path (RawRecord and
    /// RecordDecoder) gives, and must decline everything else.
    @Test func plainTiesAreDecodedAsTheGeneralPathDecodesThem() throws {
        let at = FileLocation(file: "x.graphml", line: 7)
        let cases: [(String, String, [ForeignValue], Bool)] = [
            ("a", "b", [], false),
            ("a", "b", [], true),
            ("a", "b", [ForeignValue("weight", "4.0")], false),
            ("a", "b", [ForeignValue("Weight", "2.5e0"), ForeignValue("type", "Funding")], true),
            ("n1", "n2", [ForeignValue("kind", "membership")], false),
            ("a-é-b", "b", [ForeignValue("weight", "1")], false),
        ]
        for (s, t, values, directed) in cases {
            var general = ForeignRecords(options: LoadOptions(), exact: false)
            let fast = try #require(ForeignRecords.plainTie(source: s, target: t, values: values, directed: directed, at: at), "\(s) \(t) \(values.map(\.key))")
            let decoded = general.decodedTie(source: s, target: t, values: values, directedByFormat: directed, at: at)
            let slow = try #require(decoded)
            #expect(fast == slow, "\(s) \(t) \(values.map(\.key))")
            #expect(fast.origin == slow.origin)
            #expect(general.finish().isEmpty)
        }
        // Declined: anything the general path would trim, warn about, keep as an attribute or reject.
        let declined: [(String, String, [ForeignValue])] = [
            (" a", "b", []), ("a", "", []), ("é", "b", []), ("a\u{00A0}", "b", []),
            ("a", "b", [ForeignValue("weight", "0")]), ("a", "b", [ForeignValue("weight", "-1")]),
            ("a", "b", [ForeignValue("weight", " 2")]), ("a", "b", [ForeignValue("weight", "nan")]),
            ("a", "b", [ForeignValue("weight", "inf")]),
            ("a", "b", [ForeignValue("kind", "x"), ForeignValue("type", "y")]),
            ("a", "b", [ForeignValue("since", "2024-01-01")]), ("a", "b", [ForeignValue("colour", "red")]),
            ("a", "b", [ForeignValue("kind", "")]),
        ]
        for (s, t, values) in declined {
            #expect(ForeignRecords.plainTie(source: s, target: t, values: values, directed: false, at: at) == nil, "\(s) \(t) \(values.map { "\($0.key)=\($0.text)" })")
        }
    }

    /// The same for plain nodes (an id, at most a name or label): exactly the general path's node, in
    /// both modes; everything else declined.
    @Test func plainNodesAreDecodedAsTheGeneralPathDecodesThem() throws {
        let at = FileLocation(file: "x.graphml", line: 3)
        let cases: [(String, [ForeignValue], Bool)] = [
            ("a", [], false), ("a", [], true), ("n-é-1", [], false),
            ("a", [ForeignValue("name", "Asian Development Bank")], false),
            ("a", [ForeignValue("Label", "ADB")], false),
            ("a", [ForeignValue("NAME", "x")], true),
        ]
        for (id, values, exact) in cases {
            var general = ForeignRecords(options: LoadOptions(), exact: exact)
            let fast = try #require(ForeignRecords.plainNode(id: id, values: values, exact: exact, at: at), "\(id) \(values.map(\.key))")
            let decoded = general.decodedNode(id: id, values: values, at: at)
            let slow = try #require(decoded)
            #expect(fast == slow, "\(id) \(values.map(\.key))")
            #expect(fast.origin == slow.origin)
            #expect(general.finish().isEmpty)
        }
        let declined: [(String, [ForeignValue], Bool)] = [
            (" a", [], false), ("", [], false), ("é", [], false), ("a\u{00A0}", [], false),
            ("a", [ForeignValue("name", " x")], false), ("a", [ForeignValue("name", "")], false),
            ("a", [ForeignValue("label", "x")], true), ("a", [ForeignValue("kind", "agency")], false),
            ("a", [ForeignValue("type", "expert")], false), ("a", [ForeignValue("colour", "red")], false),
            ("a", [ForeignValue("name", "x"), ForeignValue("label", "y")], false),
        ]
        for (id, values, exact) in declined {
            #expect(ForeignRecords.plainNode(id: id, values: values, exact: exact, at: at) == nil, "\(id) \(values.map { "\($0.key)=\($0.text)" })")
        }
    }
}

