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
        out += "]},\n  \"pairs\": ["
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
            out += "\"reason\": \(JSONText.string(p.reason))}"
        }
        out += pairs.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    public func csv() -> String {
        var out = "rank,a_id,a_name,a_kind,b_id,b_name,b_kind,tied,synergy,thematic,geographic,complementarity,structural,bridging,reason\n"
        for (i, p) in pairs.enumerated() {
            let c = p.components
            let cells = [String(i + 1), scorer.publicID(p.a), scorer.name(p.a), scorer.view.node(p.a).kind.rawValue,
                         scorer.publicID(p.b), scorer.name(p.b), scorer.view.node(p.b).kind.rawValue, p.tied ? "true" : "false",
                         JSONText.number(p.total), JSONText.number(c.thematic), JSONText.number(c.geographic), JSONText.number(c.complementarity),
                         JSONText.number(c.structural), JSONText.number(c.bridging), p.reason]
            out += cells.map(CSVText.field).joined(separator: ",") + "\n"
        }
        return out
    }

    public func table(markdown: Bool) -> String {
        var out = ""
        let title: String
        switch mode {
        case .top: title = "Recommended introductions (highest latent synergy)"
        case .actor: title = pairs.first.map { "Best new partners for \(scorer.name($0.a))" } ?? "Best new partners"
        case .pair: title = "Synergy of one pair"
        }
        out += markdown ? "## \(title)\n\n" : "\(title)\n\n"
        let head = ["#", "actor A", "actor B", "synergy", "T", "G", "K", "S", "B", "reason"]
        var rows: [[String]] = []
        for (i, p) in pairs.enumerated() {
            let c = p.components
            rows.append([String(i + 1), TextTable.clip(scorer.name(p.a), 34), TextTable.clip(scorer.name(p.b), 34),
                         Self.f(p.total) + (p.tied ? " (tied)" : ""), Self.f(c.thematic), Self.f(c.geographic), Self.f(c.complementarity),
                         Self.f(c.structural), Self.f(c.bridging), p.reason])
        }
        out += TextTable.render(head, rows, markdown: markdown, rightAligned: [0, 3, 4, 5, 6, 7, 8])
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
