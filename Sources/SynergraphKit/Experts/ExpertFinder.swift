import Foundation

/// What an outreach request asks an expert for. Any criterion may be left out.
public struct ExpertRequest: Sendable, Equatable {
    /// ISO alpha-3 code of the country the work is for.
    public var country: String?
    public var sector: String?
    public var accomplishment: Accomplishment?

    public init(country: String? = nil, sector: String? = nil, accomplishment: Accomplishment? = nil) {
        self.country = country?.uppercased()
        self.sector = sector?.lowercased()
        self.accomplishment = accomplishment
    }
}

/// One expert's fit to a request: the four criteria in [0, 1], their weighted mean, and the reason.
public struct ExpertMatch: Sendable, Equatable {
    public var vertex: Int
    /// Public id and name (`expert-N` / "Expert N" without consent).
    public var id: String
    public var name: String
    public var score: Double
    public var topical: Double
    public var experience: Double
    /// nil when the network has no hub in the view.
    public var proximity: Double?
    public var centrality: Double
    /// Hops from the hub, nil when unreachable or without a hub.
    public var hopsFromHub: Int?
    public var reason: String
}

/// Ranks the experts of a view for a request.
///
/// - **topical fit**: the share of the asked criteria (sector, accomplishment) the expert lists (the
///   roster's own tags); 1 when neither is asked.
/// - **experience**: 1 when the expert works in the country (based there, the country in its `experience`
///   attribute, an activity there, or an affiliation with an organisation based there; see
///   ``ActorProfile``), 0.5 when it works in a neighbour (a country of the same UN M49 sub-region),
///   else 0; 1 when no country is asked.
/// - **proximity to the hub**: `1 / d` for `d` hops from the office's hub (manifest `hub`) in the view,
///   0 when unreachable; left out (its weight spread over the others) when there is no hub.
/// - **centrality**: degree divided by the largest degree among the view's experts.
///
/// `score = Σ w_c x_c / Σ w_c` with defaults topical 0.40, experience 0.30, proximity 0.15,
/// centrality 0.15 (``ExpertWeights``). Ties are broken by the order of the nodes table.
public struct ExpertFinder: Sendable {
    public let request: ExpertRequest
    public let matches: [ExpertMatch]
    public let warnings: [String]

    public init(scorer: SynergyScorer, request: ExpertRequest) {
        self.request = request
        let view = scorer.view
        let g = scorer.graph
        let p = scorer.profiles
        let w = scorer.config.experts
        var warnings: [String] = []
        let experts = (0..<view.vertexCount).filter { p[$0].kind == .expert }
        if experts.isEmpty { warnings.append("the view has no experts") }
        if let c = request.country, p.countryID[c] == nil {
            warnings.append("no actor of the network is based in or works in \(Countries.name(c)) (\(c)); experience counts only neighbours" + (Countries.region(c) == nil ? " (and \(c) has no known M49 region)" : ""))
        }
        if let s = request.sector, !experts.contains(where: { view.node($0).sectors.map { $0.lowercased() }.contains(s) }) {
            warnings.append("no expert lists the sector '\(s)'" + (p.sectorID[s] == nil ? " (no actor of the network works on it)" : "") + "; the ranking rests on the other criteria")
        }
        if let a = request.accomplishment, !experts.contains(where: { view.node($0).accomplishments.contains(a) }) {
            warnings.append("no expert lists \(a.rawValue); the ranking rests on the other criteria")
        }
        var hops = [Int](repeating: -1, count: g.vertexCount)
        var hub: Int? = nil
        if let h = view.network.manifest.hub, let hv = scorer.vertex(forPublicID: h) {
            hub = hv
            hops[hv] = 0
            var queue = [hv], head = 0
            while head < queue.count {
                let u = queue[head]; head += 1
                for x in g.neighbours(of: u) where hops[Int(x)] < 0 {
                    hops[Int(x)] = hops[u] + 1
                    queue.append(Int(x))
                }
            }
        } else {
            warnings.append("the network has no hub in the view: proximity to the hub is left out")
        }
        let maxDegree = experts.map { g.degree(of: $0) }.max() ?? 0
        let region = request.country.flatMap(Countries.region)
        let cid = request.country.flatMap { p.countryID[$0] }
        var out: [ExpertMatch] = []
        for e in experts {
            let node = view.node(e)
            let sectors = node.sectors.map { $0.lowercased() }
            var asked = 0, met = 0
            var because: [String] = []
            if let s = request.sector {
                asked += 1
                if sectors.contains(s) { met += 1; because.append(s) }
            }
            if let a = request.accomplishment {
                asked += 1
                if node.accomplishments.contains(a) { met += 1; because.append(a.rawValue) }
            }
            let topical = asked == 0 ? 1 : Double(met) / Double(asked)
            var reasons: [String] = []
            if !because.isEmpty { reasons.append("lists " + SynergyReason.list(because, limit: 2)) }
            var experience = 1.0
            if let c = request.country {
                let codes = p[e].countries.map { p.countryCodes[Int($0)] }
                if let cid, p[e].countries.contains(cid) {
                    experience = 1
                    reasons.append("works in \(Countries.name(c))")
                } else if let region, let n = codes.first(where: { Countries.region($0) == region }) {
                    experience = 0.5
                    reasons.append("works in neighbouring \(Countries.name(n)) (\(region))")
                } else {
                    experience = 0
                }
            }
            var proximity: Double? = nil
            var hopCount: Int? = nil
            if let hub {
                let d = hops[e]
                proximity = d > 0 ? 1 / Double(d) : 0
                hopCount = d >= 0 ? d : nil
                reasons.append(d > 0 ? "\(d) tie\(d == 1 ? "" : "s") from \(scorer.name(hub))" : "not connected to \(scorer.name(hub))")
            }
            let degree = g.degree(of: e)
            let centrality = maxDegree > 0 ? Double(degree) / Double(maxDegree) : 0
            reasons.append("\(degree) partner\(degree == 1 ? "" : "s")")
            var num = w.topical * topical + w.experience * experience + w.centrality * centrality
            var den = w.topical + w.experience + w.centrality
            if let proximity {
                num += w.proximity * proximity
                den += w.proximity
            }
            out.append(ExpertMatch(vertex: e, id: scorer.publicID(e), name: scorer.name(e), score: den > 0 ? num / den : 0,
                                   topical: topical, experience: experience, proximity: proximity, centrality: centrality,
                                   hopsFromHub: hopCount, reason: reasons.joined(separator: "; ")))
        }
        out.sort { $0.score != $1.score ? $0.score > $1.score : $0.vertex < $1.vertex }
        matches = out
        self.warnings = warnings
    }

    public func render(_ format: ReportOutputFormat, top: Int) -> String {
        let rows = Array(matches.prefix(top))
        func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "–" }
        switch format {
        case .json:
            var out = "{\n  \"request\": {\"country\": \(request.country.map(JSONText.string) ?? "null"), \"sector\": \(request.sector.map(JSONText.string) ?? "null"), \"accomplishment\": \(request.accomplishment.map { JSONText.string($0.rawValue) } ?? "null")},\n  \"experts\": ["
            out += rows.enumerated().map { i, m in
                "\n    {\"rank\": \(i + 1), \"id\": \(JSONText.string(m.id)), \"name\": \(JSONText.string(m.name)), \"score\": \(JSONText.number(m.score)), \"topical\": \(JSONText.number(m.topical)), \"experience\": \(JSONText.number(m.experience)), \"proximity\": \(JSONText.number(m.proximity)), \"centrality\": \(JSONText.number(m.centrality)), \"hops_from_hub\": \(m.hopsFromHub.map(String.init) ?? "null"), \"reason\": \(JSONText.string(m.reason))}"
            }.joined(separator: ",")
            out += rows.isEmpty ? "],\n" : "\n  ],\n"
            out += "  \"warnings\": [\(warnings.map(JSONText.string).joined(separator: ", "))]\n}\n"
            return out
        case .csv:
            var out = "rank,id,name,score,topical,experience,proximity,centrality,hops_from_hub,reason\n"
            for (i, m) in rows.enumerated() {
                out += [String(i + 1), m.id, m.name, JSONText.number(m.score), JSONText.number(m.topical), JSONText.number(m.experience),
                        m.proximity.map { JSONText.number($0) } ?? "", JSONText.number(m.centrality), m.hopsFromHub.map(String.init) ?? "", m.reason]
                    .map(CSVText.field).joined(separator: ",") + "\n"
            }
            return out
        case .table, .md:
            let md = format == .md
            var asked: [String] = []
            if let s = request.sector { asked.append(s) }
            if let a = request.accomplishment { asked.append(a.rawValue) }
            if let c = request.country { asked.append("in \(Countries.name(c))") }
            let title = "Experts for " + (asked.isEmpty ? "any request" : asked.joined(separator: ", "))
            var out = md ? "## \(title)\n\n" : "\(title)\n\n"
            out += TextTable.render(["#", "expert", "score", "topic", "exper.", "prox.", "centr.", "reason"],
                                    rows.enumerated().map { i, m in [String(i + 1), m.name, f(m.score), f(m.topical), f(m.experience), f(m.proximity), f(m.centrality), m.reason] },
                                    markdown: md, rightAligned: [0, 2, 3, 4, 5, 6])
            return out
        }
    }
}
