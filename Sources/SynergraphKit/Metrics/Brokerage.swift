import Foundation

/// The five brokerage roles of Gould and Fernandez (1989). For a two-path `i → j → k` with no arc
/// `i → k`, the broker `j` plays one role, decided by the groups of `i`, `j` and `k`.
public enum BrokerageRole: String, Sendable, CaseIterable, Codable {
    /// `i`, `j`, `k` all in one group (sna's `w_I`).
    case coordinator
    /// `i` and `k` in one group, `j` in another (`w_O`).
    case itinerant
    /// `j` and `k` in one group, `i` in another: `j` controls what enters its group (`b_OI`).
    case gatekeeper
    /// `i` and `j` in one group, `k` in another: `j` speaks for its group outwards (`b_IO`).
    case representative
    /// three different groups (`b_O`).
    case liaison
}

/// One value per brokerage role, and their total.
public struct BrokerageValues: Sendable, Equatable {
    public var coordinator: Double
    public var itinerant: Double
    public var gatekeeper: Double
    public var representative: Double
    public var liaison: Double
    public var total: Double

    public init(coordinator: Double = 0, itinerant: Double = 0, gatekeeper: Double = 0, representative: Double = 0, liaison: Double = 0, total: Double = 0) {
        self.coordinator = coordinator
        self.itinerant = itinerant
        self.gatekeeper = gatekeeper
        self.representative = representative
        self.liaison = liaison
        self.total = total
    }

    public subscript(role role: BrokerageRole) -> Double {
        switch role {
        case .coordinator: coordinator
        case .itinerant: itinerant
        case .gatekeeper: gatekeeper
        case .representative: representative
        case .liaison: liaison
        }
    }
}

/// Standardised brokerage scores; nil where the standard deviation under the null model is zero
/// (sna returns NaN there: a group too small for the role, or an empty or complete graph).
public struct BrokerageZScores: Sendable, Equatable {
    public var coordinator: Double?
    public var itinerant: Double?
    public var gatekeeper: Double?
    public var representative: Double?
    public var liaison: Double?
    public var total: Double?

    public subscript(role role: BrokerageRole) -> Double? {
        switch role {
        case .coordinator: coordinator
        case .itinerant: itinerant
        case .gatekeeper: gatekeeper
        case .representative: representative
        case .liaison: liaison
        }
    }
}

/// Gould–Fernandez brokerage of every vertex: raw role counts, their expectation and standard deviation
/// under random assignment, and z-scores, exactly as R's `sna::brokerage(g, cl)` computes them
/// (`raw.nli`, `exp.nli`, `sd.nli`, `z.nli`).
public struct BrokerageResult: Sendable, Equatable {
    /// Raw counts per vertex.
    public let raw: [BrokerageValues]
    /// Expected counts per vertex (they depend only on the vertex's group size).
    public let expected: [BrokerageValues]
    /// Standard deviations per vertex.
    public let standardDeviation: [BrokerageValues]
    /// `(raw − expected) / sd` per vertex; nil where sd is 0.
    public let z: [BrokerageZScores]
    /// The group of each vertex, as given.
    public let groups: [Int]
    /// Arc density `m / (N (N − 1))` used by the null model.
    public let density: Double
}

extension Graph {
    /// Gould and Fernandez's brokerage roles for every vertex, grouped by `groups[v]`.
    ///
    /// Every ordered two-path `i → j → k` (`i`, `j`, `k` distinct) with no arc `i → k` counts once for
    /// the broker `j`, in the role its groups give (see ``BrokerageRole``). An undirected graph counts
    /// each edge as arcs both ways, as sna does for symmetric data, so an open undirected triad
    /// `i – j – k` counts twice (`i → j → k` and `k → j → i`).
    ///
    /// The null model is sna's: arcs present independently with probability `d = m / (N (N − 1))`,
    /// `m` the number of arcs. For a vertex in a group of size `n_i` (N vertices, group sizes `n`):
    /// - coordinator: `E = d²(1−d)(n_i−1)(n_i−2)`,
    ///   `Var = E(1 − d²(1−d)) + 2(n_i−1)(n_i−2)(n_i−3) d³(1−d)³`;
    /// - itinerant: `E = d²(1−d) Σ_{j≠i} n_j(n_j−1)`, `Var = E(1 − d²(1−d)) + 2 Σ_{j≠i} n_j(n_j−1)(n_j−2) d³(1−d)³`;
    /// - gatekeeper and representative: `E = d²(1−d)(N−n_i)(n_i−1)`,
    ///   `Var = E(1 − d²(1−d)) + 2((n_i−1)C(N−n_i, 2) + (N−n_i)C(n_i−1, 2)) d³(1−d)³`;
    /// - liaison: `E = d²(1−d)((Σ_{j≠i} n_j)² − Σ_{j≠i} n_j²)`,
    ///   `Var = E(1 − d²(1−d)) + 4 Σ_{j≠i} n_j C(N−n_j−n_i, 2) d³(1−d)³`;
    /// - total: `E = d²(1−d)(N−1)(N−2)`, `Var = E(1 − d²(1−d)) + 2(N−1)(N−2)(N−3) d³(1−d)³`.
    ///
    /// - Parameter groups: one group label per vertex (any integers).
    /// - Complexity: O(Σ_j indeg(j) · outdeg(j)) time, O(V) extra memory.
    /// - Reference: R. V. Gould and R. M. Fernandez, "Structures of mediation: a formal approach to
    ///   brokerage in transaction networks", Sociological Methodology 19:89–126, 1989. doi:10.2307/270949.
    ///   Null model and variances: C. T. Butts, sna 2.7 (`brokerage`), after Gould and Fernandez.
    public func brokerage(groups: [Int]) -> BrokerageResult {
        precondition(groups.count == vertexCount, "one group per vertex")
        let n = vertexCount
        var raw = [BrokerageValues](repeating: BrokerageValues(), count: n)
        var mark = [Int32](repeating: -1, count: n)
        for i in 0..<n {
            for k in neighbours(of: i) { mark[Int(k)] = Int32(i) }
            for j32 in neighbours(of: i) {
                let j = Int(j32)
                for k32 in neighbours(of: j) {
                    let k = Int(k32)
                    guard k != i, k != j, mark[k] != Int32(i) else { continue }
                    let gi = groups[i], gj = groups[j], gk = groups[k]
                    if gj == gi {
                        if gj == gk { raw[j].coordinator += 1 } else { raw[j].representative += 1 }
                    } else if gj == gk {
                        raw[j].gatekeeper += 1
                    } else if gi == gk {
                        raw[j].itinerant += 1
                    } else {
                        raw[j].liaison += 1
                    }
                }
            }
        }
        for v in 0..<n {
            raw[v].total = raw[v].coordinator + raw[v].itinerant + raw[v].representative + raw[v].gatekeeper + raw[v].liaison
        }
        // Null model (sna's formulas, in its order of operations where it matters).
        let arcs = Double(isDirected ? targets.count : targets.count)
        let nn = Double(n)
        let d = n > 1 ? arcs / (nn * (nn - 1)) : 0
        var labels: [Int] = []
        var sizeOf: [Int: Double] = [:]
        for g in groups {
            if sizeOf[g] == nil { labels.append(g) }
            sizeOf[g, default: 0] += 1
        }
        let sizes = labels.map { sizeOf[$0]! }
        func choose2(_ x: Double) -> Double { x * (x - 1) / 2 }
        let p = d * d * (1 - d)
        let q3 = d * d * d * (1 - d) * (1 - d) * (1 - d)
        var expectedOf: [Int: BrokerageValues] = [:]
        var sdOf: [Int: BrokerageValues] = [:]
        for (gi, label) in labels.enumerated() {
            let ni = sizes[gi]
            let others = sizes.enumerated().filter { $0.offset != gi }.map(\.element)
            var e = BrokerageValues(), v = BrokerageValues()
            e.coordinator = p * (ni - 1) * (ni - 2)
            v.coordinator = e.coordinator * (1 - p) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * q3
            e.itinerant = p * others.reduce(0) { $0 + $1 * ($1 - 1) }
            v.itinerant = e.itinerant * (1 - p) + 2 * others.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) } * q3
            e.representative = p * (nn - ni) * (ni - 1)
            v.representative = e.representative * (1 - p) + 2 * ((ni - 1) * choose2(nn - ni) + (nn - ni) * choose2(ni - 1)) * q3
            e.gatekeeper = e.representative
            v.gatekeeper = v.representative
            let s = others.reduce(0, +)
            e.liaison = p * (s * s - others.reduce(0) { $0 + $1 * $1 })
            v.liaison = e.liaison * (1 - p) + 4 * others.reduce(0) { $0 + $1 * choose2(nn - $1 - ni) * q3 }
            e.total = p * (nn - 1) * (nn - 2)
            v.total = e.total * (1 - p) + 2 * (nn - 1) * (nn - 2) * (nn - 3) * q3
            expectedOf[label] = e
            sdOf[label] = BrokerageValues(
                coordinator: v.coordinator.squareRoot(), itinerant: v.itinerant.squareRoot(), gatekeeper: v.gatekeeper.squareRoot(),
                representative: v.representative.squareRoot(), liaison: v.liaison.squareRoot(), total: v.total.squareRoot())
        }
        var expected: [BrokerageValues] = []
        var sd: [BrokerageValues] = []
        var z: [BrokerageZScores] = []
        expected.reserveCapacity(n)
        for vtx in 0..<n {
            let e = expectedOf[groups[vtx]]!, s = sdOf[groups[vtx]]!, r = raw[vtx]
            func zz(_ x: Double, _ m: Double, _ sd: Double) -> Double? {
                let value = (x - m) / sd
                return value.isFinite ? value : nil
            }
            expected.append(e)
            sd.append(s)
            z.append(BrokerageZScores(
                coordinator: zz(r.coordinator, e.coordinator, s.coordinator), itinerant: zz(r.itinerant, e.itinerant, s.itinerant),
                gatekeeper: zz(r.gatekeeper, e.gatekeeper, s.gatekeeper), representative: zz(r.representative, e.representative, s.representative),
                liaison: zz(r.liaison, e.liaison, s.liaison), total: zz(r.total, e.total, s.total)))
        }
        return BrokerageResult(raw: raw, expected: expected, standardDeviation: sd, z: z, groups: groups, density: d)
    }
}

/// Group labels for brokerage from a node attribute.
public enum BrokerageGroups {
    /// One label per vertex of `view`: equal attribute values share a label. `attribute` is `kind`,
    /// `scope`, `country` or the name of an extra column; actors without a value form one group of their own.
    public static func labels(view: NetworkView, attribute: String) -> [Int] {
        var index: [String: Int] = [:]
        return (0..<view.vertexCount).map { v in
            let node = view.node(v)
            let value: String
            switch attribute.lowercased() {
            case "kind": value = node.kind.rawValue
            case "scope": value = node.scope?.rawValue ?? ""
            case "country": value = node.country ?? ""
            default: value = node.attribute(attribute) ?? ""
            }
            if let i = index[value] { return i }
            index[value] = index.count
            return index.count - 1
        }
    }
}
