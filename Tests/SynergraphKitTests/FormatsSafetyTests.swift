import Foundation
import Testing
@testable import SynergraphKit

/// Hostile input: external entities, entity bombs, deep nesting, garbage, huge files. Each is a clear
/// error with a place, in bounded time and memory, and nothing outside the file is ever read.
@Suite struct FormatsSafetyTests {
    private func failure(_ text: String, _ form: NetworkForm = .graphml, file: String = "x.graphml") -> LoadFailure? {
        failure(Array(text.utf8), form, file: file)
    }

    private func failure(_ bytes: [UInt8], _ form: NetworkForm, file: String = "x") -> LoadFailure? {
        do { _ = try NetworkLoader.load(bytes: bytes, file: file, form: form) } catch { return error }
        return nil
    }

    /// libxml2 refused documents over 10 MB when handed all bytes at once (at their last line, as "not
    /// well-formed"); found by reading a 1M-tie GraphML written by `convert`. A 12 MB file must load.
    @Test func aGraphMLOverTenMegabytesLoads() throws {
        var text = #"<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">"#
        text += "\n"
        for v in 0..<1000 { text += "<node id=\"n\(v)\"/>\n" }
        let edge = #"<edge source="n1" target="n2"><data key="w">1.0</data></edge>"#
        let padding = String(repeating: " ", count: 60)
        var edges = 0
        while text.utf8.count < 12 << 20 {
            text += edge.replacingOccurrences(of: "n1", with: "n\(edges % 1000)") + padding + "\n"
            edges += 1
        }
        text += "</graph></graphml>\n"
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("big.graphml")
        try Data(text.utf8).write(to: url)
        let loaded = try NetworkLoader.load(path: url.path)
        #expect(loaded.network.nodes.count == 1000)
        #expect(loaded.network.ties.count == edges)
    }

    @Test func externalEntitiesAreRefusedAndNeverRead() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE graphml [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <graphml><key id="d" for="node" attr.name="note"/><graph><node id="a"><data key="d">&e;</data></node></graph></graphml>
            """
        let f = try #require(failure(xxe))
        #expect(f.diagnostics.map(\.description) == [
            "x.graphml:2: error: the document declares entities in its DTD (<!ENTITY ...>); they are refused because they can read other files or expand without bound (billion laughs). Remove the DOCTYPE",
        ])
        #expect(!f.description.contains("root:"))
        // The same in GEXF, and a parameter entity.
        let gexf = "<!DOCTYPE gexf [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><gexf><graph/></gexf>"
        #expect(try #require(failure(gexf, .gexf)).diagnostics.map(\.problem) == [.unsafeXML])
    }

    @Test func anExternalDTDIsNotFetched() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE graphml SYSTEM "file:///etc/passwd">
            <graphml><graph><node id="a"/></graph></graphml>
            """
        switch Result(catching: { () throws(LoadFailure) in try NetworkLoader.load(bytes: Array(text.utf8), file: "d.graphml", form: .graphml) }) {
        case .success(let loaded): #expect(loaded.network.nodes.map(\.id) == ["a"])
        case .failure(let f): #expect(!f.description.contains("root:"))
        }
    }

    @Test func billionLaughsIsRefusedAtOnce() throws {
        var dtd = "<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 { dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n" }
        let bomb = dtd + "]>\n<graphml><graph><node id=\"&lol9;\"/></graph></graphml>"
        let clock = ContinuousClock()
        var f: LoadFailure?
        let elapsed = clock.measure { f = failure(bomb) }
        #expect(try #require(f).diagnostics.map(\.problem) == [.unsafeXML])
        #expect(f?.diagnostics.first?.location.line == 2)
        #expect(elapsed < .seconds(1))
    }

    @Test func deepNestingIsAClearError() throws {
        let depth = 100_000
        let text = "<graphml>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</graphml>"
        let f = try #require(failure(text))
        #expect(f.diagnostics.map(\.problem) == [.tooDeep])
        #expect(f.diagnostics[0].message.hasPrefix("elements are nested more than 100 deep"))
        #expect(f.diagnostics[0].location.line == 1)
        // GML lists likewise.
        let gml = "graph [" + String(repeating: " a [", count: 10_000) + String(repeating: " ]", count: 10_000) + " ]"
        #expect(try #require(failure(gml, .gml)).diagnostics.map(\.problem) == [.tooDeep])
    }

    @Test func garbageIsAClearErrorInEveryFormat() throws {
        var rng = SystemRandomNumberGenerator()
        let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }
        for form in [NetworkForm.graphml, .gexf, .gml, .pajek] {
            let f = try #require(failure(garbage, form), "\(form)")
            #expect(!f.errors.isEmpty, "\(form)")
        }
        let f = try #require(failure([0x00, 0x01, 0x02, 0x89, 0x50, 0x4E, 0x47], .graphml, file: "g.graphml"))
        #expect(f.diagnostics.map(\.description) == ["g.graphml:1:1: error: this is not XML: it does not start with '<'"])
        let tags = try #require(failure("<graphml>\n<graph>\n<node id='a'>\n</graph>\n</graphml>"))
        #expect(tags.diagnostics.map(\.problem) == [.badXML])
        #expect(tags.diagnostics[0].location.line == 4)
    }

    @Test func invalidUTF8InANameFoundByTheFuzzerIsAnError() throws {
        let path = FixturePaths.root.appendingPathComponent("formats/fuzz/invalid-utf8-attribute-name.graphml").path
        let f = try #require(Result { () throws(LoadFailure) in try NetworkLoader.load(path: path) }.failureValue)
        #expect(f.diagnostics.map(\.description) == ["\(path):24:16: error: byte 0xFF is not valid UTF-8, and the document does not declare another encoding"])
    }

    @Test func invalidUTF8InAProcessingInstructionWithAMalformedDeclarationIsAnError() throws {
        let path = FixturePaths.root.appendingPathComponent("formats/fuzz/invalid-utf8-processing-instruction.graphml").path
        let f = try #require(Result { () throws(LoadFailure) in try NetworkLoader.load(path: path) }.failureValue)
        #expect(f.diagnostics.map(\.description) == ["\(path):1:1: error: the XML declaration's encoding is malformed"])
    }

    /// Every input a fuzzer ever crashed a reader with is now a plain error.
    @Test(arguments: ["invalid-utf8-attribute-name.graphml", "invalid-utf8-processing-instruction.graphml", "malformed-encoding-declaration.graphml",
                      "unknown-encoding-comment.gexf", "malformed-declaration-invalid-name.gexf", "empty-processing-instruction.graphml",
                      "double-hyphen-comment-hides-instruction.graphml", "control-character-comment-hides-instruction.graphml",
                      "many-unlisted-vertices.net"])
    func fuzzerFindingsAreErrors(_ name: String) throws {
        let path = FixturePaths.root.appendingPathComponent("formats/fuzz/\(name)").path
        let f = try #require(Result { () throws(LoadFailure) in try NetworkLoader.load(path: path) }.failureValue)
        #expect(f.errors.count == 1)
    }

    /// libxml2 recovers from `--` inside a comment differently from the scan that blanks processing
    /// instructions, so such a comment hid `<?x?>` from the scan and XMLParser crashed on it (fuzzer).
    @Test func malformedCommentsAndCDATAAreRefusedBeforeParsing() throws {
        func errors(_ text: String) -> [String]? {
            Result { () throws(LoadFailure) in try NetworkLoader.load(bytes: Array(text.utf8), file: "c.graphml", form: .graphml) }
                .failureValue?.errors.map(\.description)
        }
        #expect(errors("<graphml><graph>\n<!-- a --b <?x?> --></graph></graphml>") == ["c.graphml:2:8: error: a comment contains \"--\" (not allowed in XML comments)"])
        #expect(errors("<graphml><graph><!-- a <?x?>") == ["c.graphml:1:17: error: a comment (<!--) is never closed with -->"])
        #expect(errors("<graphml><graph><![CDATA[ <?x?>") == ["c.graphml:1:17: error: a CDATA section (<![CDATA[) is never closed with ]]>"])
        let fine = "<graphml><graph><!----><!-- - a - --><node id=\"a\"/></graph></graphml>"
        #expect(try NetworkLoader.load(bytes: Array(fine.utf8), file: "c.graphml", form: .graphml).network.nodes.map(\.id) == ["a"])
    }

    @Test func processingInstructionsAreIgnored() throws {
        let text = "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"a.xsl\"?><graphml><?empty?><graph><!-- <?not-a-pi?> --><node id=\"a\"/></graph></graphml>"
        let loaded = try NetworkLoader.load(bytes: Array(text.utf8), file: "pi.graphml", form: .graphml)
        #expect(loaded.network.nodes.map(\.id) == ["a"])
    }

    @Test func encodingsXMLDeclares() throws {
        func load(_ decl: String, _ body: [UInt8]) -> Result<LoadedNetwork, LoadFailure> {
            let bytes = Array("<?xml version=\"1.0\" encoding=\"\(decl)\"?>\n<graphml><graph><node id=\"".utf8) + body + Array("\"/></graph></graphml>".utf8)
            return Result { () throws(LoadFailure) in try NetworkLoader.load(bytes: bytes, file: "e.graphml", form: .graphml) }
        }
        #expect(try load("windows-1252", [0x80]).get().network.nodes.map(\.id) == ["€"])
        #expect(try load("ISO-8859-1", [0xE9]).get().network.nodes.map(\.id) == ["é"])
        #expect(try load("UTF-8", [0xC3, 0xA9]).get().network.nodes.map(\.id) == ["é"])
        #expect(load("KOI8-R", [0xC1]).failureValue?.diagnostics.map(\.description) == ["e.graphml:1:1: error: the encoding 'koi8-r' is not supported; save the file as UTF-8"])
        #expect(load("UTF-8", [0xE9]).failureValue?.diagnostics.map(\.description) == ["e.graphml:2:27: error: byte 0xE9 is not valid UTF-8, and the document does not declare another encoding"])
    }

    @Test func oversizedFilesAreRefusedBeforeReading() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("huge.graphml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(NetworkLoader.maximumFormatFileSize) + 1)  // sparse: no data is written
        try handle.close()
        let f = try #require(Result { () throws(LoadFailure) in try NetworkLoader.load(path: url.path) }.failureValue)
        #expect(f.diagnostics.map(\.problem) == [.tooLarge])
        #expect(f.diagnostics[0].message == "the file is 500 MB (limit file-size=500M); raise it with --limit file-size=1000M")
    }

    @Test func implausiblePajekVertexCountIsRefused() throws {
        let f = try #require(failure("*Vertices 999999999\n", .pajek, file: "p.net"))
        #expect(f.diagnostics.map(\.problem) == [.tooLarge])
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let e) = self { return e }
        return nil
    }
}
