import Foundation
import Testing
@testable import SynergraphKit

/// Clustering, cores, structural holes, cut structure, components, assortativity, distances and
/// communities against the NetworkX fixtures.
@Suite struct MetricsStructureTests {
    @Test(arguments: MetricFixture.names)
    func clustering(_ name: String) {
        let f = MetricFixture.load(name)
        expectClose(f.graph.clusteringCoefficients(), f.nodeValues("clustering"), "\(name) clustering")
        expectOptional(f.graph.averageClustering(), f.graphValue("average_clustering"), "\(name) average clustering")
        expectOptional(f.graph.transitivity(), f.graphValue("transitivity"), "\(name) transitivity")
    }

    @Test(arguments: MetricFixture.names)
    func coreNumber(_ name: String) {
        let f = MetricFixture.load(name)
        expectClose(f.graph.coreNumbers().map(Double.init), f.nodeValues("core_number"), "\(name) core number")
    }

    @Test(arguments: MetricFixture.names)
    func structuralHoles(_ name: String) {
        let f = MetricFixture.load(name)
        for weighted in [false, true] {
            let suffix = weighted ? "_weighted" : ""
            expectClose(f.graph.constraint(weighted: weighted), f.nodeValues("constraint" + suffix), "\(name) constraint\(suffix)")
            expectClose(f.graph.effectiveSize(weighted: weighted), f.nodeValues("effective_size" + suffix), "\(name) effective size\(suffix)")
        }
    }

    @Test(arguments: MetricFixture.names)
    func cutStructure(_ name: String) {
        let f = MetricFixture.load(name)
        let cut = f.graph.cutStructure()
        let expectedPoints = (f.node["articulation_point"] as! [Any]).map { ($0 as! NSNumber).boolValue }
        #expect(cut.isArticulationPoint == expectedPoints, "\(name) articulation points")
        let expectedBridges = (f.edge["bridges"] as! [[Any]]).map { EdgeKey(($0[0] as! NSNumber).intValue, ($0[1] as! NSNumber).intValue) }
        #expect(cut.bridges == expectedBridges, "\(name) bridges")
    }

    @Test(arguments: MetricFixture.names)
    func components(_ name: String) {
        let f = MetricFixture.load(name)
        func sets(_ key: String) -> [[Int]] { (f.graphValues[key] as! [[Any]]).map { $0.map { ($0 as! NSNumber).intValue } } }
        #expect(f.graph.weaklyConnectedComponents().members.sorted { $0.lexicographicallyPrecedes($1) } == sets("weak_components"), "\(name) weak")
        #expect(f.graph.stronglyConnectedComponents().members.sorted { $0.lexicographicallyPrecedes($1) } == sets("strong_components"), "\(name) strong")
    }

    @Test(arguments: MetricFixture.names)
    func graphLevel(_ name: String) {
        let f = MetricFixture.load(name)
        expectOptional(f.graph.density(), f.graphValue("density"), "\(name) density")
        expectOptional(f.graph.degreeAssortativity(), f.graphValue("degree_assortativity"), "\(name) degree assortativity")
        expectOptional(f.graph.attributeAssortativity(labels: f.labels), f.graphValue("attribute_assortativity"), "\(name) attribute assortativity")
        for weighted in [false, true] {
            let suffix = weighted ? "_weighted" : ""
            let summary = f.graph.distanceSummary(weighted: weighted, threads: 2)
            expectOptional(summary?.diameter, f.graphValue("diameter" + suffix), "\(name) diameter\(suffix)")
            expectOptional(summary?.averageShortestPathLength, f.graphValue("average_shortest_path_length" + suffix), "\(name) ASPL\(suffix)")
            expectOptional(f.graph.modularity(communityOf: f.labels, weighted: weighted), f.graphValue("modularity_of_labels" + suffix), "\(name) modularity\(suffix)")
        }
    }

    /// Louvain must reach, over seeds 0…9, at least NetworkX's mean modularity over its seeds 0…9, and its best
    /// seed at least NetworkX's best (directed: NetworkX's directed variant, mean within 1 %).
    @Test(arguments: ["karate", "davis", "florentine", "lesmis", "weighted", "weighted_real", "disconnected", "directed"])
    func louvainReachesNetworkX(_ name: String) {
        let f = MetricFixture.load(name)
        for weighted in [false, true] {
            let key = weighted ? "louvain_modularity_by_seed" : "louvain_modularity_unweighted_by_seed"
            let reference = (f.graphValues[key] as! [Any]).map { ($0 as! NSNumber).doubleValue }
            let ours = (0..<10).map { seed in f.graph.louvainCommunities(seed: UInt64(seed), weighted: weighted).modularity ?? -1 }
            let meanOurs = ours.reduce(0, +) / 10, meanReference = reference.reduce(0, +) / 10
            // The directed fixture (30 vertices) is an extra beyond the reference graphs; there the mean of
            // ten seeds is noisy and must only come within 1 % of NetworkX's.
            let slack = f.directed ? 0.01 * meanReference : 1e-12
            #expect(meanOurs >= meanReference - slack, "\(name) weighted=\(weighted): mean \(meanOurs) < NetworkX \(meanReference)")
            #expect(ours.max()! >= reference.max()! - 1e-12, "\(name) weighted=\(weighted): best \(ours.max()!) < NetworkX \(reference.max()!)")
            #expect(f.graph.louvainCommunities(seed: 3, weighted: weighted) == f.graph.louvainCommunities(seed: 3, weighted: weighted))
        }
    }

    /// Local moving stops as NetworkX's does, at a pass in which no single move has a positive gain, however
    /// the queue ordered the visits before it. So no vertex of the result can raise modularity by joining a
    /// neighbouring community (checked with `modularity(communityOf:)`, itself tested against NetworkX).
    /// The 200-vertex random graph is large enough for the queue and its screen to do most of the moving.
    @Test(arguments: ["karate", "lesmis", "weighted", "weighted_real", "directed", "random"])
    func louvainEndsAtALocalOptimum(_ name: String) throws {
        let graph: Graph
        if name == "random" {
            var rng = _SplitMix64(seed: 42)
            let edges = (0..<800).map { _ in
                Graph.Edge(Int32(rng.next() % 200), Int32(rng.next() % 200), weight: 1 + Double(rng.next() % 9))
            }
            graph = Graph(vertexCount: 200, edges: edges, directed: false)
        } else {
            graph = MetricFixture.load(name).graph
        }
        for weighted in [false, true] {
            for seed in 0..<4 {
                var labels = graph.louvainCommunities(seed: UInt64(seed), weighted: weighted).communityOf
                let q = try #require(graph.modularity(communityOf: labels, weighted: weighted))
                var worst = -Double.infinity
                for v in 0..<graph.vertexCount {
                    let own = labels[v]
                    for w in graph.neighbours(of: v) + graph.inNeighbours(of: v) where labels[Int(w)] != own {
                        labels[v] = labels[Int(w)]
                        worst = max(worst, try #require(graph.modularity(communityOf: labels, weighted: weighted)) - q)
                        labels[v] = own
                    }
                }
                #expect(worst <= 1e-12, "\(name) weighted=\(weighted) seed \(seed): a single move gains \(worst)")
            }
        }
    }
}

func expectOptional(_ actual: Double?, _ expected: Double?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    switch (actual, expected) {
    case (nil, nil): break
    case let (a?, e?): #expect(close(a, e), "\(what): \(a) vs \(e)", sourceLocation: sourceLocation)
    default: Issue.record("\(what): \(String(describing: actual)) vs \(String(describing: expected))", sourceLocation: sourceLocation)
    }
}
