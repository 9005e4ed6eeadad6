import Foundation

/// Everything the partner atlas shows besides the map picture, built from one network view through the
/// engine's own reports: ``MetricsReport`` (with Gould–Fernandez roles by kind), ``GapReport``,
/// ``SynergyScorer`` introductions and best new partners, ``ExpertFinder`` and the view itself (actors,
/// ties, activities). Nothing here computes a figure of its own: the reports' JSON contracts are carried
/// as they are (``gapsJSON``, ``synergyJSON``, ``bestPartnersJSON``, ``expertsJSON``), so whatever the
/// reports add later reaches the page (the script shows fields it does not know as "label: value").
///
/// Privacy: actors are published by ``NetworkView/publicID(_:showAllNames:)`` and
/// ``NetworkView/displayName(_:showAllNames:)``; an expert who may not be named gets neither a local
/// name nor an acronym, and no field of the data carries a node's own id, source or free attributes.
public struct AtlasData: Sendable {
    /// The page's own data block (`atlas-data`): actors, ties, activities, filters' vocabularies.
    public var core: Core
    /// ``GapReport/json(limit:)``: every gap, most severe first, and the coverage matrix.
    public var gapsJSON: String
    /// ``SynergyReport/json()`` of the recommended introductions (mode `top`).
    public var synergyJSON: String
    /// ``SynergyReport/json()`` (mode `for`) holding every actor's best new partners; ``Actor/best``
    /// indexes its `pairs`.
    public var bestPartnersJSON: String
    /// A JSON array of `{"country", "topic", "report"}`, `report` being ``ExpertFinder/render(_:top:)``'s JSON for
    /// that request: every target country (and none) × every accomplishment, sector (and none).
    public var expertsJSON: String
    /// The print briefing's lists: the first gaps and introductions.
    public var topGaps: [Gap]
    public var topIntroductions: [(a: String, b: String, synergy: Double, reason: String)]
    /// Quarter figures for the trend charts (empty: no trend section).
    public var trend: [AtlasTrendPoint]

    /// The `atlas-data` block.
    public struct Core: Sendable, Encodable {
        public var title: String
        public var network: String
        public var view: String
        public var caption: String
        public var asOf: String?
        public var illustrative: Bool
        public var kinds: [Kind]
        public var tieKinds: [String]
        public var actors: [Actor]
        /// The map's drawn lines, in ``MapDocument/edges`` order (SVG id `e-N`): the two actors' positions in ``actors``.
        public var edges: [[Int]]
        /// Every tie of the view between two different actors: [a, b, tie kind index, since, until, activity index or -1].
        public var ties: [TieRow]
        public var activities: [ActivityRow]
        /// Vocabularies of the filters.
        public var countries: [String]
        public var countryNames: [String: String]
        public var accomplishments: [String]
        public var sectors: [String]
        public var quarters: [String]
        /// Notes of the metrics report (conventions, undefined values).
        public var metricNotes: [String]
    }

    public struct Kind: Sendable, Encodable {
        public var kind: String
        public var label: String
        public var color: String
        public var count: Int
    }

    public struct Actor: Sendable, Encodable {
        public var id: String
        /// The SVG id of its node on the map (``MapElementID/node(_:)``), nil when the map does not draw it.
        public var svg: String?
        public var name: String
        /// Acronym (named actors only).
        public var short: String?
        /// `name_local` (named actors only).
        public var local: String?
        public var kind: String
        public var scope: String?
        public var country: String?
        public var countryName: String?
        public var sdgs: [Int]
        public var eas: [String]
        public var sectors: [String]
        /// Activities it took part in (positions in ``Core/activities``).
        public var acts: [Int]
        /// [metric, value as shown, plain-language line].
        public var m: [[String]]
        /// [role, count, plain-language line] for each brokerage role it plays.
        public var roles: [[String]]
        /// Positions in ``AtlasData/bestPartnersJSON``'s `pairs`.
        public var best: [Int]
    }

    public struct TieRow: Sendable, Encodable {
        public var a: Int, b: Int, kind: Int
        public var since: String?, until: String?
        public var activity: Int

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(a)
            try c.encode(b)
            try c.encode(kind)
            try c.encode(since)
            try c.encode(until)
            try c.encode(activity)
        }
    }

    public struct ActivityRow: Sendable, Encodable {
        public var name: String
        public var kind: String
        public var date: String
        public var end: String?
        public var countryName: String?
    }

    /// Options of the atlas's reports.
    public struct Options: Sendable {
        public var showAllNames: Bool
        public var config: SynergyConfig
        /// Recommended introductions listed.
        public var introductions: Int
        /// Best new partners per actor.
        public var bestPartners: Int
        /// Experts per expert-finder request.
        public var experts: Int
        /// The day dormancy is judged on (nil: the manifest's `as_of`).
        public var asOf: Day?
        public var threads: Int

        public init(showAllNames: Bool = false, config: SynergyConfig = SynergyConfig(), introductions: Int = 20, bestPartners: Int = 3,
                    experts: Int = 8, asOf: Day? = nil, threads: Int = defaultMetricThreadCount) {
            self.showAllNames = showAllNames
            self.config = config
            self.introductions = introductions
            self.bestPartners = bestPartners
            self.experts = experts
            self.asOf = asOf
            self.threads = threads
        }
    }

    /// The most actors an atlas holds: finding every actor's best partners grows with the square of the view,
    /// and the page carries every actor's record. `synergraph report` refuses a larger
    /// view and `synergraph analyze` leaves the atlas out, both saying how to narrow the view.
    public static let actorLimit = 5_000

    /// Builds the atlas data of `view`, whose map is `map` (the document the SVG was drawn from, or nil
    /// when no map is drawn).
    public init(view: NetworkView, map: MapDocument?, options: Options = Options(), trend: [AtlasTrendPoint] = []) {
        let network = view.network
        let manifest = network.manifest
        let n = view.vertexCount
        let names = options.showAllNames
        let scorer = SynergyScorer(view: view, config: options.config, showAllNames: names)

        // Metrics, with brokerage roles between kinds.
        let metrics = MetricsReport(view: view, request: MetricsRequest(threads: options.threads, showAllNames: names, brokerageGroupBy: "kind"))
        let column = { (m: NodeMetricName) in metrics.columns.firstIndex(of: m).map { metrics.values[$0] } ?? [Double?](repeating: nil, count: n) }
        let degree = column(.degree)
        var communitySizes: [Int: Int] = [:]
        for v in column(.community) { if let v { communitySizes[Int(v), default: 0] += 1 } }
        let maxDegree = Int(degree.compactMap { $0 }.max() ?? 0)
        var ranks: [NodeMetricName: [Int?]] = [:]
        for m in metrics.columns {
            let values = column(m)
            var rank = [Int?](repeating: nil, count: n)
            for (k, v) in metrics.rowOrder(top: nil, by: m).enumerated() where values[v] != nil { rank[v] = k + 1 }
            ranks[m] = rank
        }

        // Gaps, introductions, best new partners, experts: the reports as their commands give them.
        let gaps = GapReport(scorer: scorer, asOf: options.asOf)
        let intro = scorer.recommendedIntroductions(count: options.introductions, threads: options.threads)
        let summary = scorer.summary(threads: options.threads)
        let synergy = SynergyReport(scorer: scorer, mode: .top, pairs: intro.introductions, search: intro.search, summary: summary)
        var bestPairs: [PairSynergy] = []
        var bestOf = [[Int]](repeating: [], count: n)
        if options.bestPartners > 0 {
            for v in 0..<n {
                for p in scorer.recommendedIntroductions(count: options.bestPartners, for: v, threads: 1).introductions {
                    bestOf[v].append(bestPairs.count)
                    bestPairs.append(p)
                }
            }
        }
        let best = SynergyReport(scorer: scorer, mode: .actor, pairs: bestPairs, search: nil, summary: summary)
        gapsJSON = gaps.json()
        synergyJSON = synergy.json()
        // The panel shows who, the score and the reason (and any field a newer report adds): the score
        // components, evidence and per-country traces of where each actor works (`synergy --pair` gives
        // them) of hundreds of pairs would make up most of the file.
        bestPartnersJSON = Self.slim(best.json(), list: "pairs", dropping: ["components", "evidence", "rank", "works_in"], top: ["weights", "summary", "search"])
        expertsJSON = Self.expertRequests(scorer: scorer, gaps: gaps, top: options.experts)
        topGaps = Array(gaps.gaps.prefix(10))
        topIntroductions = intro.introductions.prefix(10).map { (scorer.name($0.a), scorer.name($0.b), $0.total, $0.reason) }
        self.trend = trend

        // Actors.
        var activitiesOf = [[Int]](repeating: [], count: n)
        var activityRow: [Int: Int] = [:]
        var activities: [ActivityRow] = []
        for a in view.activities {
            activityRow[a] = activities.count
            let act = network.activities[a]
            activities.append(ActivityRow(name: act.name, kind: act.kind, date: act.date.description, end: act.endDate?.description,
                                          countryName: act.country.map(Countries.name)))
        }
        for p in network.participation {
            guard let a = network.activityIndex[p.activity], let row = activityRow[a], let m = network.nodeIndex[p.node] else { continue }
            let v = Int(view.vertexOfNode[m])
            if v >= 0, !activitiesOf[v].contains(row) { activitiesOf[v].append(row) }
        }
        let drawn = Set(map?.nodes.map(\.id) ?? [])
        var actors: [Actor] = []
        actors.reserveCapacity(n)
        for v in 0..<n {
            let node = view.node(v)
            let id = view.publicID(v, showAllNames: names)
            let name = view.displayName(v, showAllNames: names)
            let named = names || node.mayBeNamed
            // The lines name the actor as the map labels it: by its acronym when it has one.
            let shortName = named ? (node.attribute("acronym").flatMap { $0.isEmpty ? nil : $0 } ?? name) : name
            var lines: [[String]] = []
            for (c, m) in metrics.columns.enumerated() {
                let value = metrics.values[c][v]
                let ctx = AtlasMetricText.Context(actors: n, maxDegree: maxDegree, communitySizes: communitySizes, rank: ranks[m]?[v] ?? nil)
                lines.append([m.rawValue.replacingOccurrences(of: "_", with: " "), AtlasMetricText.value(m, value),
                              AtlasMetricText.line(m, value, name: shortName, context: ctx)])
            }
            var roles: [[String]] = []
            if let b = metrics.brokerage {
                for r in BrokerageRole.allCases where b.raw[v][role: r] > 0 {
                    roles.append([r.rawValue, String(Int(b.raw[v][role: r])), AtlasMetricText.role(r, count: b.raw[v][role: r], z: b.z[v][role: r])])
                }
            }
            actors.append(Actor(
                id: id, svg: drawn.contains(id) ? MapElementID.node(id) : nil, name: name,
                short: named ? node.attribute("acronym") : nil, local: named ? node.attribute("name_local") : nil,
                kind: node.kind.rawValue, scope: node.scope?.rawValue, country: node.country, countryName: node.country.map(Countries.name),
                sdgs: node.sdgs, eas: node.accomplishments.map(\.rawValue), sectors: node.sectors, acts: activitiesOf[v],
                m: lines, roles: roles, best: bestOf[v]))
        }

        // Ties (the panel's partners and the filters) and the map's lines.
        var tieKinds: [String] = []
        var tieKindIndex: [String: Int] = [:]
        var ties: [TieRow] = []
        for t in view.ties where t.source != t.target {
            let k: Int
            if let i = tieKindIndex[t.kind] { k = i } else {
                k = tieKinds.count
                tieKindIndex[t.kind] = k
                tieKinds.append(t.kind)
            }
            var since: Day?, until: Day?
            if let m = t.modelTie {
                since = network.ties[m].since
                until = network.ties[m].until
            } else if let a = t.activity {
                since = network.activities[a].date
                until = network.activities[a].lastDay
            }
            ties.append(TieRow(a: Int(t.source), b: Int(t.target), kind: k, since: since?.description, until: until?.description,
                               activity: t.activity.flatMap { activityRow[$0] } ?? -1))
        }
        let position = Dictionary(actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let edges: [[Int]] = (map?.edges ?? []).compactMap { e in
            guard let d = map, let a = position[d.nodes[e.source].id], let b = position[d.nodes[e.target].id] else { return nil }
            return [a, b]
        }

        // Filter vocabularies and quarters the ties and activities touch.
        var kindCounts: [NodeKind: Int] = [:]
        for v in 0..<n { kindCounts[view.node(v).kind, default: 0] += 1 }
        let kinds = NodeKind.allCases.compactMap { k in
            kindCounts[k].map { Kind(kind: k.rawValue, label: k.plural, color: MapStyle.color(of: k).hex, count: $0) }
        }
        let countries = Set(actors.compactMap(\.country) + gaps.targetCountries).sorted()
        var quarters = Set<Quarter>()
        func addQuarters(_ from: Day?, _ to: Day?) {
            guard let from else { return }
            var q = Quarter(containing: from)
            let last = Quarter(containing: to ?? from)
            var guardCount = 0
            while q <= last, guardCount < 400 {
                quarters.insert(q)
                q = q.next
                guardCount += 1
            }
        }
        for t in ties {
            let s = t.since.flatMap { Day(iso: $0) }, u = t.until.flatMap { Day(iso: $0) }
            // An open-ended tie runs to the data's as-of day.
            addQuarters(s ?? u, u ?? manifest.asOf ?? s)
        }
        if let window = view.filter.window.from.map({ Quarter(containing: $0) }), let to = view.filter.window.to.map({ Quarter(containing: $0) }) {
            quarters = quarters.filter { $0 >= window && $0 <= to }
        }
        var countryNames: [String: String] = [:]
        for c in countries { countryNames[c] = Countries.name(c) }

        let title = manifest.title ?? manifest.name
        core = Core(
            title: title, network: manifest.name, view: view.filter.summary, caption: map?.caption ?? "\(view.filter.summary) · \(n) actors",
            asOf: manifest.asOf?.description, illustrative: manifest.illustrative == true, kinds: kinds, tieKinds: tieKinds,
            actors: actors, edges: edges, ties: ties, activities: activities, countries: countries, countryNames: countryNames,
            accomplishments: Accomplishment.allCases.map(\.rawValue),
            sectors: Set(actors.flatMap(\.sectors)).sorted(), quarters: quarters.sorted().map(\.description), metricNotes: metrics.notes)
    }

    /// The expert finder for every request the page offers: each target country (and any country) with
    /// each accomplishment, each sector (and any topic).
    static func expertRequests(scorer: SynergyScorer, gaps: GapReport, top: Int) -> String {
        let experts = (0..<scorer.view.vertexCount).filter { scorer.view.node($0).kind == .expert }
        guard !experts.isEmpty else { return "[]" }
        var sectors = Set<String>()
        for e in experts { for s in scorer.view.node(e).sectors { sectors.insert(s.lowercased()) } }
        let countries: [String?] = [nil] + gaps.targetCountries.map { Optional($0) }
        let topics: [String?] = [nil] + Accomplishment.allCases.map { Optional($0.rawValue) } + sectors.sorted().map { Optional($0) }
        var items: [String] = []
        for c in countries {
            for t in topics {
                let ea = t.flatMap(Accomplishment.init(rawValue:))
                let request = ExpertRequest(country: c, sector: ea == nil ? t : nil, accomplishment: ea)
                let report = slim(ExpertFinder(scorer: scorer, request: request).render(.json, top: top), list: "experts",
                                  dropping: ["topical", "experience", "proximity", "centrality", "hops_from_hub"], top: [])
                items.append("{\"country\": \(c.map(JSONText.string) ?? "null"), \"topic\": \(t.map(JSONText.string) ?? "null"), \"report\": \(report.trimmingCharacters(in: .whitespacesAndNewlines))}")
            }
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]"
    }

    /// A report's JSON without some fields: `dropping` from every object of the array `list`, `top` from the
    /// top-level object. Every other field stays, in sorted key order (the text is left as it is if it does
    /// not parse, which the reports' writers never give).
    static func slim(_ json: String, list: String, dropping: Set<String>, top: Set<String>) -> String {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return json }
        for key in top { object.removeValue(forKey: key) }
        if let items = object[list] as? [[String: Any]] {
            object[list] = items.map { $0.filter { !dropping.contains($0.key) } }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return json }
        return String(decoding: data, as: UTF8.self)
    }

    /// What decides the page's bytes besides the map: every data block, the trend, and the script and
    /// stylesheet (the quarterly batch hashes it to know when a quarter's atlas must be written again).
    public var fingerprint: String {
        SHA256.hex(AtlasPage.html(data: self, mapSVG: nil))
    }

    /// The core block as JSON (sorted keys, snake_case), not yet escaped for a `<script>` element.
    public func coreJSON() -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        enc.keyEncodingStrategy = .convertToSnakeCase
        // Every value is finite text or an integer: encoding cannot fail.
        guard let data = try? enc.encode(core) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
