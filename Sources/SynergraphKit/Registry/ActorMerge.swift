/// Merges a confirmed duplicate into the actor kept: its ties, participation and attributes move to the
/// kept id, and the dropped row goes.
///
/// - Ties naming the dropped id name the kept one; a tie that joined the two becomes a self-loop and is
///   removed.
/// - Participation moves; a participation the kept actor already has for that activity is not repeated.
/// - Fields: the kept actor's win; those it lacks (scope, country, consent, source_ref) come from the
///   dropped one; sdgs, accomplishments and sectors are united; attributes it lacks are added; the
///   dropped name, when different, is kept as `also_known_as` (`;`-joined); `source_ref` notes the merge.
/// - The manifest's hub follows the kept id.
public enum ActorMerge {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public struct Result: Sendable {
        public var network: Network
        public var tiesMoved: Int
        public var tiesRemoved: Int
        public var participationMoved: Int
    }

    public static func merge(_ network: Network, keep: String, drop: String) throws(Failure) -> Result {
        guard keep != drop else { throw Failure(description: "KEEP and DROP are the same id \(quoted(keep))") }
        guard let ki = network.nodeIndex(forPublicID: keep) else { throw Failure(description: "no actor \(quoted(keep)) in the network (KEEP)") }
        guard let di = network.nodeIndex(forPublicID: drop) else { throw Failure(description: "no actor \(quoted(drop)) in the network (DROP)") }
        var kept = network.nodes[ki]
        let dropped = network.nodes[di]
        if kept.scope == nil { kept.scope = dropped.scope }
        if kept.country == nil { kept.country = dropped.country }
        if kept.consent == nil { kept.consent = dropped.consent }
        kept.sdgs = Array(Set(kept.sdgs + dropped.sdgs)).sorted()
        kept.accomplishments = Array(Set(kept.accomplishments + dropped.accomplishments)).sorted()
        kept.sectors = (kept.sectors + dropped.sectors).uniqued()
        for (k, v) in dropped.attributes where kept.attribute(k) == nil { kept.attributes.append((k, v)) }
        if dropped.name != kept.name {
            if let i = kept.attributes.firstIndex(where: { $0.key == "also_known_as" }) {
                if !kept.attributes[i].value.split(separator: ";").contains(Substring(dropped.name)) { kept.attributes[i].value += ";" + dropped.name }
            } else {
                kept.attributes.append(("also_known_as", dropped.name))
            }
        }
        let note = "merged from \(dropped.id)" + (dropped.sourceRef.map { " (\($0))" } ?? "")
        kept.sourceRef = [kept.sourceRef, note].compactMap { $0 }.joined(separator: "; ")
        var nodes = network.nodes
        nodes[ki] = kept
        nodes.remove(at: di)
        let keepID = kept.id, dropID = dropped.id
        var moved = 0, removed = 0
        var ties: [Tie] = []
        for var t in network.ties {
            var changed = false
            if t.source == dropID { t.source = keepID; changed = true }
            if t.target == dropID { t.target = keepID; changed = true }
            if changed, t.source == t.target {
                removed += 1
                continue
            }
            if changed { moved += 1 }
            ties.append(t)
        }
        var seen = Set(network.participation.filter { $0.node == keepID }.map(\.activity))
        var participation: [Participation] = []
        var pm = 0
        for var p in network.participation {
            if p.node == dropID {
                guard seen.insert(p.activity).inserted else { continue }
                p.node = keepID
                pm += 1
            }
            participation.append(p)
        }
        var manifest = network.manifest
        if manifest.hub == dropID { manifest.hub = keepID }
        return Result(network: Network(manifest: manifest, nodes: nodes, ties: ties, activities: network.activities, participation: participation),
                      tiesMoved: moved, tiesRemoved: removed, participationMoved: pm)
    }
}
