/// Gaps in the expert roster.
///
/// - **Topic without an expert** (severity 0.75): an accomplishment, or a sector some organisation or
///   activity of the view works on, that no expert of the view lists (experts' own tags). Fillers: the
///   organisations that list it, ranked by their synergy with the hub, who could nominate an expert.
/// - **Expert without an affiliation** (0.35): an expert of the view with no recorded `affiliation` tie.
///   Fillers: the organisations (agencies, schools, civil-society organisations) with the best latent
///   synergy with the expert.
public struct ExpertGaps: Sendable {
    public let gaps: [Gap]

    public init(scorer: SynergyScorer) {
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
        let hub = view.network.manifest.hub.flatMap { scorer.vertex(forPublicID: $0) }
        func nominators(_ holds: (Int) -> Bool, _ what: String) -> [GapFiller] {
            let orgs = (0..<n).filter { _GapSupport.isOrganisation(p[$0].kind) && holds($0) && $0 != hub }
            let ranked = orgs.map { o -> (Int, Double) in (o, hub.map { scorer.score($0, o).total } ?? Double(scorer.graph.degree(of: o))) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            return ranked.prefix(3).map { o, s in
                GapFiller(id: scorer.publicID(o), name: scorer.name(o), partnerID: nil, partnerName: nil, score: hub == nil ? 0 : s,
                          reason: "lists \(what) and could nominate an expert" + (hub.map { " (synergy with \(scorer.name($0)) \(String(format: "%.2f", s)))" } ?? ""))
            }
        }
        for a in Accomplishment.allCases where !expertEAs.contains(a) && (0..<n).contains(where: { p[$0].has(a) }) {
            out.append(Gap(category: .expertTopic, severity: 0.75, country: nil, subject: a.rawValue,
                           title: "no expert works on \(a.rawValue)", detail: "no expert of the view lists \(a.rawValue)",
                           actors: [], fillers: nominators({ p[$0].has(a) }, a.rawValue)))
        }
        for (sid, s) in p.sectorNames.enumerated() where !expertSectors.contains(s) {
            let holders = (0..<n).filter { p[$0].kind != .expert && p[$0].sectors.contains(Int32(sid)) }
            guard !holders.isEmpty else { continue }
            let orgNames = _GapSupport.names(scorer, holders, limit: 12)
            out.append(Gap(category: .expertTopic, severity: 0.75, country: nil, subject: s,
                           title: "no expert for \(s)",
                           detail: "\(holders.count) actor\(holders.count == 1 ? "" : "s") work on it (\(orgNames)) but no expert lists it",
                           actors: holders.map(scorer.publicID), fillers: nominators({ p[$0].sectors.contains(Int32(sid)) }, s)))
        }
        // Experts without an affiliation tie.
        var affiliated = [Bool](repeating: false, count: n)
        for t in view.ties where t.kind == "affiliation" && t.modelTie != nil {
            affiliated[Int(t.source)] = true
            affiliated[Int(t.target)] = true
        }
        let profiles = p.profiles
        for e in experts where !affiliated[e] {
            let fillers = _GapSupport.introductions(scorer, for: e) { _, v in _GapSupport.isOrganisation(profiles[v].kind) }
            out.append(Gap(category: .unaffiliatedExpert, severity: 0.35, country: nil, subject: scorer.publicID(e),
                           title: "\(scorer.name(e)) has no affiliation",
                           detail: "no affiliation tie; tied to the network by \(scorer.graph.degree(of: e)) other tie\(scorer.graph.degree(of: e) == 1 ? "" : "s") or co-participation",
                           actors: [scorer.publicID(e)], fillers: fillers))
        }
        gaps = out
    }
}
