/// The caps the facade applies to every document before Graphviz sees it.
///
/// They keep a map readable and keep Graphviz away from its known failure modes: labels of more
/// than 32,768 lines crash it, a huge node or font makes PNG rendering take minutes, and very large
/// graphs take minutes to lay out. Values are clamped (sizes) or cut with an ellipsis (text);
/// counts past a limit are an error, because silently dropping nodes would draw a wrong network.
package enum MapLimits {
    /// Most nodes a map may have (``GraphvizError/tooManyNodes(count:limit:)`` beyond).
    package static let maxNodes = 20_000
    /// Most edges a map may have (``GraphvizError/tooManyEdges(count:limit:)`` beyond).
    package static let maxEdges = 200_000
    /// Most clusters a map may have.
    package static let maxClusters = 2_000
    /// Most legend entries drawn; further entries are dropped and a last line says how many.
    package static let maxLegendEntries = 40

    /// Most characters (grapheme clusters, line breaks included) of a node or cluster label.
    package static let labelCharacters = 200
    /// Most lines of a node or cluster label.
    package static let labelLines = 8
    /// Most characters of a tooltip.
    package static let tooltipCharacters = 500
    /// Most lines of a tooltip.
    package static let tooltipLines = 12
    /// Most characters of the title and of the caption (each one line).
    package static let titleCharacters = 300
    /// Most characters of a legend entry's text (one line).
    package static let legendTextCharacters = 120

    /// Font sizes in points are clamped to this range.
    package static let fontSize: ClosedRange<Double> = 4...48
    /// Node widths in inches are clamped to this range.
    package static let nodeSize: ClosedRange<Double> = 0.05...4
    /// Edge widths in points are clamped to this range.
    package static let penWidth: ClosedRange<Double> = 0.1...12
    /// Most outline rings a node may have (``MapOutline/rings`` is clamped to 1...this).
    package static let outlineRings = 3
    /// Most parts of a wedged or striped fill (further parts are left out).
    package static let wedges = 12
    /// Pinned positions (points) must lie within ± this value.
    package static let coordinate: Double = 1_000_000

    /// `value` clamped into `range`; a non-finite value becomes `fallback` (itself clamped).
    package static func clamp(_ value: Double, to range: ClosedRange<Double>, fallback: Double) -> Double {
        let v = value.isFinite ? value : fallback
        return min(max(v, range.lowerBound), range.upperBound)
    }
}
