import Foundation
import Testing
@testable import SynergraphKit

/// `--nodes`, `--kind-attribute` and `--encoding` on every command that reads a network, with the
/// Gephi-style tables of Tests/SynergraphKitTests/Fixtures/formats.
@Suite struct EdgeListCLITests {
    let formats = CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/formats")
    var nodes: String { formats.appendingPathComponent("gephi-table.nodes.csv").path }
    var edges: String { formats.appendingPathComponent("gephi-table.edges.csv").path }

    @Test func validateAndConvertJoinTheNodesTable() throws {
        let r = try CLIRunner.run(["validate", edges, "--nodes", nodes, "--kind-attribute", "kind_column"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(edges): valid: 6 nodes, 5 ties, 0 activities, 0 participations; 0 warnings\n")

        let out = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let graphml = out.appendingPathComponent("joined.graphml").path
        let c = try CLIRunner.run(["convert", edges, graphml, "--nodes", nodes, "--kind-attribute", "kind_column"])
        #expect(c.status == 0, "\(c.stderr)")
        let back = try NetworkLoader.load(path: graphml).network
        #expect(back.nodes.map(\.kind) == [.agency, .agency, .school, .cso, .expert, .government])
        #expect(back.nodes.last?.name == "Ministry of Home Affairs, Lao PDR")
        #expect(back.nodes.first?.attribute("acronym") == "UNPOG")
        #expect(back.ties.map { back.isDirected($0) } == [false, true, false, true, false])
        #expect(back.ties.map(\.weight) == [3, 2, 1, 1.5, 1])
    }

    /// A plain edge list saved as Windows-1252 (invalid UTF-8 after the first line, so the fast path starts
    /// on it): `metrics` falls back to the full reader and reads it with one warning; `--encoding utf8`
    /// refuses it.
    @Test func metricsReadsAWindows1252EdgeList() throws {
        let out = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("ties.csv")
        try Data(Array("a,b\nb,Soci".utf8) + [0xE9, 0x74, 0xE9] + Array("\nSoci".utf8) + [0xE9, 0x74, 0xE9] + Array(",a\n".utf8)).write(to: file)
        let r = try CLIRunner.run(["metrics", file.path, "--metric", "degree", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Société"), "\(r.stdout)")
        #expect(r.stderr.contains("not valid UTF-8 here; read it as Latin-1 (Windows-1252)"), "\(r.stderr)")
        let strict = try CLIRunner.run(["metrics", file.path, "--metric", "degree", "--encoding", "utf8"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("not valid UTF-8"), "\(strict.stderr)")
    }

    @Test func nodesWithoutAnEdgeListIsAUsageError() throws {
        let tiny = CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/networks/tiny").path
        let folder = try CLIRunner.run(["metrics", tiny, "--nodes", nodes])
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("--nodes joins a nodes table to an edge list, but '\(tiny)' is a network folder, which lists its own nodes; leave out --nodes."))
        let bundled = try CLIRunner.run(["analyze", "--nodes", nodes, "--no-map"])
        #expect(bundled.status == 2)
        #expect(bundled.stderr.contains("give the edge list as the network path"))
        let convert = try CLIRunner.run(["convert", tiny, "/tmp/never-written.json", "--nodes", nodes])
        #expect(convert.status == 2)
    }

    /// `metrics` must not take the fast path (positional, undirected) for a Gephi edge table: with
    /// `--directed`, its Type=Directed ties are one-way, as in the same network read from JSON.
    @Test func metricsReadsAGephiTableWithItsDirections() throws {
        let out = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let json = out.appendingPathComponent("edges.json").path
        #expect(try CLIRunner.run(["convert", edges, json]).status == 0)
        let plain = out.appendingPathComponent("plain.csv")
        try Data("unpog,escap,3\nunpog,nasc,2\nnasc,tiri,1\nexp-1,nasc,1.5\nescap,unpog,1\n".utf8).write(to: plain)
        let args = ["--directed", "--metric", "pagerank", "--format", "csv"]
        let fromTable = try CLIRunner.run(["metrics", edges] + args)
        let fromJSON = try CLIRunner.run(["metrics", json] + args)
        let undirected = try CLIRunner.run(["metrics", plain.path] + args)
        #expect(fromTable.status == 0, "\(fromTable.stderr)")
        #expect(fromTable.stdout == fromJSON.stdout)
        // The same ties without directions give other values: the comparison above can fail.
        #expect(undirected.status == 0)
        #expect(fromTable.stdout != undirected.stdout)
    }
}
