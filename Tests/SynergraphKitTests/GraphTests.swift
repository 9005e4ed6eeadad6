import Testing
@testable import SynergraphKit

@Suite struct GraphTests {
    @Test func mergesParallelEdgesAndDropsSelfLoops() {
        // 0-1 twice (weights 1 and 2), 1-0 once (weight 4), a self-loop on 2, and 1-2.
        let g = Graph(vertexCount: 4, edges: [.init(0, 1), .init(0, 1, weight: 2), .init(1, 0, weight: 4), .init(2, 2), .init(1, 2)], directed: false)
        #expect(g.edgeCount == 2)
        #expect(g.droppedSelfLoops == 1)
        #expect(g.mergedParallelEdges == 2)
        #expect(Array(g.neighbours(of: 0)) == [1])
        #expect(Array(g.neighbours(of: 1)) == [0, 2])
        #expect(g.weights[g.offsets[0]] == 7)
        #expect(g.multiplicity[g.offsets[0]] == 3)
        #expect(g.degree(of: 3) == 0)
    }

    @Test func directedKeepsBothRowKinds() {
        let g = Graph(vertexCount: 3, edges: [.init(0, 1), .init(2, 1), .init(1, 0)], directed: true)
        #expect(g.edgeCount == 3)
        #expect(Array(g.neighbours(of: 1)) == [0])
        #expect(Array(g.inNeighbours(of: 1)) == [0, 2])
        let u = g.undirected()
        #expect(u.edgeCount == 2)
        #expect(u.weights[u.offsets[0]] == 2)
    }
}
