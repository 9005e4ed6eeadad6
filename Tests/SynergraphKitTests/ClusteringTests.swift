import Testing
@testable import SynergraphKit

/// The degree-ordered triangle count behind local clustering and transitivity, against a hand-worked
/// graph and against brute force (every vertex triple checked in an adjacency matrix) on seeded random
/// graphs with hubs. The NetworkX reference values are checked in `MetricsStructureTests.clustering`.
@Suite struct ClusteringTests {
    /// A diamond 0–1–2–3 (triangles {0, 1, 2} and {1, 2, 3}) with a pendant 4 on 3, given with a repeated
    /// tie and a self-loop that the simple graph drops.
    static let diamondWithTail = Graph(
        vertexCount: 5,
        edges: [.init(0, 1), .init(0, 2), .init(1, 2), .init(1, 3), .init(2, 3), .init(3, 4), .init(2, 1), .init(3, 3)],
        directed: false)

    @Test func diamondWithTailByHand() {
        let g = Self.diamondWithTail
        // T = 1, 2, 2, 1, 0 triangles; d = 2, 3, 3, 3, 1.
        #expect(g._triangleCounts(threads: 1) == [1, 2, 2, 1, 0])
        // c = 2T / (d(d − 1)): 2/2, 4/6, 4/6, 2/6, 0 (degree 1).
        #expect(g.clusteringCoefficients(threads: 1) == [1, 4.0 / 6.0, 4.0 / 6.0, 2.0 / 6.0, 0])
        // Σ 2T = 12 over Σ d(d − 1) = 2 + 6 + 6 + 6 + 0 = 20; equally 3 × 2 triangles / 10 connected triples.
        #expect(g.transitivity(threads: 1) == 0.6)
        // (1 + 2/3 + 2/3 + 1/3 + 0) / 5 = 8/15.
        #expect(abs(g.averageClustering(threads: 1)! - 8.0 / 15.0) < 1e-15)
    }

    @Test func completeGraphAndTinyGraphs() {
        // K5: every vertex is in C(4, 2) = 6 triangles and has clustering 1.
        let k5 = Graph(vertexCount: 5, edges: (0..<5).flatMap { u in (u + 1..<5).map { Graph.Edge(Int32(u), Int32($0)) } },
                       directed: false)
        #expect(k5._triangleCounts(threads: 2) == [6, 6, 6, 6, 6])
        #expect(k5.clusteringCoefficients() == [1, 1, 1, 1, 1])
        #expect(k5.transitivity() == 1)
        // One triangle, one edge, no vertex.
        let triangle = Graph(vertexCount: 3, edges: [.init(0, 1), .init(1, 2), .init(2, 0)], directed: false)
        #expect(triangle.clusteringCoefficients(threads: 3) == [1, 1, 1])
        #expect(Graph(vertexCount: 2, edges: [.init(0, 1)], directed: false).clusteringCoefficients() == [0, 0])
        #expect(Graph(vertexCount: 0, edges: [], directed: false).clusteringCoefficients() == [])
        #expect(Graph(vertexCount: 0, edges: [], directed: false).averageClustering() == nil)
    }

    /// Seeded random graphs: sparse, dense, with a few hubs joined to most vertices, and a union of
    /// overlapping cliques (many triangles, many equal degrees).
    static let randomCases: [(name: String, graph: Graph)] = {
        var rng = _SplitMix64(seed: 20_261_128)
        func random(_ n: Int, _ m: Int, hubs: Int, hubShare: Double) -> Graph {
            var edges: [Graph.Edge] = []
            for _ in 0..<m {
                edges.append(.init(Int32(rng.next() % UInt64(n)), Int32(rng.next() % UInt64(n))))
            }
            for h in 0..<hubs {
                for v in 0..<n where Double(rng.next() >> 11) / Double(1 << 53) < hubShare {
                    edges.append(.init(Int32(h * 7 % n), Int32(v)))
                }
            }
            return Graph(vertexCount: n, edges: edges, directed: false)
        }
        var cliques: [Graph.Edge] = []
        for _ in 0..<40 {
            let members = (0..<(3 + Int(rng.next() % 8))).map { _ in Int32(rng.next() % 150) }
            for a in members { for b in members { cliques.append(.init(a, b)) } }
        }
        return [
            ("sparse 400 / 1200", random(400, 1200, hubs: 0, hubShare: 0)),
            ("sparse with 3 hubs", random(500, 1500, hubs: 3, hubShare: 0.6)),
            ("dense 80 / 1600", random(80, 1600, hubs: 0, hubShare: 0)),
            ("star-like: 1 hub on everything", random(300, 300, hubs: 1, hubShare: 1)),
            ("overlapping cliques", Graph(vertexCount: 150, edges: cliques, directed: false)),
        ]
    }()

    @Test(arguments: 0..<5)
    func matchesBruteForce(_ index: Int) {
        let (name, g) = Self.randomCases[index]
        let n = g.vertexCount
        var adjacent = [Bool](repeating: false, count: n * n)
        for v in 0..<n { for w in g.neighbours(of: v) { adjacent[v * n + Int(w)] = true } }
        var expected = [Int](repeating: 0, count: n)
        for a in 0..<n {
            for b in a + 1..<n where adjacent[a * n + b] {
                for c in b + 1..<n where adjacent[a * n + c] && adjacent[b * n + c] {
                    expected[a] += 1
                    expected[b] += 1
                    expected[c] += 1
                }
            }
        }
        #expect(expected.reduce(0, +) > 0, "\(name) has triangles")
        for threads in [1, 2, 3, 7] {
            #expect(g._triangleCounts(threads: threads) == expected, "\(name), \(threads) threads")
        }
        // NetworkX's formulas on the brute-force counts, in the same operations: equal bit for bit.
        let clustering = (0..<n).map { v -> Double in
            let d = g.degree(of: v)
            return d < 2 || expected[v] == 0 ? 0 : Double(2 * expected[v]) / Double(d * (d - 1))
        }
        let triples = (0..<n).reduce(0) { $0 + g.degree(of: $1) * (g.degree(of: $1) - 1) }
        for threads in [1, 2] {
            #expect(g.clusteringCoefficients(threads: threads) == clustering, "\(name) clustering")
            #expect(g.transitivity(threads: threads) == Double(2 * expected.reduce(0, +)) / Double(triples), "\(name) transitivity")
            #expect(g.averageClustering(threads: threads) == clustering.reduce(0, +) / Double(n), "\(name) average")
        }
    }
}
