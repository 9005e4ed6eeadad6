import Foundation
import SynergraphKit

/// Writes partner atlases: the engine's ``AtlasData`` and ``AtlasPage`` around the map this facade draws
/// (the same document and SVG as `render` and `analyze` make, so styling, legend and consent rules are
/// those of the maps).
public enum AtlasWriter {
    /// What a write produced.
    public struct Written: Sendable {
        /// Graphviz's warnings while drawing the map.
        public var warnings: [String]
        /// Size of the file in bytes.
        public var bytes: Int
    }

    /// The atlas page of `view`.
    ///
    /// - Parameters:
    ///   - mapOptions: how the map is drawn (default: as `analyze` draws it).
    ///   - timeout: longest time the map's layout may take.
    public static func html(view: NetworkView, options: AtlasData.Options = AtlasData.Options(), trend: [AtlasTrendPoint] = [],
                            mapOptions: MapOptions? = nil, timeout: Duration? = .seconds(120)) throws -> (html: String, warnings: [String]) {
        var svg: String?
        var warnings: [String] = []
        var doc: MapDocument?
        if view.vertexCount > 0 {
            let d = NetworkMapBuilder.build(view: view, options: mapOptions ?? MapOptions(showAllNames: options.showAllNames))
            let result = try GraphvizRenderer().render(d, format: .svg, timeout: timeout)
            svg = String(decoding: result.data, as: UTF8.self)
            warnings = result.warnings
            doc = d
        }
        let data = AtlasData(view: view, map: doc, options: options, trend: trend)
        return (AtlasPage.html(data: data, mapSVG: svg), warnings)
    }

    /// Writes the atlas of `view` to `url` atomically.
    @discardableResult
    public static func write(view: NetworkView, options: AtlasData.Options = AtlasData.Options(), trend: [AtlasTrendPoint] = [],
                             mapOptions: MapOptions? = nil, to url: URL, timeout: Duration? = .seconds(120)) throws -> Written {
        let page = try html(view: view, options: options, trend: trend, mapOptions: mapOptions, timeout: timeout)
        try AtomicFile.write(page.html, to: url)
        return Written(warnings: page.warnings, bytes: page.html.utf8.count)
    }
}
