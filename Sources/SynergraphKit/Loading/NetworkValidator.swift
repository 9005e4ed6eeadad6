/// Checks that hold across the tables of a network: unique ids and references that resolve.
public enum NetworkValidator {
    /// Every cross-record problem of `network`, in table order.
    ///
    /// - Parameter namePlace: where the manifest's `name` is written, when known (else the manifest file).
    public static func check(_ network: Network, manifestFile: String = "manifest.json", namePlace: FileLocation? = nil) -> [Diagnostic] {
        var log = DiagnosticLog()
        if let problem = NetworkName.problem(network.manifest.name) {
            log.error(.badName, namePlace ?? FileLocation(file: manifestFile),
                      "the network name \(quoted(network.manifest.name)) cannot name an output folder: \(problem); write it with lowercase letters, digits and '-', e.g. \(quoted(NetworkName.slug(network.manifest.name)))")
        }
        func place(_ o: FileLocation?) -> FileLocation { o ?? FileLocation(file: manifestFile) }

        // Where each id was first defined, as the node's index (a place per actor would cost a hundred bytes
        // each on a large register, held while every tie is in memory).
        var firstNode = [String: Int](minimumCapacity: network.nodes.count)
        for (i, n) in network.nodes.enumerated() {
            if let first = firstNode[n.id] {
                log.error(.duplicateID, place(n.origin), "duplicate node id \(quoted(n.id))\(firstDefined(network.nodes[first].origin, n.origin))")
            } else {
                firstNode[n.id] = i
            }
        }
        var firstActivity: [String: FileLocation?] = [:]
        for a in network.activities {
            if let first = firstActivity[a.id] {
                log.error(.duplicateID, place(a.origin), "duplicate activity id \(quoted(a.id))\(firstDefined(first, a.origin))")
            } else {
                firstActivity[a.id] = a.origin
            }
        }
        // Both ends checked without an array of them per tie, nor a copy of each tie (1M ties: 1M
        // allocations, 1M copies).
        let nodeIndex = network.nodeIndex
        let ties = network.ties
        for i in ties.indices {
            let source = ties[i].source, target = ties[i].target
            if nodeIndex[source] == nil {
                log.error(.unknownNode, place(ties[i].origin), "tie \(source) – \(target) names node \(quoted(source)), which is not in the nodes table")
            }
            if nodeIndex[target] == nil {
                log.error(.unknownNode, place(ties[i].origin), "tie \(source) – \(target) names node \(quoted(target)), which is not in the nodes table")
            }
            if source == target {
                log.warning(.selfLoop, place(ties[i].origin), "tie from \(quoted(source)) to itself; metrics leave self-loops out")
            }
        }
        var seenParticipation = Set<String>()
        for p in network.participation {
            if network.activityIndex[p.activity] == nil {
                log.error(.unknownActivity, place(p.origin), "participation names activity \(quoted(p.activity)), which is not in the activities table")
            }
            if network.nodeIndex[p.node] == nil {
                log.error(.unknownNode, place(p.origin), "participation names node \(quoted(p.node)), which is not in the nodes table")
            }
            if !seenParticipation.insert(p.activity + "\u{1F}" + p.node).inserted {
                log.warning(.duplicateRecord, place(p.origin), "\(quoted(p.node)) is listed twice for activity \(quoted(p.activity))")
            }
        }
        let manifestPlace = FileLocation(file: manifestFile)
        for c in network.manifest.targetCountries where !(c.utf8.count == 3 && c.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }) {
            log.error(.badCountry, manifestPlace, "target country \(quoted(c)) is not an ISO 3166-1 alpha-3 code such as NPL")
        }
        if let hub = network.manifest.hub, network.nodeIndex[hub] == nil {
            log.warning(.unknownNode, manifestPlace, "hub \(quoted(hub)) is not a node of the network")
        }
        return log.items
    }

    /// "; first defined on line 2" (same file) or "; first defined at other.csv:2".
    private static func firstDefined(_ first: FileLocation?, _ here: FileLocation?) -> String {
        guard let first else { return "" }
        if first.file == here?.file, let line = first.line { return "; first defined on line \(line)" }
        return "; first defined at \(first)"
    }
}
