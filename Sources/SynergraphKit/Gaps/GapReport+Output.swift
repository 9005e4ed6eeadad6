import Foundation

extension GapReport {
    public func render(_ format: ReportOutputFormat, scorer: SynergyScorer, limit: Int? = nil) -> String {
        switch format {
        case .table: text(markdown: false, limit: limit)
        case .md: text(markdown: true, limit: limit)
        case .csv: csv(limit: limit)
        case .json: json(limit: limit)
        }
    }

    var shown: ArraySlice<Gap> { gaps[...] }

    func fillerText(_ f: GapFiller) -> String {
        let who = f.partnerName.map { "\(f.name) ↔ \($0)" } ?? f.name
        var s = "\(who) (\(String(format: "%.2f", f.score))): \(f.reason)"
        if !f.wouldChange.isEmpty { s += " Would change: " + f.wouldChange.map(\.text).joined(separator: "; ") + "." }
        return s
    }

    static func effectsJSON(_ effects: [IntroductionEffect]) -> String {
        "[" + effects.map { e in
            "{\"change\": \"\(e.change.rawValue)\", \"category\": \"\(e.category.rawValue)\", \"country\": \(e.country.map(JSONText.string) ?? "null"), \"subject\": \(JSONText.string(e.subject)), \"text\": \(JSONText.string(e.text))}"
        }.joined(separator: ", ") + "]"
    }

    public func csv(limit: Int? = nil) -> String {
        var out = "rank,severity,category,country,subject,title,detail,fillers\n"
        for (i, g) in gaps.prefix(limit ?? gaps.count).enumerated() {
            let cells = [String(i + 1), String(format: "%.2f", g.severity), g.category.rawValue, g.country ?? "", g.subject, g.title, g.detail,
                         g.fillers.map(fillerText).joined(separator: " | ")]
            out += cells.map(CSVText.field).joined(separator: ",") + "\n"
        }
        return out
    }

    public func json(limit: Int? = nil) -> String {
        var out = "{\n  \"network\": \(JSONText.string(network)),\n  \"view\": \(JSONText.string(view)),\n"
        out += "  \"target_countries\": [\(targetCountries.map(JSONText.string).joined(separator: ", "))],\n"
        out += "  \"as_of\": \(asOf.map { JSONText.string($0.description) } ?? "null"), \"active_since\": \(activeSince.map { JSONText.string($0.description) } ?? "null"),\n"
        out += "  \"coverage\": {\"accomplishments\": [\(coverage.accomplishments.map(JSONText.string).joined(separator: ", "))], \"sectors\": [\(coverage.sectors.map(JSONText.string).joined(separator: ", "))], \"cells\": ["
        out += coverage.cells.map { c in
            "\n    {\"country\": \(JSONText.string(c.country)), \"topic\": \(JSONText.string(c.topic)), \"kind\": \"\(c.isAccomplishment ? "accomplishment" : "sector")\", \"organisations\": \(c.organisations.count), \"experts\": \(c.experts.count), \"demanded\": \(c.demanded), \"status\": \"\(c.status)\", \"organisation_ids\": [\(c.organisations.map(JSONText.string).joined(separator: ", "))], \"expert_ids\": [\(c.experts.map(JSONText.string).joined(separator: ", "))], \"unengaged_ids\": [\(c.unengagedOrganisations.map(JSONText.string).joined(separator: ", "))]}"
        }.joined(separator: ",")
        out += coverage.cells.isEmpty ? "]},\n" : "\n  ]},\n"
        out += "  \"gaps\": ["
        for (i, g) in gaps.prefix(limit ?? gaps.count).enumerated() {
            out += i == 0 ? "\n    {" : ",\n    {"
            out += "\"rank\": \(i + 1), \"severity\": \(JSONText.number(g.severity)), \"category\": \"\(g.category.rawValue)\", \"country\": \(g.country.map(JSONText.string) ?? "null"), "
            out += "\"subject\": \(JSONText.string(g.subject)), \"title\": \(JSONText.string(g.title)), \"detail\": \(JSONText.string(g.detail)), "
            out += "\"actors\": [\(g.actors.map(JSONText.string).joined(separator: ", "))], \"unengaged\": [\(g.unengaged.map(JSONText.string).joined(separator: ", "))], "
            out += "\"dormancy\": \(g.dormancy.map { JSONText.string($0.rawValue) } ?? "null"), \"fillers\": ["
            out += g.fillers.map { f in
                "{\"id\": \(JSONText.string(f.id)), \"name\": \(JSONText.string(f.name)), \"partner_id\": \(f.partnerID.map(JSONText.string) ?? "null"), \"partner_name\": \(f.partnerName.map(JSONText.string) ?? "null"), \"score\": \(JSONText.number(f.score)), \"reason\": \(JSONText.string(f.reason)), \"would_change\": \(Self.effectsJSON(f.wouldChange))}"
            }.joined(separator: ", ")
            out += "]}"
        }
        out += gaps.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"warnings\": [\(warnings.map(JSONText.string).joined(separator: ", "))]\n}\n"
        return out
    }

    public func text(markdown: Bool, limit: Int? = nil) -> String {
        var out = markdown ? "## Gaps (\(gaps.count), most severe first)\n\n" : "Gaps (\(gaps.count), most severe first)\n\n"
        for (i, g) in gaps.prefix(limit ?? gaps.count).enumerated() {
            let head = "\(i + 1). [\(String(format: "%.2f", g.severity)) \(g.category.rawValue)] \(g.title)"
            out += markdown ? "\(head)  \n   \(g.detail)\n" : "\(head)\n     \(g.detail)\n"
            for f in g.fillers {
                out += markdown ? "   - filler: \(fillerText(f))\n" : "     → \(fillerText(f))\n"
            }
            if markdown { out += "\n" }
        }
        if let limit, gaps.count > limit { out += "\n… and \(gaps.count - limit) more (--list 0 shows all)\n" }
        guard !targetCountries.isEmpty else { return out + footer(markdown) }
        // Coverage matrix: organisations/experts per cell.
        out += markdown ? "\n## Coverage (partner organisations / experts; 0 = gap, 1 = thin)\n\n" : "\nCoverage (partner organisations / experts; 0 = gap, 1 = thin)\n\n"
        let demandedSectors = coverage.sectors.filter { s in coverage.cells.contains { $0.topic == s && $0.demanded } }
        let topics = coverage.accomplishments + demandedSectors
        var rows: [[String]] = []
        for c in coverage.countries {
            var row = [c]
            for t in topics {
                guard let cell = coverage.cell(c, t) else { row.append(""); continue }
                var s = cell.demanded ? "\(cell.organisations.count)/\(cell.experts.count)" : "·"
                if cell.demanded, cell.organisations.count <= 1 { s += cell.organisations.isEmpty ? "!" : "?" }
                row.append(s)
            }
            row.append("")
            rows.append(row)
        }
        out += TextTable.render(["country"] + topics + [""], rows, markdown: markdown)
        out += "(sectors shown: those asked for in at least one target country; · = not asked for there; ! gap, ? thin)\n"
        return out + footer(markdown)
    }

    func footer(_ markdown: Bool) -> String {
        var out = ""
        if let asOf, let activeSince {
            out += "\nDormancy judged on \(asOf): quiet = an open tie but no tie started or ended and no activity since \(activeSince); lapsed = every tie ended and nothing since.\n"
        }
        for w in warnings { out += "warning: \(w)\n" }
        return out
    }
}
