import Foundation
import SynergraphKit
import Testing

@testable import SynergraphGraphviz

/// Renders free what Graphviz allocated: resident memory stays flat over many renders.
@Suite struct MemoryTests {
    @Test func residentMemoryStaysFlatOver200Renders() throws {
        let renderer = GraphvizRenderer(placement: .inProcess)
        let doc = Samples.network(count: 100, layout: .neato)
        // Warm up: the context, plugins, fonts and caches are allocated once.
        for _ in 0..<20 { _ = try renderer.render(doc, format: .svg) }
        // Two windows of 100 renders: a leak grows in both, while other suites running in parallel in this
        // process add noise to one at a time, so the smaller growth is what the renders themselves cost.
        var growths: [Int] = []
        for _ in 0..<2 {
            let before = residentBytes()
            for index in 0..<100 {
                _ = try renderer.render(doc, format: index % 20 == 0 ? .png : .svg)
            }
            growths.append(residentBytes() - before)
        }
        // Measured without gvFreeLayout: hundreds of MB; without agclose: tens of MB.
        #expect(growths.min()! < 25 << 19, "resident memory grew by \(growths.map { $0 >> 20 }) MB per 100 renders")
    }

    /// fdp in this process swaps in ordered node memory for its layout (shim.h); its graphs must
    /// still be freed. (With a `close` function in the discipline, cgraph freed nothing: +500 KB
    /// per render of this map.)
    @Test func fdpInProcessMemoryStaysFlat() throws {
        let renderer = GraphvizRenderer(placement: .inProcess)
        let doc = Samples.clustered(count: 120, clusters: 6)
        for _ in 0..<10 { _ = try renderer.render(doc, format: .svg) }
        let before = residentBytes()
        for _ in 0..<100 { _ = try renderer.render(doc, format: .svg) }
        let growth = residentBytes() - before
        #expect(growth < 25 << 20, "resident memory grew by \(growth >> 20) MB")
    }
}
