/// How a quarter's map shows what is new since the quarter before, so that a reader sees growth.
///
/// The rule is ``QuarterDiff``'s, not a second one: an actor is new when it is among the diff's
/// ``QuarterDiff/actorsGained`` (in this quarter's view, not in the previous quarter's), a drawn line
/// is new when its pair of actors is among ``QuarterDiff/tiesGained`` (a distinct tied pair of this
/// quarter that was not tied in the previous one; the map draws one line per tied pair, as the diff counts them).
///
/// - New actors keep their fill (the kind's colour) and get two rings in Okabe–Ito vermillion (#D55E00),
///   the palette colour no kind uses (``outline``). The outer ring lies on the background, so it shows on
///   any fill, also on the agencies' orange, and the doubled outline reads in grey too.
/// - New tied pairs keep their width and style (tie strength, tie kind) and are drawn in vermillion,
///   half again as opaque as old ties, after them (on top of old ties; nodes still cover every line).
/// - Both get the SVG class `new` next to their other classes, and "new since <previous>" in their tooltip.
/// - The legend gets "new this quarter (actor)" and "new tie" entries only when the map has any (the
///   shared layout leaves room for them, and a pinned legend keeps the union legend's box, drawn from
///   its top: ``MapDocument/legendSize``).
/// - A second caption line (``MapDocument/subcaption``) says how many there are ("9 new actors, 74 new
///   tied pairs since 2025Q2"). The first map of a series says it marks nothing, so that every map
///   has the line and the same height (a longer caption could also widen a small map; a line of its
///   own, shorter than the caption, does not).
///
/// Everything set here is a typed field of ``MapDocument`` (``MapOutline``, ``MapColor``, numbers, our
/// own text); nothing from the data reaches Graphviz but the labels, tooltips and ids it already had.
///
/// - Complexity: O(V + E) per map.
public enum NewSinceMarking {
    /// Okabe–Ito vermillion (#D55E00).
    public static let color = MapStyle.palette[5]
    /// Outline of new actors: two rings in vermillion (old actors: one thin dark grey ring).
    public static let outline = MapOutline(color: color, width: 2, rings: 2)
    /// The SVG class of new nodes and edges.
    public static let className = "new"
    /// The legend entry shown when the map has a new actor.
    public static let actorEntry = MapLegendEntry(.ring(color), "new this quarter (actor)")
    /// The legend entry shown when the map has a new tied pair.
    public static let tieEntry = MapLegendEntry(.coloredLine(.solid, width: 1.2, color: color), "new tie")

    /// The entries a map with new actors (`actors`) and new tied pairs (`ties`) adds to its legend,
    /// in legend order.
    public static func legendEntries(actors: Bool, ties: Bool) -> [MapLegendEntry] {
        (actors ? [actorEntry] : []) + (ties ? [tieEntry] : [])
    }

    /// `legend` with `entries` in place of any "new" entries it had, before the notes (after the
    /// shapes and line styles they belong with).
    public static func legend(_ legend: [MapLegendEntry], with entries: [MapLegendEntry]) -> [MapLegendEntry] {
        var out = legend.filter { $0 != actorEntry && $0 != tieEntry }
        let at = out.firstIndex { $0.swatch == .note } ?? out.endIndex
        out.insert(contentsOf: entries, at: at)
        return out
    }

    /// `doc` (a quarter's map) with what `diff` counts as gained marked, its legend entries and its caption.
    /// Nodes are matched by ``MapNode/id`` (the public id the diff uses), lines by their two end nodes' ids.
    public static func mark(_ doc: MapDocument, diff: QuarterDiff) -> MapDocument {
        var out = doc
        let since = "new since \(diff.previous)"
        let newActors = Set(diff.actorsGained.map(\.id))
        let newPairs = Set(diff.tiesGained.map { QuarterSnapshot.Pair(a: min($0.a.id, $0.b.id), b: max($0.a.id, $0.b.id)) })
        var markedActors = 0
        for i in out.nodes.indices where newActors.contains(out.nodes[i].id) {
            out.nodes[i].outline = outline
            out.nodes[i].classes.append(className)
            out.nodes[i].tooltip += out.nodes[i].tooltip.isEmpty ? since : "\n" + since
            markedActors += 1
        }
        var old: [MapEdge] = [], new: [MapEdge] = []
        for var edge in out.edges {
            let a = out.nodes[edge.source].id, b = out.nodes[edge.target].id
            guard newPairs.contains(QuarterSnapshot.Pair(a: min(a, b), b: max(a, b))) else {
                old.append(edge)
                continue
            }
            edge.color = MapColor(red: color.red, green: color.green, blue: color.blue, alpha: UInt8(min(255, Int(edge.color.alpha) * 3 / 2)))
            edge.classes.append(className)
            edge.tooltip += edge.tooltip.isEmpty ? since : "\n" + since
            new.append(edge)
        }
        out.edges = old + new
        out.legend = legend(out.legend, with: legendEntries(actors: markedActors > 0, ties: !new.isEmpty))
        out.subcaption = summary(actors: markedActors, pairs: new.count, since: diff.previous)
        return out
    }

    /// The subcaption of the first map of a series, which marks nothing.
    public static let firstMapNote = "first map of the series: nothing is marked as new"

    /// `doc` with no "new" legend entries: the first quarter drawn, which has nothing to compare with on the maps.
    public static func unmarked(_ doc: MapDocument) -> MapDocument {
        var out = doc
        out.legend = legend(doc.legend, with: [])
        out.subcaption = firstMapNote
        return out
    }

    /// "9 new actors, 74 new tied pairs since 2025Q2", "1 new actor, 1 new tied pair since 2025Q2",
    /// "nothing new since 2025Q2".
    static func summary(actors: Int, pairs: Int, since previous: String) -> String {
        guard actors > 0 || pairs > 0 else { return "nothing new since \(previous)" }
        let a = actors == 1 ? "1 new actor" : "\(actors) new actors"
        let p = pairs == 1 ? "1 new tied pair" : "\(pairs) new tied pairs"
        return "\(a), \(p) since \(previous)"
    }
}
