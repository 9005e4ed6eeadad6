import Foundation
import Testing
@testable import SynergraphKit

/// Riondato–Kornaropoulos sampling against exact betweenness: NetworkX's values (fixtures) and, on larger
/// seeded graphs, the exact Brandes computation (itself tested against NetworkX). Every run is seeded, so
/// each assertion is deterministic; the margins are the guarantee itself (`ε`), checked over several seeds.
@Suite struct ApproximateBetweennessTests {
    /// Every estimate within ε of NetworkX's normalised betweenness, for 8 seeds, on every fixture
    /// (undirected, directed, weighted with exact length ties, disconnected, tiny). With δ = 0.1 the theorem
    /// allows one failing seed in ten; the bound is loose in practice, so none fail.
    @Test(arguments: MetricFixture.names)
    func withinEpsilonOfNetworkX(_ name: String) throws {
        let f = MetricFixture.load(name)
        for weighted in [false, true] {
            let expected = try #require(f.nodeValues("betweenness" + (weighted ? "_weighted" : "")))
            for seed in UInt64(1)...8 {
                let a = f.graph.approximateBetweenness(epsilon: 0.05, delta: 0.1, weighted: weighted, seed: seed, threads: 2)
                #expect(a.values.count == f.vertexCount)
                let worst = zip(a.values, expected).map { abs($0 - ($1 ?? 0)) }.max() ?? 0
                #expect(worst <= 0.05, "\(name) weighted \(weighted) seed \(seed): max error \(worst), \(a.samples) samples")
            }
        }
    }

    /// A 4-cycle: the pair (0, 2) has two shortest paths (through 1 and through 3). Exact normalised
    /// betweenness is 1/6 for every vertex (one half of one unordered pair, ×2 / ((n−1)(n−2)) = 2 · ½ / 6).
    /// A sampler that always took the first predecessor would give vertex 1 twice that and vertex 3 none.
    @Test func choosesAmongShortestPathsUniformly() {
        let g = Graph(vertexCount: 4, edges: [Graph.Edge(0, 1), Graph.Edge(1, 2), Graph.Edge(2, 3), Graph.Edge(3, 0)], directed: false)
        let a = g.approximateBetweenness(epsilon: 0.02, seed: 3, threads: 1)
        for v in 0..<4 { #expect(abs(a.values[v] - 1.0 / 6) <= 0.02, "vertex \(v): \(a.values[v])") }
        // Directed 4-cycle both ways plus the same shape, one way only: 0→1→2, 0→3→2.
        let d = Graph(vertexCount: 4, edges: [Graph.Edge(0, 1), Graph.Edge(1, 2), Graph.Edge(0, 3), Graph.Edge(3, 2)], directed: true)
        // Exact: only the ordered pair (0, 2) has inner vertices, ½ each for 1 and 3, over (n−1)(n−2) = 6.
        let ad = d.approximateBetweenness(epsilon: 0.02, seed: 3, threads: 1)
        #expect(abs(ad.values[1] - 1.0 / 12) <= 0.02 && abs(ad.values[3] - 1.0 / 12) <= 0.02, "\(ad.values)")
        #expect(ad.values[0] == 0 && ad.values[2] == 0)
    }

    /// The sample size, worked by hand for the 5-vertex path 0–1–2–3–4: the BFS from 0 has eccentricity 4, so
    /// VD ≤ min(2·4 + 1, 5) = 5; ⌊log₂(5 − 2)⌋ + 1 = 2; ε' = 0.1 · 3/5 = 0.06;
    /// r = ⌈0.5 / 0.0036 · (2 + ln 10)⌉ = ⌈138.89 · 4.3026⌉ = ⌈597.59⌉ = 598.
    @Test func sampleSizeByHand() {
        let g = Graph(vertexCount: 5, edges: (0..<4).map { Graph.Edge(Int32($0), Int32($0 + 1)) }, directed: false)
        let a = g.approximateBetweenness(epsilon: 0.1, delta: 0.1, seed: 1, threads: 1)
        #expect(a.vertexDiameterBound == 5)
        #expect(a.samples == 598)
        // Exact: 1 and 3 lie on 3 unordered pairs of 6 → 2·3/12 = 0.5; vertex 2 on 4 → 2/3; ends 0.
        let exact = [0, 0.5, 2.0 / 3, 0.5, 0]
        for v in 0..<5 { #expect(abs(a.values[v] - exact[v]) <= 0.1) }
        #expect(a.values[0] == 0 && a.values[4] == 0)
    }

    /// The vertex-diameter bound is at least the true number of vertices on a longest shortest path.
    @Test(arguments: MetricFixture.names)
    func vertexDiameterBoundHolds(_ name: String) {
        let g = MetricFixture.load(name).graph
        guard g.vertexCount > 0 else { return }
        var longest = 0
        for s in 0..<g.vertexCount {
            var depth = [Int](repeating: -1, count: g.vertexCount)
            depth[s] = 0
            var queue = [s], head = 0
            while head < queue.count {
                let v = queue[head]; head += 1
                longest = max(longest, depth[v] + 1)
                for w in g.neighbours(of: v) where depth[Int(w)] < 0 { depth[Int(w)] = depth[v] + 1; queue.append(Int(w)) }
            }
        }
        #expect(g._vertexDiameterBound(weighted: false) >= longest, "\(name)")
    }

    /// Seeded random graphs with hubs and a long tail (exact values by Brandes): errors within ε for ten
    /// seeds, some estimate actually off (a sampler, not the exact answer), identical for 1, 2 and 5 threads.
    @Test func seededGraphsAgainstExact() {
        var rng = _SplitMix64(seed: 42)
        var edges: [Graph.Edge] = []
        let n = 400
        for v in 1..<n {  // preferential-ish tree plus random chords: hubs, leaves, many distances
            let u = Int(rng.next() % UInt64(v))
            edges.append(Graph.Edge(Int32(min(u, Int(rng.next() % UInt64(v)))), Int32(v)))
        }
        for _ in 0..<300 { edges.append(Graph.Edge(Int32(rng.next() % UInt64(n)), Int32(rng.next() % UInt64(n)))) }
        let g = Graph(vertexCount: n, edges: edges, directed: false)
        let exact = g.betweennessCentrality(threads: 2)
        var sawError = false
        for seed in UInt64(1)...10 {
            let a = g.approximateBetweenness(epsilon: 0.03, delta: 0.1, seed: seed, threads: 2)
            let worst = zip(a.values, exact).map { abs($0 - $1) }.max()!
            #expect(worst <= 0.03, "seed \(seed): max error \(worst)")
            if worst > 1e-6 { sawError = true }
            if seed == 1 {
                #expect(g.approximateBetweenness(epsilon: 0.03, delta: 0.1, seed: seed, threads: 1).values == a.values)
                #expect(g.approximateBetweenness(epsilon: 0.03, delta: 0.1, seed: seed, threads: 5).values == a.values)
            }
        }
        #expect(sawError)
        // The top vertex by exact betweenness is among the estimate's top three.
        let top = exact.indices.max { exact[$0] < exact[$1] }!
        let est = g.approximateBetweenness(epsilon: 0.03, seed: 1, threads: 2).values
        #expect(est.indices.sorted { est[$0] > est[$1] }.prefix(3).contains(top))
    }
}
