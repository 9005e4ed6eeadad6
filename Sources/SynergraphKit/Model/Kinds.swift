/// What an actor in a partner network is.
public enum NodeKind: String, Sendable, CaseIterable, Codable, Comparable {
    /// An international, regional, national or local agency (see ``AgencyScope``).
    case agency
    /// A school or institute of public administration, civil-service academy or university department.
    case school
    /// A civil-society organisation, association, network or think tank.
    case cso
    /// An individual expert (a person: see ``Node/consent``).
    case expert
    /// A ministry or public institution of a member state: the beneficiaries.
    case government
    /// An actor whose kind the data does not say (generic graphs from elsewhere, such as plain edge lists).
    case other

    public static func < (a: NodeKind, b: NodeKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Plural noun for summaries ("schools").
    public var plural: String {
        switch self {
        case .agency: "agencies"
        case .school: "schools"
        case .cso: "civil-society organisations"
        case .expert: "experts"
        case .government: "government bodies"
        case .other: "other actors"
        }
    }
}

/// The reach of an agency.
public enum AgencyScope: String, Sendable, CaseIterable, Codable {
    case international, regional, national, local
}

/// UNPOG's expected accomplishments, the themes every partner, activity and expert is tagged with.
public enum Accomplishment: String, Sendable, CaseIterable, Codable, Comparable {
    /// Institutions for the SDGs: integrated, effective, transparent, accountable.
    case ea1 = "EA1"
    /// Innovation for inclusive service delivery in sectors.
    case ea2 = "EA2"
    /// Open innovation, engagement of society, effective partnerships.
    case ea3 = "EA3"

    public static func < (a: Accomplishment, b: Accomplishment) -> Bool { a.rawValue < b.rawValue }
}

/// Free-form attributes kept as they were read, in their original order.
public typealias Attributes = [(key: String, value: String)]
