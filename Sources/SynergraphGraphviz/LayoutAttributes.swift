import SynergraphKit

/// Graph attributes that depend on the layout engine.
///
/// - dot: spline edges (its default), a little more room between ranks.
/// - neato, fdp, sfdp: a fixed seed (`start=N`, so a document always gives the same picture),
///   straight edges (spline routing around nodes costs more than the layout on large maps), and
///   overlap removal when the document asks for it.
/// - circo, twopi: straight edges and overlap removal.
/// - osage: nothing extra (it packs clusters, it does not route edges).
///
/// A neato map with pinned positions gets no overlap removal: Graphviz 2.43's overlap removal
/// moves pinned nodes too (measured), and pinned positions are the caller's decision.
///
/// Overlap removal uses `prism`, which this Graphviz (2.43, Debian 12) supports; `sep` keeps a few
/// points between nodes once overlaps are removed.
enum LayoutAttributes {
    static func graphAttributes(for doc: MapDocument) -> [(String, String)] {
        let pinned = doc.layout == .neato && doc.nodes.contains { $0.position != nil }
        let overlap = doc.removeOverlaps && !pinned ? "prism" : "true"
        switch doc.layout {
        case .dot:
            return [("splines", "true"), ("ranksep", "0.6"), ("nodesep", "0.3")]
        case .neato, .fdp, .sfdp:
            return [("start", String(seed(doc.seed))), ("splines", "false"), ("overlap", overlap), ("sep", "+4")]
        case .circo, .twopi:
            return [("splines", "false"), ("overlap", overlap), ("sep", "+4")]
        case .osage:
            return []
        }
    }

    /// `seed` as a non-negative 31-bit value (Graphviz reads `start` with `atoi`).
    static func seed(_ seed: Int) -> Int {
        Int(UInt(bitPattern: seed) % 2_147_483_647)
    }
}
