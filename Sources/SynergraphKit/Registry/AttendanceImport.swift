import Foundation

/// What each row of an attendance list became, and the participation rows and new actors it gives.
///
/// Rows are matched with ``AttendanceMatcher``. A matched organisation takes part in the activity; an
/// unmatched one is proposed as a new actor (id: its name as a slug; kind `school` when its name says
/// university, school, college, academy or institute, `government` for a ministry, department or
/// commission, else `other`; its `source_ref` says it was added from the list and is to be reviewed);
/// an ambiguous one is left for the user (``resolve``). A person who is an expert of the register takes
/// part too; anyone else is counted, not stored.
public struct AttendanceImport: Sendable {
    public struct RowResult: Sendable {
        public var place: FileLocation
        public var organisation: String
        public var country: String?
        public var match: OrganisationMatch
        /// The actor the row's organisation becomes: the match, a resolved choice, or the proposed new actor.
        public var actor: String?
        /// A new actor proposed for this row.
        public var proposed: Node?
        /// The expert the person is, if the register has them.
        public var expert: String?
        /// Whether the row names a person who is not an expert of the register (not stored).
        public var personNotInRegister: Bool
        public var role: String?
    }

    public var activity: String
    public var source: String
    public var columns: AttendanceColumns
    public var rows: [RowResult]

    /// Matches every row; `resolve` maps an organisation's text (any case) to the actor id to use.
    public init(list: AttendanceList, columns: AttendanceColumns, network: Network, activity: String, resolve: [String: String] = [:]) {
        self.activity = activity
        self.columns = columns
        let source = "attendance list \((list.file as NSString).lastPathComponent) (\(activity))"
        self.source = source
        let matcher = AttendanceMatcher(network: network)
        var proposedByKey: [String: Node] = [:]
        var taken = Set(network.nodes.map(\.id))
        let resolved = Dictionary(resolve.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        rows = list.rows.map { [columns] row in
            func cell(_ f: AttendanceColumns.Field) -> String? {
                guard let i = columns.columns[f], i < row.cells.count else { return nil }
                let t = row.cells[i].trimmingWhitespace()
                return t.isEmpty ? nil : t
            }
            let org = cell(.organisation) ?? ""
            let country = cell(.country).flatMap { Countries.code(for: $0) }
            var match = matcher.matchOrganisation(org, country: country)
            var actor: String? = match.outcome == .matched ? match.candidates.first?.id : nil
            if let choice = resolved[org.lowercased()], network.nodeIndex[choice] != nil {
                actor = choice
                match = OrganisationMatch(outcome: .matched, candidates: [.init(id: choice, score: 1, reason: "chosen")])
            }
            var proposed: Node?
            if match.outcome == .unmatched, !org.isEmpty {
                let key = OrganisationNames.normalised(org)
                if let p = proposedByKey[key] {
                    proposed = p
                } else {
                    var id = NetworkName.slug(org)
                    var k = 2
                    while taken.contains(id) { id = NetworkName.slug(org) + "-\(k)"; k += 1 }
                    taken.insert(id)
                    let p = Node(id: id, name: org, kind: Self.guessKind(org), country: country,
                                 sourceRef: "\(source); new, to review")
                    proposedByKey[key] = p
                    proposed = p
                }
                actor = proposed?.id
            }
            let person = cell(.person)
            let expert = matcher.matchPerson(name: person, email: cell(.email))
            return RowResult(place: row.place, organisation: org, country: country, match: match, actor: actor, proposed: proposed,
                             expert: expert, personNotInRegister: expert == nil && (person != nil || cell(.email) != nil),
                             role: cell(.role)?.lowercased())
        }
    }

    static func guessKind(_ name: String) -> NodeKind {
        let words = Set(OrganisationNames.tokens(name))
        if !words.isDisjoint(with: ["university", "school", "college", "academy", "institute", "universite"]) { return .school }
        if !words.isDisjoint(with: ["ministry", "department", "commission", "government", "municipality", "council"]) { return .government }
        return .other
    }

    /// The network with the list's participation rows added (organisations, and experts of the register),
    /// and the proposed new actors, skipping what the network already has: a rerun adds nothing.
    public func applied(to network: Network) -> (network: Network, participation: Int, actors: Int) {
        var nodes = network.nodes
        var participation = network.participation
        var have = Set(participation.map { $0.activity + "\u{1F}" + $0.node })
        var ids = Set(nodes.map(\.id))
        var addedActors = 0, addedRows = 0
        for r in rows {
            if let p = r.proposed, !ids.contains(p.id) {
                nodes.append(p)
                ids.insert(p.id)
                addedActors += 1
            }
            for id in [r.actor, r.expert].compactMap({ $0 }) where have.insert(activity + "\u{1F}" + id).inserted {
                participation.append(Participation(activity: activity, node: id, role: r.role ?? "participant", sourceRef: source))
                addedRows += 1
            }
        }
        let out = Network(manifest: network.manifest, nodes: nodes, ties: network.ties, activities: network.activities, participation: participation)
        return (out, addedRows, addedActors)
    }

    /// The report as text: the column mapping, then one line per row.
    public func text(header: [String], network: Network) -> String {
        var out = "Columns: " + AttendanceColumns.Field.allCases.map { f in
            "\(f.rawValue) = " + (columns.columns[f].map { "\(quoted(header[$0]))" } ?? "(none)")
        }.joined(separator: ", ") + "\n"
        func name(_ id: String) -> String { network.nodeIndex[id].map { network.displayName(ofNode: $0) } ?? id }
        var counts: [OrganisationMatch.Outcome: Int] = [:]
        for r in rows {
            counts[r.match.outcome, default: 0] += 1
            var line = "\(r.place): \(quoted(r.organisation))\(r.country.map { " [\($0)]" } ?? ""): "
            switch r.match.outcome {
            case .matched:
                let c = r.match.candidates[0]
                line += "matched \(c.id) (\(name(c.id))), \(c.reason), score \(String(format: "%.2f", c.score))"
            case .ambiguous:
                line += "ambiguous: " + r.match.candidates.map { "\($0.id) \(String(format: "%.2f", $0.score))" }.joined(separator: ", ")
                    + "; choose with --match \"\(r.organisation)=ID\""
            case .unmatched:
                line += r.organisation.isEmpty ? "no organisation" : "unmatched: new actor \(r.proposed?.id ?? "?") (\(r.proposed?.kind.rawValue ?? "other")), to review"
            }
            if let e = r.expert { line += "; person: expert \(network.publicID(ofNode: network.nodeIndex[e]!))" }
            if r.personNotInRegister { line += "; person not in the register (not stored)" }
            out += line + "\n"
        }
        out += "\(rows.count) rows: \(counts[.matched] ?? 0) matched, \(counts[.ambiguous] ?? 0) ambiguous, \(counts[.unmatched] ?? 0) unmatched\n"
        return out
    }
}
