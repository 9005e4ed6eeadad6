import SynergraphKit

/// How the facade and the render worker (`synergraph-graphviz-worker`) talk.
///
/// The worker is started once per render with `--layout <engine> --format <format>`, reads the DOT
/// text of the graph on stdin (as written by ``GraphBuilder``, so cgraph did the quoting), lays it out
/// and renders it with ``DOTRendering`` — the same code as in-process — and writes the bytes to stdout.
/// On success stderr holds Graphviz's warnings, one per line. On failure the exit status says which
/// ``GraphvizError`` it was and stderr holds its message.
package enum WorkerProtocol {
    /// The worker's executable name, looked for next to the running executable.
    package static let executableName = "synergraph-graphviz-worker"
    /// Environment variable naming the worker explicitly (takes precedence).
    package static let environmentVariable = "SYNERGRAPH_GRAPHVIZ_WORKER"

    /// Exit statuses.
    package enum Status: Int32 {
        case success = 0
        case usage = 64
        case unknownLayout = 70
        case pluginsMissing = 71
        case layoutFailed = 72
        case renderFailed = 73
        case unknownFormat = 74
        case ioFailed = 75
    }

    /// The worker's status for an error.
    static func status(for error: GraphvizError) -> Status {
        switch error {
        case .unknownLayout: return .unknownLayout
        case .pluginsMissing: return .pluginsMissing
        case .layoutFailed: return .layoutFailed
        case .unknownFormat: return .unknownFormat
        default: return .renderFailed
        }
    }

    /// The error a worker reported through its status and stderr, or nil for success.
    static func error(status: Int32, message: String, layout: MapLayout, format: MapFormat) -> GraphvizError? {
        switch Status(rawValue: status) {
        case .success: return nil
        case .unknownLayout: return .unknownLayout(layout.rawValue)
        case .pluginsMissing: return .pluginsMissing
        case .layoutFailed: return .layoutFailed(message)
        case .renderFailed: return .renderFailed(message)
        case .unknownFormat: return .unknownFormat(format.rawValue)
        case .usage, .ioFailed, nil: return .workerFailed("exit status \(status): \(message)")
        }
    }

    /// The error's message as the worker writes it (Graphviz's text for layout and render errors).
    static func message(for error: GraphvizError) -> String {
        switch error {
        case .layoutFailed(let message), .renderFailed(let message): return message
        default: return error.description
        }
    }
}
