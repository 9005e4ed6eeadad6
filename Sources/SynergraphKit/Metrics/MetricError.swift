/// Why a metric could not be computed.
///
/// Only iterative methods fail: power iterations that do not converge within their iteration budget
/// (NetworkX raises `PowerIterationFailedConvergence` in the same situations) and measures that are
/// undefined for the whole graph (NetworkX raises `NetworkXPointlessConcept` on the null graph).
public enum MetricError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A power iteration did not reach its tolerance within `iterations` steps.
    case notConverged(metric: String, iterations: Int)
    /// The metric is undefined on a graph with no vertices.
    case emptyGraph(metric: String)

    public var description: String {
        switch self {
        case let .notConverged(metric, iterations):
            return "\(metric) did not converge within \(iterations) iterations"
        case let .emptyGraph(metric):
            return "\(metric) is undefined on a graph with no vertices"
        }
    }
}
