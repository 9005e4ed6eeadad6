import Foundation
import Testing
@testable import SynergraphKit

@Suite struct BundledNetworkTests {
    let folder = FixturePaths.repository.appendingPathComponent("Networks/unpog-asia-pacific")

    /// The embedded copy is byte for byte the folder (rerun Scripts/embed-bundled-network after editing it).
    @Test func embeddedCopyEqualsTheFolder() throws {
        let embedded = BundledNetwork.files
        #expect(Set(embedded.keys) == ["manifest.json", "nodes.csv", "ties.csv", "activities.csv", "participation.csv"])
        for (name, text) in embedded {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(onDisk == text, "\(name) differs from the embedded copy; run Scripts/embed-bundled-network")
        }
    }

    @Test func bundledNetworkIsValidAndRealistic() throws {
        let loaded = try BundledNetwork.load()
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        let n = loaded.network
        #expect((150...300).contains(n.nodes.count))
        #expect(n.manifest.targetCountries.count == 6)
        #expect(n.manifest.illustrative == true)
        for kind in [NodeKind.agency, .school, .cso, .expert, .government] {
            #expect(n.nodes.contains { $0.kind == kind }, "no \(kind)")
        }
        let dated = n.ties.compactMap(\.since)
        #expect(dated.min()! <= Day(iso: "2023-03-31")!)
        #expect(dated.max()! >= Day(iso: "2026-01-01")!)
        let fromDisk = try NetworkLoader.load(path: folder.path).network
        #expect(fromDisk.nodes == n.nodes)
        #expect(fromDisk.ties == n.ties)
    }
}
