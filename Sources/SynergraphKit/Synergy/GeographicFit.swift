/// Geographic fit of two actors, in [0, 1]: do they work in the same countries?
///
/// The overlap (Szymkiewicz–Simpson) coefficient of the two country sets (see ``ActorProfile`` for where
/// an actor works): `G = |A ∩ B| / min(|A|, |B|)`, and 0 when either set is empty. The overlap
/// coefficient rather than Jaccard, because an international agency works in many countries: a
/// ministry in Lao PDR and an agency working in Lao PDR among 20 others fit perfectly well
/// geographically (G = 1), where Jaccard would say 1/20.
///
/// - Example: A works in {LAO, THA}, B in {LAO, KHM, VNM}: G = 1 / min(2, 3) = 0.5.
/// - Complexity: O(|A| + |B|).
public enum GeographicFit {
    public static func score(_ a: ActorProfile, _ b: ActorProfile) -> Double {
        guard !a.countries.isEmpty, !b.countries.isEmpty else { return 0 }
        return Double(_SortedIDs.intersectionCount(a.countries, b.countries)) / Double(min(a.countries.count, b.countries.count))
    }
}
