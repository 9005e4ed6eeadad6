import Foundation
import Testing
import ZIPFoundation
@testable import SynergraphKit

/// Workbooks written by other programs (openpyxl, LibreOffice; Fixtures/workbooks/README.md) read to the
/// values written out here by hand; our own workbooks read back to the same network; hostile workbooks are
/// refused with a clear error at their place.
@Suite struct WorkbookTests {
    static func fixture(_ name: String) -> String { FixturePaths.root.appendingPathComponent("workbooks/\(name)").path }

    /// The register of Scripts/make-workbook-fixtures.py, as the script writes it.
    static func checkRegister(_ n: Network, _ file: String) {
        #expect(n.manifest.name == "office-register", "\(file)")
        #expect(n.manifest.title == "Office register (fixture)")
        #expect(n.manifest.targetCountries == ["NPL", "LAO"])
        #expect(n.manifest.hub == "unpog")
        #expect(n.manifest.illustrative == true)
        #expect(n.manifest.asOf == Day(iso: "2026-09-30"), "\(file)")
        #expect(n.nodes.map(\.id) == ["unpog", "nasc", "exp-1", "101"], "\(file)")
        #expect(n.nodes.map(\.name) == ["United Nations Project Office on Governance", "Nepal Administrative Staff College", "Dr. Ānanda Ṛṣi", "행정안전부"])
        #expect(n.nodes.map(\.kind) == [.agency, .school, .expert, .government])
        #expect(n.nodes[0].scope == .international)
        #expect(n.nodes[0].sdgs == [16, 17])
        #expect(n.nodes[1].sdgs == [16], "a number cell in a list column")
        #expect(n.nodes[2].consent == true, "a boolean cell")
        #expect(n.nodes[3].attribute("acronym") == "MOIS")
        #expect(n.ties.count == 3)
        guard n.ties.count == 3 else { return }
        #expect(n.ties[0].since == Day(iso: "2023-01-12") && n.ties[0].until == Day(iso: "2025-12-31"), "\(file): \(n.ties[0])")
        #expect(n.ties[0].weight == 4)
        #expect(n.ties[0].attributes.first?.value == "=starts with equals", "text starting with = is text")
        #expect(n.ties[1].target == "101" && n.ties[1].weight == 5, "\(file): a formula's saved result (=2+3) or the number")
        #expect(n.ties[1].since == Day(iso: "2024-02-29"), "\(file): a leap day")
        #expect(n.ties[2].weight == 1.5)
        #expect(n.activities.map(\.name) == ["Workshop Kathmandu"], "\(file)")
        #expect(n.activities.first?.date == Day(iso: "2025-03-10") && n.activities.first?.endDate == Day(iso: "2025-03-12"))
        #expect(n.participation.map(\.node) == ["unpog", "nasc"])
    }

    @Test(arguments: ["openpyxl-register.xlsx", "openpyxl-register-1904.xlsx", "libreoffice-register.xlsx", "libreoffice-register-1904.xlsx"])
    func readsRegistersWrittenByOtherPrograms(_ name: String) throws {
        let loaded = try NetworkLoader.load(path: Self.fixture(name))
        #expect(loaded.form == .workbook)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        Self.checkRegister(loaded.network, name)
    }

    @Test func the1904DateSystemIsReallyUsedByTheFixture() throws {
        // The 1904 fixture stores 2023-01-12 as 44,938 (its 1900 serial) - 1,462 = 43,476: the reader must apply date1904.
        let archive = try Archive(url: URL(fileURLWithPath: Self.fixture("openpyxl-register-1904.xlsx")), accessMode: .read)
        var workbook = Data()
        _ = try archive.extract(archive["xl/workbook.xml"]!) { workbook.append($0) }
        #expect(String(decoding: workbook, as: UTF8.self).contains("date1904=\"1\""))
        var sheet = Data()
        _ = try archive.extract(archive["xl/worksheets/sheet3.xml"]!) { sheet.append($0) }
        #expect(String(decoding: sheet, as: UTF8.self).contains("<v>43476</v>"))
    }

    @Test func datesInBothSystemsByHand() {
        // Excel: 1 = 1900-01-01, 59 = 1900-02-28, 60 = the 29 February 1900 that never was, 61 = 1900-03-01,
        // 45000 = 2023-03-15; 1904 system: 0 = 1904-01-01, 43538 = 2023-03-15.
        #expect(SpreadsheetDates.day(serial: 1, date1904: false) == Day(iso: "1900-01-01"))
        #expect(SpreadsheetDates.day(serial: 59, date1904: false) == Day(iso: "1900-02-28"))
        #expect(SpreadsheetDates.day(serial: 60, date1904: false) == nil)
        #expect(SpreadsheetDates.day(serial: 61, date1904: false) == Day(iso: "1900-03-01"))
        #expect(SpreadsheetDates.day(serial: 45000.75, date1904: false) == Day(iso: "2023-03-15"))
        #expect(SpreadsheetDates.day(serial: 0, date1904: true) == Day(iso: "1904-01-01"))
        #expect(SpreadsheetDates.day(serial: 43538, date1904: true) == Day(iso: "2023-03-15"))
        #expect(SpreadsheetDates.serial(of: Day(iso: "2023-03-15")!, date1904: false) == 45000)
        #expect(SpreadsheetDates.serial(of: Day(iso: "1900-02-28")!, date1904: false) == 59)
        #expect(CellReference.name(column: 28, row: 14) == "AB14")
        #expect(CellReference.parse("$XFD$1048576")! == (16_384, 1_048_576))
        #expect(CellReference.parse("XFE1") == nil)
    }

    @Test func inlineStringsRichTextAndPhoneticRuns() throws {
        let n = try NetworkLoader.load(path: Self.fixture("inline-and-rich-strings.xlsx")).network
        #expect(n.nodes.map(\.name) == ["United Nations Project Office on Governance", "東京大学", "A & B <x>", "Ministry"])
    }

    @Test func formulasWithoutSavedResultsAndFormulaErrorsAreErrorsAtTheirCells() throws {
        let a = #expect(throws: LoadFailure.self) { try NetworkLoader.load(path: Self.fixture("openpyxl-formulas-unsaved.xlsx")) }
        #expect(a?.errors.map { $0.location.path } == ["Ties!D3", "activities!B2"])
        #expect(a?.errors.first?.message.contains("never saved") == true)
        let b = #expect(throws: LoadFailure.self) { try NetworkLoader.load(path: Self.fixture("libreoffice-formula-error.xlsx")) }
        #expect(b?.errors.map { $0.location.path } == ["Ties!D4"])
        #expect(b?.errors.first?.message.contains("#DIV/0!") == true)
        #expect(b?.errors.first?.description.hasSuffix("libreoffice-formula-error.xlsx: Ties!D4: error: the cell shows the formula error #DIV/0!; fix the formula or type the value") == true)
    }

    @Test(arguments: [
        ("binary-xls-renamed.xlsx", ".xls"), ("encrypted-password-secret.xlsx", "password"), ("libreoffice-register.ods", ".ods"),
    ])
    func refusesWhatIsNotAWorkbookItReads(_ name: String, _ says: String) throws {
        let failure = #expect(throws: LoadFailure.self) { try NetworkLoader.load(path: Self.fixture(name)) }
        #expect(failure?.errors.count == 1)
        #expect(failure?.errors.first?.message.contains(says) == true, "\(failure?.description ?? "")")
        #expect(failure?.errors.first?.message.contains("save it") == true || failure?.errors.first?.message.contains("Save As") == true)
    }

    @Test func reads100000TiesFromOpenpyxl() throws {
        let n = try NetworkLoader.load(path: Self.fixture("openpyxl-100k-ties.xlsx")).network
        #expect(n.nodes.count == 5000)
        #expect(n.ties.count == 100_000)
        // Tie i joins n(i mod 5000) and n((7i + 1) mod 5000) with weight i mod 5 + 1.
        for i in [0, 1, 4999, 5000, 77_777, 99_999] {
            #expect(n.ties[i].source == "n\(i % 5000)" && n.ties[i].target == "n\((7 * i + 1) % 5000)" && n.ties[i].weight == Double(i % 5 + 1))
        }
        #expect(n.ties.reduce(0) { $0 + $1.weight } == 300_000)
        #expect(n.ties.last?.origin?.path == "ties!A100001")
    }

    // MARK: Our own workbooks

    @Test func roundTripGivesTheSameNetwork() throws {
        let network = FormatsRoundTripTests.sample()
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("net.xlsx")
        try NetworkWriter.write(network, to: url, form: NetworkWriter.form(forPath: url.path)!)
        let loaded = try NetworkLoader.load(path: url.path)
        #expect(loaded.form == .workbook)
        #expect(loaded.warnings.map(\.problem) == [.selfLoop])
        let back = loaded.network
        #expect(back.manifest == network.manifest)
        #expect(back.nodes == network.nodes)
        #expect(back.ties == network.ties)
        #expect(back.activities == network.activities)
        #expect(back.participation.map { [$0.activity, $0.node, $0.role ?? ""] } == network.participation.map { [$0.activity, $0.node, $0.role ?? ""] })
        // Deterministic.
        #expect(try NetworkWorkbookWriter.data(network) == NetworkWorkbookWriter.data(network))
    }

    @Test func bundledNetworkRoundTrips() throws {
        let network = try BundledNetwork.load().network
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("b.xlsx")
        try AtomicFile.write(try NetworkWorkbookWriter.data(network), to: url)
        let back = try NetworkLoader.load(path: url.path).network
        #expect(back.manifest == network.manifest)
        #expect(back.nodes == network.nodes)
        #expect(back.ties == network.ties)
        #expect(back.activities == network.activities)
        #expect(back.participation.count == network.participation.count)
    }

    @Test func writtenCellsAreValuesNeverFormulasAndHaveTheLayout() throws {
        let nodes = [Node(id: "a", name: "=HYPERLINK(\"http://x\",\"click\")", kind: .cso), Node(id: "+b", name: "@SUM(1)", kind: .cso),
                     Node(id: "-c", name: "-1+2", kind: .cso)]
        let network = Network(manifest: Manifest(name: "f"), nodes: nodes, ties: [Tie(source: "a", target: "+b", weight: 2.5, since: Day(iso: "2025-01-31"))])
        let data = try NetworkWorkbookWriter.data(network)
        let archive = try Archive(data: data, accessMode: .read)
        var sheets = ""
        for entry in archive where entry.path.hasPrefix("xl/worksheets/") {
            var d = Data()
            _ = try archive.extract(entry) { d.append($0) }
            sheets += String(decoding: d, as: UTF8.self)
        }
        #expect(!sheets.contains("<f>") && !sheets.contains("<f "))
        #expect(sheets.contains(#"t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;"#) || sheets.contains(#"t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(""#))
        #expect(sheets.contains(#"<c r="D2"><v>2.5</v></c>"#), "weight as a number")
        #expect(sheets.contains(#"<c r="G2" s="2"><v>45688</v></c>"#), "2025-01-31 as a date serial with the date style")
        #expect(sheets.contains(#"state="frozen""#) && sheets.contains(#"<autoFilter ref="A1:J2"/>"#))
        #expect(sheets.contains(#"<c r="A1" s="1" t="inlineStr">"#), "bold header")
        let back = try NetworkLoader.load(bytes: [UInt8](data), file: "f.xlsx", form: .workbook).network
        #expect(back.nodes.map(\.name) == nodes.map(\.name))
        #expect(back.nodes.map(\.id) == ["a", "+b", "-c"])
    }

    // MARK: Hostile workbooks (built here with ZIPFoundation)

    /// A workbook archive with these parts (a minimal valid skeleton unless replaced).
    static func workbook(_ replace: [String: Data], in dir: URL, name: String = "w.xlsx") throws -> String {
        var parts: [String: Data] = [
            "[Content_Types].xml": Data(#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8),
            "xl/workbook.xml": Data(#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="nodes" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8),
            "xl/_rels/workbook.xml.rels": Data(#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8),
            "xl/worksheets/sheet1.xml": Data(sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="inlineStr"><is><t>kind</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="C2" t="inlineStr"><is><t>cso</t></is></c></row>"#).utf8),
        ]
        for (k, v) in replace { parts[k] = v }
        let url = dir.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for path in parts.keys.sorted() {
            let data = parts[path]!
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate, bufferSize: 1 << 20) { pos, size in
                data.subdata(in: Int(pos)..<(Int(pos) + size))
            }
        }
        return url.path
    }

    static func sheet(_ rows: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + rows + "</sheetData></worksheet>"
    }

    @Test func theSkeletonItselfLoads() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let n = try NetworkLoader.load(path: try Self.workbook([:], in: dir)).network
        #expect(n.nodes.map(\.id) == ["a"] && n.manifest.name == "w")
    }

    @Test func zipBombIsRefusedByItsRatio() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 64 MB of blanks between two rows: deflate squeezes it about 1,000 times.
        let text = Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row>")
        var xml = Data(text.utf8)
        xml.insert(contentsOf: Data(repeating: 0x20, count: 64 << 20), at: text.utf8.count - "</sheetData></worksheet>".utf8.count)
        let path = try Self.workbook(["xl/worksheets/sheet1.xml": xml], in: dir)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(size < 200_000)
        let failure = #expect(throws: LoadFailure.self) { try NetworkLoader.load(path: path) }
        #expect(failure?.errors.count == 1)
        #expect(failure?.errors.first?.problem == .tooLarge)
        #expect(failure?.errors.first?.message.contains("zip bomb") == true)
        #expect(failure?.errors.first?.message.contains("--max-compression-ratio") == true)
        // With the ratio raised, the size limit catches it.
        let small = LoadOptions(workbookLimits: WorkbookLimits(maximumPartBytes: 16 << 20, maximumCompressionRatio: 100_000))
        let bySize = #expect(throws: LoadFailure.self) { try NetworkLoader.load(path: path, options: small) }
        #expect(bySize?.errors.first?.message.contains("more than 16 MB") == true)
        #expect(bySize?.errors.first?.message.contains("--max-workbook-mb") == true)
    }

    @Test func entityDeclarationsAreRefused() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let xml = #"<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>"#
        let failure = #expect(throws: LoadFailure.self) { try NetworkLoader.load(path: try Self.workbook(["xl/worksheets/sheet1.xml": Data(xml.utf8)], in: dir)) }
        #expect(failure?.errors.first?.problem == .unsafeXML)
        #expect(failure?.errors.first?.location.file.hasSuffix("w.xlsx (xl/worksheets/sheet1.xml)") == true)
        #expect(failure?.description.contains("root:") == false)
    }

    @Test func xlsbIsRefused() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let failure = #expect(throws: LoadFailure.self) { try NetworkLoader.load(path: try Self.workbook(["xl/workbook.bin": Data([0, 1, 2])], in: dir)) }
        #expect(failure?.errors.first?.message.contains(".xlsb") == true)
    }

    @Test func rowsOverTheLimitAreRefusedAndEmptyStyledRowsAreIgnored() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rows = #"<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="inlineStr"><is><t>kind</t></is></c></row>"#
        for r in 2...6 { rows += #"<row r="\#(r)"><c r="A\#(r)" t="inlineStr"><is><t>n\#(r)</t></is></c><c r="C\#(r)" t="inlineStr"><is><t>cso</t></is></c></row>"# }
        let text = Self.sheet(rows)
        var xml = Array(text.utf8.dropLast("</sheetData></worksheet>".utf8.count))
        // A million empty styled rows after the data, as a sheet formatted down to its end has them.
        xml.reserveCapacity(40_000_000)
        let open = Array(#"<row r=""#.utf8), close = Array(#"" s="1" customFormat="1"/>"#.utf8)
        for r in 7..<1_000_007 {
            xml += open
            xml += Array(String(r).utf8)
            xml += close
        }
        xml += Array("</sheetData></worksheet>".utf8)
        let path = try Self.workbook(["xl/worksheets/sheet1.xml": Data(xml)], in: dir)
        let n = try NetworkLoader.load(path: path).network
        #expect(n.nodes.map(\.id) == ["n2", "n3", "n4", "n5", "n6"])
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #expect(usage.ru_maxrss < 2_000_000, "peak resident memory \(usage.ru_maxrss) kB (the whole test process)")

        let tight = LoadOptions(workbookLimits: WorkbookLimits(maximumRows: 4))
        let failure = #expect(throws: LoadFailure.self) { try NetworkLoader.load(path: path, options: tight) }
        #expect(failure?.errors.first?.location.path == "nodes!A5")
        #expect(failure?.errors.first?.message.contains("--max-rows") == true)
    }

    @Test func problemsArePlacedAtTheirCells() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        func s(_ r: String, _ t: String) -> String { #"<c r="\#(r)" t="inlineStr"><is><t>\#(t)</t></is></c>"# }
        let nodes = Self.sheet("<row r=\"1\">" + s("A1", "id") + s("B1", "name") + s("C1", "kind") + "</row><row r=\"3\">" + s("A3", "a") + s("C3", "cso") + "</row>"
            + "<row r=\"4\">" + s("A4", "b") + s("C4", "spaceship") + "</row>")
        let ties = Self.sheet("<row r=\"1\">" + s("A1", "source") + s("B1", "target") + s("C1", "weight") + "</row>"
            + "<row r=\"14\">" + s("A14", "a") + s("B14", "b") + s("C14", "heavy") + "</row>")
        let wb = #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="nodes" sheetId="1" r:id="rId1"/><sheet name="ties" sheetId="2" r:id="rId2"/></sheets></workbook>"#
        let rels = #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>"#
        let path = try Self.workbook(["xl/workbook.xml": Data(wb.utf8), "xl/_rels/workbook.xml.rels": Data(rels.utf8),
                                      "xl/worksheets/sheet1.xml": Data(nodes.utf8), "xl/worksheets/sheet2.xml": Data(ties.utf8)], in: dir)
        let failure = #expect(throws: LoadFailure.self) { try NetworkLoader.load(path: path) }
        #expect(failure?.errors.map { $0.location.path ?? "" } == ["nodes!C4", "ties!C14"])
        #expect(failure?.errors.last?.description == "\(path): ties!C14: error: weight of tie a – b is 'heavy'; it must be a positive number")
    }
}
