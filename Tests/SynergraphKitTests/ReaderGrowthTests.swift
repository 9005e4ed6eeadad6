import Foundation
import Testing
@testable import SynergraphKit

/// Every reader's work grows linearly with its input, along each dimension that was (or could be)
/// quadratic: columns, rows, line and field length, errors per line, nesting, attributes, records. An
/// input of size 8n must take at most ``Growth/bound`` times as long as one of size n (linear: about 8;
/// quadratic: about 64). Limits are raised where needed, so the growth measured is the reader's own, not
/// a refusal's. (The 200,000-column CSV header that kept `validate` busy for over a minute was quadratic
/// in columns: 20,000 columns took 0.8 s.)
@Suite(.serialized) struct ReaderGrowthTests {
    /// Limits raised far above every input here.
    static let open: ReaderLimits = {
        var l = ReaderLimits()
        l.columns = 1 << 30
        l.lineLength = 1 << 30
        l.fieldLength = 1 << 30
        l.depth = 1_000
        l.records = 1 << 30
        l.attributes = 1 << 30
        l.values = 1 << 30
        return l
    }()

    private func load(_ text: String, _ form: NetworkForm, limits: ReaderLimits = ReaderGrowthTests.open) -> Result<LoadedNetwork, LoadFailure> {
        Result { () throws(LoadFailure) in try NetworkLoader.load(bytes: Array(text.utf8), file: "g", form: form, options: LoadOptions(limits: limits)) }
    }

    private func folder(_ files: [String: String], limits: ReaderLimits = ReaderGrowthTests.open) -> (Network?, [Diagnostic]) {
        NetworkFolderReader.read(displayPath: "net", limits: limits) { files[$0].map { Array($0.utf8) } }
    }

    private static let manifest = #"{"name": "growth"}"#

    private func expectLinear(_ what: String, _ m: Growth.Measurement) {
        print("growth \(what): \(m)")
        #expect(m.ratio < Growth.bound, "\(what): 8n took \(m) times as long as n")
    }

    // MARK: CSV: the folder's tables, edge lists, nodes tables

    @Test func folderTableColumns() throws {
        func nodes(_ n: Int) -> [String: String] {
            let header = "id,name,kind," + (0..<n).map { "c\($0)" }.joined(separator: ",")
            let row = "a,A,agency," + (0..<n).map { "v\($0)" }.joined(separator: ",")
            return ["manifest.json": Self.manifest, "nodes.csv": header + "\n" + row + "\n"]
        }
        let (network, _) = folder(nodes(100))
        #expect(network?.nodes.first?.attributes.count == 100)
        expectLinear("folder columns", Growth.ratio(800) { n in let f = nodes(n); return { _ = self.folder(f) } })
    }

    @Test func folderDuplicateHeadersAndRows() throws {
        // Every repeated column name is an error at its place: n errors.
        func dups(_ n: Int) -> [String: String] {
            ["manifest.json": Self.manifest, "nodes.csv": "id,name,kind," + Array(repeating: "x", count: n).joined(separator: ",") + "\n"]
        }
        let (_, diagnostics) = folder(dups(3))
        #expect(diagnostics.map(\.description) == [
            "net/nodes.csv:1:16: error: column 'x' appears twice (also column 4)", "net/nodes.csv:1:18: error: column 'x' appears twice (also column 4)",
        ])
        expectLinear("duplicate headers", Growth.ratio(800) { n in let f = dups(n); return { _ = self.folder(f) } })
        func rows(_ n: Int) -> [String: String] {
            var nodes = "id,name,kind\n", ties = "source,target,weight\n"
            for i in 0..<n { nodes += "n\(i),N \(i),agency\n" }
            for i in 0..<n { ties += "n\(i),n\((i * 7 + 1) % n),2\n" }
            return ["manifest.json": Self.manifest, "nodes.csv": nodes, "ties.csv": ties]
        }
        #expect(folder(rows(50)).0?.ties.count == 50)
        expectLinear("folder rows", Growth.ratio(150) { n in let f = rows(n); return { _ = self.folder(f) } })
    }

    @Test func csvErrorsAlongOneLine() throws {
        // `"a"b` in every field: one error per field, each at its column.
        func line(_ n: Int) -> String { "source,target\n" + Array(repeating: "\"a\"b", count: n).joined(separator: ",") + "\n" }
        let f = try #require(load(line(3), .edgeList).failureValue)
        #expect(f.diagnostics.map(\.description) == [
            "g:2:4: error: text after a closing quote; a quote inside a quoted field must be doubled (\"\")",
            "g:2:9: error: text after a closing quote; a quote inside a quoted field must be doubled (\"\")",
            "g:2:14: error: text after a closing quote; a quote inside a quoted field must be doubled (\"\")",
        ])
        expectLinear("errors along a line (model reader)", Growth.ratio(2_500) { n in let t = line(n); return { _ = self.load(t, .edgeList) } })
        expectLinear("errors along a line (fast reader)", Growth.ratio(2_500) { n in
            let b = Array(line(n).utf8)
            return { _ = try? EdgeListGraphReader.read(bytes: b, file: "g", name: "g", limits: Self.open) }
        })
    }

    @Test func edgeListColumnsRowsAndLongFields() throws {
        func wide(_ n: Int) -> String {
            "source,target," + (0..<n).map { "c\($0)" }.joined(separator: ",") + "\n" + "a,b," + (0..<n).map { "v\($0)" }.joined(separator: ",") + "\n"
        }
        #expect(try load(wide(20), .edgeList).get().network.ties[0].attributes.count == 20)
        expectLinear("edge-list columns", Growth.ratio(300) { n in let t = wide(n); return { _ = self.load(t, .edgeList) } })
        func long(_ n: Int) -> String { "a," + String(repeating: "b", count: n) + "\n" }
        #expect(try load(long(10), .edgeList).get().network.nodes.map(\.id) == ["a", "bbbbbbbbbb"])
        expectLinear("long field", Growth.ratio(10_000) { n in let t = long(n); return { _ = self.load(t, .edgeList) } })
        func rows(_ n: Int) -> String { (0..<n).map { "n\($0),n\(($0 * 7 + 1) % n),1.5" }.joined(separator: "\n") + "\n" }
        expectLinear("edge-list rows", Growth.ratio(500) { n in let t = rows(n); return { _ = self.load(t, .edgeList) } })
        expectLinear("edge-list rows (fast reader)", Growth.ratio(1_200) { n in
            let b = Array(rows(n).utf8)
            return { _ = try? EdgeListGraphReader.read(bytes: b, file: "g", name: "g") }
        })
        // Blank-separated lists: columns.
        func blanks(_ n: Int) -> String { "a b " + (0..<n).map { "x\($0)" }.joined(separator: " ") + "\n" }
        expectLinear("blank-separated columns", Growth.ratio(1_500) { n in let t = blanks(n); return { _ = self.load(t, .edgeList) } })
    }

    @Test func nodesTableColumns() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        func table(_ n: Int) -> String {
            let url = dir.appendingPathComponent("nodes-\(n).csv")
            let text = "id,name," + (0..<n).map { "c\($0)" }.joined(separator: ",") + "\na,A," + (0..<n).map { "v\($0)" }.joined(separator: ",") + "\n"
            try? Data(text.utf8).write(to: url)
            return url.path
        }
        func run(_ path: String) -> Result<LoadedNetwork, LoadFailure> {
            Result { () throws(LoadFailure) in
                try NetworkLoader.load(bytes: Array("a,b\n".utf8), file: "e.csv", form: .edgeList, options: LoadOptions(nodesTable: path, limits: Self.open))
            }
        }
        #expect(try run(table(10)).get().network.nodes[0].attributes.count == 10)
        expectLinear("nodes-table columns", Growth.ratio(600) { n in let p = table(n); return { _ = run(p) } })
    }

    // MARK: JSON

    @Test func jsonNestingKeysAndRecords() throws {
        // A list value nested d deep: each level's value once (it was computed three times a level: 3^d).
        // (30 nodes, each with a chain d deep.)
        func nested(_ d: Int) -> String {
            let chain = String(repeating: "[", count: d) + #""v""# + String(repeating: "]", count: d)
            return #"{"manifest": {"name": "j"}, "nodes": ["# + (0..<30).map { "{\"id\": \"n\($0)\", \"kind\": \"agency\", \"x\": \(chain)}" }.joined(separator: ", ") + "]}"
        }
        #expect(try load(nested(5), .json).get().network.nodes[0].attributes.map(\.value) == ["v"])
        expectLinear("JSON nesting", Growth.ratio(40, runs: 5) { n in let t = nested(n); return { _ = self.load(t, .json) } })
        func keys(_ n: Int) -> String {
            #"{"manifest": {"name": "j"}, "nodes": [{"id": "a", "kind": "agency", "# + (0..<n).map { "\"k\($0)\": \"v\"" }.joined(separator: ", ") + "}]}"
        }
        #expect(try load(keys(7), .json).get().network.nodes[0].attributes.count == 7)
        expectLinear("JSON keys", Growth.ratio(200) { n in let t = keys(n); return { _ = self.load(t, .json) } })
        func records(_ n: Int) -> String {
            #"{"manifest": {"name": "j"}, "nodes": ["# + (0..<n).map { "{\"id\": \"n\($0)\", \"kind\": \"school\"}" }.joined(separator: ", ") + "]}"
        }
        expectLinear("JSON records", Growth.ratio(100) { n in let t = records(n); return { _ = self.load(t, .json) } })
    }

    // MARK: XML

    @Test func graphMLKeysRecordsTextAndNesting() throws {
        func keys(_ n: Int) -> String {
            var s = "<graphml>"
            for i in 0..<n { s += "<key id=\"d\(i)\" for=\"node\" attr.name=\"a\(i)\"><default>z</default></key>" }
            s += "<graph><node id=\"a\">"
            for i in 0..<n { s += "<data key=\"d\(i)\">v</data>" }
            return s + "</node><node id=\"b\"/></graph></graphml>"
        }
        let two = try load(keys(3), .graphml).get().network
        #expect(two.nodes.map { $0.attributes.map(\.value) } == [["v", "v", "v"], ["z", "z", "z"]])
        expectLinear("GraphML keys and data", Growth.ratio(120) { n in let t = keys(n); return { _ = self.load(t, .graphml) } })
        func records(_ n: Int) -> String {
            "<graphml><graph>" + (0..<n).map { "<node id=\"n\($0)\"/><edge source=\"n\($0)\" target=\"n0\"/>" }.joined() + "</graph></graphml>"
        }
        expectLinear("GraphML records", Growth.ratio(100) { n in let t = records(n); return { _ = self.load(t, .graphml) } })
        func text(_ n: Int) -> String {
            "<graphml><key id=\"d\" for=\"node\" attr.name=\"note\"/><graph><node id=\"a\"><data key=\"d\">" + String(repeating: "t&amp;", count: n)
                + "</data></node></graph></graphml>"
        }
        expectLinear("GraphML text length", Growth.ratio(4_000) { n in let t = text(n); return { _ = self.load(t, .graphml) } })
        func value(_ n: Int) -> String { "<graphml><graph><node id=\"" + String(repeating: "v&amp;", count: n) + "\"/></graph></graphml>" }
        expectLinear("GraphML attribute value length", Growth.ratio(3_000) { n in let t = value(n); return { _ = self.load(t, .graphml) } })
        // Nesting below libxml2's own limit (256).
        func deep(_ d: Int) -> String {
            let chain = String(repeating: "<x>", count: d) + String(repeating: "</x>", count: d)
            return "<graphml><graph>" + (0..<30).map { "<node id=\"n\($0)\">" + chain + "</node>" }.joined() + "</graph></graphml>"
        }
        #expect(try load(deep(30), .graphml).get().network.nodes.count == 30)
        expectLinear("XML nesting", Growth.ratio(30, runs: 5) { n in let t = deep(n); return { _ = self.load(t, .graphml) } })
    }

    @Test func xmlElementsWithManyAttributesAreRefusedInLinearTime() throws {
        // libxml2 2.9's check for repeated attributes is quadratic (xmllint: 20,000 attributes 3 s, 40,000
        // 53 s): past the limit the element is refused before libxml2 sees it.
        func wide(_ n: Int) -> String { "<graphml><graph><node id=\"a\" " + (0..<n).map { "a\($0)=\"1\"" }.joined(separator: " ") + "/></graph></graphml>" }
        let f = try #require(load(wide(1_001), .graphml, limits: ReaderLimits()).failureValue)
        #expect(f.diagnostics.map(\.description) == [
            "g:1:17: error: this element has more than 1,000 attributes (limit attributes=1000); raise it with --limit attributes=2000",
        ])
        expectLinear("XML attributes refused", Growth.ratio(30_000) { n in let t = wide(n); return { _ = self.load(t, .graphml, limits: ReaderLimits()) } })
        #expect(try load(wide(200), .graphml, limits: ReaderLimits()).get().network.nodes.count == 1)
    }

    @Test func gexfAttributeValuesAndColumns() throws {
        func gexf(_ n: Int) -> String {
            var s = "<gexf><graph><attributes class=\"node\">"
            for i in 0..<n { s += "<attribute id=\"\(i)\" title=\"t\(i)\"/>" }
            s += "</attributes><nodes><node id=\"a\"><attvalues>"
            for i in 0..<n { s += "<attvalue for=\"\(i)\" value=\"v\"/>" }
            return s + "</attvalues></node></nodes></graph></gexf>"
        }
        #expect(try load(gexf(4), .gexf).get().network.nodes[0].attributes.count == 4)
        expectLinear("GEXF columns and attvalues", Growth.ratio(150) { n in let t = gexf(n); return { _ = self.load(t, .gexf) } })
    }

    // MARK: GML, Pajek

    @Test func gmlNestingKeysAndRepeats() throws {
        // (30 nodes, each with a chain d deep.)
        func deep(_ d: Int) -> String {
            "graph [ " + (0..<30).map { "node [ id \($0) " + String(repeating: "a [ ", count: d) + "x 1" + String(repeating: " ]", count: d) + " ]" }.joined(separator: " ") + " ]"
        }
        #expect(try load(deep(2), .gml).get().network.nodes[0].attributes.map(\.key) == ["a.a.x"])
        expectLinear("GML nesting", Growth.ratio(60, runs: 5) { n in let t = deep(n); return { _ = self.load(t, .gml) } })
        func keys(_ n: Int) -> String { "graph [ node [ id 1 " + (0..<n).map { "k\($0) \"v\"" }.joined(separator: " ") + " ] ]" }
        expectLinear("GML keys", Growth.ratio(500) { n in let t = keys(n); return { _ = self.load(t, .gml) } })
        func repeats(_ n: Int) -> String { "graph [ node [ id 1 " + String(repeating: "k \"v\" ", count: n) + " ] ]" }
        #expect(try load(repeats(3), .gml).get().network.nodes[0].attributes.map(\.value) == ["v;v;v"])
        expectLinear("GML repeated keys", Growth.ratio(1_500) { n in let t = repeats(n); return { _ = self.load(t, .gml) } })
        func escapes(_ n: Int) -> String { "graph [ node [ id 1 label \"" + String(repeating: "&#233;", count: n) + "\" ] ]" }
        expectLinear("GML entities", Growth.ratio(1_000) { n in let t = escapes(n); return { _ = self.load(t, .gml) } })
    }

    @Test func gmlAndGraphMLIdEscapes() {
        // `_xHHHH_` escapes in files Synergraph wrote: decoded in one pass.
        let key = String(repeating: "_x41_", count: 3)
        #expect(XEscape.decode(key) == "AAA")
        #expect(XEscape.decode("a_x_b_x4G_c_x1F600_") == "a_x_b_x4G_c😀")
        expectLinear("_x escapes", Growth.ratio(60_000) { n in let k = String(repeating: "_x41_", count: n); return { _ = XEscape.decode(k) } })
    }

    @Test func pajekLinesAndRecords() throws {
        func list(_ n: Int) -> String { "*Vertices \(n)\n*Arcslist\n1 " + (1...n).map(String.init).joined(separator: " ") + "\n" }
        #expect(try load(list(3), .pajek).get().network.ties.count == 3)
        expectLinear("Pajek long line", Growth.ratio(200) { n in let t = list(n); return { _ = self.load(t, .pajek) } })
        func labels(_ n: Int) -> String { "*Vertices \(n)\n" + (1...n).map { "\($0) \"v\($0)\"" }.joined(separator: "\n") + "\n*Edges\n1 2\n" }
        expectLinear("Pajek vertices", Growth.ratio(200) { n in let t = labels(n); return { _ = self.load(t, .pajek) } })
    }
}
