import Foundation

/// Writes a network as one `.xlsx` workbook: the sheets `manifest` (key and value rows), `nodes`,
/// `ties`, `activities` and `participation`, with the columns of the folder form (Networks/README.md),
/// then any attribute columns in order of first appearance. Weights and scores are numbers, dates are
/// dates, lists are `;`-separated text, booleans are `yes`/`no` as in the CSV tables. Every table sheet
/// has drop-down lists for its closed vocabularies (kind, scope, consent, accomplishments) and
/// suggestions for the open ones (tie kinds, roles). Read back by ``WorkbookNetworkReader`` to the same
/// network.
public enum NetworkWorkbookWriter {
    static let nodeHeader = ["id", "name", "kind", "scope", "country", "sdgs", "accomplishments", "sectors", "consent", "source_ref"]
    static let tieHeader = ["source", "target", "kind", "weight", "trust", "value", "since", "until", "directed", "source_ref"]
    static let activityHeader = ["id", "name", "kind", "date", "end_date", "country", "accomplishments", "sdgs", "sectors", "source_ref"]
    static let participationHeader = ["activity", "node", "role", "source_ref"]
    /// Tie kinds the bundled data uses (Networks/README.md); others may be typed.
    static let tieKinds = ["partnership", "affiliation", "membership", "co-organisation", "engagement", "funding"]
    static let accomplishmentChoices = ["EA1", "EA2", "EA3", "EA1;EA2", "EA1;EA3", "EA2;EA3", "EA1;EA2;EA3"]

    /// The sheets of a network's workbook.
    public static func sheets(_ network: Network) -> [WorkbookSheet] {
        func text(_ s: String?) -> WorkbookCell { s.map { .text($0) } ?? .empty }
        func date(_ d: Day?) -> WorkbookCell { d.map { .date($0) } ?? .empty }
        func yesNo(_ b: Bool?) -> WorkbookCell { b.map { .text($0 ? "yes" : "no") } ?? .empty }
        func list(_ l: [String]) -> WorkbookCell { l.isEmpty ? .empty : .text(l.joined(separator: ";")) }

        let m = network.manifest
        var manifestRows: [[WorkbookCell]] = [
            [.text("format_version"), .number(Double(m.formatVersion))],
            [.text("name"), .text(m.name)],
            [.text("title"), text(m.title)],
            [.text("description"), text(m.description)],
            [.text("target_countries"), list(m.targetCountries)],
            [.text("hub"), text(m.hub)],
            [.text("directed_tie_kinds"), m.directedTieKinds.isEmpty ? .text(";") : list(m.directedTieKinds)],
            [.text("illustrative"), yesNo(m.illustrative)],
            [.text("as_of"), date(m.asOf)],
            [.text("source_ref"), text(m.sourceRef)],
        ]
        manifestRows = manifestRows.map { $0 }
        var manifestSheet = WorkbookSheet(name: "manifest", header: ["key", "value"], rows: manifestRows)
        manifestSheet.dropDownRows = 0

        let nodes = table("nodes", nodeHeader, network.nodes.map { n in
            [.text(n.id), .text(n.name), .text(n.kind.rawValue), text(n.scope?.rawValue), text(n.country),
             list(n.sdgs.map(String.init)), list(n.accomplishments.map(\.rawValue)), list(n.sectors), yesNo(n.consent), text(n.sourceRef)]
        }, network.nodes.map(\.attributes), dropDowns: [
            (2, NodeKind.allCases.map(\.rawValue), true), (3, AgencyScope.allCases.map(\.rawValue), true),
            (6, accomplishmentChoices, false), (8, ["yes", "no"], true),
        ])
        let ties = table("ties", tieHeader, network.ties.map { t in
            [.text(t.source), .text(t.target), .text(t.kind), .number(t.weight), t.trust.map { .number($0) } ?? .empty,
             t.value.map { .number($0) } ?? .empty, date(t.since), date(t.until), yesNo(t.directed), text(t.sourceRef)]
        }, network.ties.map(\.attributes), dropDowns: [(2, tieKinds, false), (8, ["yes", "no"], true)])
        let activities = table("activities", activityHeader, network.activities.map { a in
            [.text(a.id), .text(a.name), .text(a.kind), .date(a.date), date(a.endDate), text(a.country),
             list(a.accomplishments.map(\.rawValue)), list(a.sdgs.map(String.init)), list(a.sectors), text(a.sourceRef)]
        }, network.activities.map(\.attributes), dropDowns: [(2, ["workshop", "training", "forum", "study visit", "webinar"], false), (6, accomplishmentChoices, false)])
        let participation = table("participation", participationHeader, network.participation.map { p in
            [.text(p.activity), .text(p.node), text(p.role), text(p.sourceRef)]
        }, network.participation.map { _ in [] }, dropDowns: [(2, ["organiser", "participant", "speaker", "resource person"], false)])
        return [manifestSheet, nodes, ties, activities, participation]
    }

    /// The workbook's bytes.
    public static func data(_ network: Network) throws -> Data { try XLSXWriter.data(sheets(network)) }

    private static func table(_ name: String, _ header: [String], _ rows: [[WorkbookCell]], _ attributes: [Attributes],
                              dropDowns: [(column: Int, values: [String], strict: Bool)]) -> WorkbookSheet {
        let extra = ModelColumns.attributeNames(attributes).filter { !header.contains($0.lowercased()) }
        var out: [[WorkbookCell]] = []
        out.reserveCapacity(rows.count)
        for (row, attrs) in zip(rows, attributes) {
            out.append(row + extra.map { k in attrs.first(where: { $0.key == k }).map { .text($0.value) } ?? .empty })
        }
        return WorkbookSheet(name: name, header: header + extra, rows: out, dropDowns: dropDowns)
    }
}
