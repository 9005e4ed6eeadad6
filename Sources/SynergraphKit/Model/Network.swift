/// A whole partner network as loaded and validated: every reference resolves, every id is unique.
///
/// Build one through ``NetworkLoader`` (which validates) or ``Network/init(manifest:nodes:ties:activities:participation:)``
/// followed by ``NetworkValidator``. Graph views (``NetworkView``) index into these arrays without copying them.
public struct Network: Sendable {
    public var manifest: Manifest
    public private(set) var nodes: [Node]
    public private(set) var ties: [Tie]
    public private(set) var activities: [Activity]
    public private(set) var participation: [Participation]
    /// Position of each node id in ``nodes``.
    public private(set) var nodeIndex: [String: Int]
    /// Position of each activity id in ``activities``.
    public private(set) var activityIndex: [String: Int]

    /// Assembles a network. Later duplicates of an id do not replace the first in the indexes; use
    /// ``NetworkValidator`` to report them.
    public init(manifest: Manifest, nodes: [Node], ties: [Tie] = [], activities: [Activity] = [], participation: [Participation] = []) {
        self.manifest = manifest
        self.nodes = nodes
        self.ties = ties
        self.activities = activities
        self.participation = participation
        var ni = [String: Int](minimumCapacity: nodes.count)
        for (i, n) in nodes.enumerated() where ni[n.id] == nil { ni[n.id] = i }
        var ai = [String: Int](minimumCapacity: activities.count)
        for (i, a) in activities.enumerated() where ai[a.id] == nil { ai[a.id] = i }
        nodeIndex = ni
        activityIndex = ai
        var ordinal = [Int32](repeating: 0, count: nodes.count)
        var k: Int32 = 0
        for (i, n) in nodes.enumerated() where n.kind == .expert {
            k += 1
            ordinal[i] = k
        }
        expertOrdinal = ordinal
    }

    /// The node with this id.
    /// Drops the ties (the indexes stay valid: they index actors and activities), for a caller that reads
    /// only the actors from here on and wants the memory back (`validate` before its duplicate scan).
    public mutating func removeAllTies() { ties = [] }

    public func node(_ id: String) -> Node? { nodeIndex[id].map { nodes[$0] } }

    /// Whether a tie is directed under the network's conventions.
    public func isDirected(_ tie: Tie) -> Bool {
        tie.directed ?? manifest.directedTieKinds.contains(tie.kind)
    }

    /// The name to publish for node `i`: its name if it may be named (or `showAllNames`), otherwise
    /// "Expert N" where N is the expert's 1-based position among the network's experts, which does not
    /// depend on the view, the filter or the name.
    public func displayName(ofNode i: Int, showAllNames: Bool = false) -> String {
        let n = nodes[i]
        if showAllNames || n.mayBeNamed { return n.name }
        return "Expert \(expertOrdinal[i])"
    }

    /// A stable public identifier for node `i`: its id, or `expert-N` for experts who may not be named
    /// (ids of people often spell their names).
    public func publicID(ofNode i: Int, showAllNames: Bool = false) -> String {
        let n = nodes[i]
        if showAllNames || n.mayBeNamed { return n.id }
        return "expert-\(expertOrdinal[i])"
    }

    /// The node position for an id as outputs show it: a node id, or `expert-N` for the N-th expert.
    public func nodeIndex(forPublicID id: String) -> Int? {
        if let i = nodeIndex[id] { return i }
        guard id.hasPrefix("expert-"), let k = Int32(id.dropFirst(7)), k > 0 else { return nil }
        return expertOrdinal.firstIndex(of: k)
    }

    /// 1-based position of each expert among the network's experts (0 for organisations).
    private var expertOrdinal: [Int32]
}
