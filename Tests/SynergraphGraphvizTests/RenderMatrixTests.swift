import Foundation
import SynergraphKit
import Testing

@testable import SynergraphGraphviz

/// Every layout in every format, for a small document with clusters and a legend.
@Suite struct RenderMatrixTests {
    static let cases: [(MapLayout, MapFormat)] = MapLayout.allCases.flatMap { layout in
        MapFormat.allCases.map { (layout, $0) }
    }

    @Test(arguments: cases)
    func rendersEveryLayoutInEveryFormat(layout: MapLayout, format: MapFormat) throws {
        let result = try GraphvizRenderer().render(Samples.small(layout: layout), format: format)
        #expect(result.format == format)
        let bytes = [UInt8](result.data)
        let head = String(decoding: bytes.prefix(64), as: UTF8.self)
        switch format {
        case .svg:
            #expect(head.hasPrefix("<?xml"))
            #expect(SVGDocument(result.data).parsed)
        case .png:
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        case .pdf:
            #expect(head.hasPrefix("%PDF-"))
        case .dot:
            #expect(head.hasPrefix("graph map {"))
            // The laid-out graph: positions are in it.
            #expect(String(decoding: bytes, as: UTF8.self).contains("pos=\""))
        case .json:
            let object = try JSONSerialization.jsonObject(with: result.data) as? [String: Any]
            #expect((object?["objects"] as? [Any])?.count ?? 0 >= 8)
        case .plain:
            #expect(head.hasPrefix("graph "))
            #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("stop\n"))
        }
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }

    @Test func directedGraphsHaveArrowheads() throws {
        let result = try GraphvizRenderer().render(Samples.small(layout: .dot, directed: true), format: .svg)
        #expect(String(decoding: result.data, as: UTF8.self).contains("<polygon fill=\"#787878\""))
    }

    @Test func emptyDocumentRenders() throws {
        let result = try GraphvizRenderer().render(MapDocument(layout: .dot), format: .svg)
        #expect(SVGDocument(result.data).nodes.isEmpty)
    }
}
