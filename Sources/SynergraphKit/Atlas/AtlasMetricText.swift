import Foundation

/// One plain-language line per metric value, for the partner atlas's actor panel: what the number
/// means for this actor ("9% of the shortest paths between other actors pass through PIFS").
///
/// The values are those of ``MetricsReport`` (the `metrics` command's defaults: simple undirected,
/// unweighted view, normalised betweenness, Leiden communities, seed 1); the wording follows each metric's
/// definition in Docs/metrics.md. A value undefined for the actor (nil) gets a line saying why.
public enum AtlasMetricText {
    /// Context the lines compare a value against.
    public struct Context: Sendable {
        /// Actors in the view.
        public var actors: Int
        /// Largest degree in the view.
        public var maxDegree: Int
        /// Actors in each community (by community number).
        public var communitySizes: [Int: Int]
        /// Rank (1 = highest) of the actor among the view for the metric being described, if it has a value.
        public var rank: Int?

        public init(actors: Int, maxDegree: Int, communitySizes: [Int: Int], rank: Int? = nil) {
            self.actors = actors
            self.maxDegree = maxDegree
            self.communitySizes = communitySizes
            self.rank = rank
        }
    }

    /// The value as shown (whole numbers without decimals, the rest to three).
    public static func value(_ metric: NodeMetricName, _ v: Double?) -> String {
        guard let v else { return "–" }
        if metric == .articulationPoint { return v == 1 ? "yes" : "no" }
        if metric.isDiscrete { return String(Int(v)) }
        return String(format: "%.3f", v)
    }

    /// The line for `metric` with value `v` for the actor named `name`.
    public static func line(_ metric: NodeMetricName, _ v: Double?, name: String, context c: Context) -> String {
        let ranked = c.rank.map { " (rank \($0) of \(c.actors))" } ?? ""
        guard let v else {
            switch metric {
            case .constraint, .effectiveSize: return "Undefined: \(name) has no partner in this view."
            default: return "Not computed for this view (see the metrics notes)."
            }
        }
        switch metric {
        case .degree:
            let d = Int(v)
            return "\(name) has \(d) distinct partner\(d == 1 ? "" : "s") in this view\(ranked); the best-connected actor has \(c.maxDegree)."
        case .strength:
            return "Its ties add up to a strength of \(String(format: "%.1f", v)) (tie weights summed, co-participation counting 1 per shared activity)."
        case .betweenness:
            return "\(percent(v)) of the shortest paths between other actors pass through \(name)\(ranked): " + (v >= 0.05 ? "a broker others depend on to reach each other." : v > 0 ? "a minor go-between." : "no one needs it to reach anyone.")
        case .closeness:
            return v > 0 ? "On average \(name) is \(String(format: "%.1f", 1 / v)) steps from the actors it can reach (closeness \(String(format: "%.3f", v)), scaled by how many it reaches)\(ranked)." : "\(name) reaches no other actor."
        case .harmonic:
            return "Summing 1/steps to every other actor gives \(String(format: "%.1f", v)) of a possible \(max(0, c.actors - 1)) (everyone one step away)\(ranked)."
        case .pagerank:
            let even = c.actors > 0 ? 1 / Double(c.actors) : 0
            return "A walk along random ties spends \(percent(v, digits: 1)) of its time at \(name), against an even share of \(percent(even, digits: 1))\(ranked)."
        case .eigenvector:
            return "Scores high when its partners are themselves well connected\(ranked); 0 means none of its partners is."
        case .katz:
            return "Counts the actors it reaches, nearer ones weighing more (Katz, attenuation 0.1)\(ranked)."
        case .clustering:
            return v > 0 ? "\(percent(v)) of the pairs of its partners are partners of each other too: " + (v >= 0.5 ? "a close-knit circle." : "a loose circle it can bridge.") : "None of its partners are tied to each other (or it has fewer than two): every introduction among them would be new."
        case .coreNumber:
            let k = Int(v)
            return "It belongs to the \(k)-core: a group in which every actor has at least \(k) partner\(k == 1 ? "" : "s") inside the group."
        case .constraint:
            return "Burt's constraint \(String(format: "%.2f", v)): " + (v >= 0.5 ? "its partners are few or tied to each other, so it has little room to broker (1 is a single partner)." : "its partners are spread over groups that are not tied to each other, room to broker (lower is more).")
        case .effectiveSize:
            return "Its partners count as \(String(format: "%.1f", v)) non-redundant contacts once the ties among them are discounted (Burt's effective size)."
        case .articulationPoint:
            return v == 1 ? "Yes: if \(name) left, some actors would be cut off from the rest of the network." : "No: the network stays as connected without \(name)."
        case .community:
            let k = Int(v)
            let size = c.communitySizes[k] ?? 0
            return "It sits in community \(k) (Leiden), a group of \(size) actor\(size == 1 ? "" : "s") more tied to each other than to the rest."
        }
    }

    /// One line for a Gould–Fernandez brokerage role count.
    public static func role(_ role: BrokerageRole, count: Double, z: Double?) -> String {
        let n = Int(count)
        let what: String
        switch role {
        case .coordinator: what = "times it links two actors of its own kind"
        case .itinerant: what = "times it links two actors of another kind than its own, both of the same kind"
        case .gatekeeper: what = "times it lets an actor of another kind reach its own kind"
        case .representative: what = "times it carries its own kind's ties to another kind"
        case .liaison: what = "times it links two actors of two different kinds, neither its own"
        }
        let zText = z.map { String(format: "; %.1f standard deviations %@ what chance would give", abs($0), $0 >= 0 ? "above" : "below") } ?? ""
        return "\(n) \(what)\(zText)."
    }

    static func percent(_ x: Double, digits: Int = 0) -> String {
        let p = x * 100
        if digits == 0 {
            if p > 0, p < 1 { return "less than 1%" }
            return "\(Int(p.rounded()))%"
        }
        return String(format: "%.\(digits)f%%", p)
    }
}
