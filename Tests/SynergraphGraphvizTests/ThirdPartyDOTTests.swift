import Foundation
import SynergraphKit
import Testing

@testable import SynergraphGraphviz

/// Graphviz's own example graphs (Debian's graphviz-doc) as Graphviz 2.43 lays them out and writes them
/// (`dot -Tdot clust4.gv`, `neato -Tdot process.gv`), compared with what Graphviz's `gc` and `gvpr` count in
/// them. The files and the reference live with the other third-party samples:
/// SynergraphKitTests/Fixtures/formats/thirdparty/ (README.md there; Scripts/make-thirdparty-fixtures.py).
@Suite struct ThirdPartyDOTTests {
    struct Reference: Decodable {
        var tool: String
        var nodes: Int
        var edges: Int
        var directed: Bool
        var node_ids: [String]
        var edge_ends: [[String]]
        var clusters: [String: String]
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SynergraphKitTests/Fixtures/formats/thirdparty")

    static func load(_ file: String) throws -> (Network, [Diagnostic], Reference) {
        let data = try Data(contentsOf: folder.appendingPathComponent("reference.json"))
        // reference.json holds every sample; only the DOT entries decode as this Reference.
        let all = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let entry = try JSONSerialization.data(withJSONObject: try #require(all?[file]))
        let reference = try JSONDecoder().decode(Reference.self, from: entry)
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(file)))
        let (network, diagnostics) = DOTReader.read(bytes, file: file)
        return (try #require(network, "\(diagnostics)"), diagnostics, reference)
    }

    @Test(arguments: ["graphviz-clust4.dot", "graphviz-process.dot"])
    func readsAsGraphvizCountsIt(_ file: String) throws {
        let (n, diagnostics, ref) = try Self.load(file)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        #expect(n.nodes.count == ref.nodes)
        #expect(n.ties.count == ref.edges)
        #expect(n.nodes.map(\.id) == ref.node_ids)
        #expect(n.nodes.map(\.name) == ref.node_ids)  // `node [label="\N"]`: the label is the id
        #expect(n.ties.map { [$0.source, $0.target] }.sorted { $0.lexicographicallyPrecedes($1) } == ref.edge_ends)
        #expect(n.ties.allSatisfy { n.isDirected($0) == ref.directed })
        for node in n.nodes {
            #expect(node.attributes.first { $0.key == "cluster" }?.value == ref.clusters[node.id], "\(file) \(node.id)")
            #expect(node.attributes.contains { $0.key == "pos" }, "\(file) \(node.id): the layout stays as text")
        }
        #expect(n.manifest.title == "G")
    }

    @Test func clust4KeepsShapesAndClusterNodeDefaults() throws {
        let (n, _, ref) = try Self.load("graphviz-clust4.dot")
        #expect(ref.directed && !ref.clusters.isEmpty)
        func attribute(_ id: String, _ key: String) -> String? {
            n.nodes.first { $0.id == id }?.attributes.first { $0.key == key }?.value
        }
        #expect(attribute("start", "shape") == "Mdiamond")
        #expect(attribute("end", "shape") == "Msquare")
        #expect(attribute("a0", "color") == "white")  // cluster_0's `node [color=white]`
        #expect(attribute("b0", "color") == nil)
        #expect(attribute("b0", "style") == "filled")
    }
}
