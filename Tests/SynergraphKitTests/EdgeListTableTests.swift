import Foundation
import Testing
@testable import SynergraphKit

/// Edge lists with a header naming more columns, as spreadsheets and Gephi's Data Laboratory ("Export
/// table") write them, and a nodes table joined by id (`--nodes`, `LoadOptions.nodesTable`).
@Suite struct EdgeListTableTests {
    static let formats = FixturePaths.root.appendingPathComponent("formats")
    static let gephiNodes = formats.appendingPathComponent("gephi-table.nodes.csv").path
    static let gephiEdges = formats.appendingPathComponent("gephi-table.edges.csv").path

    /// Writes `files` (name → text) into a fresh folder and returns their paths by name.
    private func write(_ files: [String: String]) throws -> (URL, [String: String]) {
        let dir = try FixturePaths.temporaryFolder()
        var paths: [String: String] = [:]
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            paths[name] = url.path
        }
        return (dir, paths)
    }

    private func failure(_ path: String, _ options: LoadOptions) -> LoadFailure? {
        do { _ = try NetworkLoader.load(path: path, options: options) } catch { return error }
        return nil
    }

    private func attributes(_ a: Attributes) -> [String] { a.map { "\($0.key)=\($0.value)" } }

    /// Excel on Windows saves CSV as Windows-1252: `auto` reads it with one warning per file at the first
    /// byte that is not UTF-8; `utf8` refuses it; `latin1` reads it silently.
    @Test func windows1252TablesAsExcelSavesThem() throws {
        let dir = try FixturePaths.temporaryFolder()
        let nodes = dir.appendingPathComponent("nodes.csv"), edges = dir.appendingPathComponent("edges.csv")
        // "Société" (é = 0xE9), "Ministère" (è = 0xE8), "€" (0x80) in Windows-1252.
        try Data(Array("id;name\ncso-1;Soci".utf8) + [0xE9] + Array("t".utf8) + [0xE9] + Array(" civile\ngov;Minist".utf8) + [0xE8] + Array("re\n".utf8)).write(to: nodes)
        try Data(Array("source;target;note\ncso-1;gov;".utf8) + [0x80] + Array("5k grant\n".utf8)).write(to: edges)
        let loaded = try NetworkLoader.load(path: edges.path, options: LoadOptions(nodesTable: nodes.path))
        #expect(loaded.network.nodes.map(\.name) == ["Société civile", "Ministère"])
        #expect(loaded.network.ties.first?.attribute("note") == "€5k grant")
        #expect(loaded.warnings.map(\.problem) == [.invalidEncoding, .invalidEncoding])
        #expect(Set(loaded.warnings.map { $0.location.file }) == [nodes.path, edges.path])
        #expect(loaded.warnings.first { $0.location.file == edges.path }?.location.line == 2)
        let strict = try #require(failure(edges.path, LoadOptions(encoding: .utf8, nodesTable: nodes.path)))
        #expect(strict.diagnostics.contains { $0.problem == .invalidEncoding && $0.severity == .error })
        let latin1 = try NetworkLoader.load(path: edges.path, options: LoadOptions(encoding: .latin1, nodesTable: nodes.path))
        #expect(latin1.warnings.isEmpty && latin1.network.nodes[1].name == "Ministère")
    }

    /// Space-separated lists as NetworkX's `write_weighted_edgelist` and igraph's `write_ncol` write them,
    /// with KONECT-style `%` and `#` comments, CRLF and runs of blanks; the fast reader declines them.
    @Test func spaceSeparatedListsAsNetworkXAndIgraphWriteThem() throws {
        let text = "% sym weighted\r\n# written by hand after nx.write_weighted_edgelist\r\nunpog nasc 2.5\r\nnasc  escap 1\r\n\r\n  escap unpog\r\nrim nasc 0\r\n"
        let (network, diagnostics) = EdgeListReader.read(Array(text.utf8), file: "w.edges", name: "w")
        // One error: the zero weight, at its line and column (the comments still count as lines).
        #expect(diagnostics.map(\.problem) == [.badWeight])
        #expect(diagnostics.first?.location == FileLocation(file: "w.edges", line: 7, column: 10))
        #expect(network == nil)
        let good = "% sym weighted\nunpog nasc 2.5\nnasc  escap 1\n  escap unpog\n"
        let (n, d) = EdgeListReader.read(Array(good.utf8), file: "w.edges", name: "w")
        #expect(d.isEmpty, "\(d)")
        let net = try #require(n)
        #expect(net.nodes.map(\.id) == ["unpog", "nasc", "escap"])
        #expect(net.ties.map { "\($0.source)-\($0.target)-\($0.weight)" } == ["unpog-nasc-2.5", "nasc-escap-1.0", "escap-unpog-1.0"])
        #expect(!EdgeListReader.isPlain(head: Array(good.utf8), complete: true))
        // Comma, semicolon and tab files are never split at spaces: ids keep their blanks.
        let csv = "Hà Nội office,Zürich office\n"
        #expect(EdgeListReader.read(Array(csv.utf8), file: "c.csv", name: "c").0?.nodes.map(\.id) == ["Hà Nội office", "Zürich office"])
        let tsv = "Hà Nội office\tZürich office\n"
        #expect(EdgeListReader.read(Array(tsv.utf8), file: "t.tsv", name: "t").0?.nodes.map(\.id) == ["Hà Nội office", "Zürich office"])
    }

    // MARK: Gephi's tables

    @Test func gephiExportWithKindAttribute() throws {
        let options = LoadOptions(kindAttribute: "kind_column", nodesTable: Self.gephiNodes)
        let loaded = try NetworkLoader.load(path: Self.gephiEdges, options: options)
        let n = loaded.network
        #expect(loaded.form == .edgeList)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(n.manifest.name == "gephi-table-edges")
        #expect(n.nodes.map(\.id) == ["unpog", "escap", "nasc", "tiri", "exp-1", "lao-moha"])
        #expect(n.nodes.map(\.kind) == [.agency, .agency, .school, .cso, .expert, .government])
        #expect(n.nodes.map(\.name) == ["United Nations Project Office on Governance", "Economic and Social Commission for Asia and the Pacific",
                                        "Nepal Administrative Staff College", "Integrity Network, Asia", "Expert One", "Ministry of Home Affairs, Lao PDR"])
        #expect(n.nodes.map(\.country) == ["KOR", "THA", "NPL", nil, "NPL", "LAO"])
        // `timeset` is empty everywhere: no attribute. The kind column is the kind, not an attribute.
        #expect(n.nodes.map { attributes($0.attributes) } == [["acronym=UNPOG"], ["acronym=ESCAP"], [], [], [], ["acronym=MoHA"]])
        #expect(n.nodes[5].origin == FileLocation(file: Self.gephiNodes, line: 7))

        #expect(n.ties.map { "\($0.source)-\($0.target)" } == ["unpog-escap", "unpog-nasc", "nasc-tiri", "exp-1-nasc", "escap-unpog"])
        #expect(n.ties.map(\.weight) == [3, 2, 1, 1.5, 1])
        #expect(n.ties.map(\.directed) == [nil, true, nil, true, nil])
        #expect(n.ties.map { n.isDirected($0) } == [false, true, false, true, false])
        #expect(n.ties.allSatisfy { $0.kind == "tie" })
        // Gephi's edge Id and Label are kept as attributes, in column order.
        #expect(n.ties.map { attributes($0.attributes) } == [["id=0"], ["id=1", "label=MoU 2024"], ["id=2"], ["id=3", "label=affiliation, since 2023"], ["id=4"]])
        #expect(n.ties[3].origin == FileLocation(file: Self.gephiEdges, line: 5))
    }

    /// Without `--kind-attribute`, Gephi's custom kind column is just an attribute and every kind is other.
    @Test func gephiExportWithoutKindAttribute() throws {
        let n = try NetworkLoader.load(path: Self.gephiEdges, options: LoadOptions(nodesTable: Self.gephiNodes)).network
        #expect(n.nodes.allSatisfy { $0.kind == .other })
        #expect(n.nodes[0].attribute("kind_column") == "agency")
        #expect(n.nodes[1].attribute("kind_column") == "Agency")
        #expect(n.nodes[0].name == "United Nations Project Office on Governance")
    }

    /// The same tables with semicolons (a quoted `;` inside a field) and with tabs, and the columns a
    /// spreadsheet would name: `kind`, `since`, `trust`, `directed`.
    @Test func semicolonAndTabTables() throws {
        let semicolon = try write([
            "nodes.csv": "id;name;type;country;note\na;Alpha;school;NPL;\"first; of two\"\nb;Beta;cso;;\n",
            "edges.csv": "source;target;Type;kind;since;trust;Weight\na;b;directed;funding;2024-05-01;3;4\nb;a;UNDIRECTED;partnership;;;\n",
        ])
        defer { try? FileManager.default.removeItem(at: semicolon.0) }
        let s = try NetworkLoader.load(path: semicolon.1["edges.csv"]!, options: LoadOptions(nodesTable: semicolon.1["nodes.csv"]!)).network
        #expect(s.nodes.map(\.id) == ["a", "b"])
        #expect(s.nodes.map(\.name) == ["Alpha", "Beta"])
        #expect(s.nodes.map(\.kind) == [.school, .cso])
        #expect(s.nodes.map(\.country) == ["NPL", nil])
        #expect(attributes(s.nodes[0].attributes) == ["note=first; of two"])
        #expect(s.ties.map(\.kind) == ["funding", "partnership"])
        #expect(s.ties.map(\.directed) == [true, nil])
        #expect(s.ties.map(\.weight) == [4, 1])
        #expect(s.ties[0].since == Day(iso: "2024-05-01"))
        #expect(s.ties[0].trust == 3)
        #expect(s.ties.allSatisfy { $0.attributes.isEmpty })

        let tab = try write([
            "nodes.tsv": "ID\tLabel\tKind\tacronym\nx\tX Ministry\tgovernment\tXM\ny\tY School\tschool\t\n",
            "edges.tsv": "From\tTo\tweight\tdirected\tcolour\nx\ty\t0.5\tyes\tred\ny\tx\t\t\t\n",
        ])
        defer { try? FileManager.default.removeItem(at: tab.0) }
        let t = try NetworkLoader.load(path: tab.1["edges.tsv"]!, options: LoadOptions(nodesTable: tab.1["nodes.tsv"]!)).network
        #expect(t.nodes.map(\.name) == ["X Ministry", "Y School"])
        #expect(t.nodes.map(\.kind) == [.government, .school])
        #expect(attributes(t.nodes[0].attributes) == ["acronym=XM"])
        #expect(t.ties.map(\.weight) == [0.5, 1])
        #expect(t.ties.map(\.directed) == [true, nil])
        #expect(t.ties.map { attributes($0.attributes) } == [["colour=red"], []])
    }

    // MARK: Header columns without a nodes table

    @Test func endpointAndWeightColumnsAreFoundByName() throws {
        let files = try write([
            "swapped.csv": "weight,to,from\n2,b,a\n,c,b\n",
            "named.csv": "p,q,strength\na,b,5\n",
            "two.csv": "source,target\na,b,2\n",
        ])
        defer { try? FileManager.default.removeItem(at: files.0) }
        let swapped = try NetworkLoader.load(path: files.1["swapped.csv"]!).network
        #expect(swapped.ties.map { "\($0.source)-\($0.target)" } == ["a-b", "b-c"])
        #expect(swapped.ties.map(\.weight) == [2, 1])
        #expect(swapped.nodes.map(\.id) == ["a", "b", "c"])
        // With a header, only a column named weight is the weight: `strength` is an attribute.
        let named = try NetworkLoader.load(path: files.1["named.csv"]!).network
        #expect(named.ties[0].weight == 1)
        #expect(attributes(named.ties[0].attributes) == ["strength=5"])
        // A header of the two endpoints alone still takes an unnamed third field as the weight.
        #expect(try NetworkLoader.load(path: files.1["two.csv"]!).network.ties[0].weight == 2)
    }

    @Test func headerProblemsHaveTheirPlaces() throws {
        let files = try write([
            "dup.csv": "source,target,Label,label\na,b,x,y\n",
            "rows.csv": "source,target,kind,weight\na,b,partnership,1,extra\nc,,x,1\nd,e,x,-2\nf,g,x,1,\n",
        ])
        defer { try? FileManager.default.removeItem(at: files.0) }
        let dup = try #require(failure(files.1["dup.csv"]!, LoadOptions()))
        #expect(dup.diagnostics.map(\.description) == ["\(files.1["dup.csv"]!):1:21: error: column 'label' appears twice (also column 3)"])
        let rows = try #require(failure(files.1["rows.csv"]!, LoadOptions()))
        let path = files.1["rows.csv"]!
        #expect(rows.diagnostics.map(\.description) == [
            "\(path):2: error: this row has 5 fields but the header has 4; quote fields that hold the delimiter",
            "\(path):3:3: error: the tie has no target",
            "\(path):4:7: error: weight '-2' must be a positive number",
            "\(path):5: error: this row has 5 fields but the header has 4; quote fields that hold the delimiter",
        ])
    }

    // MARK: The join

    @Test func endpointsMissingFromTheNodesTableGetOneWarning() throws {
        let files = try write([
            "nodes.csv": "id,name,kind\na,Alpha,agency\nb,Beta,school\nlonely,Lonely,cso\n",
            "edges.csv": "source,target\na,b\nb,z1\nz2,z3\nz1,z4\na,z2\n",
        ])
        defer { try? FileManager.default.removeItem(at: files.0) }
        let edges = files.1["edges.csv"]!, nodes = files.1["nodes.csv"]!
        let loaded = try NetworkLoader.load(path: edges, options: LoadOptions(nodesTable: nodes))
        #expect(loaded.network.nodes.map(\.id) == ["a", "b", "lonely", "z1", "z2", "z3", "z4"])
        #expect(loaded.network.nodes.suffix(4).allSatisfy { $0.kind == .other && $0.name == $0.id })
        #expect(loaded.network.nodes[2].kind == .cso)
        #expect(loaded.warnings.map(\.description) == [
            "\(edges):3:3: warning: 4 tie endpoints are not in the nodes table \(nodes) ('z1', 'z2', 'z3', ...); they are added with kind other, named by their id",
        ])
        #expect(loaded.warnings.map(\.problem) == [.unknownNode])
        // Without a nodes table, no warning and nodes in order of first appearance.
        let plain = try NetworkLoader.load(path: edges)
        #expect(plain.warnings.isEmpty)
        #expect(plain.network.nodes.map(\.id) == ["a", "b", "z1", "z2", "z3", "z4"])
    }

    @Test func nodesTableProblemsAreErrorsWithTheirPlaces() throws {
        let files = try write([
            "nodes.csv": "name,id,kind\nAlpha,a,agency\nBeta,b,school\nAgain,a,cso\nNobody,,cso\nShort,s\n",
            "edges.csv": "a,b\n",
            "empty.csv": "",
        ])
        defer { try? FileManager.default.removeItem(at: files.0) }
        let nodes = files.1["nodes.csv"]!
        let f = try #require(failure(files.1["edges.csv"]!, LoadOptions(nodesTable: nodes)))
        #expect(f.diagnostics.map(\.description) == [
            "\(nodes):4:7: error: duplicate node id 'a'; first defined on line 2",
            "\(nodes):5:8: error: the node has no id (column 'id')",
            "\(nodes):6: error: this row has 2 fields but the header has 3; quote fields that hold the delimiter",
        ])
        #expect(f.diagnostics.map(\.problem) == [.duplicateID, .missingValue, .wrongColumnCount])
        let empty = try #require(failure(files.1["edges.csv"]!, LoadOptions(nodesTable: files.1["empty.csv"]!)))
        #expect(empty.diagnostics.map(\.problem) == [.emptyFile])
        let missing = try #require(failure(files.1["edges.csv"]!, LoadOptions(nodesTable: "/nonexistent/nodes.csv")))
        #expect(missing.diagnostics.map(\.description) == ["/nonexistent/nodes.csv: error: no such file (the nodes table)"])
    }

    /// The id column is `id` in any case, else the first column; replaced values warn once.
    @Test func idColumnAndReplacedKinds() throws {
        let files = try write([
            "nodes.csv": "actor,kind,region\na,robot,north\nb,spaceship,south\nc,school,\n",
            "edges.csv": "a,b\nb,c\n",
        ])
        defer { try? FileManager.default.removeItem(at: files.0) }
        let nodes = files.1["nodes.csv"]!
        let loaded = try NetworkLoader.load(path: files.1["edges.csv"]!, options: LoadOptions(nodesTable: nodes))
        let n = loaded.network
        #expect(n.nodes.map(\.id) == ["a", "b", "c"])
        #expect(n.nodes.map(\.kind) == [.other, .other, .school])
        #expect(attributes(n.nodes[0].attributes) == ["region=north", "original_kind=robot"])
        #expect(loaded.warnings.map(\.problem) == [.replacedValue])
        #expect(loaded.warnings.first?.location == FileLocation(file: nodes, line: 2, column: 3))
    }

    @Test func aNodesTableJoinsOnlyAnEdgeList() throws {
        let files = try write([
            "nodes.csv": "id\na\n",
            "g.graphml": "<graphml><graph edgedefault=\"undirected\"><node id=\"a\"/></graph></graphml>",
        ])
        defer { try? FileManager.default.removeItem(at: files.0) }
        let nodes = files.1["nodes.csv"]!
        for (input, what) in [(FixturePaths.network("tiny"), "a network folder"), (files.1["g.graphml"]!, "a GraphML file")] {
            let f = try #require(failure(input, LoadOptions(nodesTable: nodes)))
            #expect(f.diagnostics.map(\.problem) == [.nodesTableUnused])
            #expect(f.diagnostics.first?.message == "the nodes table \(nodes) can only be joined to an edge list; this is \(what), which lists its own nodes")
        }
    }

    // MARK: The fast path of `synergraph metrics`

    /// EdgeListGraphReader reads fields by position and every tie as undirected: only plain lists may
    /// take it (a Gephi table's `Type=Directed` must not be read as undirected).
    @Test func onlyPlainEdgeListsTakeTheFastPath() throws {
        let files = try write([
            "none.csv": "a,b,2\nb,c\n",
            "plain.csv": "Source,Target,Weight\na,b,2\n",
            "two.txt": "from,to\na,b\n",
            "swapped.csv": "target,source\na,b\n",
            "unnamed.csv": "source,target,w\na,b,2\n",
            "more.csv": "source,target,weight,note\na,b,1,x\n",
        ])
        defer { try? FileManager.default.removeItem(at: files.0) }
        #expect(NetworkLoader.isPlainEdgeListFile(path: Self.gephiEdges) == false)
        #expect(NetworkLoader.isEdgeListFile(path: Self.gephiEdges))
        for (name, plain) in [("none.csv", true), ("plain.csv", true), ("two.txt", true), ("swapped.csv", false), ("unnamed.csv", false), ("more.csv", false)] {
            #expect(NetworkLoader.isPlainEdgeListFile(path: files.1[name]!) == plain, "\(name)")
        }
        #expect(NetworkLoader.isPlainEdgeListFile(path: FixturePaths.network("tiny")) == false)
        // A first line longer than the part read cannot be judged: not plain.
        let long = String(repeating: "x", count: 70_000)
        #expect(EdgeListReader.isPlain(head: Array("source,target,\(long)".utf8.prefix(65_536)), complete: false) == false)
        #expect(EdgeListReader.isPlain(head: Array("source,target\n\(long),b\n".utf8.prefix(65_536)), complete: false))
    }
}
