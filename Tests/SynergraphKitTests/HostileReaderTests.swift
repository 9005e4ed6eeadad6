import Foundation
import Testing
@testable import SynergraphKit

/// Reader-level hostile input, generated here: limits exceeded, NUL bytes and invalid UTF-8, byte-order
/// marks in odd places, enormous fields, deep nesting, repeated headers, and files that are not what their
/// extension says. Each is a clear error with a place (or loads correctly); none crashes or hangs. DOT's
/// cases are in SynergraphGraphvizTests (`DOTHostileTests`), as its reader lives in the facade.
@Suite struct HostileReaderTests {
    private func load(_ bytes: [UInt8], _ form: NetworkForm, file: String = "x", limits: ReaderLimits = ReaderLimits()) -> Result<LoadedNetwork, LoadFailure> {
        Result { () throws(LoadFailure) in try NetworkLoader.load(bytes: bytes, file: file, form: form, options: LoadOptions(limits: limits)) }
    }

    private func load(_ text: String, _ form: NetworkForm, file: String = "x", limits: ReaderLimits = ReaderLimits()) -> Result<LoadedNetwork, LoadFailure> {
        load(Array(text.utf8), form, file: file, limits: limits)
    }

    private func errors(_ text: String, _ form: NetworkForm, file: String = "x", limits: ReaderLimits = ReaderLimits()) -> [String] {
        load(text, form, file: file, limits: limits).failureValue?.errors.map(\.description) ?? []
    }

    private func write(_ files: [String: [UInt8]], in dir: URL) throws {
        for (name, bytes) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    private func loadPath(_ path: String, limits: ReaderLimits = ReaderLimits()) -> Result<LoadedNetwork, LoadFailure> {
        Result { () throws(LoadFailure) in try NetworkLoader.load(path: path, options: LoadOptions(limits: limits)) }
    }

    // MARK: The 200,000-column header (issue 11)

    @Test func aHeaderOf200000ColumnsIsAClearErrorOrLoadsWhenAllowed() throws {
        let names = ["source", "target"] + (3...200_000).map { "c\($0)" }
        let text = names.joined(separator: ",") + "\na,b\n"
        // The 16,385th field starts after 16,384 names and their commas.
        let column = names.prefix(16_384).reduce(0) { $0 + $1.utf8.count + 1 } + 1
        let f = try #require(load(text, .edgeList, file: "wide.csv").failureValue)
        #expect(f.diagnostics.map(\.description) == [
            "wide.csv:1:\(column): error: the row has more than 16,384 fields (limit columns=16384); raise it with --limit columns=32768",
        ])
        var more = ReaderLimits()
        more.columns = 200_000
        let loaded = try load(text, .edgeList, file: "wide.csv", limits: more).get()
        #expect(loaded.network.nodes.map(\.id) == ["a", "b"])
        // The folder form: the same limit, in nodes.csv.
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(["manifest.json": Array(#"{"name": "wide"}"#.utf8),
                   "nodes.csv": Array((["id", "name", "kind"] + (4...200_000).map { "c\($0)" }).joined(separator: ",").utf8) + Array("\na,A,agency\n".utf8)],
                  in: dir)
        let folder = try #require(loadPath(dir.path).failureValue)
        #expect(folder.errors.map(\.problem) == [.tooLarge])
        #expect(folder.errors[0].location.file == dir.appendingPathComponent("nodes.csv").path)
        #expect(folder.errors[0].message == "the row has more than 16,384 fields (limit columns=16384); raise it with --limit columns=32768")
    }

    // MARK: Limits: each names itself, its place and the flag

    @Test func everyLimitIsAnErrorWithItsPlaceAndFlag() throws {
        var tight = ReaderLimits()
        tight.fieldLength = 8
        tight.lineLength = 30
        tight.records = 3
        tight.depth = 3
        tight.attributes = 2
        // CSV field, line, rows.
        #expect(errors("a,b\nc,dddddddddd\n", .edgeList, limits: tight) == [
            "x:2:3: error: this field is longer than 8 bytes (limit field-length=8); raise it with --limit field-length=16",
        ])
        #expect(errors("a,b\n\"c\ncc\",\"dddddd\"\n", .edgeList, limits: tight).isEmpty)
        #expect(errors("a,b\nc,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s\n", .edgeList, limits: tight) == [
            "x:2: error: this line is longer than 30 bytes (limit line-length=30); raise it with --limit line-length=60",
        ])
        #expect(errors("a,b\nb,c\nc,d\nd,e\n", .edgeList, limits: tight) == [
            "x:4: error: the file has more than 3 rows (limit records=3); raise it with --limit records=6",
        ])
        // JSON: depth, string, attributes of one record.
        #expect(errors(#"{"manifest": {"name": "j"}, "nodes": [{"id": "a", "x": [[1]]}]}"#, .json, limits: tight) == [
            "x:1:56: error: arrays and objects are nested more than 3 deep (limit depth=3); raise it with --limit depth=6",
        ])
        #expect(errors("{\"manifest\": {\"name\": \"a long name\"}}", .json, limits: tight) == [
            "x:1:23: error: this string is longer than 8 bytes (limit field-length=8); raise it with --limit field-length=16",
        ])
        // GraphML: attributes of an element, keys, records, depth, text.
        #expect(errors("<graphml><graph><node id='a' b='1' c='2'/></graph></graphml>", .graphml, limits: tight) == [
            "x:1:17: error: this element has more than 2 attributes (limit attributes=2); raise it with --limit attributes=4",
        ])
        var fewer = ReaderLimits()
        fewer.attributes = 2
        #expect(errors("<graphml><key id='a' attr.name='a'/><key id='b' attr.name='b'/>\n<key id='c' attr.name='c'/><graph/></graphml>", .graphml, limits: fewer) == [
            "x:2: error: the file declares more than 2 keys (limit attributes=2); raise it with --limit attributes=4",
        ])
        fewer.records = 2
        #expect(errors("<graphml><graph><node id='a'/><node id='b'/>\n<edge source='a' target='b'/></graph></graphml>", .graphml, limits: fewer) == [
            "x:2: error: the graph has more than 2 nodes and edges (limit records=2); raise it with --limit records=4",
        ])
        #expect(errors("<graphml><graph><node id='a'><x><y/></x></node></graph></graphml>", .graphml, limits: tight).map { $0.hasPrefix("x:1:") && $0.hasSuffix("elements are nested more than 3 deep (GraphML and GEXF need about 10) (limit depth=3); raise it with --limit depth=6") } == [true])
        // GML and Pajek.
        #expect(errors("graph [ node [ id 1 a [ b [ c 1 ] ] ] ]", .gml, limits: tight) == [
            "x:1: error: lists are nested more than 3 deep (limit depth=3); raise it with --limit depth=6",
        ])
        #expect(errors("*Vertices 2\n1 \"a very long label\"\n", .pajek, limits: tight) == [
            "x:2: error: a value on this line ('a very long label') is longer than 8 bytes (limit field-length=8); raise it with --limit field-length=16",
        ])
        #expect(errors("*Vertices 4\n", .pajek, limits: tight) == [
            "x:1: error: *Vertices 4 asks for more vertices than the limit (limit records=3); raise it with --limit records=6",
        ])
        // Attributes of one record, whatever the form.
        #expect(errors("source,target,p,q,r\na,b,1,2,3\n", .edgeList, limits: tight) == [
            "x:2: error: tie a – b has 3 attributes (limit attributes=2); raise it with --limit attributes=4",
        ])
    }

    @Test func limitsAreReadFromNameValueText() {
        #expect(ReaderLimits.parse("columns=500000").map { "\($0.0.rawValue) \($0.1)" } == .success("columns 500000"))
        #expect(ReaderLimits.parse("field-length=8M").map { $0.1 } == .success(8 << 20))
        #expect(ReaderLimits.parse("records=2k").map { $0.1 } == .success(2_000))
        #expect(ReaderLimits.parse("Records = 1_000").map { $0.1 } == .success(1_000))
        #expect(ReaderLimits.parse("rows=5").failureValue?.description
            == "there is no limit 'rows'; the limits are file-size, columns, line-length, field-length, depth, records, attributes, values")
        #expect(ReaderLimits.parse("depth=0").failureValue?.description == "the value of depth must be a whole number above 0 (K, M, G allowed), not '0'")
        #expect(ReaderLimits.parse("depth").failureValue != nil)
    }

    @Test func oversizedFilesNameTheFileSizeLimit() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("big.csv")
        try Data(repeating: 0x61, count: 3 << 20).write(to: url)
        var small = ReaderLimits()
        small.fileSize = 2 << 20
        let f = try #require(loadPath(url.path, limits: small).failureValue)
        #expect(f.diagnostics.map(\.description) == ["\(url.path): error: the file is 3 MB (limit file-size=2M); raise it with --limit file-size=4M"])
        // The folder form's tables and the fast edge-list reader likewise.
        try write(["net/manifest.json": Array(#"{"name": "n"}"#.utf8), "net/nodes.csv": Array(repeating: 0x61, count: 3 << 20)], in: dir)
        let folder = try #require(loadPath(dir.appendingPathComponent("net").path, limits: small).failureValue)
        #expect(folder.diagnostics.map(\.problem) == [.tooLarge])
        #expect(folder.diagnostics[0].location.file.hasSuffix("net/nodes.csv"))
        let fast = try #require(Result { () throws(LoadFailure) in try EdgeListGraphReader.read(path: url.path, limits: small) }.failureValue)
        #expect(fast.diagnostics == f.diagnostics)
    }

    // MARK: Bytes that are not text

    @Test func nulBytesAndBinaryFilesAreRefusedWithAPlace() throws {
        for form in [NetworkForm.edgeList, .json, .gml, .pajek] {
            let f = try #require(load(Array("a,b\nc,\u{0}d\n".utf8), form).failureValue, "\(form)")
            #expect(f.diagnostics.map(\.description) == ["x:2:3: error: byte 0x00 (NUL): this is not a text file"], "\(form)")
        }
        // XML: libxml2 calls a NUL an invalid character, at its place.
        for form in [NetworkForm.graphml, .gexf] {
            let xml = load(Array("<\(form.rawValue)>\n<graph>\u{0}</graph></\(form.rawValue)>".utf8), form).failureValue
            #expect(xml?.diagnostics.map(\.description) == ["x:2:8: error: not well-formed XML (an invalid character); nothing was loaded"], "\(form)")
        }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        #expect(load(png, .edgeList, file: "p.csv").failureValue?.diagnostics.map(\.description) == ["p.csv:1:1: error: this is a PNG image, not a network file"])
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0]
        #expect(load(zip, .json, file: "z.json").failureValue?.diagnostics.map(\.description) == [
            "z.json:1:1: error: this is a zip archive (an Excel workbook or an OpenDocument file is one: save the sheet as CSV), not a network file",
        ])
        // UTF-16 without a byte-order mark.
        let utf16 = Array("a,b\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(load(utf16, .edgeList).failureValue?.diagnostics.map(\.description) == [
            "x:1:2: error: the file looks like UTF-16 or UTF-32 without a byte-order mark; save it as UTF-8",
        ])
        // The fast edge-list reader refuses the same way.
        let fast = try #require(Result { () throws(LoadFailure) in try EdgeListGraphReader.read(bytes: Array("a,b\nc,\u{0}d\n".utf8), file: "x", name: "x") }.failureValue)
        #expect(fast.diagnostics.map(\.description) == ["x:2:3: error: byte 0x00 (NUL): this is not a text file"])
    }

    @Test func invalidUTF8IsAnErrorAtItsPlaceOrAWarnedFallback() throws {
        let bytes = Array("a,b\nc,d".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        // An edge list falls back to Windows-1252 with a warning at the first invalid byte.
        let loaded = try load(bytes, .edgeList).get()
        #expect(loaded.warnings.map(\.description) == [
            "x:2:4: warning: the file is not valid UTF-8 here; read it as Latin-1 (Windows-1252). Pass --encoding utf8 or latin1 to decide",
        ])
        #expect(loaded.network.nodes.map(\.id) == ["a", "b", "c", "dÃ("])
        // JSON must be UTF-8.
        let json = Array(#"{"manifest": {"name": "x"}, "nodes": [{"id": "a"#.utf8) + [0xFF] + Array(#""}]}"#.utf8)
        #expect(load(json, .json).failureValue?.diagnostics.map(\.description) == [
            "x:1:48: error: byte 0xFF is not valid UTF-8 text; save the file as UTF-8 (a spreadsheet's \"CSV UTF-8\" option)",
        ])
    }

    @Test func byteOrderMarksInOddPlaces() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A mark in a header cell (files joined with `cat`) is not part of the column name.
        try write(["manifest.json": Array("\u{FEFF}{\"name\": \"bom\"}".utf8),
                   "nodes.csv": Array("\u{FEFF}id,\u{FEFF}name,kind\na,A,agency\n".utf8)], in: dir)
        let network = try loadPath(dir.path).get().network
        #expect(network.nodes.map(\.name) == ["A"])
        // A mark in the middle of a JSON document is not JSON.
        let mid = load("{\"manifest\": \u{FEFF}{\"name\": \"x\"}}", .json).failureValue
        #expect(mid?.errors.map(\.problem) == [.badJSON])
        // UTF-16 with a mark is read (CSV, JSON, GraphML).
        func utf16(_ s: String) -> [UInt8] { [0xFF, 0xFE] + s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        #expect(try load(utf16("a,b\n"), .edgeList).get().network.nodes.map(\.id) == ["a", "b"])
        #expect(try load(utf16(#"{"manifest": {"name": "u"}, "nodes": [{"id": "a", "kind": "cso"}]}"#), .json).get().network.nodes.count == 1)
        #expect(try load(utf16("<graphml><graph><node id='é'/></graph></graphml>"), .graphml).get().network.nodes.map(\.id) == ["é"])
    }

    // MARK: Size and shape

    @Test func enormousFieldsAndDeepNestingAreRefused() throws {
        let huge = String(repeating: "x", count: (1 << 20) + 1)
        #expect(errors("a," + huge + "\n", .edgeList) == [
            "x:1:3: error: this field is longer than 1,048,576 bytes (limit field-length=1M); raise it with --limit field-length=2M",
        ])
        #expect(errors("graph [ node [ id 1 label \"" + huge + "\" ] ]", .gml).map { $0.contains("(limit field-length=1M)") } == [true])
        #expect(errors("<graphml><graph><node id='" + huge + "'/></graph></graphml>", .graphml) == [
            "x:1:26: error: this attribute value is longer than 1,048,576 bytes (limit field-length=1M); raise it with --limit field-length=2M",
        ])
        #expect(errors("<graphml><key id='d' for='node' attr.name='n'/><graph><node id='a'><data key='d'>" + huge + "</data></node></graph></graphml>", .graphml)
            .map { $0.contains("the text of <data> is longer than 1,048,576 bytes") } == [true])
        let depth = 100_000
        #expect(errors(String(repeating: "[", count: depth) + String(repeating: "]", count: depth), .json) == [
            "x:1:101: error: arrays and objects are nested more than 100 deep (limit depth=100); raise it with --limit depth=200",
        ])
        #expect(errors("graph [" + String(repeating: " a [", count: depth) + String(repeating: " ]", count: depth) + " ]", .gml) == [
            "x:1: error: lists are nested more than 100 deep (limit depth=100); raise it with --limit depth=200",
        ])
        #expect(errors("<graphml>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</graphml>", .graphml)
            .map { $0.hasPrefix("x:1:") && $0.contains("elements are nested more than 100 deep") } == [true])
        // The JSON form's list values: nested lists are flattened, at any depth below the limit.
        let nested = #"{"manifest": {"name": "n"}, "nodes": [{"id": "a", "kind": "school", "tags": "# + String(repeating: "[", count: 60) + "\"t\""
            + String(repeating: "]", count: 60) + "}]}"
        #expect(try load(nested, .json).get().network.nodes[0].attributes.map(\.value) == ["t"])
    }

    @Test func repeatedHeadersAreErrorsAtEachRepeat() throws {
        #expect(errors("source,target,x,X, x \na,b,1,2,3\n", .edgeList) == [
            "x:1:17: error: column 'x' appears twice (also column 3)", "x:1:19: error: column 'x' appears twice (also column 3)",
        ])
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(["manifest.json": Array(#"{"name": "d"}"#.utf8), "nodes.csv": Array("id,name,kind,id\na,A,agency,b\n".utf8)], in: dir)
        #expect(loadPath(dir.path).failureValue?.errors.map(\.description) == ["\(dir.path)/nodes.csv:1:14: error: column 'id' appears twice (also column 1)"])
    }

    // MARK: Files that are not what their extension says

    @Test func filesThatAreNotWhatTheirExtensionSays() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let graphml = Array("<?xml version='1.0'?>\n<graphml><graph><node id='a'/></graph></graphml>\n".utf8)
        try write(["image.csv": png, "graph.gml": graphml, "archive.json": [0x50, 0x4B, 0x03, 0x04, 0x0A, 0, 0, 0], "empty.csv": [],
                   "empty.graphml": [], "empty.json": [], "empty.gml": [], "empty.net": []], in: dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder.graphml"), withIntermediateDirectories: true)
        func messages(_ name: String) -> [String] {
            loadPath(dir.appendingPathComponent(name).path).failureValue?.errors.map { "\($0.location.description.dropFirst(dir.path.count + 1)): \($0.message)" } ?? ["loaded"]
        }
        #expect(messages("image.csv") == ["image.csv:1:1: this is a PNG image, not a network file"])
        #expect(messages("archive.json") == [
            "archive.json:1:1: this is a zip archive (an Excel workbook or an OpenDocument file is one: save the sheet as CSV), not a network file",
        ])
        #expect(messages("graph.gml") == [
            "graph.gml:1: expected a key (letters, digits and _), found '<?xml versio'",
            "graph.gml: the file's content looks like graphml, though its extension says gml; rename it",
        ])
        #expect(messages("folder.graphml") == [
            "folder.graphml: this is a folder, not a graphml file; a network folder holds manifest.json and CSV tables and has no extension",
        ])
        #expect(messages("empty.csv") == ["empty.csv: the file is empty; an edge list has one `source,target[,weight]` row per tie"])
        #expect(messages("empty.graphml") == ["empty.graphml: the file is empty"])
        #expect(messages("empty.json") == ["empty.json: the file is empty"])
        #expect(messages("empty.gml").count == 1)
        #expect(messages("empty.net").count == 1)
    }
}
