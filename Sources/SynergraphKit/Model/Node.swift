/// An actor in a partner network: an agency, school, civil-society organisation, expert or government body.
public struct Node: Sendable, Equatable {
    /// Stable identifier, unique in its network.
    public var id: String
    /// Display name. For experts, published only with ``consent`` (see ``displayName(showAllNames:ordinal:)``).
    public var name: String
    public var kind: NodeKind
    /// Reach, for agencies.
    public var scope: AgencyScope?
    /// ISO 3166-1 alpha-3 code of the country the actor is based in.
    public var country: String?
    /// Sustainable Development Goals (1-17) the actor works on, ascending, without repeats.
    public var sdgs: [Int]
    /// Expected accomplishments the actor contributes to, ascending, without repeats.
    public var accomplishments: [Accomplishment]
    /// Sectors (open vocabulary, lowercased), in the order given, without repeats.
    public var sectors: [String]
    /// For experts: whether they agreed to be named in published outputs. Absent means no.
    public var consent: Bool?
    /// Where the facts about this actor came from.
    public var sourceRef: String?
    /// Attributes the model does not know, kept as read.
    public var attributes: Attributes
    /// Where the record was read, if it was read from a file.
    public var origin: FileLocation?

    public init(
        id: String, name: String, kind: NodeKind, scope: AgencyScope? = nil, country: String? = nil,
        sdgs: [Int] = [], accomplishments: [Accomplishment] = [], sectors: [String] = [],
        consent: Bool? = nil, sourceRef: String? = nil, attributes: Attributes = [], origin: FileLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.scope = scope
        self.country = country
        self.sdgs = sdgs
        self.accomplishments = accomplishments
        self.sectors = sectors
        self.consent = consent
        self.sourceRef = sourceRef
        self.attributes = attributes
        self.origin = origin
    }

    /// Whether this node may be named in published outputs: organisations always, experts only with consent.
    public var mayBeNamed: Bool { kind != .expert || consent == true }

    /// The value of a free-form attribute.
    public func attribute(_ key: String) -> String? {
        attributes.first(where: { $0.key == key })?.value
    }

    public static func == (a: Node, b: Node) -> Bool {
        a.id == b.id && a.name == b.name && a.kind == b.kind && a.scope == b.scope && a.country == b.country
            && a.sdgs == b.sdgs && a.accomplishments == b.accomplishments && a.sectors == b.sectors
            && a.consent == b.consent && a.sourceRef == b.sourceRef
            && a.attributes.map(\.key) == b.attributes.map(\.key)
            && a.attributes.map(\.value) == b.attributes.map(\.value)
    }
}
