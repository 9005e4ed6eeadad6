import Foundation
import SynergraphKit
import Testing

@testable import SynergraphGraphviz

/// Every failure is a `GraphvizError`, and a failed write leaves nothing behind.
@Suite struct ErrorTests {
    private func files(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func unknownExtensionIsAnError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: GraphvizError.unknownFormat("gif")) {
            try GraphvizRenderer().write(Samples.small(layout: .dot), to: directory.appendingPathComponent("map.gif"))
        }
        #expect(throws: GraphvizError.unknownFormat("")) {
            try GraphvizRenderer().write(Samples.small(layout: .dot), to: directory.appendingPathComponent("map"))
        }
        #expect(try files(in: directory).isEmpty)
    }

    @Test func unwritablePathIsAnErrorAndLeavesNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing/map.svg")
        #expect(throws: GraphvizError.self) { try GraphvizRenderer().write(Samples.small(layout: .dot), to: missing) }
        // A directory where the file should go: the rename fails after rendering.
        let occupied = directory.appendingPathComponent("taken.svg")
        try FileManager.default.createDirectory(at: occupied, withIntermediateDirectories: false)
        do {
            try GraphvizRenderer().write(Samples.small(layout: .dot), to: occupied)
            Issue.record("writing over a directory succeeded")
        } catch {
            guard case .outputNotWritable(let path, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == occupied.path)
        }
        #expect(try files(in: directory) == ["taken.svg"])
        #expect(try files(in: occupied).isEmpty)
    }

    @Test func readOnlyDirectoryIsAnError() throws {
        guard getuid() != 0 else { return }  // root writes anywhere; the directory test above covers the rename path
        let directory = try temporaryDirectory()
        defer {
            chmod(directory.path, 0o755)
            try? FileManager.default.removeItem(at: directory)
        }
        chmod(directory.path, 0o555)
        #expect(throws: GraphvizError.self) {
            try GraphvizRenderer().write(Samples.small(layout: .dot), to: directory.appendingPathComponent("map.svg"))
        }
    }

    @Test func writeReplacesAtomically() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("map.svg")
        try Data("old".utf8).write(to: url)
        try GraphvizRenderer().write(Samples.small(layout: .dot), to: url)
        #expect(try files(in: directory) == ["map.svg"])
        let written = try Data(contentsOf: url)
        #expect(written == (try GraphvizRenderer().render(Samples.small(layout: .dot), format: .svg).data))
        try GraphvizRenderer().write(Samples.small(layout: .dot), to: directory.appendingPathComponent("map.PNG"))
        #expect(try files(in: directory) == ["map.PNG", "map.svg"])
    }

    @Test func timeoutStopsTheLayoutAndLeavesNoFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // dot needs seconds for this network (measured ~7 s for 500 nodes); the limit is far below.
        let doc = Samples.network(count: 500, ties: 3, layout: .dot)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: GraphvizError.timeout(.milliseconds(300))) {
            try GraphvizRenderer().write(doc, to: directory.appendingPathComponent("map.svg"), timeout: .milliseconds(300))
        }
        #expect(clock.now - start < .seconds(5))
        #expect(try files(in: directory).isEmpty)
        #expect(throws: GraphvizError.timeout(.milliseconds(200))) {
            _ = try GraphvizRenderer().render(doc, format: .png, timeout: .milliseconds(200))
        }
    }

    @Test func tooLargeDocumentsAreRejectedBeforeGraphviz() {
        let nodes = (0...MapLimits.maxNodes).map { MapNode(id: "\($0)", label: "") }
        #expect(throws: GraphvizError.tooManyNodes(count: MapLimits.maxNodes + 1, limit: MapLimits.maxNodes)) {
            try GraphvizRenderer().render(MapDocument(nodes: nodes), format: .svg)
        }
        let edges = Array(repeating: MapEdge(source: 0, target: 1), count: MapLimits.maxEdges + 1)
        let two = [MapNode(id: "a", label: "a"), MapNode(id: "b", label: "b")]
        #expect(throws: GraphvizError.tooManyEdges(count: MapLimits.maxEdges + 1, limit: MapLimits.maxEdges)) {
            try GraphvizRenderer().render(MapDocument(nodes: two, edges: edges), format: .svg)
        }
    }

    @Test func invalidDocumentsAreRejected() {
        let two = [MapNode(id: "a", label: "a"), MapNode(id: "a", label: "b")]
        #expect(throws: GraphvizError.self) { try GraphvizRenderer().render(MapDocument(nodes: two), format: .svg) }
        let one = [MapNode(id: "a", label: "a")]
        #expect(throws: GraphvizError.self) {
            try GraphvizRenderer().render(MapDocument(nodes: one, edges: [MapEdge(source: 0, target: 3)]), format: .svg)
        }
        #expect(throws: GraphvizError.self) {
            try GraphvizRenderer().render(MapDocument(nodes: [MapNode(id: "a", label: "a", cluster: 2)]), format: .svg)
        }
        #expect(throws: GraphvizError.self) {
            try GraphvizRenderer().render(MapDocument(fontName: "x\" onload=\"alert(1)", nodes: one), format: .svg)
        }
        var pinned = MapDocument(layout: .neato, nodes: one)
        pinned.nodes[0].position = MapPoint(x: .nan, y: 0)
        #expect(throws: GraphvizError.self) { try GraphvizRenderer().render(pinned, format: .svg) }
    }

    @Test func errorsReadWell() {
        #expect(GraphvizError.pluginsMissing.description.contains("apt-get install --reinstall libgvc6"))
        #expect(GraphvizError.pluginsMissing.description.contains("dot -c"))
        #expect(GraphvizError.unknownFormat("gif").description.contains("svg, png, pdf, dot, json, plain"))
        #expect(GraphvizError.timeout(.seconds(2)).description.contains("2"))
        #expect(GraphvizError.tooManyNodes(count: 30_000, limit: 20_000).description.contains("30000"))
    }

    @Test func capturedMessagesAreParsed() {
        let messages = GraphvizMessages.parse("Warning: one\nError: two\n  more of two\nWarning: three\n")
        #expect(messages == [
            .init(isError: false, text: "one"), .init(isError: true, text: "two more of two"),
            .init(isError: false, text: "three"),
        ])
    }

    @Test func workerIsFoundNextToTheTestRunner() throws {
        let path = try WorkerLocator.located.get()
        #expect(path.hasSuffix("/" + WorkerProtocol.executableName))
    }
}
