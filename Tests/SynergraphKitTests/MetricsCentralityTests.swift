import Foundation
import Testing
@testable import SynergraphKit

/// Centralities against the NetworkX fixtures.
@Suite struct MetricsCentralityTests {
    @Test(arguments: MetricFixture.names)
    func degreeAndStrength(_ name: String) {
        let f = MetricFixture.load(name)
        expectClose(f.graph.degrees().map(Double.init), f.nodeValues("degree"), "\(name) degree")
        expectClose(f.graph.strengths(), f.nodeValues("strength"), "\(name) strength")
        expectClose(f.graph.degreeCentrality(), f.nodeValues("degree_centrality"), "\(name) degree centrality")
        if f.directed {
            expectClose(f.graph.inDegrees().map(Double.init), f.nodeValues("in_degree"), "\(name) in-degree")
            expectClose(f.graph.outDegrees().map(Double.init), f.nodeValues("out_degree"), "\(name) out-degree")
        }
    }

    @Test(arguments: MetricFixture.names)
    func betweenness(_ name: String) {
        let f = MetricFixture.load(name)
        for weighted in [false, true] {
            let suffix = weighted ? "_weighted" : ""
            expectClose(f.graph.betweennessCentrality(weighted: weighted, threads: 2), f.nodeValues("betweenness" + suffix), "\(name) betweenness\(suffix)")
            expectClose(f.graph.betweennessCentrality(normalized: false, weighted: weighted, threads: 1), f.nodeValues("betweenness_raw" + suffix), "\(name) raw betweenness\(suffix)")
        }
    }

    @Test(arguments: MetricFixture.names)
    func betweennessIsBitIdenticalAcrossThreadCounts(_ name: String) {
        let g = MetricFixture.load(name).graph
        for weighted in [false, true] {
            let one = g.betweennessCentrality(weighted: weighted, threads: 1)
            #expect(g.betweennessCentrality(weighted: weighted, threads: 2) == one)
            #expect(g.betweennessCentrality(weighted: weighted, threads: 7) == one)
            let e1 = g.edgeBetweennessCentrality(weighted: weighted, threads: 1)
            #expect(g.edgeBetweennessCentrality(weighted: weighted, threads: 7) == e1)
        }
    }

    @Test(arguments: MetricFixture.names)
    func edgeBetweenness(_ name: String) {
        let f = MetricFixture.load(name)
        for weighted in [false, true] {
            for normalized in [true, false] {
                let key = "edge_betweenness" + (normalized ? "" : "_raw") + (weighted ? "_weighted" : "")
                let actual = f.graph.edgeBetweennessCentrality(normalized: normalized, weighted: weighted, threads: 2)
                let expected = f.edgeValues(key)
                #expect(actual.map { [$0.source, $0.target] } == expected.map { [$0.source, $0.target] }, "\(name) \(key) edges")
                expectClose(actual.map(\.value), expected.map(\.value), "\(name) \(key)")
            }
        }
    }

    @Test(arguments: MetricFixture.names)
    func closenessAndHarmonic(_ name: String) {
        let f = MetricFixture.load(name)
        for weighted in [false, true] {
            let suffix = weighted ? "_weighted" : ""
            expectClose(f.graph.closenessCentrality(weighted: weighted, threads: 2), f.nodeValues("closeness" + suffix), "\(name) closeness\(suffix)")
            expectClose(f.graph.harmonicCentrality(weighted: weighted, threads: 2), f.nodeValues("harmonic" + suffix), "\(name) harmonic\(suffix)")
        }
    }

    @Test(arguments: MetricFixture.names)
    func pageRank(_ name: String) throws {
        let f = MetricFixture.load(name)
        for weighted in [false, true] {
            let key = "pagerank" + (weighted ? "_weighted" : "")
            expectClose(try f.graph.pageRank(weighted: weighted), f.nodeValues(key), "\(name) \(key)")
        }
        if f.vertexCount > 1 {
            let p = (f.graphValues["pagerank_personalization"] as! [Any]).map { ($0 as! NSNumber).doubleValue }
            expectClose(try f.graph.pageRank(personalization: p), f.nodeValues("pagerank_personalized"), "\(name) personalised PageRank")
        }
    }

    @Test(arguments: MetricFixture.names)
    func eigenvectorAndKatz(_ name: String) {
        let f = MetricFixture.load(name)
        for weighted in [false, true] {
            let suffix = weighted ? "_weighted" : ""
            for (key, result) in [
                ("eigenvector", Result { () throws(MetricError) in try f.graph.eigenvectorCentrality(weighted: weighted) }),
                ("katz", Result { () throws(MetricError) in try f.graph.katzCentrality(weighted: weighted) }),
            ] {
                let expected = f.nodeValues(key + suffix)
                switch (result, expected) {
                case let (.success(values), expected?): expectClose(values, expected, "\(name) \(key)\(suffix)")
                case (.failure, nil): continue
                case (.success, nil): Issue.record("\(name) \(key)\(suffix): NetworkX failed, Synergraph converged")
                case let (.failure(error), _?): Issue.record("\(name) \(key)\(suffix): \(error)")
                }
            }
        }
    }
}
