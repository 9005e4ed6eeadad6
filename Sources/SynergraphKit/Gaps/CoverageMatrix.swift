/// Who covers each target country for each accomplishment and each sector.
///
/// A cell (country C, topic X) counts, among the actors of the view:
/// - **organisations**: distinct partner organisations (agencies, schools, civil-society
///   organisations; not government bodies, who are the beneficiaries, see ``MissingKinds``) that work in
///   C and work on X;
/// - **experts**: distinct experts who work in C (based there, or C in their `experience`, or an
///   activity there) and list X.
///
/// "Works in" and "works on" are those of ``ActorProfile``. With a date window only the actors active
/// in the window are in the view, so the counts are of *active* partners. A cell with 0 organisations is a
/// gap, one with 1 is thin.
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
        public var organisations: [String]
        public var experts: [String]
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

    public init(scorer: SynergyScorer, countries: [String]) {
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
            let orgs = here.filter { _GapSupport.isOrganisation(p[$0].kind) }
            let experts = here.filter { p[$0].kind == .expert }
            for a in Accomplishment.allCases {
                cells.append(Cell(country: c, topic: a.rawValue, isAccomplishment: true,
                                  organisations: orgs.filter { p[$0].has(a) }.map(scorer.publicID),
                                  experts: experts.filter { p[$0].has(a) }.map(scorer.publicID), demanded: true))
            }
            for s in sectors {
                let sid = p.sectorID[s]!
                cells.append(Cell(country: c, topic: s, isAccomplishment: false,
                                  organisations: orgs.filter { p[$0].sectors.contains(sid) }.map(scorer.publicID),
                                  experts: experts.filter { p[$0].sectors.contains(sid) }.map(scorer.publicID),
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
    func gaps(scorer: SynergyScorer) -> [Gap] {
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
            let fillers = _GapSupport.introductions(scorer) { u, v in
                func org(_ x: Int) -> Bool { _GapSupport.isOrganisation(profiles[x].kind) && topicTest(profiles[x]) }
                func local(_ x: Int) -> Bool { cid >= 0 && profiles[x].homeCountry == cid }
                return (org(u) && local(v)) || (org(v) && local(u))
            }
            let what = cell.isAccomplishment ? cell.topic : "\(cell.topic)"
            out.append(Gap(
                category: .coverage, severity: cell.isAccomplishment ? 0.85 : 0.60, country: c, subject: cell.topic,
                title: "no partner organisation works on \(what) in \(Countries.name(c))",
                detail: cell.isAccomplishment
                    ? "\(cell.experts.count) expert\(cell.experts.count == 1 ? "" : "s") with \(what) work in \(Countries.name(c))"
                    : "demanded there (a government body or an activity there works on it); \(cell.experts.count) expert\(cell.experts.count == 1 ? "" : "s") available",
                actors: [], fillers: fillers))
        }
        return out
    }
}
