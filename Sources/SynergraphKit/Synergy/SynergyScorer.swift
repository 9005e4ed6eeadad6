import Foundation

/// The five components of a pair's synergy, each in [0, 1].
public struct SynergyComponents: Sendable, Equatable {
    public var thematic: Double
    public var geographic: Double
    public var complementarity: Double
    public var structural: Double
    public var bridging: Double

    public init(thematic: Double, geographic: Double, complementarity: Double, structural: Double, bridging: Double) {
        self.thematic = thematic
        self.geographic = geographic
        self.complementarity = complementarity
        self.structural = structural
        self.bridging = bridging
    }

    /// `Σ w_c x_c / Σ w_c`.
    public func total(_ w: SynergyWeights) -> Double {
        let s = w.sum
        guard s > 0 else { return 0 }
        return (w.thematic * thematic + w.geographic * geographic + w.complementarity * complementarity
            + w.structural * structural + w.bridging * bridging) / s
    }
}

/// What a pair's score rests on: the shared items its reason names.
public struct SynergyEvidence: Sendable, Equatable {
    public var sharedSDGs: [Int]
    public var sharedAccomplishments: [Accomplishment]
    public var sharedSectors: [String]
    /// ISO alpha-3 codes.
    public var sharedCountries: [String]
    /// View vertices of the shared partners.
    public var sharedPartners: [Int]
    public var adamicAdar: Double
    /// Louvain community of each actor (as `metrics --metric community`).
    public var communityA: Int
    public var communityB: Int
    /// Burt's constraint of each actor without and with the tie (nil: no partner).
    public var constraintWithoutA: Double?
    public var constraintWithA: Double?
    public var constraintWithoutB: Double?
    public var constraintWithB: Double?
}

/// The synergy of one pair of actors: realised when they are tied in the view, latent when not.
public struct PairSynergy: Sendable, Equatable {
    /// View vertices, `a < b` unless the pair was asked for in another order.
    public var a: Int
    public var b: Int
    /// Whether the two are tied in the view (a recorded tie or, by default, co-participation).
    public var tied: Bool
    public var components: SynergyComponents
    /// The weighted mean of the components, in [0, 1].
    public var total: Double
    public var evidence: SynergyEvidence
    /// Sentences built from the components, e.g. "Both work on digital government (SDG 16; EA1) in Lao
    /// PDR. A school and a government body complement each other. They share 3 partners, among them UNPOG
    /// and ESCAP. The tie would join communities 2 and 5."
    public var reason: String
    /// Which kind of introduction this is (``IntroductionStrategy``), nil for a tied pair or one that is neither.
    public var strategy: IntroductionStrategy? = nil
    /// Why the pair is of its strategy ("Closure: both are based in Nepal, …"); empty without a strategy.
    public var strategyReason: String = ""
    /// The gaps the introduction would close or shrink (filled in when a gap report is at hand).
    public var wouldChange: [IntroductionEffect] = []
}

/// Scores the synergy of pairs of actors of a view.
///
/// `synergy(a, b) = (w_T T + w_G G + w_K K + w_S S + w_B B) / (w_T + w_G + w_K + w_S + w_B)`, with
/// ``ThematicFit`` T, ``GeographicFit`` G, ``ComplementarityTable`` K, ``StructuralProximity`` S and
/// ``BridgingValue`` B, and default weights 0.30, 0.20, 0.20, 0.15, 0.15 (``SynergyWeights``). For a
/// tied pair it is the tie's *realised* synergy, for an untied pair the *latent* synergy an
/// introduction could realise.
///
/// - Reference: R. D. Lasker, E. S. Weiss and R. Miller, "Partnership synergy: a practical framework for
///   studying and strengthening the collaborative advantage", Milbank Quarterly 79(2):179–205, 2001.
///   doi:10.1111/1468-0009.00203
public struct SynergyScorer: Sendable {
    public let view: NetworkView
    public let config: SynergyConfig
    public let profiles: ActorProfiles
    public let communities: CommunityPartition
    /// Burt's constraint of every vertex (unweighted), nil for isolated actors.
    public let constraint: [Double?]
    public let showAllNames: Bool
    /// The office's vertex (the manifest's `hub`), if in the view.
    public let hub: Int?
    /// The candidate index of ``recommendedIntroductions(count:for:threads:everyPartner:where:)``, built once.
    let enumeratorCache = _EnumeratorCache()
    /// Where the long searches report progress (the whole-network introduction scan by source actor).
    public var progress: WorkProgress?

    /// - Complexity: Louvain and constraint on the view's graph, plus O(V + T + P) for the profiles.
    public init(view: NetworkView, config: SynergyConfig = SynergyConfig(), showAllNames: Bool = false, progress: WorkProgress? = nil) {
        self.view = view
        self.config = config
        self.showAllNames = showAllNames
        self.progress = progress
        progress?.start("actor profiles, communities and constraint", total: 0)
        profiles = ActorProfiles(view: view)
        communities = view.graph.louvainCommunities(seed: config.seed)
        constraint = view.graph.constraint()
        hub = view.network.manifest.hub.flatMap { id in
            view.network.nodeIndex(forPublicID: id).flatMap { m in view.vertexOfNode[m] >= 0 ? Int(view.vertexOfNode[m]) : nil }
        }
    }

    var graph: Graph { view.graph }

    /// The part of the total that does not need the constraint recomputation, and the largest the total
    /// can be: `partial + w_B / Σw · (½ X + ½)`.
    struct Bound {
        var partial: Double
        var upper: Double
        var cross: Bool
    }

    func bound(_ u: Int, _ v: Int) -> Bound {
        let w = config.weights
        let s = w.sum
        let pu = profiles.profiles[u], pv = profiles.profiles[v]
        let t = ThematicFit.score(pu, pv, weights: config.thematic)
        let g = GeographicFit.score(pu, pv)
        let k = config.complementarity.value(pu.kind, pv.kind)
        let st = StructuralProximity.score(adamicAdar: graph.adamicAdar(u, v))
        let cross = communities.communityOf[u] != communities.communityOf[v]
        let partial = (w.thematic * t + w.geographic * g + w.complementarity * k + w.structural * st) / s
        let upper = partial + w.bridging / s * (cross ? 1 : 0.5)
        return Bound(partial: partial, upper: upper, cross: cross)
    }

    /// The full score of a pair, with its evidence and reason.
    public func score(_ a: Int, _ b: Int) -> PairSynergy {
        var slot = enumeratorCache.checkOutSlot(count: graph.vertexCount)
        defer { enumeratorCache.checkIn(slot: slot) }
        return score(a, b, slot: &slot)
    }

    /// A pair's components and the constraint figures they rest on (what ``score(_:_:slot:)`` and
    /// ``exactTotal(_:_:slot:)`` share, so both give the same total to the last bit).
    private struct _Exact {
        var tied: Bool
        var adamicAdar: Double
        var withoutA: Double?, withA: Double?, withoutB: Double?, withB: Double?
        var components: SynergyComponents
    }

    private func exact(_ a: Int, _ b: Int, slot: inout [Int32]) -> _Exact {
        let pa = profiles.profiles[a], pb = profiles.profiles[b]
        let tied = a != b && graph.hasEdge(a, b)
        let aa = graph.adamicAdar(a, b)
        let toggledA = a == b ? constraint[a] : graph.constraint(of: a, toggling: b, slot: &slot)
        let toggledB = a == b ? constraint[b] : graph.constraint(of: b, toggling: a, slot: &slot)
        let withoutA = tied ? toggledA : constraint[a], withA = tied ? constraint[a] : toggledA
        let withoutB = tied ? toggledB : constraint[b], withB = tied ? constraint[b] : toggledB
        let rho = (BridgingValue.drop(without: withoutA, with: withA) + BridgingValue.drop(without: withoutB, with: withB)) / 2
        let comps = SynergyComponents(
            thematic: ThematicFit.score(pa, pb, weights: config.thematic),
            geographic: GeographicFit.score(pa, pb),
            complementarity: config.complementarity.value(pa.kind, pb.kind),
            structural: StructuralProximity.score(adamicAdar: aa),
            bridging: BridgingValue.score(crossCommunity: communities.communityOf[a] != communities.communityOf[b], constraintDrop: rho))
        return _Exact(tied: tied, adamicAdar: aa, withoutA: withoutA, withA: withA, withoutB: withoutB, withB: withB, components: comps)
    }

    /// The total of ``score(_:_:slot:)`` without its evidence and reason (for ranking many pairs).
    func exactTotal(_ a: Int, _ b: Int, slot: inout [Int32]) -> Double {
        exact(a, b, slot: &slot).components.total(config.weights)
    }

    func score(_ a: Int, _ b: Int, slot: inout [Int32]) -> PairSynergy {
        let pa = profiles.profiles[a], pb = profiles.profiles[b]
        let x = exact(a, b, slot: &slot)
        let tied = x.tied, aa = x.adamicAdar, comps = x.components
        let withoutA = x.withoutA, withA = x.withA, withoutB = x.withoutB, withB = x.withB
        let ca = communities.communityOf[a], cb = communities.communityOf[b]
        let evidence = SynergyEvidence(
            sharedSDGs: ActorProfiles.sdgs(pa.sdgMask & pb.sdgMask),
            sharedAccomplishments: ActorProfiles.accomplishments(pa.accomplishmentMask & pb.accomplishmentMask),
            sharedSectors: _SortedIDs.intersection(pa.sectors, pb.sectors).map { profiles.sectorNames[Int($0)] },
            sharedCountries: _SortedIDs.intersection(pa.countries, pb.countries).map { profiles.countryCodes[Int($0)] },
            sharedPartners: graph.sharedNeighbours(a, b), adamicAdar: aa, communityA: ca, communityB: cb,
            constraintWithoutA: withoutA, constraintWithA: withA, constraintWithoutB: withoutB, constraintWithB: withB)
        var pair = PairSynergy(a: a, b: b, tied: tied, components: comps, total: comps.total(config.weights), evidence: evidence, reason: "")
        pair.reason = SynergyReason.text(for: pair, scorer: self)
        if !tied, a != b, let st = strategy(a, b) {
            pair.strategy = st
            pair.strategyReason = strategyReason(pair, st)
        }
        return pair
    }

    /// The vertex of an actor id as outputs show it (`expert-N` for experts without consent).
    public func vertex(forPublicID id: String) -> Int? {
        guard let m = view.network.nodeIndex(forPublicID: id) else { return nil }
        let v = Int(view.vertexOfNode[m])
        return v >= 0 ? v : nil
    }

    public func name(_ v: Int) -> String { view.displayName(v, showAllNames: showAllNames) }
    public func publicID(_ v: Int) -> String { view.publicID(v, showAllNames: showAllNames) }
}

/// Builds the reason of a pair from its components, as sentences an officer would write. Every country,
/// topic and partner it names is in the pair's evidence (shared countries by the rules of
/// ``ActorProfile``, shared tags, shared partners).
public enum SynergyReason {
    /// "a school", "a government body", "a network" (a civil-society organisation with members abroad).
    static func noun(_ v: Int, scorer: SynergyScorer) -> String {
        switch scorer.view.node(v).kind {
        case .agency: "an agency"
        case .school: "a school"
        case .cso: scorer.profiles.reachesAbroad[v] ? "a network of organisations" : "a civil-society organisation"
        case .expert: "an expert"
        case .government: "a government body"
        case .other: "an actor"
        }
    }

    public static func text(for p: PairSynergy, scorer: SynergyScorer) -> String {
        var sentences: [String] = []
        let e = p.evidence
        var tags: [String] = []
        if !e.sharedSDGs.isEmpty { tags.append((e.sharedSDGs.count == 1 ? "SDG " : "SDGs ") + list(e.sharedSDGs.map(String.init), limit: 3)) }
        if !e.sharedAccomplishments.isEmpty { tags.append(list(e.sharedAccomplishments.map(\.rawValue), limit: 3)) }
        // The two actors' own countries first: "in Lao PDR" says more than "in Thailand" for two Lao actors.
        let homes = [p.a, p.b].map { scorer.profiles[$0].homeCountry }.filter { $0 >= 0 }.map { scorer.profiles.countryCodes[Int($0)] }
        let places = (e.sharedCountries.filter(homes.contains) + e.sharedCountries.filter { !homes.contains($0) }).map(Countries.name)
        let place = places.isEmpty ? "" : " in " + list(places, limit: 2)
        if !e.sharedSectors.isEmpty {
            sentences.append("Both work on " + list(e.sharedSectors, limit: 3) + (tags.isEmpty ? "" : " (" + tags.joined(separator: "; ") + ")") + place + ".")
        } else if !tags.isEmpty {
            sentences.append("Both work on " + tags.joined(separator: " and ") + place + ".")
        } else if !places.isEmpty {
            sentences.append("Both work" + place + ".")
        }
        if p.components.complementarity >= 0.7 {
            let a = noun(p.a, scorer: scorer), b = noun(p.b, scorer: scorer)
            sentences.append((a == b ? "Two actors of different kinds" : a.prefix(1).uppercased() + a.dropFirst() + " and " + b) + " complement each other.")
        }
        let k = e.sharedPartners.count
        if k > 0 {
            let names = e.sharedPartners.prefix(2).map { scorer.name($0) }
            sentences.append(k == 1 ? "They share one partner, \(names[0])." : k == 2 ? "They share 2 partners, \(names[0]) and \(names[1])."
                : "They share \(k) partners, among them \(names[0]) and \(names[1]).")
        }
        var structure: [String] = []
        if e.communityA != e.communityB { structure.append((p.tied ? "links" : "join") + " communities \(e.communityA) and \(e.communityB)") }
        let dropA = BridgingValue.drop(without: e.constraintWithoutA, with: e.constraintWithA)
        let dropB = BridgingValue.drop(without: e.constraintWithoutB, with: e.constraintWithB)
        if dropA >= 0.1, dropB >= 0.1 {
            structure.append(p.tied ? "keeps both less constrained" : "lower both actors' constraint (\(percent(dropA)), \(percent(dropB)))")
        }
        if !structure.isEmpty {
            let verbs = structure.joined(separator: " and ")
            sentences.append((p.tied ? "The tie " : "The tie would ") + verbs + ".")
        }
        return sentences.isEmpty ? "They have little in common." : sentences.joined(separator: " ")
    }

    static func percent(_ x: Double) -> String { "−\(Int((x * 100).rounded()))%" }

    static func list(_ items: [String], limit: Int) -> String {
        let shown = Array(items.prefix(limit))
        let more = items.count - shown.count
        var s: String
        switch shown.count {
        case 0: s = ""
        case 1: s = shown[0]
        default: s = shown.dropLast().joined(separator: ", ") + (more > 0 ? ", " : " and ") + shown.last!
        }
        if more > 0 { s += " and \(more) more" }
        return s
    }
}
