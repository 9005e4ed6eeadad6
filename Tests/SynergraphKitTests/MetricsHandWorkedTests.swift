import Testing
@testable import SynergraphKit

/// Small graphs whose values are worked out by hand in the comments.
@Suite struct MetricsHandWorkedTests {
    /// 0 – 1 – 2 – 3
    static let path4 = Graph(vertexCount: 4, edges: [.init(0, 1), .init(1, 2), .init(2, 3)], directed: false)
    /// Centre 0 with leaves 1…4.
    static let star5 = Graph(vertexCount: 5, edges: (1...4).map { .init(0, Int32($0)) }, directed: false)

    @Test func pathOfFourBetweenness() {
        // Vertex 1 lies on the paths 0–2 and 0–3: raw 2. Normalised: 2 · 2 / ((4 − 1)(4 − 2)) = 2/3.
        #expect(Self.path4.betweennessCentrality(normalized: false, threads: 1) == [0, 2, 2, 0])
        let b = Self.path4.betweennessCentrality(threads: 1)
        #expect(abs(b[1] - 2.0 / 3.0) < 1e-15 && b[0] == 0)
    }

    @Test func starBetweennessAndDegree() {
        // The centre is on all C(4, 2) = 6 leaf pairs; normalised that is 1.
        #expect(Self.star5.betweennessCentrality(normalized: false, threads: 1) == [6, 0, 0, 0, 0])
        #expect(Self.star5.betweennessCentrality(threads: 2) == [1, 0, 0, 0, 0])
        #expect(Self.star5.degrees() == [4, 1, 1, 1, 1])
        #expect(Self.star5.degreeCentrality() == [1, 0.25, 0.25, 0.25, 0.25])
    }

    @Test func directedPathBetweennessIsNotHalved() {
        // 0 → 1 → 2: vertex 1 is on the one ordered pair (0, 2).
        let g = Graph(vertexCount: 3, edges: [.init(0, 1), .init(1, 2)], directed: true)
        #expect(g.betweennessCentrality(normalized: false, threads: 1) == [0, 1, 0])
        #expect(g.betweennessCentrality(threads: 1) == [0, 0.5, 0])
    }

    @Test func weightedBetweennessUsesInverseWeights() {
        // Square 0-1-2-3-0; edge 0-1 and 1-2 heavy (short), so 0→2 goes through 1 only.
        let g = Graph(vertexCount: 4, edges: [.init(0, 1, weight: 4), .init(1, 2, weight: 4), .init(2, 3), .init(3, 0)], directed: false)
        let b = g.betweennessCentrality(normalized: false, weighted: true, threads: 1)
        // Lengths: 0-1 0.25, 1-2 0.25, 2-3 1, 3-0 1. Pair (0,2) via 1 (0.5). Pair (1,3): via 0 (1.25) or 2 (1.25): half each.
        #expect(b == [0.5, 1, 0.5, 0])
    }

    @Test func componentsWeakAndStrong() {
        // 0 → 1 → 2 → 0 is a cycle; 3 → 0; 4 isolated.
        let g = Graph(vertexCount: 5, edges: [.init(0, 1), .init(1, 2), .init(2, 0), .init(3, 0)], directed: true)
        let weak = g.weaklyConnectedComponents()
        #expect(weak.componentOf == [0, 0, 0, 0, 1])
        let strong = g.stronglyConnectedComponents()
        #expect(strong.componentOf == [0, 0, 0, 1, 2])
        #expect(strong.sizes == [3, 1, 1])
        #expect(strong.largest == 0)
    }

    @Test func strengthSumsMergedWeights() {
        let g = Graph(vertexCount: 3, edges: [.init(0, 1, weight: 2), .init(0, 1, weight: 3), .init(1, 2)], directed: false)
        #expect(g.strengths() == [5, 6, 1])
    }
}
