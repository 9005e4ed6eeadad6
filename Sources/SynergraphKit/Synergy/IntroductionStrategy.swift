/// The two kinds of introduction an officer makes.
///
/// - **Closure** (triadic closure): two actors that should obviously be working together and are not.
///   An untied pair is a closure pair when its kinds complement each other (complementarity ≥ 0.7),
///   both list or worked on at least one common sector, and they are either based in the same country or
///   share at least two partners other than the office's hub.
/// - **Bridging** (structural holes): an untied pair that is not a closure pair and joins different
///   communities, different home countries or different kinds; its bridging component (communities
///   joined, Burt's constraint lowered) says how much the tie would open the network up.
///
/// An untied pair of the same kind, country and community that is not a closure pair is neither, and is
/// not recommended. Each strategy ranks its pairs by latent synergy (``SynergyScorer``); `synergy
/// --strategy both` lists the top of each.
///
/// - Reference: M. S. Granovetter, "The strength of weak ties", American Journal of Sociology
///   78(6):1360–1380, 1973 (closure of triads); R. S. Burt, *Structural Holes*, Harvard University
///   Press, 1992 (bridging).
public enum IntroductionStrategy: String, Sendable, CaseIterable {
    case closure, bridging
}

extension SynergyScorer {
    /// Minimum complementarity for a closure pair.
    static let closureComplementarity = 0.7

    /// The partners `u` and `v` share, other than the hub.
    func sharedPartnersBesidesHub(_ u: Int, _ v: Int) -> [Int] {
        graph.sharedNeighbours(u, v).filter { $0 != hub }
    }

    /// The strategy of an untied pair (see ``IntroductionStrategy``), nil when it is neither.
    ///
    /// - Complexity: O(deg u + deg v + sectors).
    public func strategy(_ u: Int, _ v: Int) -> IntroductionStrategy? {
        let pu = profiles.profiles[u], pv = profiles.profiles[v]
        let complementary = config.complementarity.value(pu.kind, pv.kind) >= Self.closureComplementarity
        let sameCountry = pu.homeCountry >= 0 && pu.homeCountry == pv.homeCountry
        if complementary, _SortedIDs.intersectionCount(pu.sectors, pv.sectors) > 0,
           sameCountry || sharedPartnersBesidesHub(u, v).count >= 2 {
            return .closure
        }
        if communities.communityOf[u] != communities.communityOf[v] || !sameCountry || pu.kind != pv.kind { return .bridging }
        return nil
    }

    /// Why a pair is of its strategy, as a sentence that adds to the pair's reason.
    func strategyReason(_ p: PairSynergy, _ s: IntroductionStrategy) -> String {
        let pa = profiles[p.a], pb = profiles[p.b]
        func country(_ c: Int32) -> String { Countries.name(profiles.countryCodes[Int(c)]) }
        switch s {
        case .closure:
            var parts: [String] = []
            if pa.homeCountry >= 0, pa.homeCountry == pb.homeCountry { parts.append("both are based in \(country(pa.homeCountry))") }
            let shared = sharedPartnersBesidesHub(p.a, p.b)
            if shared.count >= 2 { parts.append("they have \(shared.count) partners in common besides the office") }
            // The rarest shared sector: the niche they have in common.
            let sectors = _SortedIDs.intersection(pa.sectors, pb.sectors).sorted {
                profiles.sectorHolders[Int($0)] != profiles.sectorHolders[Int($1)] ? profiles.sectorHolders[Int($0)] < profiles.sectorHolders[Int($1)] : $0 < $1
            }
            var text = "Closure: " + parts.joined(separator: " and ") + ", yet they have no tie"
            if let niche = sectors.first {
                let n = profiles.sectorHolders[Int(niche)]
                text += "; their rarest common topic is \(profiles.sectorNames[Int(niche)]) (\(n) actor\(n == 1 ? "" : "s") of the view work\(n == 1 ? "s" : "") on it)"
            }
            return text + "."
        case .bridging:
            var across: [String] = []
            if p.evidence.communityA != p.evidence.communityB { across.append("communities") }
            if pa.homeCountry >= 0, pb.homeCountry >= 0, pa.homeCountry != pb.homeCountry {
                across.append("countries (\(country(pa.homeCountry)) – \(country(pb.homeCountry)))")
            }
            if pa.kind != pb.kind { across.append("kinds") }
            return "Bridging: across " + SynergyReason.list(across, limit: 3) + "."
        }
    }

    /// The best untied pairs of one strategy (see ``recommendedIntroductions(count:for:threads:where:)``).
    public func recommendedIntroductions(count: Int, strategy: IntroductionStrategy, for actor: Int? = nil,
                                         threads: Int = defaultMetricThreadCount,
                                         where filter: (@Sendable (Int, Int) -> Bool)? = nil) -> IntroductionList {
        let me = self
        return recommendedIntroductions(count: count, for: actor, threads: threads) { u, v in
            (filter?(u, v) ?? true) && me.strategy(u, v) == strategy
        }
    }
}

/// Which strategies a list of introductions covers: `closure`, `bridging` or `both`.
public enum IntroductionStrategyChoice: String, Sendable, CaseIterable {
    case closure, bridging, both

    public var strategies: [IntroductionStrategy] {
        switch self {
        case .closure: [.closure]
        case .bridging: [.bridging]
        case .both: [.closure, .bridging]
        }
    }
}

extension SynergyScorer {
    /// The best `count` introductions of each strategy, closure first, each with what it would change
    /// among the gaps of `effects` (when given).
    public func introductions(count: Int, strategies: IntroductionStrategyChoice = .both, for actor: Int? = nil,
                              threads: Int = defaultMetricThreadCount, effects: IntroductionEffects? = nil) -> IntroductionList {
        var pairs: [PairSynergy] = []
        var search: IntroductionSearch? = nil
        for st in strategies.strategies {
            let list = recommendedIntroductions(count: count, strategy: st, for: actor, threads: threads)
            pairs += list.introductions
            if var s = search {
                s.candidatePairs += list.search.candidatePairs
                s.exactlyScored += list.search.exactlyScored
                search = s
            } else {
                search = list.search
            }
        }
        if let effects {
            for i in pairs.indices { pairs[i].wouldChange = effects.of(pairs[i].a, pairs[i].b) }
        }
        return IntroductionList(introductions: pairs, search: search ?? IntroductionSearch(strategy: "exhaustive", candidatePairs: 0, exactlyScored: 0))
    }
}
