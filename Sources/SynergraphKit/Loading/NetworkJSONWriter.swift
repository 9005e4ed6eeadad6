import Foundation

/// Writes the self-contained JSON form of a network (read back by ``NetworkJSONReader``).
/// Keys are sorted and absent values left out, so the same network always gives the same bytes.
public enum NetworkJSONWriter {
    public static func data(_ network: Network) throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try enc.encode(Document(network))
    }

    private struct Document: Encodable {
        var format_version = Manifest.currentFormatVersion
        var manifest: Manifest
        var nodes: [NodeDTO]
        var ties: [TieDTO]
        var activities: [ActivityDTO]
        var participation: [ParticipationDTO]

        init(_ n: Network) {
            manifest = n.manifest
            nodes = n.nodes.map(NodeDTO.init)
            ties = n.ties.map(TieDTO.init)
            activities = n.activities.map(ActivityDTO.init)
            participation = n.participation.map(ParticipationDTO.init)
        }
    }

    private static func attributes(_ a: Attributes) -> [String: String]? {
        a.isEmpty ? nil : Dictionary(a.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    private struct NodeDTO: Encodable {
        var id: String, name: String, kind: String, scope: String?, country: String?
        var sdgs: [Int]?, accomplishments: [String]?, sectors: [String]?, consent: Bool?, source_ref: String?
        var attributes: [String: String]?
        init(_ n: Node) {
            id = n.id; name = n.name; kind = n.kind.rawValue; scope = n.scope?.rawValue; country = n.country
            sdgs = n.sdgs.isEmpty ? nil : n.sdgs
            accomplishments = n.accomplishments.isEmpty ? nil : n.accomplishments.map(\.rawValue)
            sectors = n.sectors.isEmpty ? nil : n.sectors
            consent = n.consent; source_ref = n.sourceRef; attributes = NetworkJSONWriter.attributes(n.attributes)
        }
    }

    private struct TieDTO: Encodable {
        var source: String, target: String, kind: String, weight: Double, trust: Double?, value: Double?
        var since: Day?, until: Day?, directed: Bool?, source_ref: String?, attributes: [String: String]?
        init(_ t: Tie) {
            source = t.source; target = t.target; kind = t.kind; weight = t.weight; trust = t.trust; value = t.value
            since = t.since; until = t.until; directed = t.directed; source_ref = t.sourceRef
            attributes = NetworkJSONWriter.attributes(t.attributes)
        }
    }

    private struct ActivityDTO: Encodable {
        var id: String, name: String, kind: String, date: Day, end_date: Day?, country: String?
        var accomplishments: [String]?, sdgs: [Int]?, sectors: [String]?, source_ref: String?, attributes: [String: String]?
        init(_ a: Activity) {
            id = a.id; name = a.name; kind = a.kind; date = a.date; end_date = a.endDate; country = a.country
            accomplishments = a.accomplishments.isEmpty ? nil : a.accomplishments.map(\.rawValue)
            sdgs = a.sdgs.isEmpty ? nil : a.sdgs
            sectors = a.sectors.isEmpty ? nil : a.sectors
            source_ref = a.sourceRef; attributes = NetworkJSONWriter.attributes(a.attributes)
        }
    }

    private struct ParticipationDTO: Encodable {
        var activity: String, node: String, role: String?, source_ref: String?
        init(_ p: Participation) { activity = p.activity; node = p.node; role = p.role; source_ref = p.sourceRef }
    }
}
