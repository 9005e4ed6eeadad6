/// What kind of gap a ``Gap`` is.
public enum GapCategory: String, Sendable, CaseIterable, Codable {
    /// A target country reached only through one actor.
    case singleBroker = "single-broker"
    /// A target country without a partner of a kind (school, CSO, government counterpart, regional agency).
    case missingKind = "missing-kind"
    /// A target country without a government counterpart for an expected accomplishment.
    case missingCounterpart = "missing-counterpart"
    /// No partner organisation works on an accomplishment or a (demanded) sector in a target country.
    case coverage
    /// An actor whose loss cuts actors off from the rest of the network.
    case broker
    /// A tie whose loss splits the network into two parts of two actors or more.
    case bridge
    /// No expert lists an accomplishment or a sector the network works on.
    case expertTopic = "expert-topic"
    /// A partner with no tie or activity lately.
    case dormant
    /// An actor with no tie and no activity.
    case isolated
    /// An expert with no affiliation tie.
    case unaffiliatedExpert = "unaffiliated-expert"
}

/// A candidate filler of a gap: an introduction (two actors) or one actor, with its synergy score.
public struct GapFiller: Sendable, Equatable {
    /// Public id and name of the actor proposed.
    public var id: String
    public var name: String
    /// The actor to introduce it to, if the filler is an introduction.
    public var partnerID: String?
    public var partnerName: String?
    /// Latent synergy of the introduction (or the score that ranked a single actor), in [0, 1].
    public var score: Double
    public var reason: String
    /// What the introduction would change among the report's gaps if the tie existed (``IntroductionEffects``).
    public var wouldChange: [IntroductionEffect] = []
}

/// One gap in the network, with how severe it is and who could fill it.
public struct Gap: Sendable, Equatable {
    public var category: GapCategory
    /// In [0, 1]; the rule per category is in Docs/synergy-and-gaps.md.
    public var severity: Double
    /// ISO alpha-3 code of the target country concerned, if any.
    public var country: String?
    /// What is missing or at risk: a kind, an accomplishment, a sector, or an actor's public id.
    public var subject: String
    /// One line for outreach staff ("Timor-Leste has no school of public administration").
    public var title: String
    /// What the gap rests on ("its loss cuts off 9 actors: …").
    public var detail: String
    /// Public ids of the actors the gap is about (the broker, the actors it cuts off, ...).
    public var actors: [String]
    /// Up to three candidate fillers, best first (registered but unengaged actors first).
    public var fillers: [GapFiller]
    /// For `dormant` gaps: `lapsed` or `quiet` (``DormancyKind``); nil otherwise.
    public var dormancy: DormancyKind? = nil
    /// Public ids of registered actors that would fill the gap but are not engaged (``Engagement``).
    public var unengaged: [String] = []
}

/// What identifies a gap in a report: its category, country and subject.
public struct GapKey: Hashable, Sendable {
    public var category: GapCategory
    public var country: String?
    public var subject: String

    public init(_ category: GapCategory, _ country: String?, _ subject: String) {
        self.category = category
        self.country = country
        self.subject = subject
    }
}

extension Gap {
    public var key: GapKey { GapKey(category, country, subject) }
}

/// Why a partner is dormant.
public enum DormancyKind: String, Sendable, CaseIterable, Codable {
    /// Every recorded tie has ended and nothing happened since.
    case lapsed
    /// Open ties, but no tie started or ended and no activity in the last four quarters.
    case quiet
}

/// Every gap of a network, most severe first, with the coverage matrix they come from.
///
/// The gaps are those of ``CoverageMatrix``, ``MissingKinds``, ``StructuralGaps``, ``DormantPartners``
/// and ``ExpertGaps``; each comes with up to three fillers from the ``SynergyScorer``.
public struct GapReport: Sendable {
    public var network: String
    /// The view's description ("whole network", a date window, ...).
    public var view: String
    public var targetCountries: [String]
    /// The as-of day the dormancy check used, and the first day of its look-back window.
    public var asOf: Day?
    public var activeSince: Day?
    public var coverage: CoverageMatrix
    public var gaps: [Gap]
    /// Things the report could not check, or inputs it had to interpret.
    public var warnings: [String]
    /// What the gap finders shared (engagement, targets, hub).
    public let context: GapContext

    /// Builds the report.
    ///
    /// - Parameters:
    ///   - countries: target countries (ISO alpha-3); nil for the manifest's.
    ///   - asOf: the day dormancy is judged on; nil for the manifest's `as_of`.
    ///   - fillers: whether gaps get fillers.
    ///   - fillersForTop: only the `k` most severe gaps get fillers (`synergraph analyze` shows five): the
    ///     gaps are found once without fillers, then again with fillers for those gaps only. Fillers are
    ///     most of a large report's time (one introduction search per gap: 35,000 on a 100,000-actor roster).
    ///   - progress: stages of the report (gap finders, then fillers) for a progress line.
    public init(scorer: SynergyScorer, countries: [String]? = nil, asOf: Day? = nil, minimumCutOff: Int = 2, fillers: Bool = true,
                fillersForTop: Int? = nil, progress: WorkProgress? = nil) {
        var wanted: Set<GapKey>? = nil
        if fillers, let k = fillersForTop {
            let plain = GapReport(scorer: scorer, countries: countries, asOf: asOf, minimumCutOff: minimumCutOff, fillers: false, progress: progress)
            wanted = Set(plain.gaps.prefix(k).map(\.key))
        }
        let view = scorer.view
        let network = view.network
        let day = asOf ?? network.manifest.asOf
        var warnings: [String] = []
        let targets = (countries ?? network.manifest.targetCountries).map { $0.uppercased() }
        if targets.isEmpty {
            warnings.append("the network names no target countries (manifest target_countries) and none were given with --countries: country gaps are not checked")
        }
        for c in targets where scorer.profiles.countryID[c] == nil {
            warnings.append("no actor of the network is based in or works in \(Countries.name(c)) (\(c)): every country gap is reported for it")
        }
        self.network = network.manifest.name
        self.view = view.filter.summary
        self.targetCountries = targets
        // The fillers' searches are steps of the report's stages, not stages of their own.
        var quiet = scorer
        quiet.progress = nil
        var context = GapContext(scorer: quiet, targets: targets, asOf: day, minimumCutOff: minimumCutOff, fillers: fillers)
        context.fillersFor = wanted
        progress?.start(fillers ? "gaps and their fillers" : "gaps", total: 5)
        self.context = context
        let coverage = CoverageMatrix(context: context)
        self.coverage = coverage
        var gaps: [Gap] = []
        gaps += coverage.gaps(context)
        progress?.advance()
        gaps += MissingKinds(context).gaps
        progress?.advance()
        gaps += StructuralGaps(context).gaps
        progress?.advance()
        if let day {
            let dormant = DormantPartners(context, asOf: day)
            self.asOf = day
            self.activeSince = dormant.since
            gaps += dormant.gaps
        } else {
            self.asOf = nil
            self.activeSince = nil
            warnings.append("the network has no as_of date and none was given with --as-of: dormant partners are not checked")
        }
        progress?.advance()
        gaps += ExpertGaps(context).gaps
        progress?.advance()
        gaps.sort { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            let ca = GapCategory.allCases.firstIndex(of: a.category)!, cb = GapCategory.allCases.firstIndex(of: b.category)!
            if ca != cb { return ca < cb }
            if (a.country ?? "") != (b.country ?? "") { return (a.country ?? "") < (b.country ?? "") }
            return a.subject < b.subject
        }
        self.gaps = gaps
        self.warnings = warnings
        if fillers {
            let effects = IntroductionEffects(report: self)
            for i in self.gaps.indices {
                for j in self.gaps[i].fillers.indices {
                    let f = self.gaps[i].fillers[j]
                    guard let pid = f.partnerID, let u = scorer.vertex(forPublicID: f.id), let v = scorer.vertex(forPublicID: pid) else { continue }
                    self.gaps[i].fillers[j].wouldChange = effects.of(u, v)
                }
            }
        }
    }
}

/// What every gap finder of a report shares.
public struct GapContext: Sendable {
    public let scorer: SynergyScorer
    /// Target countries (ISO alpha-3, upper case).
    public let targets: [String]
    public let engagement: Engagement
    /// The office's vertex (the manifest's `hub`), if in the view.
    public let hub: Int?
    public let minimumCutOff: Int
    /// Whether gaps get fillers (off when only the gaps themselves are wanted).
    public let withFillers: Bool
    /// The gaps that get fillers; nil for all.
    public internal(set) var fillersFor: Set<GapKey>? = nil

    /// Whether the gap `key` gets fillers.
    func wantsFillers(_ key: GapKey) -> Bool { withFillers && (fillersFor?.contains(key) ?? true) }

    public init(scorer: SynergyScorer, targets: [String], asOf: Day?, minimumCutOff: Int = 2, fillers: Bool = true) {
        self.scorer = scorer
        self.targets = targets
        self.engagement = Engagement(view: scorer.view, asOf: asOf)
        self.hub = scorer.view.network.manifest.hub.flatMap { scorer.vertex(forPublicID: $0) }
        self.minimumCutOff = minimumCutOff
        self.withFillers = fillers
    }

    /// Fillers for actors of the register that are not engaged: each one's best introduction to an
    /// engaged actor, said as such.
    func reengage(_ actors: [Int], limit: Int = 3) -> [GapFiller] {
        guard withFillers else { return [] }
        let engaged = engagement.engaged
        return actors.prefix(limit).map { x in
            let best = scorer.recommendedIntroductions(count: 1, for: x, everyPartner: false, where: { _, v in engaged[v] }).introductions.first
            let note = "\(scorer.name(x)) is in the register but not engaged"
            guard let p = best else {
                return GapFiller(id: scorer.publicID(x), name: scorer.name(x), partnerID: nil, partnerName: nil, score: 0,
                                 reason: note + "; contact it again.")
            }
            return GapFiller(id: scorer.publicID(p.a), name: scorer.name(p.a), partnerID: scorer.publicID(p.b), partnerName: scorer.name(p.b),
                             score: p.total, reason: note + ". " + p.reason)
        }
    }

    /// Introductions among the pairs `filter` accepts, after the unengaged fillers, up to three in all.
    func fillers(_ key: GapKey, unengaged: [Int] = [], for actor: Int? = nil, where filter: @escaping @Sendable (Int, Int) -> Bool) -> [GapFiller] {
        guard wantsFillers(key) else { return [] }
        var out = reengage(unengaged)
        if out.count < 3 {
            // Not the same introduction twice (an unengaged actor's best partner may also be a plain filler).
            let taken = Set(out.map { [$0.id, $0.partnerID ?? ""].sorted().joined(separator: "|") })
            let more = _GapSupport.introductions(scorer, count: 3, for: actor, where: filter)
                .filter { !taken.contains([$0.id, $0.partnerID ?? ""].sorted().joined(separator: "|")) }
            out += more.prefix(3 - out.count)
        }
        return out
    }

    /// "X is in the register but not engaged", or "X and Y are in the register but not engaged".
    func unengagedNote(_ actors: [Int]) -> String {
        "\(_GapSupport.names(scorer, actors, limit: 4)) \(actors.count == 1 ? "is" : "are") in the register but not engaged"
    }
}

/// Shared helpers for building gaps and their fillers.
enum _GapSupport {
    /// Up to `count` introductions among the pairs `filter` accepts, as fillers.
    static func introductions(_ scorer: SynergyScorer, count: Int = 3, for actor: Int? = nil,
                              where filter: @escaping @Sendable (Int, Int) -> Bool) -> [GapFiller] {
        let list = scorer.recommendedIntroductions(count: count, for: actor, everyPartner: false, where: filter)
        return list.introductions.map { p in
            GapFiller(id: scorer.publicID(p.a), name: scorer.name(p.a), partnerID: scorer.publicID(p.b), partnerName: scorer.name(p.b),
                      score: p.total, reason: p.reason)
        }
    }

    /// "A, B, C and 6 more".
    static func names(_ scorer: SynergyScorer, _ vertices: [Int], limit: Int = 10) -> String {
        SynergyReason.list(vertices.map { scorer.name($0) }, limit: limit)
    }

    static func isOrganisation(_ k: NodeKind) -> Bool { k != .expert && k != .government }
}
