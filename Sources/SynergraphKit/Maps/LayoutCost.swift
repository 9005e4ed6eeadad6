import Foundation

/// A layout's expected running time from the size of the map, so that a layout that cannot finish in
/// the time limit is refused at once instead of after the whole limit (`circo` on the bundled network
/// ran for its two-minute limit and then failed).
///
/// The estimates are power laws through running times measured here (Graphviz 2.43, one core of a
/// 2-core machine, the bundled network and partner-like synthetic networks; Docs/map-readability.md),
/// in seconds, for n actors, m drawn ties:
///
/// | layout | estimate | anchor (measured) |
/// |---|---|---|
/// | circo | `116 · (m / 624)^2.2` | 624 ties: 116 s; 156 ties (60 actors): 6.5 s (estimate 5.5 s) |
/// | dot | `10 · (m / 545)^3` | 545 ties (75 actors): 10.9 s; 319: 3.7 s; 604: 8.3 s; 1,409: over 120 s |
/// | neato | `1 · (n / 500)^3` | 500 actors: 1.0 s |
/// | fdp | `1.5 · (n / 200)^2` | 200 actors in 10 boxes: 1.5 s |
/// | sfdp, twopi, osage | never refused | sfdp: 2,000 actors in 1.3 s |
///
/// dot's time follows the number of ties far more than the number of actors (its crossing reduction);
/// circo's the ties in its biconnected blocks. They are meant to separate "seconds" from "many minutes",
/// not to predict a time: a layout is refused when its estimate exceeds *half* the time limit (the
/// anchors were measured on an idle machine, and a shared one is slower: circo on 604 ties, estimated
/// 108 s, ran past 120 s), and `--force` runs it anyway (the time limit still stops it). The timeout
/// remains the backstop for everything the estimate misses.
///
/// - Complexity: O(1).
public enum LayoutCost {
    /// The expected seconds of `layout` for `nodes` actors and `edges` drawn ties, or nil for layouts
    /// that are never refused.
    public static func estimatedSeconds(_ layout: MapLayout, nodes: Int, edges: Int) -> Double? {
        let n = Double(max(nodes, 1)), m = Double(max(edges, 0))
        switch layout {
        case .circo: return 116 * pow(m / 624, 2.2)
        case .dot: return 10 * pow(m / 545, 3)
        case .neato: return pow(n / 500, 3)
        case .fdp: return 1.5 * pow(n / 200, 2)
        case .sfdp, .twopi, .osage: return nil
        }
    }

    /// Why `doc` should not be laid out within `timeout` seconds, or nil when it can be tried.
    public static func refusal(for doc: MapDocument, timeout: Double) -> LayoutRefusal? {
        // Pinned maps are only drawn (no layout): never refused.
        if doc.nodes.contains(where: { $0.position != nil }) { return nil }
        guard let seconds = estimatedSeconds(doc.layout, nodes: doc.nodes.count, edges: doc.edges.count), seconds > timeout / 2 else {
            return nil
        }
        let instead: MapLayout = doc.clusters.isEmpty ? NetworkMapBuilder.automaticLayout : .fdp
        let alternative = instead == doc.layout || (estimatedSeconds(instead, nodes: doc.nodes.count, edges: doc.edges.count) ?? 0) > timeout / 2 ? .sfdp : instead
        return LayoutRefusal(layout: doc.layout, estimatedSeconds: seconds, timeout: timeout, alternative: alternative,
                             nodes: doc.nodes.count, edges: doc.edges.count)
    }
}

/// A layout refused because it cannot finish within the time limit.
public struct LayoutRefusal: Sendable, Equatable, CustomStringConvertible {
    public var layout: MapLayout
    public var estimatedSeconds: Double
    public var timeout: Double
    /// A layout expected to finish.
    public var alternative: MapLayout
    public var nodes: Int
    public var edges: Int

    public var description: String {
        let estimate = estimatedSeconds >= 3600 ? "hours" : estimatedSeconds >= 120 ? "about \(Int(estimatedSeconds / 60)) minutes" : "about \(Int(estimatedSeconds)) s"
        return "--layout \(layout.rawValue) would need \(estimate) for \(nodes) actors and \(edges) tied pairs, too long for the \(timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)) s timeout; use --layout \(alternative.rawValue), draw fewer actors or ties (--top, --no-co-participation, --aggregate), or add --force to try anyway"
    }
}
