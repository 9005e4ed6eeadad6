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

    @Test func pathOfFourClosenessAndHarmonic() {
        // Vertex 0: distances 1, 2, 3 → closeness 3/6 = 0.5; vertex 1: 1, 1, 2 → 3/4.
        // Harmonic: vertex 0: 1 + 1/2 + 1/3 = 11/6; vertex 1: 1 + 1 + 1/2 = 5/2.
        #expect(Self.path4.closenessCentrality(threads: 1) == [0.5, 0.75, 0.75, 0.5])
        let h = Self.path4.harmonicCentrality(threads: 1)
        #expect(abs(h[0] - 11.0 / 6.0) < 1e-15 && h[1] == 2.5)
    }

    @Test func starStructure() {
        // Centre: constraint Σ (1/4)² = 1/4, effective size 4 − 0 = 4; a leaf: constraint 1, effective size 1.
        #expect(Self.star5.constraint() == [0.25, 1, 1, 1, 1])
        #expect(Self.star5.effectiveSize() == [4, 1, 1, 1, 1])
        #expect(Self.star5.coreNumbers() == [1, 1, 1, 1, 1])
        #expect(Self.star5.clusteringCoefficients() == [0, 0, 0, 0, 0])
        let cut = Self.star5.cutStructure()
        #expect(cut.isArticulationPoint == [true, false, false, false, false])
        #expect(cut.bridges == (1...4).map { EdgeKey(0, $0) })
        // Every arc joins degree 4 to degree 1: perfectly disassortative.
        #expect(Self.star5.degreeAssortativity() == -1)
    }

    @Test func deepPathNeedsNoRecursion() {
        // 300 000 vertices in a line: recursive DFS would overflow the stack.
        let n = 300_000
        let line = Graph(vertexCount: n, edges: (0..<(n - 1)).map { .init(Int32($0), Int32($0 + 1)) }, directed: true)
        #expect(line.stronglyConnectedComponents().count == n)
        let cut = line.cutStructure()
        #expect(cut.bridges.count == n - 1)
        #expect(cut.isArticulationPoint.filter { $0 }.count == n - 2)
    }

    @Test func betweennessBitIdenticalOnALargerGraph() {
        // 600 vertices, 3000 pseudo-random edges: many chunks, real concurrent work.
        var state: UInt64 = 12345
        func next() -> Int32 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int32(truncatingIfNeeded: (state >> 33) % 600)
        }
        let edges = (0..<3000).map { _ in Graph.Edge(next(), next(), weight: Double(next() % 7 + 1)) }
        for directed in [false, true] {
            let g = Graph(vertexCount: 600, edges: edges, directed: directed)
            for weighted in [false, true] {
                let one = g.betweennessCentrality(weighted: weighted, threads: 1)
                #expect(g.betweennessCentrality(weighted: weighted, threads: 2) == one)
                #expect(g.betweennessCentrality(weighted: weighted, threads: 7) == one)
            }
        }
    }
}
