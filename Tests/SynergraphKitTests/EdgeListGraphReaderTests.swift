import Foundation
import Testing
@testable import SynergraphKit

/// The fast edge-list path (EdgeListGraphReader + the endpoint-array Graph init) against the model path
/// (EdgeListReader + NetworkView): same vertices, same graph bit for bit, same diagnostics.
@Suite struct EdgeListGraphReaderTests {
    /// Reads `text` both ways and checks they agree; returns the model path's diagnostics.
    @discardableResult
    private func agree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Diagnostic] {
        try agree(bytes: Array(text.utf8), sourceLocation: sourceLocation)
    }

    @discardableResult
    private func agree(bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> [Diagnostic] {
        // The fast path reads UTF-8 only (`synergraph metrics` falls back to the full reader, with its
        // Windows-1252 fallback, when it meets anything else): compare it with `--encoding utf8`.
        let (network, diagnostics) = EdgeListReader.read(bytes, file: "e.csv", name: "e", options: LoadOptions(encoding: .utf8))
        let fast: Result<EdgeListGraph, LoadFailure>
        do throws(LoadFailure) { fast = .success(try EdgeListGraphReader.read(bytes: bytes, file: "e.csv", name: "e")) } catch {
            fast = .failure(error)
        }
        switch fast {
        case .failure(let failure):
            #expect(network == nil || diagnostics.contains { $0.severity == .error }, "fast path failed, model path did not", sourceLocation: sourceLocation)
            #expect(failure.diagnostics == diagnostics, sourceLocation: sourceLocation)
        case .success(let edgeList):
            let network = try #require(network, "model path failed: \(diagnostics)", sourceLocation: sourceLocation)
            #expect(edgeList.warnings == diagnostics, sourceLocation: sourceLocation)
            #expect(edgeList.ids == network.nodes.map(\.id), sourceLocation: sourceLocation)
            let g = try NetworkView(network).graph
            sameGraph(edgeList.graph, g, sourceLocation: sourceLocation)
        }
        return diagnostics
    }

    private func sameGraph(_ a: Graph, _ b: Graph, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.vertexCount == b.vertexCount, sourceLocation: sourceLocation)
        #expect(a.isDirected == b.isDirected, sourceLocation: sourceLocation)
        #expect(a.offsets == b.offsets, sourceLocation: sourceLocation)
        #expect(a.targets == b.targets, sourceLocation: sourceLocation)
        #expect(a.weights.map(\.bitPattern) == b.weights.map(\.bitPattern), sourceLocation: sourceLocation)
        #expect(a.multiplicity == b.multiplicity, sourceLocation: sourceLocation)
        #expect(a.inOffsets == b.inOffsets, sourceLocation: sourceLocation)
        #expect(a.inSources == b.inSources, sourceLocation: sourceLocation)
        #expect(a.inWeights.map(\.bitPattern) == b.inWeights.map(\.bitPattern), sourceLocation: sourceLocation)
        #expect(a.edgeCount == b.edgeCount, sourceLocation: sourceLocation)
        #expect(a.droppedSelfLoops == b.droppedSelfLoops, sourceLocation: sourceLocation)
        #expect(a.mergedParallelEdges == b.mergedParallelEdges, sourceLocation: sourceLocation)
    }

    @Test func idsWeightsSelfLoopsAndRepeatedTies() throws {
        try agree("source,target,weight\nx,y,2\ny,z,0.5\nx,y,1\nz,z,3\ny,x,0.1\nw,x,\n")
        try agree("a,b\nb,c\nc,a\na,b\n")
        try agree("a,b,1e-3\nb,c,0x1p3\nc,a,.5\nd,a,12345678901234567890.5\ne,a,0.30000000000000004\n")
        let warnings = try agree("a,a\nb,a\n")
        #expect(warnings.map(\.problem) == [.selfLoop])
    }

    /// Plain lists only: a header naming other columns (`U,V,W`, `p,q,strength`, a fourth column) is
    /// read by name by EdgeListReader and is not for the fast path (EdgeListTableTests).
    @Test func headerDetection() throws {
        try agree("from,to\na,b\n")
        try agree("U,V,Weight\na,b,3\n")
        try agree("p,q,weight\na,b,2\n")  // endpoints not named: the first two columns
        try agree("p,q,7\na,b,1\n")  // a numeric third field is not a header
        try agree("p,q\na,b\n")  // no recognised name: a tie
        try agree("source,target\na,b,4\n")  // the unnamed third field of a two-column header is the weight
        for text in ["p,q,weight\na,b,2\n", "p,q,7\na,b,1\n", "source,target\na,b,4\n"] {
            #expect(EdgeListReader.isPlain(head: Array(text.utf8), complete: true), "\(text)")
        }
    }

    @Test func delimitersBOMLineEndsAndQuotes() throws {
        try agree("a;b;2\nb;c;1,5\n".replacingOccurrences(of: "1,5", with: "1"))
        try agree("a\tb\nb\tc\n")
        try agree(bytes: [0xEF, 0xBB, 0xBF] + Array("source,target\na,b\n".utf8))
        try agree("source,target\r\na,b\r\nb,c\r\n\r\nc,d")
        try agree("a,b\rb,c\r")
        try agree("\"a,1\",\"b \"\"q\"\"\"\n\"multi\nline\",c\n  x  , y \n\n   \n")
        try agree("Zoë,Łódź\nZoe\u{301},b\n\u{00A0}a\u{00A0},b\n")  // canonical equivalence, Unicode spaces
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in "a,b\nb,c\n".utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        try agree(bytes: utf16)
    }

    @Test func errorsWithLineNumbers() throws {
        let d1 = try agree("x,y,2\ny,z,heavy\nx\n,q\nq,\na,b,c,d\nb,c,-1\n")
        #expect(d1.map(\.problem) == [.badWeight, .wrongColumnCount, .missingValue, .missingValue, .wrongColumnCount, .badWeight])
        #expect(d1.map { $0.location.line } == [2, 3, 4, 5, 6, 7])
        #expect(d1[0].location.column == 5)
        try agree("a,b\n\"c,d\n")  // unterminated quote
        try agree("a,b\n\"c\"x,d\n\"e\"y,f\n")  // text after quote
        try agree("")
        try agree("\n\n")
        try agree(bytes: Array("a,b\nc,".utf8) + [0xC3, 0x28] + Array("\n".utf8))  // invalid UTF-8
        try agree("a,b,")  // trailing delimiter at end of file
    }

    @Test func endpointArrayInitMatchesEdgeInit() {
        var rng = SystemRandomNumberGenerator()
        for directed in [false, true] {
            for weighted in [false, true] {
                let n = 40
                var edges: [Graph.Edge] = []
                for _ in 0..<400 {
                    let w = weighted ? Double(Int.random(in: 1...9, using: &rng)) / 7 : 1
                    edges.append(Graph.Edge(Int32.random(in: 0..<Int32(n), using: &rng), Int32.random(in: 0..<Int32(n), using: &rng), weight: w))
                }
                let a = Graph(vertexCount: n, edges: edges, directed: directed)
                let b = Graph(vertexCount: n, sources: edges.map(\.source), targets: edges.map(\.target),
                              weights: weighted ? edges.map(\.weight) : nil, directed: directed)
                sameGraph(a, b)
            }
        }
    }

    @Test func bothWaysDirectedMatchesTheViewsDirectedGraph() throws {
        let text = "a,b,2\nb,c\nc,a,0.5\na,b,1\nb,a\nd,d\n"
        let (network, _) = EdgeListReader.read(Array(text.utf8), file: "e.csv", name: "e")
        let view = try NetworkView(try #require(network))
        let edgeList = try EdgeListGraphReader.read(bytes: Array(text.utf8), file: "e.csv", name: "e")
        sameGraph(edgeList.graph.bothWaysDirected(), view.directedGraph())
    }

    @Test func metricsReportIsTheSameThroughBothPaths() throws {
        let text = "source,target,weight\na,b,2\nb,c,1\nc,a,0.5\nc,d,3\nd,e,1\ne,f,1\nf,d,2\ng,h,1\na,b,1\n"
        let (network, _) = EdgeListReader.read(Array(text.utf8), file: "e.csv", name: "e")
        let view = try NetworkView(try #require(network))
        let edgeList = try EdgeListGraphReader.read(bytes: Array(text.utf8), file: "e.csv", name: "e")
        for (weighted, directed) in [(false, false), (true, false), (false, true)] {
            let request = MetricsRequest(weighted: weighted, directed: directed, threads: 1)
            let model = MetricsReport(view: view, request: request)
            let fast = MetricsReport(edgeList: edgeList, request: request)
            let rows = model.rowOrder(top: nil, by: nil)
            #expect(fast.json(rows: rows) == model.json(rows: rows))
            #expect(fast.csv(rows: rows) == model.csv(rows: rows))
        }
    }
}
