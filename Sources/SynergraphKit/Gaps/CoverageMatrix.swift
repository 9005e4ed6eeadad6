/// Who covers each target country for each accomplishment and each sector.
///
/// A cell (country C, topic X) counts, among the *engaged* actors of the view (``Engagement``):
/// - **organisations**: distinct partner organisations (agencies, schools, civil-society
///   organisations; not government bodies, who are the beneficiaries, see ``MissingKinds``, and not the
///   office itself) that work in C and work on X;
/// - **experts**: distinct experts who work in C (based there, or C in their `experience`, or an
///   activity there) and list X.
///
/// "Works in" and "works on" are those of ``ActorProfile``. Organisations of the register that would
/// count but are not engaged are listed apart (``Cell/unengagedOrganisations``): they are named in the
/// gap and offered first as its fillers. A cell with 0 organisations is a gap, one with 1 is thin.
///
/// Every accomplishment is in the office's mandate, so every (country, accomplishment) cell with no
/// organisation is a gap. A sector is *demanded* in a country when a government body based there works
/// on it or an activity hosted there is tagged with it; only demanded sectors are reported as gaps
/// (the office works where it is asked to).
public struct CoverageMatrix: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var country: String
        /// "EA1".."EA3" or a sector name.
        public var topic: String
        public var isAccomplishment: Bool
        /// Public ids of the engaged organisations counted.
        public var organisations: [String]
        public var experts: [String]
        /// Public ids of organisations that would count but are not engaged.
        public var unengagedOrganisations: [String] = []
        /// For sectors: whether the country asks for it (always true for accomplishments).
        public var demanded: Bool

        /// "gap" (0 organisations), "thin" (1) or "ok".
        public var status: String { organisations.isEmpty ? "gap" : organisations.count == 1 ? "thin" : "ok" }
    }

    public var countries: [String]
    public var accomplishments: [String]
    public var sectors: [String]
    /// Row-major: for each country, the accomplishments then the sectors.
    public var cells: [Cell]

    /// The matrix of `countries`, counting every actor of the view as engaged (no as-of day).
    public init(scorer: SynergyScorer, countries: [String]) {
        self.init(context: GapContext(scorer: scorer, targets: countries, asOf: nil, fillers: false))
    }

    public init(context: GapContext) {
        let scorer = context.scorer
        let countries = context.targets
        let engaged = context.engagement.engaged
        let hub = context.hub
        let p = scorer.profiles
        let view = scorer.view
        self.countries = countries
        accomplishments = Accomplishment.allCases.map(\.rawValue)
        sectors = p.sectorNames.sorted()
        var cells: [Cell] = []
        // Demand: sectors of the country's government bodies and of activities hosted there.
        var demand: [String: Set<String>] = [:]
        for v in 0..<view.vertexCount where p[v].kind == .government && p[v].homeCountry >= 0 {
            let c = p.countryCodes[Int(p[v].homeCountry)]
            for s in p[v].sectors { demand[c, default: []].insert(p.sectorNames[Int(s)]) }
        }
        for a in view.activities {
            let act = view.network.activities[a]
            if let c = act.country { for s in act.sectors { demand[c.uppercased(), default: []].insert(s.lowercased()) } }
        }
        for c in countries {
            let cid = p.countryID[c] ?? -1
            let here = (0..<view.vertexCount).filter { cid >= 0 && _SortedIDs.intersectionCount(p[$0].countries, [cid]) > 0 }
            let allOrgs = here.filter { _GapSupport.isOrganisation(p[$0].kind) && $0 != hub }
            let orgs = allOrgs.filter { engaged[$0] }
            let idle = allOrgs.filter { !engaged[$0] }
            let experts = here.filter { p[$0].kind == .expert && engaged[$0] }
            for a in Accomplishment.allCases {
                cells.append(Cell(country: c, topic: a.rawValue, isAccomplishment: true,
                                  organisations: orgs.filter { p[$0].has(a) }.map(scorer.publicID),
                                  experts: experts.filter { p[$0].has(a) }.map(scorer.publicID),
                                  unengagedOrganisations: idle.filter { p[$0].has(a) }.map(scorer.publicID), demanded: true))
            }
            for s in sectors {
                let sid = p.sectorID[s]!
                cells.append(Cell(country: c, topic: s, isAccomplishment: false,
                                  organisations: orgs.filter { p[$0].sectors.contains(sid) }.map(scorer.publicID),
                                  experts: experts.filter { p[$0].sectors.contains(sid) }.map(scorer.publicID),
                                  unengagedOrganisations: idle.filter { p[$0].sectors.contains(sid) }.map(scorer.publicID),
                                  demanded: demand[c]?.contains(s) ?? false))
            }
        }
        self.cells = cells
    }

    /// The cell of a country and topic.
    public func cell(_ country: String, _ topic: String) -> Cell? {
        cells.first { $0.country == country && $0.topic == topic }
    }

    /// Gaps: cells with no organisation (accomplishments always; sectors when demanded).
    /// Severity 0.85 for an accomplishment, 0.60 for a sector.
    func gaps(_ context: GapContext) -> [Gap] {
        let scorer = context.scorer
        var out: [Gap] = []
        let p = scorer.profiles
        for cell in cells where cell.organisations.isEmpty && cell.demanded {
            let c = cell.country
            let cid = p.countryID[c] ?? -1
            let topicTest: @Sendable (ActorProfile) -> Bool
            if cell.isAccomplishment {
                let a = Accomplishment(rawValue: cell.topic)!
                topicTest = { $0.has(a) }
            } else {
                let sid = p.sectorID[cell.topic] ?? -1
                topicTest = { $0.sectors.contains(sid) }
            }
            let profiles = p.profiles
            let idle = cell.unengagedOrganisations.compactMap(scorer.vertex(forPublicID:))
            let fillers = context.fillers(GapKey(.coverage, c, cell.topic), unengaged: idle) { u, v in
                func org(_ x: Int) -> Bool { _GapSupport.isOrganisation(profiles[x].kind) && topicTest(profiles[x]) }
                func local(_ x: Int) -> Bool { cid >= 0 && profiles[x].homeCountry == cid }
                return (org(u) && local(v)) || (org(v) && local(u))
            }
            let what = cell.topic
            let experts = "\(cell.experts.count) engaged expert\(cell.experts.count == 1 ? " works" : "s work") on \(what) in \(Countries.name(c))"
            var detail = cell.isAccomplishment ? experts + "." : "Asked for there (a government body based there or an activity hosted there works on it); " + experts + "."
            if !idle.isEmpty { detail += " " + context.unengagedNote(idle) + "." }
            out.append(Gap(
                category: .coverage, severity: cell.isAccomplishment ? 0.85 : 0.60, country: c, subject: cell.topic,
                title: "no engaged partner organisation works on \(what) in \(Countries.name(c))",
                detail: detail, actors: [], fillers: fillers, unengaged: cell.unengagedOrganisations))
        }
        return out
    }
}
