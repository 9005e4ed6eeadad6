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
        // Three windows of 100 renders: a leak grows in every one, while other suites running in parallel in
        // this process (the reader growth tests allocate hundreds of MB) add noise to some of them, so the
        // smallest growth is what the renders themselves cost.
        var growths: [Int] = []
        for _ in 0..<3 {
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

    /// The long-running figure of Docs/hardening.md: 200 renders of the bundled network (its default map,
    /// neato, SVG with every 20th a PNG) in one process. It takes minutes, so it runs only from
    /// `Scripts/render-memory` (SYNERGRAPH_LONG=1), which prints the resident memory before and after.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SYNERGRAPH_LONG"] != nil))
    func bundledNetworkRendersTwoHundredTimesWithFlatMemory() throws {
        let loaded = try BundledNetwork.load()
        let view = try NetworkView(loaded.network)
        let doc = NetworkMapBuilder.build(view: view, options: MapOptions())
        let renderer = GraphvizRenderer(placement: .inProcess)
        for _ in 0..<5 { _ = try renderer.render(doc, format: .svg) }
        let before = residentBytes()
        var afterHundred = 0
        for index in 0..<200 {
            _ = try renderer.render(doc, format: index % 20 == 0 ? .png : .svg)
            if index == 99 { afterHundred = residentBytes() }
        }
        let after = residentBytes()
        print("render-memory: bundled network, 200 renders in one process: resident \(before >> 20) MB before, \(afterHundred >> 20) MB after 100, \(after >> 20) MB after 200")
        // Flat: the second hundred renders add no more than the caches of the first settle to.
        #expect(after - afterHundred < 10 << 20, "resident memory grew by \((after - afterHundred) >> 20) MB over the second 100 renders")
        #expect(after - before < 25 << 20, "resident memory grew by \((after - before) >> 20) MB over 200 renders")
    }
}
