/// Bridging value of a tie, in [0, 1]: does it join parts of the network that are apart, and does it
/// free both actors from a closed circle of partners?
///
/// `B = ½ · X + ½ · ρ`, where
/// - `X = 1` when the two actors are in different Louvain communities of the view (the same
///   partition `metrics --metric community` shows, same seed), else 0;
/// - `ρ` is the mean, over the two actors, of the relative drop in Burt's constraint the tie brings:
///   `ρ_x = max(0, (c_without(x) − c_with(x)) / c_without(x))`, where `c_with` and `c_without` are the
///   actor's constraint in the view with and without this one tie (unweighted, as `metrics`). For a
///   missing tie `c_without` is today's constraint; for an existing tie `c_with` is. An actor with no
///   partner without the tie counts as fully constrained (`c_without = 1`).
///
/// A new contact who shares none of your partners lowers your constraint most: that is Burt's
/// non-redundant contact, the structural hole the tie spans.
///
/// - Example: a has 2 partners who are not tied to each other (c = 2 · (1/2)² = 0.5); b has 1 (c = 1);
///   a new tie a–b, sharing no partner: a's constraint becomes 3 · (1/3)² = 1/3 (drop 1/3),
///   b's becomes 2 · (1/2)² = 0.5 (drop 1/2); ρ = 5/12. In different communities: B = ½ + ½ · 5/12 ≈ 0.708.
/// - Complexity: O(Σ_{q ∈ N(x)} deg q) per actor.
/// - References: R. S. Burt, *Structural Holes: The Social Structure of Competition*, Harvard University
///   Press, 1992; V. D. Blondel et al., J. Stat. Mech. P10008, 2008 (Louvain).
public enum BridgingValue {
    public static func score(crossCommunity: Bool, constraintDrop: Double) -> Double {
        0.5 * (crossCommunity ? 1 : 0) + 0.5 * constraintDrop
    }

    /// Relative constraint drop `max(0, (without − with) / without)`, `without` taken as 1 when undefined.
    public static func drop(without: Double?, with: Double?) -> Double {
        let w0 = without ?? 1, w1 = with ?? 1
        guard w0 > 0 else { return 0 }
        return min(1, max(0, (w0 - w1) / w0))
    }
}

extension Graph {
    /// Burt's constraint of `x` (unweighted, undirected rows as stored) in this graph with the edge
    /// `x – y` toggled: added when absent, removed when present. nil when `x` is left without neighbours.
    ///
    /// Only `x`'s row and the degree of `y` change, so the constraint is recomputed locally:
    /// `c(x) = Σ_{j ∈ N'(x)} (p'(x, j) + Σ_{q ∈ N'(x)} p'(x, q) p'(q, j))²`, with `p'(u, v) = 1 / deg'(u)`.
    /// `slot` is a workspace of `vertexCount` entries, all -1, and left so.
    func constraint(of x: Int, toggling y: Int, slot: inout [Int32]) -> Double? {
        let adding = !hasEdge(x, y)
        let count = degree(of: x) + 1
        // Stack scratch (a gap report runs millions of these): N'(x) and each one's indirect term.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { nx in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { indirect -> Double? in
                var m = 0
                for w in neighbours(of: x) where Int(w) != y {
                    nx[m] = Int(w)
                    m += 1
                }
                if adding {
                    nx[m] = y
                    m += 1
                }
                guard m > 0 else { return nil }
                let px = 1 / Double(m)
                for i in 0..<m {
                    slot[nx[i]] = Int32(i)
                    indirect[i] = 0
                }
                for k in 0..<m {
                    let q = nx[k]
                    let dq = Double(degree(of: q) + (q == y ? (adding ? 1 : -1) : 0))
                    guard dq > 0 else { continue }
                    for w in neighbours(of: q) {
                        let i = slot[Int(w)]
                        if i >= 0, Int(w) != x { indirect[Int(i)] += px / dq }
                    }
                }
                var total = 0.0
                for i in 0..<m {
                    let local = px + indirect[i]
                    total += local * local
                    slot[nx[i]] = -1
                }
                return total
            }
        }
    }
}
