import Foundation
import Testing
@testable import SynergraphKit

/// Gould–Fernandez brokerage against R's sna (fixtures in Fixtures/brokerage, see its README) and by hand.
@Suite struct BrokerageTests {
    struct Fixture: Decodable {
        struct Row: Decodable {
            var coordinator: Double?
            var itinerant: Double?
            var representative: Double?
            var gatekeeper: Double?
            var liaison: Double?
            var total: Double?
            var values: [Double?] { [coordinator, itinerant, gatekeeper, representative, liaison, total] }
        }
        var name: String
        var n: Int
        var directed: Bool
        var edges: [[Int]]
        var groups: [Int]
        var raw: [Row]
        var expected: [Row]
        var sd: [Row]
        var z: [Row]

        static func load(_ name: String) throws -> Fixture {
            let url = FixturePaths.root.appendingPathComponent("brokerage/\(name).json")
            return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        }

        var graph: Graph {
            Graph(vertexCount: n, edges: edges.map { Graph.Edge(Int32($0[0]), Int32($0[1])) }, directed: directed)
        }
    }

    static func values(_ v: BrokerageValues) -> [Double?] {
        [v.coordinator, v.itinerant, v.gatekeeper, v.representative, v.liaison, v.total]
    }
    static func values(_ v: BrokerageZScores) -> [Double?] {
        [v.coordinator, v.itinerant, v.gatekeeper, v.representative, v.liaison, v.total]
    }

    static func close(_ a: [Double?], _ b: [Double?]) -> Bool {
        zip(a, b).allSatisfy { x, y in
            switch (x, y) {
            case (nil, nil): true
            case let (x?, y?): abs(x - y) <= 1e-9 * max(1, abs(y))
            default: false
            }
        }
    }

    @Test(arguments: ["directed10", "directed12", "directed15", "symmetric10", "handpath4"])
    func matchesSNA(name: String) throws {
        let f = try Fixture.load(name)
        let result = f.graph.brokerage(groups: f.groups)
        for v in 0..<f.n {
            #expect(Self.values(result.raw[v]) == f.raw[v].values, "\(name) raw \(v)")
            #expect(Self.close(Self.values(result.expected[v]), f.expected[v].values), "\(name) expected \(v)")
            #expect(Self.close(Self.values(result.standardDeviation[v]), f.sd[v].values), "\(name) sd \(v)")
            #expect(Self.close(Self.values(result.z[v]), f.z[v].values), "\(name) z \(v): \(Self.values(result.z[v])) vs \(f.z[v].values)")
        }
    }

    @Test func handWorkedPath() {
        // 0 → 1 → 2 → 3, groups A A B B. Two-paths without a closing arc:
        //   0 → 1 → 2: broker 1; i = 0 (A), j = 1 (A), k = 2 (B): i and j together, k outside → representative.
        //   1 → 2 → 3: broker 2; i = 1 (A), j = 2 (B), k = 3 (B): j and k together, i outside → gatekeeper.
        // Null model: d = 3 arcs / (4 · 3) = 1/4; d²(1 − d) = 3/64.
        //   representative (n_i = 2, N = 4): 3/64 · (4 − 2)(2 − 1) = 3/32 = 0.09375;
        //   coordinator: 3/64 · (2 − 1)(2 − 2) = 0 with variance 0, so its z-score is undefined (nil).
        //   total: 3/64 · 3 · 2 = 9/32.
        let g = Graph(vertexCount: 4, edges: [.init(0, 1), .init(1, 2), .init(2, 3)], directed: true)
        let b = g.brokerage(groups: [0, 0, 1, 1])
        #expect(b.raw[1] == BrokerageValues(representative: 1, total: 1))
        #expect(b.raw[2] == BrokerageValues(gatekeeper: 1, total: 1))
        #expect(b.raw[0].total == 0 && b.raw[3].total == 0)
        #expect(b.density == 0.25)
        #expect(b.expected[1].representative == 0.09375)
        #expect(b.expected[1].total == 0.28125)
        #expect(b.z[1].coordinator == nil)
        // Variance of representative: E(1 − 3/64) + 2((2−1)·C(2,2) + 2·C(1,2)) d³(1−d)³
        //   = 0.09375 · 61/64 + 2 · 1 · (1/64)(27/64) = 0.08935546875 + 0.01318359375 = 0.1025390625.
        #expect(abs(b.standardDeviation[1].representative - 0.1025390625.squareRoot()) < 1e-15)
    }

    @Test func undirectedCountsBothDirections() {
        // a – b – c, all in different groups: b is liaison for a → b → c and for c → b → a.
        let g = Graph(vertexCount: 3, edges: [.init(0, 1), .init(1, 2)], directed: false)
        let b = g.brokerage(groups: [1, 2, 3])
        #expect(b.raw[1] == BrokerageValues(liaison: 2, total: 2))
        // A closed triangle has no broker.
        let t = Graph(vertexCount: 3, edges: [.init(0, 1), .init(1, 2), .init(0, 2)], directed: false)
        #expect(t.brokerage(groups: [1, 1, 1]).raw.allSatisfy { $0.total == 0 })
    }

    @Test func emptyAndSingleVertex() {
        #expect(Graph(vertexCount: 0, edges: [], directed: true).brokerage(groups: []).raw.isEmpty)
        let one = Graph(vertexCount: 1, edges: [], directed: true).brokerage(groups: [0])
        #expect(one.raw == [BrokerageValues()])
        #expect(one.z[0].total == nil)
    }
}
