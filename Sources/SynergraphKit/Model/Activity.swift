/// A workshop, training, forum, study visit or webinar. Its participants are tied by co-participation.
public struct Activity: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Open vocabulary: workshop, training, forum, study visit, webinar, ...
    public var kind: String
    /// First day.
    public var date: Day
    /// Last day, for activities over several days.
    public var endDate: Day?
    /// ISO 3166-1 alpha-3 code of the host country (nil for online activities).
    public var country: String?
    public var accomplishments: [Accomplishment]
    public var sdgs: [Int]
    public var sectors: [String]
    public var sourceRef: String?
    public var attributes: Attributes
    public var origin: FileLocation?

    public init(
        id: String, name: String, kind: String, date: Day, endDate: Day? = nil, country: String? = nil,
        accomplishments: [Accomplishment] = [], sdgs: [Int] = [], sectors: [String] = [], sourceRef: String? = nil,
        attributes: Attributes = [], origin: FileLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.date = date
        self.endDate = endDate
        self.country = country
        self.accomplishments = accomplishments
        self.sdgs = sdgs
        self.sectors = sectors
        self.sourceRef = sourceRef
        self.attributes = attributes
        self.origin = origin
    }

    /// The last day of the activity (``endDate`` or ``date``).
    public var lastDay: Day { endDate ?? date }

    public static func == (a: Activity, b: Activity) -> Bool {
        a.id == b.id && a.name == b.name && a.kind == b.kind && a.date == b.date && a.endDate == b.endDate
            && a.country == b.country && a.accomplishments == b.accomplishments && a.sdgs == b.sdgs
            && a.sectors == b.sectors && a.sourceRef == b.sourceRef
            && a.attributes.map(\.key) == b.attributes.map(\.key)
            && a.attributes.map(\.value) == b.attributes.map(\.value)
    }
}

/// An actor's part in an activity.
public struct Participation: Sendable, Equatable {
    public var activity: String
    public var node: String
    /// Open vocabulary: organiser, participant, speaker, resource person, ...
    public var role: String?
    public var sourceRef: String?
    public var origin: FileLocation?

    public init(activity: String, node: String, role: String? = nil, sourceRef: String? = nil, origin: FileLocation? = nil) {
        self.activity = activity
        self.node = node
        self.role = role
        self.sourceRef = sourceRef
        self.origin = origin
    }

    public static func == (a: Participation, b: Participation) -> Bool {
        a.activity == b.activity && a.node == b.node && a.role == b.role && a.sourceRef == b.sourceRef
    }
}
