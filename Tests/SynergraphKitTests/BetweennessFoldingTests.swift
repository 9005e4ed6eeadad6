import Foundation
import Testing
@_spi(Benchmark) @testable import SynergraphKit

/// Betweenness with degree-1 folding (`_DegreeOneFolding`, Baglioni et al. 2012) on partner-shaped graphs:
/// NetworkX's values on the `partners` fixture (single-tie experts, experts of experts, a pendant chain, a
/// tree component, a lone tie, an isolated vertex), a path worked by hand, and the unfolded Brandes
/// (`_plainBrandesBetweenness`, the directed/weighted code path) on larger seeded graphs of the same shape.
@Suite struct BetweennessFoldingTests {
    @Test func partnersFixtureMatchesNetworkX() {
        let f = MetricFixture.load("partners")
        for weighted in [false, true] {
            let suffix = weighted ? "_weighted" : ""
            expectClose(f.graph.betweennessCentrality(weighted: weighted, threads: 2), f.nodeValues("betweenness" + suffix), "partners betweenness\(suffix)")
            expectClose(f.graph.betweennessCentrality(normalized: false, weighted: weighted, threads: 1), f.nodeValues("betweenness_raw" + suffix), "partners raw betweenness\(suffix)")
        }
        let one = f.graph.betweennessCentrality(threads: 1)
        #expect(f.graph.betweennessCentrality(threads: 2) == one)
        #expect(f.graph.betweennessCentrality(threads: 7) == one)
    }

    /// Path 0–1–2–3–4, folded completely (a tree): vertex 1 separates {0} from {2, 3, 4}: 3 pairs; vertex 2
    /// separates {0, 1} from {3, 4}: 4 pairs; unordered pairs, unnormalised.
    @Test func pathIsFoldedExactly() {
        let g = Graph(vertexCount: 5, edges: (0..<4).map { Graph.Edge(Int32($0), Int32($0 + 1)) }, directed: false)
        #expect(g.betweennessCentrality(normalized: false, threads: 1) == [0, 3, 4, 3, 0])
    }

    /// Seeded partner-shaped graphs: a random core of organisations, experts with one tie, experts tied to
    /// experts, and a few separate trees; folded against unfolded Brandes.
    @Test(arguments: [1, 2, 3])
    func agreesWithUnfoldedBrandes(_ seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let orgs = 150, experts = 600
        var edges: [Graph.Edge] = []
        for _ in 0..<(orgs * 2) { edges.append(Graph.Edge(Int32(next(orgs)), Int32(next(orgs)))) }
        for e in 0..<experts {
            let anchor = e < 50 || next(5) > 0 ? next(orgs) : orgs + next(e)
            edges.append(Graph.Edge(Int32(orgs + e), Int32(anchor)))
        }
        var n = orgs + experts
        for _ in 0..<5 {  // separate trees of 1 to 8 vertices
            let size = 1 + next(8)
            for k in 1..<max(size, 1) { edges.append(Graph.Edge(Int32(n + k), Int32(n + next(k)))) }
            n += size
        }
        let g = Graph(vertexCount: n, edges: edges, directed: false)
        for normalized in [true, false] {
            let folded = g.betweennessCentrality(normalized: normalized, threads: 2)
            let plain = g._plainBrandesBetweenness(normalized: normalized, threads: 2)
            expectClose(folded, plain.map { Optional($0) }, "seed \(seed) normalized \(normalized)")
        }
    }
}
