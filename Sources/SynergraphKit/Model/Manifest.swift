/// What a network is: its name, purpose, target countries and conventions.
public struct Manifest: Sendable, Equatable, Codable {
    /// The on-disk format version this network was written in.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    /// Short machine name (used for output folders), e.g. `unpog-asia-pacific`.
    public var name: String
    /// Human title for maps and reports.
    public var title: String?
    public var description: String?
    /// ISO 3166-1 alpha-3 codes of the countries the office targets.
    public var targetCountries: [String]
    /// Id of the office's own node, if it is in the network.
    public var hub: String?
    /// Tie kinds that are directed (source → target) unless a tie says otherwise.
    public var directedTieKinds: [String]
    /// Whether the data is illustrative rather than an official record.
    public var illustrative: Bool?
    /// The date the data describes.
    public var asOf: Day?
    public var sourceRef: String?

    public init(
        name: String, title: String? = nil, description: String? = nil, targetCountries: [String] = [],
        hub: String? = nil, directedTieKinds: [String] = ["funding"], illustrative: Bool? = nil, asOf: Day? = nil,
        sourceRef: String? = nil, formatVersion: Int = Manifest.currentFormatVersion
    ) {
        self.formatVersion = formatVersion
        self.name = name
        self.title = title
        self.description = description
        self.targetCountries = targetCountries
        self.hub = hub
        self.directedTieKinds = directedTieKinds
        self.illustrative = illustrative
        self.asOf = asOf
        self.sourceRef = sourceRef
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", name, title, description
        case targetCountries = "target_countries", hub, directedTieKinds = "directed_tie_kinds"
        case illustrative, asOf = "as_of", sourceRef = "source_ref"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.decodeIfPresent(Int.self, forKey: .formatVersion) ?? Manifest.currentFormatVersion
        name = try c.decode(String.self, forKey: .name)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        targetCountries = try c.decodeIfPresent([String].self, forKey: .targetCountries) ?? []
        hub = try c.decodeIfPresent(String.self, forKey: .hub)
        directedTieKinds = try c.decodeIfPresent([String].self, forKey: .directedTieKinds) ?? ["funding"]
        illustrative = try c.decodeIfPresent(Bool.self, forKey: .illustrative)
        asOf = try c.decodeIfPresent(Day.self, forKey: .asOf)
        sourceRef = try c.decodeIfPresent(String.self, forKey: .sourceRef)
    }
}
