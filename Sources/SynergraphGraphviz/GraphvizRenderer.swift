import Foundation
import SynergraphKit

/// Draws ``MapDocument``s with Graphviz: the only way the rest of Synergraph reaches Graphviz.
///
/// ```swift
/// let renderer = GraphvizRenderer()
/// let svg = try renderer.render(document, format: .svg, timeout: .seconds(60))
/// try renderer.write(document, to: URL(fileURLWithPath: "map.png"), timeout: .seconds(60))
/// ```
///
/// The document becomes a cgraph graph (never DOT text put together by hand), written out as DOT
/// by cgraph, then laid out and rendered either in this process or in a fresh
/// `synergraph-graphviz-worker` process (see ``runsInWorker(layout:timeout:)``). Both run the same
/// code, so the same document gives byte-identical SVG, PNG, DOT, JSON and plain output for every
/// layout, in one process and across processes. PDF output embeds a creation date.
///
/// Calls may come from any thread: every Graphviz call in this process is serialised behind one
/// process-global lock, and worker renders run in parallel outside it.
///
/// The ``MapFormat/dot`` format is the *laid-out* graph: Graphviz's `dot` output, with the positions
/// (`pos`), node sizes and bounding box (`bb`) the layout computed, so it can be rendered again
/// with `neato -n2` without laying it out anew.
public struct GraphvizRenderer: Sendable {
    /// Where layouts run (tests and measurements force one or the other).
    package enum Placement: Sendable {
        /// In-process unless the layout or a time limit needs the worker (the rule in ``runsInWorker(layout:timeout:)``).
        case automatic
        /// Always in this process; time limits are not enforced.
        case inProcess
        /// Always in a worker process.
        case worker
    }

    package var placement: Placement

    /// A renderer; all renderers share the process's one Graphviz context.
    public init() {
        placement = .automatic
    }

    package init(placement: Placement) {
        self.placement = placement
    }

    /// Whether a render with this layout and time limit runs in a worker process.
    ///
    /// - fdp and sfdp always do. sfdp gives a different layout on every in-process call after the
    ///   first, even with a fixed seed; in a fresh process it is the same every time. fdp gives the
    ///   same bytes in-process and in a worker since its graphs get memory in creation order (see
    ///   `DOTRendering` and shim.h; tested), and stays in the worker as before; moving it in-process
    ///   would save the worker's ~50 ms.
    /// - Any layout with a time limit does: Graphviz cannot be interrupted in-process (dot takes
    ///   over 11 minutes on a 2,000-node network), but a worker can be killed.
    /// - dot, neato, circo, twopi and osage without a time limit run in-process (they are
    ///   deterministic there, and this saves the ~10-15 ms of starting a process).
    public static func runsInWorker(layout: MapLayout, timeout: Duration?) -> Bool {
        timeout != nil || layout == .fdp || layout == .sfdp
    }

    /// Lays out `doc` and renders it.
    ///
    /// - Parameters:
    ///   - doc: The map. Text in it is drawn literally, capped (see ``MapLimits``).
    ///   - format: The output format.
    ///   - timeout: Longest time layout and rendering may take, or nil for no limit. Past it the
    ///     work is stopped and ``GraphvizError/timeout(_:)`` thrown.
    /// - Returns: The bytes and Graphviz's warnings.
    /// - Throws: ``GraphvizError``; any message Graphviz reports as an error fails the render.
    public func render(_ doc: MapDocument, format: MapFormat, timeout: Duration? = nil) throws(GraphvizError) -> RenderResult {
        try MapValidation.validate(doc)
        let dot = try GraphvizEngine.withSession { (_) throws(GraphvizError) in
            try GraphBuilder.dotText(for: doc)
        }
        let inWorker: Bool
        switch placement {
        case .automatic: inWorker = Self.runsInWorker(layout: doc.layout, timeout: timeout)
        case .inProcess: inWorker = false
        case .worker: inWorker = true
        }
        let output: DOTRendering.Output
        if inWorker {
            output = try WorkerRendering.render(dot: dot, layout: doc.layout, format: format, timeout: timeout)
        } else {
            output = try GraphvizEngine.withSession { (session) throws(GraphvizError) in
                try DOTRendering.render(dot: dot, layout: doc.layout, format: format, in: session)
            }
        }
        return RenderResult(data: Data(output.bytes), format: format, warnings: output.warnings)
    }

    /// Renders `doc` and writes it to `url` atomically: into a temporary file in the same
    /// directory, renamed over `url` when complete. On any error (including a timeout) nothing is
    /// left behind, and an existing file at `url` is untouched.
    ///
    /// - Parameters:
    ///   - format: The output format, or nil to take it from `url`'s extension (`map.svg`).
    /// - Returns: Graphviz's warnings.
    /// - Throws: ``GraphvizError/unknownFormat(_:)`` for an extension that names no format,
    ///   ``GraphvizError/outputNotWritable(path:reason:)``, or any error of ``render(_:format:timeout:)``.
    @discardableResult
    public func write(_ doc: MapDocument, to url: URL, format: MapFormat? = nil, timeout: Duration? = nil) throws(GraphvizError) -> [String] {
        guard let format = format ?? MapFormat(fileExtension: url.pathExtension) else {
            throw GraphvizError.unknownFormat(url.pathExtension)
        }
        try AtomicFileWriter.checkWritable(url)
        let result = try render(doc, format: format, timeout: timeout)
        try AtomicFileWriter.write(result.data, to: url)
        return result.warnings
    }
}
