import Foundation
import SynergraphKit
import Testing

@testable import SynergraphGraphviz

/// DOT input that would make Graphviz's parser (cgraph 2.43) work superlinearly, refused by `DOTScan`
/// before Graphviz sees it, and the DOT reader's growth along each dimension (as `ReaderGrowthTests` does
/// for the other readers). Measured with `gvpr` on cgraph 2.43: 2,000 nodes each declaring its own
/// attribute 2.4 s, 8,000 168 s; 20,000 strings joined with `+` 0.27 s, 80,000 3.9 s.
@Suite(.serialized) struct DOTHostileTests {
    private func read(_ text: String, limits: ReaderLimits = ReaderLimits()) -> (Network?, [Diagnostic]) {
        DOTReader.read(Array(text.utf8), file: "h.dot", options: LoadOptions(limits: limits))
    }

    private func errors(_ text: String, limits: ReaderLimits = ReaderLimits()) -> [String] {
        read(text, limits: limits).1.filter { $0.severity == .error }.map(\.description)
    }

    private func ratio(_ n: Int, runs: Int = 3, _ make: (Int) -> String) -> Double {
        let small = make(n), large = make(8 * n)
        _ = read(small)
        func fastest(_ text: String) -> Double {
            var best = Double.infinity
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = read(text)
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return best
        }
        let (a, b) = (fastest(small), fastest(large))
        print(String(format: "growth DOT: %.1f (%.4f s, then %.4f s)", b / max(a, 1e-5), a, b))
        return b / max(a, 1e-5)
    }

    /// Linear: about 8; quadratic: about 64.
    private let bound = 16.0

    @Test func attributeDeclarationsAreBounded() {
        func own(_ n: Int) -> String { "digraph {\n" + (0..<n).map { "n\($0) [x\($0)=1]" }.joined(separator: "\n") + "\n}" }
        #expect(errors(own(1_001)) == ["h.dot:1002: error: the graph declares more than 1,000 attribute names (limit attributes=1000); raise it with --limit attributes=2000"])
        let r = ratio(2_000, own)
        #expect(r < bound, "refusing n attribute names: 8n took \(r) times as long")
        // Below the names limit, names × nodes and edges is bounded too (cgraph holds that many values).
        var few = ReaderLimits()
        few.values = 1_000
        let many = "digraph {\n" + (0..<10).map { "n\($0) [k\($0)=1]" }.joined(separator: "\n") + "\n" + (10..<200).map { "n\($0)" }.joined(separator: "\n") + "\n}"
        #expect(errors(many, limits: few) == [
            "h.dot: error: Graphviz would hold about 10 × 221 attribute values (every node and edge gets a slot for every attribute name the file declares) (limit values=1000); raise it with --limit values=2000",
        ])
        #expect(read(many).0?.nodes.count == 200)
    }

    @Test func stringConcatenationIsBounded() throws {
        func joined(_ n: Int) -> String { "digraph { a [label=" + Array(repeating: "\"ab\"", count: n).joined(separator: " + ") + "] }" }
        #expect(try #require(read(joined(10)).0).nodes[0].name == String(repeating: "ab", count: 10))
        let refused = errors(joined(2_000_000 / 4))
        #expect(refused.count == 1)
        #expect(refused.first?.hasPrefix("h.dot:1: error: a string joined with + from ") == true)
        #expect(refused.first?.hasSuffix("costs Graphviz's parser too much copying (limit field-length=1M); raise it with --limit field-length=2M") == true)
        let r = ratio(20_000, joined)
        #expect(r < bound, "strings joined with +: 8n took \(r) times as long")
    }

    @Test func edgesBetweenGroupsAreCounted() {
        // `{a1 ... an} -> {b1 ... bn}` is n² edges from 2n ids.
        func groups(_ n: Int) -> String {
            "digraph { {" + (0..<n).map { "a\($0)" }.joined(separator: " ") + "} -> {" + (0..<n).map { "b\($0)" }.joined(separator: " ") + "} }"
        }
        #expect(read(groups(3)).0?.ties.count == 9)
        var limits = ReaderLimits()
        limits.records = 1_000
        #expect(errors(groups(40), limits: limits) == [
            "h.dot:1: error: the graph makes more than 1,000 nodes and edges (an edge between two { } groups joins every member of one to every member of the other) (limit records=1000); raise it with --limit records=2000",
        ])
        #expect(errors(groups(10_000)).count == 1)
    }

    @Test func nodesEdgesStringsAndNestingGrowLinearly() {
        func nodes(_ n: Int) -> String { "graph {\n" + (0..<n).map { "n\($0) [label=\"N \($0)\", kind=school]" }.joined(separator: "\n") + "\n}" }
        #expect(read(nodes(5)).0?.nodes.count == 5)
        var r = ratio(1_000, nodes)
        #expect(r < bound, "nodes: \(r)")
        func edges(_ n: Int) -> String { "digraph {\n" + (0..<n).map { "n\($0) -> n\(($0 * 7 + 1) % n) [weight=2]" }.joined(separator: "\n") + "\n}" }
        r = ratio(1_000, edges)
        #expect(r < bound, "edges: \(r)")
        func long(_ n: Int) -> String { "digraph { a [label=\"" + String(repeating: "x", count: n) + "\"] }" }
        r = ratio(50_000, long)
        #expect(r < bound, "string length: \(r)")
        func deep(_ d: Int) -> String { "digraph {" + String(repeating: "subgraph {", count: d) + "x" + String(repeating: "}", count: d) + "}" }
        #expect(read(deep(99)).0?.nodes.map(\.id) == ["x"])
        r = ratio(12, runs: 5, deep)
        #expect(r < bound, "nesting: \(r)")
    }

    @Test func hostileBytes() {
        #expect(errors("digraph { a\u{0}b }") == ["h.dot:1: error: the file contains a NUL byte; this is not DOT text"])
        #expect(errors("\u{FEFF}digraph { a }").isEmpty)
        // A mark in the middle is not DOT.
        #expect(!errors("digraph { a \u{FEFF} }").isEmpty || read("digraph { a \u{FEFF} }").0 != nil)
        let utf16: [UInt8] = [0xFF, 0xFE] + "graph {}".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(DOTReader.read(utf16, file: "h.dot").1.map(\.description) == ["h.dot:1: error: the file is UTF-16; Graphviz reads UTF-8 DOT text: save it as UTF-8"])
        let huge = String(repeating: "y", count: (1 << 20) + 1)
        #expect(errors("digraph { a [label=\"" + huge + "\"] }") == ["h.dot:1: error: a string is longer than 1,048,576 bytes (limit field-length=1M); raise it with --limit field-length=2M"])
        #expect(errors("digraph { a [label=<" + huge + ">] }") == ["h.dot:1: error: an HTML string is longer than 1,048,576 bytes (limit field-length=1M); raise it with --limit field-length=2M"])
    }
}
