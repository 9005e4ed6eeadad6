import Foundation
import SynergraphKit

/// A rendered map: the bytes in the requested format and what Graphviz warned about.
public struct RenderResult: Sendable, Equatable {
    /// The output (SVG or DOT text, PNG or PDF bytes, Graphviz JSON, Graphviz plain text).
    public var data: Data
    /// The format of ``data``.
    public var format: MapFormat
    /// Graphviz's warnings, one per message, in the order reported (never printed to the terminal).
    public var warnings: [String]

    public init(data: Data, format: MapFormat, warnings: [String]) {
        self.data = data
        self.format = format
        self.warnings = warnings
    }
}
