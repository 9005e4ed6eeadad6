import Testing
@testable import SynergraphKit

/// `NodeMetrics` gathers the individual metrics without changing them.
@Suite struct MetricsSuiteTests {
    @Test(arguments: MetricFixture.names)
    func suiteMatchesFixtures(_ name: String) {
        let f = MetricFixture.load(name)
        for weighted in [false, true] {
            let s = weighted ? "_weighted" : ""
            let m = NodeMetrics(of: f.graph, options: NodeMetricOptions(weighted: weighted, threads: 2))
            expectClose(m.betweenness, f.nodeValues("betweenness" + s), "\(name) betweenness\(s)")
            expectClose(m.closeness, f.nodeValues("closeness" + s), "\(name) closeness\(s)")
            expectClose(m.harmonic, f.nodeValues("harmonic" + s), "\(name) harmonic\(s)")
            expectClose(m.constraint, f.nodeValues("constraint" + s), "\(name) constraint\(s)")
            expectClose(m.effectiveSize, f.nodeValues("effective_size" + s), "\(name) effective size\(s)")
            if let expected = f.nodeValues("pagerank" + s) { expectClose(m.pageRank ?? [], expected, "\(name) PageRank\(s)") }
            #expect((m.katz == nil) == (f.nodeValues("katz" + s) == nil), "\(name) Katz failure\(s)")
            #expect((m.eigenvector == nil) == (f.nodeValues("eigenvector" + s) == nil), "\(name) eigenvector failure\(s)")
            #expect(m.rows.count == f.vertexCount)
            for row in m.rows {
                for x in [row.betweenness, row.closeness, row.harmonic, row.clustering, row.pageRank ?? 0, row.constraint ?? 0] {
                    #expect(!x.isNaN, "\(name): NaN at \(row.vertex)")
                }
            }
        }
    }

    @Test func lesMiserablesKatzFailureIsTyped() {
        let m = NodeMetrics(of: MetricFixture.load("lesmis").graph, options: NodeMetricOptions(threads: 1))
        #expect(m.katz == nil)
        #expect(m.failures == [.notConverged(metric: "Katz centrality", iterations: 1000)])
        #expect(m[vertex: 0].constraint != nil)
    }

    @Test func emptyGraph() {
        let m = NodeMetrics(of: Graph(vertexCount: 0, edges: [], directed: false))
        #expect(m.rows.isEmpty)
        #expect(m.eigenvector == nil)
        #expect(m.failures == [.emptyGraph(metric: "eigenvector centrality")])
    }
}
