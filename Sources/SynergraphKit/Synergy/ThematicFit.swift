/// Thematic fit of two actors, in [0, 1]: how much of what they work on they share.
///
/// For each facet f of SDGs, expected accomplishments (EA1–EA3) and sectors, the Jaccard index
/// `J_f = |A_f ∩ B_f| / |A_f ∪ B_f|` of the two actors' tag sets (their own tags and those of the
/// activities they took part in, see ``ActorProfile``); then the weighted mean
/// `T = Σ_f w_f J_f / Σ_f w_f` over the facets where at least one of the two has a tag. A facet
/// neither actor is tagged in says nothing and is left out; with no facet left, `T = 0`.
///
/// Default weights: SDGs 0.25, accomplishments 0.35, sectors 0.40 (SDGs 16 and 17 are shared by most
/// governance actors, so they weigh least).
///
/// - Example: A works on SDGs {16, 17}, EA1, sectors {digital government}; B on SDG {16}, EA1 and EA2,
///   sectors {digital government, health}. J = 1/2, 1/2, 1/2, so T = 0.5.
/// - Complexity: O(s) for s sector ids.
/// - Reference: P. Jaccard, "Étude comparative de la distribution florale dans une portion des Alpes et du
///   Jura", Bulletin de la Société vaudoise des sciences naturelles 37:547–579, 1901.
public enum ThematicFit {
    public static func score(_ a: ActorProfile, _ b: ActorProfile, weights: ThematicWeights) -> Double {
        var num = 0.0, den = 0.0
        let su = (a.sdgMask | b.sdgMask).nonzeroBitCount
        if su > 0, weights.sdgs > 0 {
            num += weights.sdgs * Double((a.sdgMask & b.sdgMask).nonzeroBitCount) / Double(su)
            den += weights.sdgs
        }
        let eu = (a.accomplishmentMask | b.accomplishmentMask).nonzeroBitCount
        if eu > 0, weights.accomplishments > 0 {
            num += weights.accomplishments * Double((a.accomplishmentMask & b.accomplishmentMask).nonzeroBitCount) / Double(eu)
            den += weights.accomplishments
        }
        if !(a.sectors.isEmpty && b.sectors.isEmpty), weights.sectors > 0 {
            let inter = _SortedIDs.intersectionCount(a.sectors, b.sectors)
            num += weights.sectors * Double(inter) / Double(a.sectors.count + b.sectors.count - inter)
            den += weights.sectors
        }
        return den > 0 ? num / den : 0
    }
}
