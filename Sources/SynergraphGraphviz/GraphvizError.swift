import SynergraphKit

/// Everything that can go wrong while turning a ``MapDocument`` into a picture.
///
/// One enum for the whole module, `Equatable` so tests can compare errors, with a `description`
/// a person can act on.
public enum GraphvizError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Graphviz has no layout plugin of that name (an installation without it, or a name Graphviz rejects).
    case unknownLayout(String)
    /// The format is not one the facade renders (for example a file extension like `.gif`).
    case unknownFormat(String)
    /// Graphviz found no layout plugins at all: its plugin configuration (`config6a`) is missing.
    case pluginsMissing
    /// The document cannot be drawn as given (duplicate node ids, an edge to a missing node, ...).
    case invalidDocument(String)
    /// The document has more nodes than a map may have.
    case tooManyNodes(count: Int, limit: Int)
    /// The document has more edges than a map may have.
    case tooManyEdges(count: Int, limit: Int)
    /// Graphviz could not lay the graph out; the message is Graphviz's.
    case layoutFailed(String)
    /// Graphviz could not render the laid-out graph; the message is Graphviz's.
    case renderFailed(String)
    /// Layout and rendering did not finish within the time limit; the work was stopped.
    case timeout(Duration)
    /// The output file could not be written; nothing was left behind.
    case outputNotWritable(path: String, reason: String)
    /// The render worker executable (`synergraph-graphviz-worker`) was not found.
    case workerNotFound(searched: [String])
    /// The render worker could not be started, crashed, or answered with something unreadable.
    case workerFailed(String)

    public var description: String {
        switch self {
        case .unknownLayout(let name):
            return "Graphviz has no layout engine named \"\(name)\"; check that the Graphviz layout plugins are installed."
        case .unknownFormat(let name):
            let known = MapFormat.allCases.map(\.rawValue).joined(separator: ", ")
            return "Unknown map format \"\(name)\"; use one of: \(known)."
        case .pluginsMissing:
            return """
                Graphviz found no layout plugins (its plugin configuration config6a is missing). \
                Fix: run `apt-get install --reinstall libgvc6` (or, if the graphviz package is installed, `dot -c` as root).
                """
        case .invalidDocument(let reason):
            return "The map cannot be drawn: \(reason)"
        case .tooManyNodes(let count, let limit):
            return "The map has \(count) nodes; at most \(limit) can be drawn. Filter the network first."
        case .tooManyEdges(let count, let limit):
            return "The map has \(count) edges; at most \(limit) can be drawn. Filter the network first."
        case .layoutFailed(let message):
            return "Graphviz could not lay out the map: \(message)"
        case .renderFailed(let message):
            return "Graphviz could not render the map: \(message)"
        case .timeout(let limit):
            return "Laying out and rendering the map took longer than \(limit) and was stopped; try a faster layout (sfdp) or a smaller map."
        case .outputNotWritable(let path, let reason):
            return "Cannot write \(path): \(reason)"
        case .workerNotFound(let searched):
            return "The render worker synergraph-graphviz-worker was not found (looked in: \(searched.joined(separator: ", "))); install it next to the synergraph executable or set SYNERGRAPH_GRAPHVIZ_WORKER."
        case .workerFailed(let reason):
            return "The render worker failed: \(reason)"
        }
    }
}
