/// Gaps in the expert roster.
///
/// - **Topic without an expert** (severity 0.75): an accomplishment, or a sector some organisation or
///   activity of the view works on, that no expert of the view lists (experts' own tags). Fillers: the
///   organisations whose register entry lists it, ranked by their synergy with the hub, who could
///   nominate an expert; then, only if fewer than three list it, organisations that took part in an
///   activity tagged with it (said so: "took part in …", never "lists").
/// - **Expert without an affiliation** (0.35): an expert of the view with no recorded `affiliation` tie.
///   Fillers: the organisations (agencies, schools, civil-society organisations) with the best latent
///   synergy with the expert.
public struct ExpertGaps: Sendable {
    public let gaps: [Gap]

    public init(_ context: GapContext) {
        let scorer = context.scorer
        let view = scorer.view
        let p = scorer.profiles
        let n = view.vertexCount
        let experts = (0..<n).filter { p[$0].kind == .expert }
        var out: [Gap] = []
        var expertSectors = Set<String>()
        var expertEAs = Set<Accomplishment>()
        for e in experts {
            let node = view.node(e)
            expertSectors.formUnion(node.sectors.map { $0.lowercased() })
            expertEAs.formUnion(node.accomplishments)
        }
        let hub = context.hub
        // An organisation's own register tags, apart from what it met in activities.
        func lists(_ v: Int, sector: String) -> Bool { view.node(v).sectors.contains { $0.lowercased() == sector } }
        func lists(_ v: Int, accomplishment a: Accomplishment) -> Bool { view.node(v).accomplishments.contains(a) }
        // The first activity of the view tagged with the topic that `v` took part in.
        let network = view.network
        var activitiesOf = [[Int]](repeating: [], count: n)
        var inView = [Bool](repeating: false, count: network.activities.count)
        for a in view.activities { inView[a] = true }
        for part in network.participation {
            guard let a = network.activityIndex[part.activity], inView[a], let m = network.nodeIndex[part.node] else { continue }
            let v = Int(view.vertexOfNode[m])
            if v >= 0 { activitiesOf[v].append(a) }
        }
        func activity(_ v: Int, _ tagged: (Activity) -> Bool) -> Activity? {
            activitiesOf[v].map { network.activities[$0] }.filter(tagged).min { $0.date < $1.date }
        }
        func nominators(listing: (Int) -> Bool, meeting: (Int) -> Bool, tagged: (Activity) -> Bool, _ what: String) -> [GapFiller] {
            guard context.wantsFillers(GapKey(.expertTopic, nil, what)) else { return [] }
            func rank(_ orgs: [Int]) -> [(Int, Double)] {
                orgs.map { o -> (Int, Double) in (o, hub.map { scorer.score($0, o).total } ?? Double(scorer.graph.degree(of: o))) }
                    .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            }
            let orgs = (0..<n).filter { _GapSupport.isOrganisation(p[$0].kind) && $0 != hub }
            let listed = rank(orgs.filter(listing))
            let met = rank(orgs.filter { !listing($0) && meeting($0) })
            let synergy: (Double) -> String = { s in hub.map { " (synergy with \(scorer.name($0)) \(String(format: "%.2f", s)))" } ?? "" }
            var out = listed.prefix(3).map { o, s in
                GapFiller(id: scorer.publicID(o), name: scorer.name(o), partnerID: nil, partnerName: nil, score: hub == nil ? 0 : s,
                          reason: "Its register entry lists \(what); it could nominate an expert" + synergy(s) + ".")
            }
            for (o, s) in met.prefix(3 - out.count) {
                let act = activity(o, tagged)
                out.append(GapFiller(id: scorer.publicID(o), name: scorer.name(o), partnerID: nil, partnerName: nil, score: hub == nil ? 0 : s,
                                     reason: "It took part in an activity on \(what)" + (act.map { " (\($0.name), \($0.date))" } ?? "")
                                         + " but does not list it; it may know an expert" + synergy(s) + "."))
            }
            return out
        }
        func holdersText(_ listed: [Int], _ met: [Int]) -> String {
            var s = listed.isEmpty ? "No actor's register entry lists it" : "\(listed.count) actor\(listed.count == 1 ? " lists" : "s list") it (\(_GapSupport.names(scorer, listed, limit: 12)))"
            if !met.isEmpty { s += "; \(met.count) \(listed.isEmpty ? "" : "other ")actor\(met.count == 1 ? "" : "s") took part in activities on it" }
            return s + "; no expert lists it."
        }
        for a in Accomplishment.allCases where !expertEAs.contains(a) && (0..<n).contains(where: { p[$0].has(a) }) {
            let listed = (0..<n).filter { p[$0].kind != .expert && lists($0, accomplishment: a) }
            let met = (0..<n).filter { p[$0].kind != .expert && p[$0].has(a) && !lists($0, accomplishment: a) }
            out.append(Gap(category: .expertTopic, severity: 0.75, country: nil, subject: a.rawValue,
                           title: "no expert works on \(a.rawValue)", detail: holdersText(listed, met),
                           actors: listed.map(scorer.publicID),
                           fillers: nominators(listing: { lists($0, accomplishment: a) }, meeting: { p[$0].has(a) },
                                               tagged: { $0.accomplishments.contains(a) }, a.rawValue)))
        }
        for (sid, s) in p.sectorNames.enumerated() where !expertSectors.contains(s) {
            let holders = (0..<n).filter { p[$0].kind != .expert && p[$0].sectors.contains(Int32(sid)) }
            guard !holders.isEmpty else { continue }
            let listed = holders.filter { lists($0, sector: s) }
            let met = holders.filter { !lists($0, sector: s) }
            out.append(Gap(category: .expertTopic, severity: 0.75, country: nil, subject: s,
                           title: "no expert for \(s)", detail: holdersText(listed, met),
                           actors: listed.map(scorer.publicID),
                           fillers: nominators(listing: { lists($0, sector: s) }, meeting: { p[$0].sectors.contains(Int32(sid)) },
                                               tagged: { $0.sectors.contains { $0.lowercased() == s } }, s)))
        }
        // Experts without an affiliation tie.
        var affiliated = [Bool](repeating: false, count: n)
        for t in view.ties where t.kind == "affiliation" && t.modelTie != nil {
            affiliated[Int(t.source)] = true
            affiliated[Int(t.target)] = true
        }
        let profiles = p.profiles
        for e in experts where !affiliated[e] {
            let fillers = context.fillers(GapKey(.unaffiliatedExpert, nil, scorer.publicID(e)), for: e) { _, v in _GapSupport.isOrganisation(profiles[v].kind) }
            let d = scorer.graph.degree(of: e)
            out.append(Gap(category: .unaffiliatedExpert, severity: 0.35, country: nil, subject: scorer.publicID(e),
                           title: "\(scorer.name(e)) has no affiliation",
                           detail: "No affiliation tie; tied to the network by \(d) other tie\(d == 1 ? "" : "s") or co-participation.",
                           actors: [scorer.publicID(e)], fillers: fillers))
        }
        gaps = out
    }
}
