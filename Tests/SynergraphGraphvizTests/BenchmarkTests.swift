import Foundation
import SynergraphKit
import Testing

@testable import SynergraphGraphviz

/// In-process versus worker timings behind Docs/graphviz-rendering.md. Off by default; run with
/// `SYNERGRAPH_BENCHMARK=1 swift test --filter BenchmarkTests`. Writes the demo map to
/// `SYNERGRAPH_DEMO_PNG` when that is set.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SYNERGRAPH_BENCHMARK"] != nil), .serialized)
struct BenchmarkTests {
    @Test func inProcessVersusWorker() throws {
        let clock = ContinuousClock()
        for (count, layouts) in [(100, [MapLayout.dot, .neato, .sfdp]), (500, [.neato, .sfdp]), (2_000, [.sfdp])] {
            for layout in layouts {
                let doc = Samples.network(count: count, layout: layout)
                var line = "\(count) nodes \(layout):"
                for placement in [GraphvizRenderer.Placement.inProcess, .worker] {
                    let renderer = GraphvizRenderer(placement: placement)
                    _ = try renderer.render(doc, format: .svg)
                    var best = Duration.seconds(1_000)
                    for _ in 0..<3 {
                        let elapsed = try clock.measure { _ = try renderer.render(doc, format: .svg) }
                        best = min(best, elapsed)
                    }
                    line += " \(placement == .inProcess ? "in-process" : "worker") \(best.components.seconds * 1000 + best.components.attoseconds / 1_000_000_000_000_000) ms"
                }
                print("BENCH", line)
            }
        }
        let empty = MapDocument(layout: .sfdp)
        let spawn = try clock.measure { for _ in 0..<10 { _ = try GraphvizRenderer(placement: .worker).render(empty, format: .svg) } }
        print("BENCH empty map through the worker: \(spawn / 10)")
    }
}
