import Foundation
import Testing

/// The workbook commands as a user runs them: init, convert to and from .xlsx with cell places in
/// errors, reports as workbooks, attendance (report, --write, rerun), dedupe.
@Suite struct WorkbookCLITests {
    static func temporary() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("synergraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func initConvertAndCellPlaces() throws {
        let dir = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try CLIRunner.run(["init", "my-register", "--xlsx", "--into", dir.path])
        #expect(made.status == 0, "\(made.stderr)")
        let book = dir.appendingPathComponent("my-register.xlsx").path
        let v = try CLIRunner.run(["validate", book])
        #expect(v.status == 0 && v.stdout.contains("valid: 0 nodes"), "\(v.stdout)\(v.stderr)")
        #expect(try CLIRunner.run(["init", "my-register", "--xlsx", "--into", dir.path]).status == 1, "nothing overwritten")
        #expect(try CLIRunner.run(["init", "../x", "--into", dir.path]).status == 2)

        let out = dir.appendingPathComponent("net.xlsx").path
        let c = try CLIRunner.run(["convert", "Networks/unpog-asia-pacific", out, "--show-all-names"])
        #expect(c.status == 0, "\(c.stderr)")
        let back = dir.appendingPathComponent("back").path
        #expect(try CLIRunner.run(["convert", out, back, "--show-all-names"]).status == 0)
        for table in ["ties.csv", "activities.csv", "participation.csv"] {
            let a = try String(contentsOfFile: back + "/" + table, encoding: .utf8)
            let b = try String(contentsOfFile: CLIRunner.repository.appendingPathComponent("Networks/unpog-asia-pacific/" + table).path, encoding: .utf8)
            #expect(a == b, "\(table) differs after folder → workbook → folder")
        }
        let bad = try CLIRunner.run(["validate", CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/workbooks/libreoffice-formula-error.xlsx").path])
        #expect(bad.status == 1 && bad.stdout.contains("libreoffice-formula-error.xlsx: Ties!D4: error:"), "\(bad.stdout)")
    }

    @Test func reportsAsWorkbooks() throws {
        let dir = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (cmd, extra) in [("metrics", ["--top", "5"]), ("gaps", []), ("synergy", ["--top", "5"]), ("experts", ["--country", "NPL"])] {
            let file = dir.appendingPathComponent("\(cmd).xlsx").path
            let r = try CLIRunner.run([cmd] + extra + ["--format", "xlsx", "-o", file])
            #expect(r.status == 0, "\(cmd): \(r.stderr)")
            let head = try FileHandle(forReadingFrom: URL(fileURLWithPath: file)).readData(ofLength: 2)
            #expect(head == Data([0x50, 0x4B]), "\(cmd): a zip archive")
        }
        #expect(try CLIRunner.run(["gaps", "--format", "xlsx"]).status == 2, "xlsx needs -o")
    }

    @Test func attendanceReportWriteAndRerun() throws {
        let dir = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixtures = CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/attendance")
        let register = dir.appendingPathComponent("register.xlsx").path
        #expect(try CLIRunner.run(["convert", fixtures.appendingPathComponent("register").path, register, "--show-all-names"]).status == 0)
        let list = fixtures.appendingPathComponent("list.csv").path
        let report = try CLIRunner.run(["attendance", list, "--network", register, "--activity", "act-1"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Columns: person = 'Participant Name', organisation = 'Organization', country = 'Country', email = 'E-mail', role = (none)"))
        #expect(report.stdout.contains("'UNDP Kathmandu' [NPL]: matched undp-npl"))
        #expect(report.stdout.contains("11 rows: 8 matched, 2 ambiguous, 1 unmatched"))
        #expect(report.stdout.contains("Nothing written"))
        let write = try CLIRunner.run(["attendance", list, "--network", register, "--activity", "act-1", "--write", "--match", "Ministry of Finance=npl-mof"])
        #expect(write.status == 0 && write.stdout.contains("6 participation rows and 1 new actors"), "\(write.stdout)\(write.stderr)")
        let rerun = try CLIRunner.run(["attendance", list, "--network", register, "--activity", "act-1", "--write", "--match", "Ministry of Finance=npl-mof"])
        #expect(rerun.stdout.contains("Nothing to add"), "\(rerun.stdout)")
        let v = try CLIRunner.run(["validate", register])
        #expect(v.status == 0 && v.stdout.contains("9 nodes") && v.stdout.contains("7 participations"), "\(v.stdout)")
        #expect(try CLIRunner.run(["attendance", list, "--network", register, "--activity", "nope"]).status == 1)
    }

    @Test func dedupeListsAndMerges() throws {
        let dir = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let net = dir.appendingPathComponent("net")
        try FileManager.default.createDirectory(at: net, withIntermediateDirectories: true)
        try #"{"name": "d"}"#.write(to: net.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        try "id,name,kind,country\nundp,UNDP,agency,NPL\nundp-full,United Nations Development Programme,agency,NPL\nx,X Org,cso,\n"
            .write(to: net.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)
        try "source,target\nundp,x\nundp-full,x\n".write(to: net.appendingPathComponent("ties.csv"), atomically: true, encoding: .utf8)
        let v = try CLIRunner.run(["validate", net.path])
        #expect(v.status == 0 && v.stdout.contains("nodes.csv:3: warning: 'undp-full' is probably the same actor as 'undp' at \(net.path)/nodes.csv:2"), "\(v.stdout)")
        let list = try CLIRunner.run(["dedupe", net.path])
        #expect(list.stdout.hasPrefix("0.90  undp \"UNDP\""), "\(list.stdout)")
        let m = try CLIRunner.run(["dedupe", net.path, "--merge", "undp-full", "undp"])
        #expect(m.status == 0, "\(m.stderr)")
        let nodes = try String(contentsOf: net.appendingPathComponent("nodes.csv"), encoding: .utf8)
        #expect(!nodes.contains("\nundp,") && nodes.contains("also_known_as"))
        let ties = try String(contentsOf: net.appendingPathComponent("ties.csv"), encoding: .utf8)
        #expect(ties.components(separatedBy: "undp-full,x").count == 3, "\(ties)")
    }
}
