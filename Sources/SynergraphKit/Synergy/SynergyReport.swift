import Foundation

/// Output forms of the synergy, gap and expert reports.
public enum ReportOutputFormat: String, Sendable, CaseIterable {
    case table, csv, json, md
}

/// What `synergraph synergy` prints: scored pairs (recommended introductions, one actor's best new
/// partners, or one pair's breakdown) and the network's synergy summary. JSON contract in
/// Docs/synergy-and-gaps.md.
public struct SynergyReport: Sendable {
    public enum Mode: String, Sendable { case top, actor = "for", pair }
    public var mode: Mode
    public var network: String
    public var view: String
    public var pairs: [PairSynergy]
    public var search: IntroductionSearch?
    public var summary: NetworkSynergySummary
    public let scorer: SynergyScorer
    /// The strategy asked for (`closure`, `bridging` or `both`), nil when not chosen by strategy (`--pair`).
    public var strategy: String? = nil

    public init(scorer: SynergyScorer, mode: Mode, pairs: [PairSynergy], search: IntroductionSearch?, summary: NetworkSynergySummary) {
        self.scorer = scorer
        self.mode = mode
        self.network = scorer.view.network.manifest.name
        self.view = scorer.view.filter.summary
        self.pairs = pairs
        self.search = search
        self.summary = summary
    }

    public func render(_ format: ReportOutputFormat) -> String {
        switch format {
        case .table: table(markdown: false)
        case .md: table(markdown: true)
        case .csv: csv()
        case .json: json()
        }
    }

    func actor(_ v: Int) -> String {
        "{\"id\": \(JSONText.string(scorer.publicID(v))), \"name\": \(JSONText.string(scorer.name(v))), \"kind\": \(JSONText.string(scorer.view.node(v).kind.rawValue))}"
    }

    static func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "–" }

    /// Each pair's rank among the pairs of its strategy (nil without a strategy).
    var strategyRank: [Int?] {
        var seen: [IntroductionStrategy: Int] = [:]
        return pairs.map { p in
            guard let st = p.strategy else { return nil }
            seen[st, default: 0] += 1
            return seen[st]
        }
    }

    /// Why an actor works in each of its countries (``ActorProfiles/workBases(of:in:)``).
    func worksInJSON(_ v: Int) -> String {
        let network = scorer.view.network
        return "[" + scorer.profiles.workBases(of: v, in: scorer.view).map { c in
            "{\"country\": \(JSONText.string(c.country)), \"bases\": [" + c.bases.map { b in
                switch b {
                case .home:
                    return "{\"basis\": \"home\", \"text\": \"based there\"}"
                case .experience:
                    return "{\"basis\": \"experience\", \"text\": \"its experience lists it\"}"
                case .activity(let a):
                    let act = network.activities[a]
                    return "{\"basis\": \"activity\", \"activity\": \(JSONText.string(act.id)), \"text\": \(JSONText.string("took part in \(act.name) (\(act.date)), hosted there"))}"
                case .tie(let w, let kind):
                    return "{\"basis\": \"tie\", \"partner\": \(JSONText.string(scorer.publicID(w))), \"tie_kind\": \(JSONText.string(kind)), \"text\": \(JSONText.string("\(kind) tie with \(scorer.name(w)), based there"))}"
                }
            }.joined(separator: ", ") + "]}"
        }.joined(separator: ", ") + "]"
    }

    /// The reason as the table and CSV show it: the strategy's sentence, the pair's, and what it would change.
    func fullReason(_ p: PairSynergy) -> String {
        var s = p.strategyReason.isEmpty ? p.reason : p.strategyReason + " " + p.reason
        if !p.wouldChange.isEmpty { s += " Would change: " + p.wouldChange.map(\.text).joined(separator: "; ") + "." }
        return s
    }

    public func json() -> String {
        let w = scorer.config.weights
        var out = "{\n  \"network\": \(JSONText.string(network)),\n  \"view\": \(JSONText.string(view)),\n  \"mode\": \"\(mode.rawValue)\",\n"
        out += "  \"weights\": {\"thematic\": \(JSONText.number(w.thematic)), \"geographic\": \(JSONText.number(w.geographic)), \"complementarity\": \(JSONText.number(w.complementarity)), \"structural\": \(JSONText.number(w.structural)), \"bridging\": \(JSONText.number(w.bridging))},\n"
        if let s = search {
            out += "  \"search\": {\"strategy\": \"\(s.strategy)\", \"candidate_pairs\": \(s.candidatePairs), \"exactly_scored\": \(s.exactlyScored)},\n"
        } else {
            out += "  \"search\": null,\n"
        }
        let sm = summary
        out += "  \"summary\": {\"ties\": \(sm.ties), \"mean_realised_synergy\": \(JSONText.number(sm.meanRealisedSynergy)), \"cross_kind_share\": \(JSONText.number(sm.crossKindShare)), \"cross_community_share\": \(JSONText.number(sm.crossCommunityShare)), \"ei_index_by_kind\": \(JSONText.number(sm.eiIndex)), \"communities\": \(sm.communities), \"kinds\": ["
        out += sm.byKind.map { "{\"kind\": \"\($0.kind.rawValue)\", \"internal_ties\": \($0.internalTies), \"external_ties\": \($0.externalTies), \"ei_index\": \(JSONText.number($0.eiIndex))}" }.joined(separator: ", ")
        out += "]},\n  \"strategy\": \(strategy.map(JSONText.string) ?? "null"),\n  \"pairs\": ["
        for (i, p) in pairs.enumerated() {
            let c = p.components, e = p.evidence
            out += i == 0 ? "\n    {" : ",\n    {"
            out += "\"rank\": \(i + 1), \"a\": \(actor(p.a)), \"b\": \(actor(p.b)), \"tied\": \(p.tied), \"synergy\": \(JSONText.number(p.total)), "
            out += "\"components\": {\"thematic\": \(JSONText.number(c.thematic)), \"geographic\": \(JSONText.number(c.geographic)), \"complementarity\": \(JSONText.number(c.complementarity)), \"structural\": \(JSONText.number(c.structural)), \"bridging\": \(JSONText.number(c.bridging))}, "
            out += "\"evidence\": {\"shared_sdgs\": [\(e.sharedSDGs.map(String.init).joined(separator: ", "))], "
            out += "\"shared_accomplishments\": [\(e.sharedAccomplishments.map { JSONText.string($0.rawValue) }.joined(separator: ", "))], "
            out += "\"shared_sectors\": [\(e.sharedSectors.map(JSONText.string).joined(separator: ", "))], "
            out += "\"shared_countries\": [\(e.sharedCountries.map(JSONText.string).joined(separator: ", "))], "
            out += "\"shared_partners\": [\(e.sharedPartners.map { JSONText.string(scorer.publicID($0)) }.joined(separator: ", "))], "
            out += "\"adamic_adar\": \(JSONText.number(e.adamicAdar)), \"communities\": [\(e.communityA), \(e.communityB)], "
            out += "\"constraint\": {\"a\": {\"without_tie\": \(JSONText.number(e.constraintWithoutA)), \"with_tie\": \(JSONText.number(e.constraintWithA))}, \"b\": {\"without_tie\": \(JSONText.number(e.constraintWithoutB)), \"with_tie\": \(JSONText.number(e.constraintWithB))}}}, "
            out += "\"works_in\": {\"a\": \(worksInJSON(p.a)), \"b\": \(worksInJSON(p.b))}, "
            out += "\"reason\": \(JSONText.string(p.reason)), \"strategy\": \(p.strategy.map { JSONText.string($0.rawValue) } ?? "null"), "
            out += "\"strategy_rank\": \(strategyRank[i].map(String.init) ?? "null"), \"strategy_reason\": \(JSONText.string(p.strategyReason)), "
            out += "\"would_change\": \(GapReport.effectsJSON(p.wouldChange))}"
        }
        out += pairs.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    public func csv() -> String {
        var out = "rank,a_id,a_name,a_kind,b_id,b_name,b_kind,tied,synergy,thematic,geographic,complementarity,structural,bridging,reason,strategy,would_change\n"
        for (i, p) in pairs.enumerated() {
            let c = p.components
            let cells = [String(i + 1), scorer.publicID(p.a), scorer.name(p.a), scorer.view.node(p.a).kind.rawValue,
                         scorer.publicID(p.b), scorer.name(p.b), scorer.view.node(p.b).kind.rawValue, p.tied ? "true" : "false",
                         JSONText.number(p.total), JSONText.number(c.thematic), JSONText.number(c.geographic), JSONText.number(c.complementarity),
                         JSONText.number(c.structural), JSONText.number(c.bridging), p.strategyReason.isEmpty ? p.reason : p.strategyReason + " " + p.reason,
                         p.strategy?.rawValue ?? "", p.wouldChange.map(\.text).joined(separator: "; ")]
            out += cells.map(CSVText.field).joined(separator: ",") + "\n"
        }
        return out
    }

    public func table(markdown: Bool) -> String {
        var out = ""
        let title: String
        switch mode {
        case .top: title = strategy == "closure" ? "Recommended introductions: closure (pairs that should obviously be working together)"
            : strategy == "bridging" ? "Recommended introductions: bridging (pairs across communities, countries or kinds)"
            : "Recommended introductions: closure, then bridging (highest latent synergy in each)"
        case .actor: title = pairs.first.map { "Best new partners for \(scorer.name($0.a))" } ?? "Best new partners"
        case .pair: title = "Synergy of one pair"
        }
        out += markdown ? "## \(title)\n\n" : "\(title)\n\n"
        let head = ["#", "kind", "actor A", "actor B", "synergy", "T", "G", "K", "S", "B", "reason"]
        var rows: [[String]] = []
        let ranks = strategyRank
        for (i, p) in pairs.enumerated() {
            let c = p.components
            rows.append([String(ranks[i] ?? i + 1), p.strategy?.rawValue ?? (p.tied ? "tied" : "–"), TextTable.clip(scorer.name(p.a), 34), TextTable.clip(scorer.name(p.b), 34),
                         Self.f(p.total) + (p.tied ? " (tied)" : ""), Self.f(c.thematic), Self.f(c.geographic), Self.f(c.complementarity),
                         Self.f(c.structural), Self.f(c.bridging), fullReason(p)])
        }
        out += TextTable.render(head, rows, markdown: markdown, rightAligned: [0, 4, 5, 6, 7, 8, 9])
        out += markdown ? "\nT thematic, G geographic, K complementarity, S structural proximity, B bridging (Docs/synergy-and-gaps.md).\n" : "\nT thematic, G geographic, K complementarity, S structural proximity, B bridging.\n"
        if let s = search {
            out += "Searched \(s.candidatePairs) untied pairs (\(s.strategy)), \(s.exactlyScored) scored in full.\n"
        }
        let sm = summary
        out += markdown ? "\n## Network synergy\n\n" : "\nNetwork synergy\n"
        let lines = [
            "ties (tied pairs): \(sm.ties)",
            "mean realised synergy of ties: \(Self.f(sm.meanRealisedSynergy))",
            "cross-kind ties: \(sm.crossKindShare.map { String(format: "%.1f%%", $0 * 100) } ?? "–")",
            "cross-community ties: \(sm.crossCommunityShare.map { String(format: "%.1f%%", $0 * 100) } ?? "–") (\(sm.communities) communities)",
            "E-I index by kind: \(Self.f(sm.eiIndex))  (" + sm.byKind.map { "\($0.kind.rawValue) \(Self.f($0.eiIndex))" }.joined(separator: ", ") + ")",
        ]
        out += lines.map { (markdown ? "- " : "  ") + $0 }.joined(separator: "\n") + "\n"
        return out
    }
}

/// Aligned plain-text and Markdown tables.
enum TextTable {
    static func clip(_ s: String, _ width: Int) -> String { s.count > width ? String(s.prefix(width - 1)) + "…" : s }

    static func render(_ head: [String], _ rows: [[String]], markdown: Bool, rightAligned: Set<Int> = []) -> String {
        if markdown {
            func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
            var out = "| " + head.map(esc).joined(separator: " | ") + " |\n"
            out += "|" + head.indices.map { rightAligned.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
            for r in rows { out += "| " + r.map(esc).joined(separator: " | ") + " |\n" }
            return out
        }
        var widths = head.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count - 1 { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                if i == cells.count - 1 { return c }
                let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
                return rightAligned.contains(i) ? pad + c : c + pad
            }.joined(separator: "  ")
        }
        var out = line(head) + "\n" + widths.enumerated().map { String(repeating: "-", count: $0.offset == widths.count - 1 ? 6 : $0.element) }.joined(separator: "  ") + "\n"
        for r in rows { out += line(r) + "\n" }
        return out
    }
}
