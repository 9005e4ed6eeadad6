/// What one actor works on and where, as the synergy, gap and expert scores see it.
///
/// **Themes** are the actor's own tags (SDGs, expected accomplishments, sectors) together with, for
/// organisations, the tags of every activity of the view they took part in. An expert's themes are the
/// roster's tags only: attending a workshop on a subject does not make one an expert in it.
///
/// **Where an actor works** (its country set) depends on its *reach* (``ActorProfiles/reachesAbroad``):
/// 1. every actor works in the country it is based in (`country`), in the host country of every activity
///    of the view it took part in (online activities have none), and, for experts, in the countries of
///    their `experience` attribute;
/// 2. an actor with reach beyond its home — an agency of `international` or `regional` scope, or a
///    *network* civil-society organisation (one whose members, the sources of `membership` ties to it,
///    are based in at least two countries: NAPSIPAG, EROPA, IASIA) — also works in the home country of
///    every *national* actor it has a recorded tie with in the view (any kind but co-participation).
///    National actors are government bodies, schools, other civil-society organisations, agencies of
///    national or local scope (or none given), and actors of kind `other`; experts are not counted (an
///    expert's home says where the expert works, not where the partner does).
///
/// A national actor does not work where its partners or donors sit: a Nepali ministry tied to an office
/// in Seoul works in Nepal. ``ActorProfiles/workBases(of:in:)`` gives, per country, why.
public struct ActorProfile: Sendable, Equatable {
    public var kind: NodeKind
    /// Bit `k` set for SDG `k` (1...17).
    public var sdgMask: UInt32
    /// Bit 0 EA1, bit 1 EA2, bit 2 EA3.
    public var accomplishmentMask: UInt8
    /// Sector ids (positions in ``ActorProfiles/sectorNames``), ascending.
    public var sectors: [Int32]
    /// Country ids (positions in ``ActorProfiles/countryCodes``), ascending: where the actor works.
    public var countries: [Int32]
    /// Id of the country the actor is based in, or -1.
    public var homeCountry: Int32

    /// Whether the actor works on an expected accomplishment.
    public func has(_ a: Accomplishment) -> Bool { accomplishmentMask & ActorProfile.bit(a) != 0 }

    static func bit(_ a: Accomplishment) -> UInt8 {
        switch a {
        case .ea1: 1
        case .ea2: 2
        case .ea3: 4
        }
    }
}

/// The profiles of every actor of a view, with the vocabularies their ids index.
public struct ActorProfiles: Sendable {
    public let profiles: [ActorProfile]
    /// Per vertex: whether the actor works beyond its home (international or regional agency, network CSO).
    public let reachesAbroad: [Bool]
    /// Sector names in order of first appearance (nodes, then activities).
    public let sectorNames: [String]
    /// ISO alpha-3 codes in order of first appearance.
    public let countryCodes: [String]
    public let sectorID: [String: Int32]
    /// Per sector id, how many actors of the view work on it.
    public let sectorHolders: [Int]
    public let countryID: [String: Int32]

    /// Builds the profiles of `view`'s actors (see ``ActorProfile`` for the rules).
    ///
    /// - Complexity: O(V + T + P) for T ties and P participations of the view, plus sorting each set.
    public init(view: NetworkView) {
        let network = view.network
        var sectorNames: [String] = [], countryCodes: [String] = []
        var sectorID: [String: Int32] = [:], countryID: [String: Int32] = [:]
        func sid(_ s: String) -> Int32 {
            if let i = sectorID[s] { return i }
            sectorID[s] = Int32(sectorNames.count)
            sectorNames.append(s)
            return Int32(sectorNames.count - 1)
        }
        func cid(_ c: String) -> Int32 {
            let c = c.uppercased()
            if let i = countryID[c] { return i }
            countryID[c] = Int32(countryCodes.count)
            countryCodes.append(c)
            return Int32(countryCodes.count - 1)
        }
        let n = view.vertexCount
        var sdg = [UInt32](repeating: 0, count: n)
        var ea = [UInt8](repeating: 0, count: n)
        var sectors = [[Int32]](repeating: [], count: n)
        var countries = [[Int32]](repeating: [], count: n)
        var home = [Int32](repeating: -1, count: n)
        for v in 0..<n {
            let node = view.node(v)
            for s in node.sdgs where (1...31).contains(s) { sdg[v] |= 1 << UInt32(s) }
            for a in node.accomplishments { ea[v] |= ActorProfile.bit(a) }
            sectors[v] = node.sectors.map { sid($0.lowercased()) }
            if let c = node.country, !c.isEmpty {
                home[v] = cid(c)
                countries[v].append(home[v])
            }
            if node.kind == .expert, let exp = node.attribute("experience") {
                for code in exp.split(separator: ";") {
                    let t = code.trimmingCharacters(in: .whitespaces)
                    if !t.isEmpty { countries[v].append(cid(t)) }
                }
            }
        }
        // Activities of the view and their participants.
        var inView = [Bool](repeating: false, count: network.activities.count)
        for a in view.activities { inView[a] = true }
        for p in network.participation {
            guard let a = network.activityIndex[p.activity], inView[a], let m = network.nodeIndex[p.node] else { continue }
            let v = Int(view.vertexOfNode[m])
            guard v >= 0 else { continue }
            let act = network.activities[a]
            if let c = act.country, !c.isEmpty { countries[v].append(cid(c)) }
            guard view.node(v).kind != .expert else { continue }
            for s in act.sdgs where (1...31).contains(s) { sdg[v] |= 1 << UInt32(s) }
            for x in act.accomplishments { ea[v] |= ActorProfile.bit(x) }
            for s in act.sectors { sectors[v].append(sid(s.lowercased())) }
        }
        // Reach: international or regional agencies, and network CSOs (members in two countries or more).
        let reach = Self.reach(view: view, home: home)
        // Home countries of national partners of actors with reach (recorded ties only).
        for t in view.ties where t.modelTie != nil {
            let s = Int(t.source), d = Int(t.target)
            if reach[s], !reach[d], home[d] >= 0, view.node(d).kind != .expert { countries[s].append(home[d]) }
            if reach[d], !reach[s], home[s] >= 0, view.node(s).kind != .expert { countries[d].append(home[s]) }
        }
        var profiles: [ActorProfile] = []
        profiles.reserveCapacity(n)
        for v in 0..<n {
            profiles.append(ActorProfile(
                kind: view.node(v).kind, sdgMask: sdg[v], accomplishmentMask: ea[v],
                sectors: Array(Set(sectors[v])).sorted(), countries: Array(Set(countries[v])).sorted(), homeCountry: home[v]))
        }
        self.profiles = profiles
        self.reachesAbroad = reach
        var holders = [Int](repeating: 0, count: sectorNames.count)
        for p in profiles { for s in p.sectors { holders[Int(s)] += 1 } }
        self.sectorHolders = holders
        self.sectorNames = sectorNames
        self.countryCodes = countryCodes
        self.sectorID = sectorID
        self.countryID = countryID
    }

    public subscript(v: Int) -> ActorProfile { profiles[v] }

    /// Which actors of `view` reach beyond their home: agencies of international or regional scope, and
    /// civil-society organisations whose members (sources of `membership` ties to them) are based in at
    /// least two countries.
    static func reach(view: NetworkView, home: [Int32]) -> [Bool] {
        let n = view.vertexCount
        var reach = [Bool](repeating: false, count: n)
        for v in 0..<n {
            let node = view.node(v)
            if node.kind == .agency, node.scope == .international || node.scope == .regional { reach[v] = true }
        }
        var memberCountries = [Set<Int32>](repeating: [], count: n)
        for t in view.ties where t.kind == "membership" && t.modelTie != nil {
            let member = Int(t.source), group = Int(t.target)
            guard view.node(group).kind == .cso, home[member] >= 0, view.node(member).kind != .expert else { continue }
            memberCountries[group].insert(home[member])
        }
        for v in 0..<n where memberCountries[v].count >= 2 { reach[v] = true }
        return reach
    }

    /// Why the actor at vertex `v` works in each of its countries, in the order of ``ActorProfile/countries``
    /// (the rules of ``ActorProfile``). Recomputed from the view on each call.
    ///
    /// - Complexity: O(T + P) for the view's T ties and the network's P participations.
    public func workBases(of v: Int, in view: NetworkView) -> [CountryWorkBasis] {
        let network = view.network
        var bases: [String: [WorkBasis]] = [:]
        func add(_ c: String, _ b: WorkBasis) {
            let c = c.uppercased()
            if !(bases[c]?.contains(b) ?? false) { bases[c, default: []].append(b) }
        }
        let node = view.node(v)
        if let c = node.country, !c.isEmpty { add(c, .home) }
        if node.kind == .expert, let exp = node.attribute("experience") {
            for code in exp.split(separator: ";") {
                let t = code.trimmingCharacters(in: .whitespaces)
                if !t.isEmpty { add(t, .experience) }
            }
        }
        var inView = [Bool](repeating: false, count: network.activities.count)
        for a in view.activities { inView[a] = true }
        let modelNode = view.nodes[v]
        for p in network.participation {
            guard let a = network.activityIndex[p.activity], inView[a], network.nodeIndex[p.node] == modelNode else { continue }
            if let c = network.activities[a].country, !c.isEmpty { add(c, .activity(a)) }
        }
        if reachesAbroad[v] {
            for t in view.ties where t.modelTie != nil && (Int(t.source) == v || Int(t.target) == v) {
                let w = Int(t.source) == v ? Int(t.target) : Int(t.source)
                guard w != v, !reachesAbroad[w], profiles[w].homeCountry >= 0, view.node(w).kind != .expert else { continue }
                add(countryCodes[Int(profiles[w].homeCountry)], .tie(partner: w, kind: t.kind))
            }
        }
        return profiles[v].countries.map { c in
            let code = countryCodes[Int(c)]
            return CountryWorkBasis(country: code, bases: bases[code] ?? [])
        }
    }

    /// The SDG numbers of a mask, ascending.
    public static func sdgs(_ mask: UInt32) -> [Int] { (1...31).filter { mask & (1 << UInt32($0)) != 0 } }

    /// The accomplishments of a mask, ascending.
    public static func accomplishments(_ mask: UInt8) -> [Accomplishment] {
        Accomplishment.allCases.filter { mask & ActorProfile.bit($0) != 0 }
    }
}

/// One reason an actor works in a country.
public enum WorkBasis: Sendable, Equatable {
    /// The actor is based there.
    case home
    /// The actor took part in this activity (index into ``Network/activities``), hosted there.
    case activity(Int)
    /// An expert whose `experience` lists the country.
    case experience
    /// An actor with reach beyond its home has a recorded tie of this kind with a national actor (view
    /// vertex) based there.
    case tie(partner: Int, kind: String)
}

/// Why an actor works in one country.
public struct CountryWorkBasis: Sendable, Equatable {
    /// ISO alpha-3 code.
    public var country: String
    public var bases: [WorkBasis]
}

/// Sorted-set helpers for profile id lists.
enum _SortedIDs {
    /// Size of the intersection of two ascending arrays.
    static func intersectionCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, k = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { k += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return k
    }

    static func intersection(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var i = 0, j = 0
        var out: [Int32] = []
        while i < a.count, j < b.count {
            if a[i] == b[j] { out.append(a[i]); i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return out
    }
}
