/// How well two kinds of actor complement each other in a partnership, in [0, 1]: the "combined
/// perspectives, resources and skills" of Lasker, Weiss and Miller's partnership synergy. A school and
/// an agency, or a civil-society organisation and a government body, bring different things to a
/// partnership (high); two actors of the same kind mostly bring the same thing (lower).
///
/// The table is symmetric. Defaults (Docs/synergy-and-gaps.md lists them all):
///
/// |            | agency | school | cso | expert | government |
/// |------------|--------|--------|-----|--------|------------|
/// | agency     | 0.4    | 0.9    | 0.7 | 0.6    | 0.8        |
/// | school     |        | 0.4    | 0.7 | 0.7    | 0.9        |
/// | cso        |        |        | 0.3 | 0.6    | 0.9        |
/// | expert     |        |        |     | 0.2    | 0.8        |
/// | government |        |        |     |        | 0.3        |
///
/// `other` (kind unknown, as in plain edge lists) pairs with anything at 0.5.
///
/// - Reference: R. D. Lasker, E. S. Weiss and R. Miller, "Partnership synergy: a practical framework for
///   studying and strengthening the collaborative advantage", Milbank Quarterly 79(2):179–205, 2001.
///   doi:10.1111/1468-0009.00203
public struct ComplementarityTable: Sendable, Equatable {
    private var values: [Double]
    private static let count = NodeKind.allCases.count

    public init() {
        values = [Double](repeating: 0.5, count: Self.count * Self.count)
        let defaults: [(NodeKind, NodeKind, Double)] = [
            (.agency, .agency, 0.4), (.agency, .school, 0.9), (.agency, .cso, 0.7), (.agency, .expert, 0.6), (.agency, .government, 0.8),
            (.school, .school, 0.4), (.school, .cso, 0.7), (.school, .expert, 0.7), (.school, .government, 0.9),
            (.cso, .cso, 0.3), (.cso, .expert, 0.6), (.cso, .government, 0.9),
            (.expert, .expert, 0.2), (.expert, .government, 0.8),
            (.government, .government, 0.3),
        ]
        for (a, b, x) in defaults { set(a, b, x) }
    }

    /// The complementarity of kinds `a` and `b` (symmetric).
    public func value(_ a: NodeKind, _ b: NodeKind) -> Double {
        values[Self.index(a) * Self.count + Self.index(b)]
    }

    /// Sets the value of a pair of kinds (both orders).
    public mutating func set(_ a: NodeKind, _ b: NodeKind, _ x: Double) {
        values[Self.index(a) * Self.count + Self.index(b)] = x
        values[Self.index(b) * Self.count + Self.index(a)] = x
    }

    private static func index(_ k: NodeKind) -> Int { NodeKind.allCases.firstIndex(of: k)! }
}
