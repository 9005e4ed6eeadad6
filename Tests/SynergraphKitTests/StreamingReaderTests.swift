import Foundation
import Testing
@testable import SynergraphKit

/// The CSV readers decode each row into the model as it is read (Docs/streaming-reader.md). These tests
/// pin what must not change with that: every diagnostic keeps its file, line and column, rows after a
/// multi-line quoted field keep their lines, and a table cut short by a limit or a parse error reports
/// exactly what reading the whole file first reported (the expected places are worked out by hand).
@Suite struct StreamingReaderTests {
    private let manifest = #"{"format_version": 1, "name": "mem", "title": "t", "target_countries": ["NPL"]}"#
    private let nodes = "id,name,kind\na,A,cso\nb,B,cso\n"

    /// Rows after a quoted field holding a line break keep their own lines, in the tie origins and in messages.
    @Test func rowsAfterAMultiLineFieldKeepTheirLines() throws {
        let ties = "source,target,kind,weight\na,b,\"co-\norganisation\",2\nb,a,partnership,3\n"
        let loaded = try NetworkLoader.load(folderNamed: "mem", files: ["manifest.json": manifest, "nodes.csv": nodes, "ties.csv": ties])
        #expect(loaded.network.ties.map(\.kind) == ["co-\norganisation", "partnership"])
        #expect(loaded.network.ties.map(\.origin) == [FileLocation(file: "mem/ties.csv", line: 2), FileLocation(file: "mem/ties.csv", line: 4)])
        #expect(loaded.network.nodes.map(\.origin) == [FileLocation(file: "mem/nodes.csv", line: 2), FileLocation(file: "mem/nodes.csv", line: 3)])

        // `b,a,partnership,-1`: the weight starts at column 17 of line 4; the unknown node's tie is on line 5.
        let bad = ties.replacingOccurrences(of: "partnership,3", with: "partnership,-1") + "a,zz,partnership,1\n"
        let failure = try #require(loadFailure(["manifest.json": manifest, "nodes.csv": nodes, "ties.csv": bad]))
        #expect(failure.diagnostics.map { "\($0.problem.rawValue) \($0.location)" } == [
            "bad_weight mem/ties.csv:4:17",
            "unknown_node mem/ties.csv:5",
        ])
    }

    /// A repeated node id names the line of the first one, and both places are the records' lines.
    @Test func duplicateIDsNameTheFirstLine() throws {
        let failure = try #require(loadFailure(["manifest.json": manifest, "nodes.csv": nodes + "c,C,cso\na,A again,cso\n", "ties.csv": "source,target\na,b\n"]))
        #expect(failure.diagnostics.map { "\($0.problem.rawValue) \($0.location)" } == ["duplicate_id mem/nodes.csv:5"])
        #expect(failure.diagnostics[0].message == "duplicate node id 'a'; first defined on line 2")
    }

    /// A limit exceeded part-way through ties.csv: the rows read before it were already decoded, but as
    /// when the file was parsed whole, the table counts as unreadable and only the limit is reported
    /// (not the bad weight on line 2 nor the unknown node on line 3).
    @Test func aLimitPartWayThroughATableReportsOnlyTheLimit() throws {
        var limits = ReaderLimits()
        limits.records = 4
        let files = ["manifest.json": manifest, "nodes.csv": nodes, "ties.csv": "source,target,weight\na,b,heavy\na,zz,1\na,b,1\na,b,1\n"]
        let (network, diagnostics) = NetworkFolderReader.read(displayPath: "mem", limits: limits) { files[$0].map { Array($0.utf8) } }
        #expect(network == nil)
        #expect(diagnostics.map { "\($0.problem.rawValue) \($0.location)" } == ["too_large mem/ties.csv:5"])
    }

    /// A header with a missing column: the rows are not decoded at all, so only the header is reported.
    @Test func aBadHeaderReportsOnlyTheHeader() throws {
        let failure = try #require(loadFailure(["manifest.json": manifest, "nodes.csv": nodes, "ties.csv": "source,tgt,weight\na,b,heavy\n"]))
        #expect(failure.diagnostics.map { "\($0.problem.rawValue) \($0.location)" } == ["missing_column mem/ties.csv:1"])
    }

    /// An edge list whose parse fails on line 3 (text after a closing quote, at column 4 of `"q"r,z`)
    /// reports that alone: the bad weight on line 2 was found while streaming but is not reported,
    /// as when the whole file was parsed before any row was looked at.
    @Test func anEdgeListParseErrorHidesTheRowProblems() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("e.csv")
        try Data("a,b,1\ny,z,heavy\n\"q\"r,z\n".utf8).write(to: file)
        let failure = try #require(loadFailure(file.path))
        #expect(failure.diagnostics.map(\.problem) == [.textAfterQuote])
        #expect(failure.diagnostics[0].location == FileLocation(file: file.path, line: 3, column: 4))

        // Without the parse error, the row problems come back at their cells: `heavy` at 2:5, the lone `x` on line 3.
        try Data("a,b,1\ny,z,heavy\nx\n".utf8).write(to: file)
        let rows = try #require(loadFailure(file.path))
        #expect(rows.diagnostics.map { "\($0.problem.rawValue) \($0.location.line ?? 0):\($0.location.column ?? 0)" } == ["bad_weight 2:5", "wrong_column_count 3:0"])
    }

    /// An edge list's endpoints missing from the nodes table are reported where the first one first
    /// appears (`c` at line 4, column 3, after a blank line), and the ties keep their lines.
    @Test func edgeListEndpointPlacesAndTieLines() throws {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let edges = dir.appendingPathComponent("e.csv"), table = dir.appendingPathComponent("n.csv")
        try Data("source,target\na,b\n\nb,c\nd,a\n".utf8).write(to: edges)
        try Data("id,name\na,A\nb,B\n".utf8).write(to: table)
        var options = LoadOptions()
        options.nodesTable = table.path
        let loaded = try NetworkLoader.load(path: edges.path, options: options)
        #expect(loaded.network.ties.map { $0.origin?.line } == [2, 4, 5])
        #expect(loaded.network.nodes.map(\.id) == ["a", "b", "c", "d"])
        #expect(loaded.warnings.map { "\($0.problem.rawValue) \($0.location)" } == ["unknown_node \(edges.path):4:3"])
    }

    /// The compact tie storage gives back exactly what was stored.
    @Test func tieFieldsRoundTripThroughTheCompactStorage() {
        var tie = Tie(source: "a", target: "b", trust: 0, value: nil, origin: FileLocation(file: "t.csv", line: 7))
        #expect(tie.trust == 0 && tie.value == nil)
        #expect(tie.origin == FileLocation(file: "t.csv", line: 7))
        tie.value = 2.5
        tie.trust = nil
        #expect(tie.trust == nil && tie.value == 2.5)
        tie.trust = .nan
        #expect(tie.trust?.isNaN == true)
        for place in [FileLocation(file: "x.graphml", line: 3, column: 9), FileLocation(file: "x.json", path: "ties[4]"),
                      FileLocation(file: "y.csv"), FileLocation(file: "big.csv", line: 1 << 40), FileLocation(file: "z.csv", line: 0)] {
            tie.origin = place
            #expect(tie.origin == place)
        }
        tie.origin = nil
        #expect(tie.origin == nil)
        // A million ties are held at once: 144 bytes each, not 192 (Docs/streaming-reader.md).
        #expect(MemoryLayout<Tie>.stride <= 144)
    }

    // MARK: helpers

    private func loadFailure(_ path: String) -> LoadFailure? {
        do { _ = try NetworkLoader.load(path: path) } catch { return error }
        return nil
    }

    private func loadFailure(_ files: [String: String]) -> LoadFailure? {
        do { _ = try NetworkLoader.load(folderNamed: "mem", files: files) } catch { return error }
        return nil
    }
}
