/// A relationship between two actors.
public struct Tie: Sendable, Equatable {
    /// Id of the first actor (the origin, for directed ties).
    public var source: String
    /// Id of the second actor (the destination, for directed ties).
    public var target: String
    /// Open vocabulary: partnership, affiliation, membership, co-organisation, engagement, funding, ...
    public var kind: String
    /// Tie strength, positive; 1 when not given.
    public var weight: Double
    /// Tie-quality score for trust (as partnership-assessment tools such as PARTNER record it).
    public var trust: Double?
    /// Tie-quality score for value.
    public var value: Double?
    /// First day of the tie (inclusive), if known.
    public var since: Day?
    /// Last day of the tie (inclusive), if it ended.
    public var until: Day?
    /// Explicit direction; nil means the network's rule for this kind (see ``Manifest/directedTieKinds``).
    public var directed: Bool?
    public var sourceRef: String?
    public var attributes: Attributes
    public var origin: FileLocation?

    public init(
        source: String, target: String, kind: String = "partnership", weight: Double = 1, trust: Double? = nil,
        value: Double? = nil, since: Day? = nil, until: Day? = nil, directed: Bool? = nil, sourceRef: String? = nil,
        attributes: Attributes = [], origin: FileLocation? = nil
    ) {
        self.source = source
        self.target = target
        self.kind = kind
        self.weight = weight
        self.trust = trust
        self.value = value
        self.since = since
        self.until = until
        self.directed = directed
        self.sourceRef = sourceRef
        self.attributes = attributes
        self.origin = origin
    }

    public static func == (a: Tie, b: Tie) -> Bool {
        a.source == b.source && a.target == b.target && a.kind == b.kind && a.weight == b.weight
            && a.trust == b.trust && a.value == b.value && a.since == b.since && a.until == b.until
            && a.directed == b.directed && a.sourceRef == b.sourceRef
            && a.attributes.map(\.key) == b.attributes.map(\.key)
            && a.attributes.map(\.value) == b.attributes.map(\.value)
    }
}
