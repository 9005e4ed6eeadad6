import Foundation
import Testing
@testable import SynergraphKit

/// One reference fixture written by `Scripts/make-metric-fixtures.py` (see Fixtures/metrics/README.md).
struct MetricFixture: CustomStringConvertible {
    static let names = [
        "karate", "davis", "florentine", "lesmis", "disconnected", "selfloops", "multiedges", "directed",
        "weighted", "weighted_real", "star", "path", "complete", "empty", "single",
    ]

    let name: String
    let directed: Bool
    let vertexCount: Int
    let labels: [Int]
    let graph: Graph
    let node: [String: Any]
    let edge: [String: Any]
    let graphValues: [String: Any]

    var description: String { name }

    init(_ name: String) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/metrics/\(name)", withExtension: "json"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        self.name = name
        directed = try #require(root["directed"] as? Bool)
        vertexCount = try #require(root["vertex_count"] as? Int)
        labels = try #require(root["labels"] as? [Int])
        let rawEdges = try #require(root["edges"] as? [[Double]])
        let edges = rawEdges.map { Graph.Edge(Int32($0[0]), Int32($0[1]), weight: $0[2]) }
        graph = Graph(vertexCount: vertexCount, edges: edges, directed: directed)
        node = try #require(root["node"] as? [String: Any])
        edge = try #require(root["edge"] as? [String: Any])
        graphValues = try #require(root["graph"] as? [String: Any])
    }

    static func load(_ name: String) -> MetricFixture {
        // Fixtures are checked in; failing to load one is a test-suite bug worth a crash with the name.
        do { return try MetricFixture(name) } catch { fatalError("fixture \(name): \(error)") }
    }

    /// Per-vertex values of `key`; `nil` when the fixture records the whole metric as undefined.
    func nodeValues(_ key: String) -> [Double?]? {
        guard let raw = node[key], !(raw is NSNull) else { return nil }
        return (raw as! [Any]).map { $0 is NSNull ? nil : ($0 as! NSNumber).doubleValue }
    }

    func graphValue(_ key: String) -> Double? {
        guard let raw = graphValues[key], !(raw is NSNull) else { return nil }
        return (raw as! NSNumber).doubleValue
    }

    func edgeValues(_ key: String) -> [EdgeScore] {
        (edge[key] as! [[Any]]).map {
            EdgeScore(source: ($0[0] as! NSNumber).intValue, target: ($0[1] as! NSNumber).intValue, value: ($0[2] as! NSNumber).doubleValue)
        }
    }
}

/// `|a − b| ≤ 1e-9 · max(|a|, |b|)`, or `≤ 1e-12` absolutely near zero.
func close(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
    abs(a - b) <= max(relative * max(abs(a), abs(b)), absolute)
}

/// Expects `actual` to match `expected` vertex by vertex, naming the first few mismatches.
func expectClose(
    _ actual: [Double?], _ expected: [Double?]?, _ what: String, relative: Double = 1e-9,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let expected else {
        Issue.record("\(what): fixture has no values", sourceLocation: sourceLocation)
        return
    }
    #expect(actual.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
    var bad: [String] = []
    for (v, (a, e)) in zip(actual, expected).enumerated() {
        switch (a, e) {
        case (nil, nil): continue
        case let (a?, e?) where close(a, e, relative: relative): continue
        default: bad.append("v\(v): \(a.map { "\($0)" } ?? "nil") vs \(e.map { "\($0)" } ?? "nil")")
        }
    }
    #expect(bad.isEmpty, "\(what): \(bad.prefix(5).joined(separator: "; "))", sourceLocation: sourceLocation)
}

func expectClose(_ actual: [Double], _ expected: [Double?]?, _ what: String, relative: Double = 1e-9,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    expectClose(actual.map { Optional($0) }, expected, what, relative: relative, sourceLocation: sourceLocation)
}
