import Foundation
import Testing

/// The hostile-input corpus (Docs/hardening.md): every command that reads a network, run on inputs made
/// to break it. Each run must end with exit status 0, or 1 with a message that names the input; within
/// a time limit; writing nothing outside the output folder it was given and leaving no temporary file;
/// never naming the expert who did not consent; never writing a live spreadsheet formula; never letting
/// Graphviz print to the terminal. Peak memory of every child is checked against a ceiling at the end.
@Suite struct HostileCorpusTests {
    /// The name of the expert who did not consent: it must appear in no output.
    static let hiddenName = "Wilhelmina Hiddenperson-Quist"

    /// One hostile input: files to write into the sandbox, and the path to give the commands.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [(String, [UInt8])]
        var path: String
        /// Whether the input is a valid network (exit 0 expected from validate); nil when either answer
        /// is right (a limit may refuse it, or a reader may take it).
        var valid: Bool?
        var testDescription: String { name }
    }

    static func text(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// A valid network whose every text is an attack: markup, DOT syntax, Graphviz escapes, formulas,
    /// path tricks in ids, bidi overrides and a 10,000-character name.
    static var hostileNetwork: [(String, [UInt8])] {
        let manifest = """
            {"format_version": 1, "name": "hostile", "title": "</title><script>alert('t')</script>", "target_countries": ["NPL", "VUT"], "hub": "../../hub"}
            """
        let long = String(repeating: "Ministry of Very Long Names ", count: 360)
        let nodes = #"""
            id,name,kind,scope,country,sdgs,accomplishments,sectors,consent,source_ref,acronym,email
            ../../hub,"<img src=x onerror=alert(1)>",agency,international,KOR,16,EA1;EA3,"public administration;=HYPERLINK(""http://evil.example"",""x"")",,"=HYPERLINK(""http://evil.example"",""click"")",</script><script>alert(2)</script>,
            "a"";b","""];\nevil [label=""x"" image=""/etc/passwd""",school,,NPL,4,EA2,education,,@SUM(1+1),\N\G\E\L,
            <script>,+1+1 &lt;b&gt; &amp; <<table>>,cso,,VUT,16,EA3,open government,,-2+3,,
            /etc/passwd,\#(long),government,,NPL,16,EA1,public administration,,,,
            rtl,"\#u{202E}gnp.exe \#u{202D}%s%n%x",government,,VUT,16,EA1;EA2,local governance,,,,
            exp-hidden,\#(hiddenName),expert,,NPL,16,EA1,public administration,no,CV of \#(hiddenName),,w.quist@example.org
            exp-named,Dr. Open Name,expert,,VUT,16,EA3,open government,yes,,,
            """#
        let ties = """
            source,target,kind,weight,since,until,source_ref
            ../../hub,"a"";b",partnership,1,2024-01-15,,"=cmd|' /C calc'!A0"
            ../../hub,<script>,membership,2,2024-03-01,,
            ../../hub,/etc/passwd,partnership,1,2024-05-01,,
            <script>,rtl,partnership,1,2024-06-01,,
            exp-hidden,/etc/passwd,advisory,1,2024-02-01,,
            exp-named,rtl,advisory,1,2024-02-01,,
            """
        let activities = """
            id,name,kind,date,country,accomplishments,sectors
            ws-1,"<b onmouseover=alert(3)>Workshop</b>",workshop,2024-04-10,NPL,EA1,public administration
            """
        let participation = """
            activity,node
            ws-1,exp-hidden
            ws-1,"a"";b"
            ws-1,rtl
            """
        return [("hostile/manifest.json", text(manifest)), ("hostile/nodes.csv", text(nodes)), ("hostile/ties.csv", text(ties)),
                ("hostile/activities.csv", text(activities)), ("hostile/participation.csv", text(participation))]
    }

    static var tiny: [(String, String)] {
        [("manifest.json", #"{"name": "tiny", "target_countries": ["NPL"]}"#),
         ("nodes.csv", "id,name,kind,country\na,Alpha,agency,NPL\nb,Beta,school,NPL\n"),
         ("ties.csv", "source,target\na,b\n")]
    }

    static func folder(_ dir: String, _ files: [(String, String)], replacing: [String: String] = [:]) -> [(String, [UInt8])] {
        files.map { ("\(dir)/\($0.0)", text(replacing[$0.0] ?? $0.1)) }
    }

    static let cases: [Case] = {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [UInt8](repeating: 0, count: 64)
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 200)
        var out: [Case] = [
            Case(name: "hostile labels and ids", files: hostileNetwork, path: "hostile", valid: true),
            Case(name: "traversal in the manifest name", files: folder("trav", tiny, replacing: ["manifest.json": #"{"name": "../../pwned", "target_countries": ["NPL"]}"#]), path: "trav", valid: false),
            Case(name: "absolute manifest name", files: folder("abs", tiny, replacing: ["manifest.json": #"{"name": "/tmp/pwned-abs"}"#]), path: "abs", valid: false),
            Case(name: "dot-dot manifest name", files: folder("dots", tiny, replacing: ["manifest.json": #"{"name": ".."}"#]), path: "dots", valid: false),
            Case(name: "traversal in a JSON network's name", files: [("trav.json", text(#"{"manifest": {"name": "../../pwned-json"}, "nodes": [{"id": "a", "name": "A", "kind": "agency"}]}"#))], path: "trav.json", valid: false),
            Case(name: "traversal in an embedded GraphML manifest", files: [("emb.graphml", text("""
                <?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="m" for="graph" attr.name="synergraph_manifest" attr.type="string"/>\
                <graph edgedefault="undirected"><data key="m">{"name": "../../pwned-graphml"}</data><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>
                """))], path: "emb.graphml", valid: false),
            Case(name: "XML external entity", files: [("xxe.graphml", text("""
                <?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY x SYSTEM "file:///etc/passwd">]><graphml xmlns="http://graphml.graphdrawing.org/xmlns">\
                <graph edgedefault="undirected"><node id="&x;"/></graph></graphml>
                """))], path: "xxe.graphml", valid: false),
            Case(name: "a PNG named .csv", files: [("image.csv", png)], path: "image.csv", valid: false),
            Case(name: "a zip named .json", files: [("archive.json", zip)], path: "archive.json", valid: false),
            Case(name: "GML text named .graphml", files: [("gml.graphml", text("graph [ node [ id 1 ] node [ id 2 ] edge [ source 1 target 2 ] ]"))], path: "gml.graphml", valid: false),
            Case(name: "an empty .gexf", files: [("empty.gexf", [])], path: "empty.gexf", valid: false),
            Case(name: "NUL bytes and invalid UTF-8 in a table", files: folder("bytes", tiny, replacing: ["nodes.csv": "id,name,kind\na,Al\u{0}pha,agency\nb,Beta,school\n"]).map {
                $0.0.hasSuffix("nodes.csv") ? ($0.0, $0.1 + [0xFF, 0xFE, 0x0A]) : $0
            }, path: "bytes", valid: false),
            Case(name: "a BOM in the middle of the header", files: folder("bom", tiny, replacing: ["nodes.csv": "id,\u{FEFF}name,kind\na,Alpha,agency\n"]), path: "bom", valid: nil),
            Case(name: "duplicate headers", files: folder("dup", tiny, replacing: ["nodes.csv": "id,name,kind,name\na,Alpha,agency,A\n"]), path: "dup", valid: false),
            Case(name: "an enormous field", files: [("huge.csv", text("source,target\n" + String(repeating: "x", count: 3 << 20) + ",b\n"))], path: "huge.csv", valid: nil),
            Case(name: "deep JSON nesting", files: [("deep.json", text(String(repeating: "[", count: 200_000)))], path: "deep.json", valid: false),
            Case(name: "deep GML nesting", files: [("deep.gml", text(String(repeating: "graph [ ", count: 50_000)))], path: "deep.gml", valid: false),
            Case(name: "DOT with file-reading attributes", files: [("files.dot", text(#"graph { a [image="/etc/passwd", shapefile="/etc/passwd", shape=epsf, fontname="</text><script>x</script>", URL="javascript:alert(1)"]; a -- b }"#))], path: "files.dot", valid: nil),
        ]
        out.append(Case(name: "a folder named .graphml", files: folder("folder.graphml", tiny), path: "folder.graphml", valid: true))
        return out
    }()

    /// A command line for each command, with `IN` the input and `OUT` the output folder.
    static let commands: [[String]] = [
        ["validate", "IN"],
        ["analyze", "IN", "--out", "OUT/analyze"],
        ["analyze", "IN"],
        ["metrics", "IN", "--format", "csv", "--output", "OUT/metrics.csv"],
        ["render", "IN", "-o", "OUT/map.svg", "--labels", "all", "--timeout", "60"],
        ["convert", "IN", "OUT/converted"],
        ["convert", "IN", "OUT/converted.graphml"],
        ["synergy", "IN", "--format", "csv", "--output", "OUT/synergy.csv"],
        ["gaps", "IN", "--format", "csv", "--output", "OUT/gaps.csv"],
        ["experts", "IN", "--sector", "public administration", "--format", "csv", "--output", "OUT/experts.csv"],
        ["quarterly", "IN", "--out", "OUT/quarterly", "--map-format", "svg", "--timeout", "60"],
    ]

    @Test(arguments: cases)
    func everyCommandSurvives(_ c: Case) throws {
        let sandbox = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        let work = sandbox.appendingPathComponent("work")
        for (path, bytes) in c.files {
            let url = work.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        let before = try Self.tree(sandbox)
        for template in Self.commands {
            let out = work.appendingPathComponent("out-\(template[0])-\(template.count)")
            let args = template.map { $0 == "IN" ? c.path : $0.replacingOccurrences(of: "OUT", with: out.lastPathComponent) }
            let run = try CLIRunner.run(args, in: work, timeout: 180)
            let shown = "\(c.name): synergraph \(args.joined(separator: " "))"
            #expect(!run.timedOut, "\(shown) did not finish in time")
            #expect(run.status == 0 || run.status == 1, "\(shown) exited with \(run.status)\n\(run.stderr.prefix(2000))")
            if run.status == 1 {
                // validate lists the problems on standard output, the other commands on standard error.
                let said = run.stdout + run.stderr
                #expect(said.contains("error"), "\(shown) failed without an error message")
                let input = URL(fileURLWithPath: c.path).lastPathComponent
                #expect(said.contains(input) || said.contains(out.lastPathComponent), "\(shown): the message names no place:\n\(said.prefix(2000))")
            }
            if template[0] == "validate", let valid = c.valid {
                #expect((run.status == 0) == valid, "\(shown): validate said \(run.status)\n\(run.stderr.prefix(2000))")
            }
            // Graphviz's own messages ("Error: ...", "Warning: ...") never reach the terminal raw.
            for line in run.stderr.split(separator: "\n") {
                #expect(!line.hasPrefix("Error:") && !line.hasPrefix("Warning:"), "\(shown): raw Graphviz message: \(line)")
            }
            #expect(!(run.stdout + run.stderr).contains(Self.hiddenName), "\(shown) named the expert without consent")
        }
        // Nothing outside work/out-*/ and work/out/ (analyze's default), no temporary files anywhere.
        let after = try Self.tree(sandbox)
        for path in after.subtracting(before) {
            let relative = String(path.dropFirst(sandbox.path.count + 1))
            #expect(relative.hasPrefix("work/out-") || relative.hasPrefix("work/out/"), "\(c.name): wrote \(relative) outside the output folders")
            #expect(!relative.hasSuffix(".tmp"), "\(c.name): left the temporary file \(relative)")
        }
        #expect(after.isSuperset(of: before), "\(c.name): an input file disappeared")
        for name in ["pwned", "pwned-abs", "pwned-json", "pwned-graphml"] {
            #expect(!FileManager.default.fileExists(atPath: sandbox.deletingLastPathComponent().appendingPathComponent(name).path + "/index.html"))
        }
        if c.valid != false { try Self.checkOutputs(of: c, sandbox: sandbox, new: after.subtracting(before)) }
    }

    /// The outputs of a valid hostile network: no hidden name, no live formula, no markup injected.
    static func checkOutputs(of c: Case, sandbox: URL, new: Set<String>) throws {
        for path in new.sorted() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let relative = String(path.dropFirst(sandbox.path.count + 1))
            #expect(!text.contains(hiddenName), "\(c.name): \(relative) names the expert without consent")
            #expect(!text.contains("w.quist@example.org"), "\(c.name): \(relative) holds the hidden expert's e-mail")
            if path.hasSuffix(".csv") {
                for row in try CSVRows.parse(text) {
                    for cell in row {
                        guard let first = cell.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) else { continue }
                        #expect(Double(cell) != nil, "\(c.name): \(relative) has a live formula cell \(cell.prefix(60))")
                    }
                }
            }
            if path.hasSuffix(".svg") || path.hasSuffix(".html") {
                let lower = text.lowercased()
                #expect(!lower.contains("<script>alert(1)") && !lower.contains("<img src=x onerror"), "\(c.name): \(relative) carries live markup from the data")
                #expect(!text.contains("root:x:0:0"), "\(c.name): \(relative) holds /etc/passwd")
            }
        }
    }

    /// Every file below `root` (full paths).
    static func tree(_ root: URL) throws -> Set<String> {
        var out = Set<String>()
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return out }
        while let relative = e.nextObject() as? String {
            let full = root.path + "/" + relative
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { out.insert(full) }
        }
        return out
    }

    /// Peak memory: the largest child process this test process has waited for (the corpus's commands
    /// among them) stays under 1.5 GiB; the 3 MB field is run here so that at least it is counted.
    @Test func peakMemoryStaysUnderTheCeiling() throws {
        let sandbox = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        let file = sandbox.appendingPathComponent("huge.csv")
        try Data(("source,target\n" + String(repeating: "x", count: 3 << 20) + ",b\n").utf8).write(to: file)
        let run = try CLIRunner.run(["validate", file.path], in: sandbox, timeout: 120)
        #expect(run.status == 0 || run.status == 1)
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        // ru_maxrss is in KiB on Linux: the ceiling is 1.5 GiB for any command of this test process.
        #expect(usage.ru_maxrss < 1_536 * 1024, "a child process peaked at \(usage.ru_maxrss / 1024) MiB")
    }
}

/// A small RFC 4180 reader for checking what the commands write (independent of SynergraphKit's reader).
enum CSVRows {
    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { chars = chars.dropFirst(); cell.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == "," {
                row.append(cell); cell = ""
            } else if c == "\n" {
                row.append(cell); cell = ""
                rows.append(row); row = []
            } else if c != "\r" {
                cell.unicodeScalars.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}
