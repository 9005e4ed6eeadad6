/// Line labels kept clear of nodes and other labels: the numbers on an overview's lines
/// (``AggregateMapBuilder``) are placed by Graphviz's external-label placement, which leaves out a label
/// it cannot place but may still put one a point or two over a node or another label (measured: a line
/// number over the "no country" name on the bundled network's 2025Q4 overview by country). Here each
/// label that ``MapReadability`` would count as overlapping is removed (the line's tooltip keeps the
/// number) and the map drawn again, until none overlaps.
///
/// Complexity: one drawing of the map per round (at most ``maxRounds``, one more when nothing
/// overlaps), plus O((l + n) log(l + n) + k) per round for the overlap sweep over l labels and n nodes.
public enum LineLabelClearance {
    /// Rounds before giving up: removing labels can move the others, so a second round may find more.
    public static let maxRounds = 3

    /// Positions in ``MapDocument/edges`` of the line labels in `g` that overlap a node or another
    /// label (node, box, line label or legend), by the readability measure's rule (more than 0.5 × 0.5 points).
    public static func colliding(_ g: MapGeometry) -> [Int] {
        var boxes: [MapRect] = []
        var edgeOf: [Int?] = []
        for e in g.edges { if let l = e.label { boxes.append(l); edgeOf.append(e.index) } }
        for n in g.nodes {
            boxes.append(n.box)
            edgeOf.append(nil)
            if let l = n.label { boxes.append(l); edgeOf.append(nil) }
        }
        for c in g.clusters { if let l = c.label { boxes.append(l); edgeOf.append(nil) } }
        if let l = g.legend { boxes.append(l); edgeOf.append(nil) }
        var out = Set<Int>()
        for (a, b) in MapReadability.overlappingPairs(boxes) {
            // Only pairs with a line label in them: node and other labels are the measure's business.
            if let e = edgeOf[a] { out.insert(e) }
            if let e = edgeOf[b] { out.insert(e) }
        }
        return out.sorted()
    }

    /// `doc` with the labels of the lines at `edges` removed.
    public static func removing(_ edges: [Int], from doc: MapDocument) -> MapDocument {
        var out = doc
        for i in edges where out.edges.indices.contains(i) { out.edges[i].label = "" }
        return out
    }

    /// `doc` with every line label that overlaps something removed, drawing it with `geometry` (the
    /// facade's `GraphvizRenderer.geometry(of:timeout:)`) once per round. Returns the document and how
    /// many labels were removed.
    public static func cleared(_ doc: MapDocument, geometry: (MapDocument) throws -> MapGeometry) rethrows -> (document: MapDocument, removed: Int) {
        guard doc.edges.contains(where: { !$0.label.isEmpty }) else { return (doc, 0) }
        var current = doc
        var removed = 0
        for _ in 0..<maxRounds {
            let hits = colliding(try geometry(current))
            if hits.isEmpty { break }
            current = removing(hits, from: current)
            removed += hits.count
        }
        return (current, removed)
    }
}
