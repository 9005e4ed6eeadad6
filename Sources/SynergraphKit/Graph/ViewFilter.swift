/// Which part of a network to look at. One definition shared by every command (metrics, render,
/// analyze, gaps, quarterly), so the same flags mean the same thing everywhere.
///
/// A node is in the view when it passes the kind and country filters and, if a date window is set,
/// has a tie or takes part in an activity inside the window (unless ``allNodes``). A tie is in the view
/// when both ends are, its kind passes, its weight reaches ``minWeight`` and its dates overlap the window.
public struct ViewFilter: Sendable, Equatable {
    /// Keep only nodes of these kinds (nil: all).
    public var kinds: Set<NodeKind>?
    /// Keep only nodes based in these countries (ISO alpha-3; nil: all).
    public var countries: Set<String>?
    /// Keep only ties of these kinds (nil: all), including the derived kind ``ViewFilter/coParticipationKind``.
    public var tieKinds: Set<String>?
    /// Keep only ties and activities overlapping this window.
    public var window: DateWindow
    /// Keep only ties at least this strong.
    public var minWeight: Double?
    /// Whether activities tie their participants to each other (tie kind `co-participation`).
    public var coParticipation: Bool
    /// Keep nodes that have no tie or activity in the window.
    public var allNodes: Bool
    /// Leave out the network's hub (manifest `hub`, the office itself) and its ties, to see the partners'
    /// own network without the office's star of ties. No effect when the network names no hub.
    public var withoutHub: Bool
    /// Keep only this actor's ego network: the actors within ``radius`` ties of it (after the filters above).
    public var focus: String?
    /// Steps from ``focus``.
    public var radius: Int
    /// Keep only the `top` actors ranked by ``topBy`` (computed on the view after the filters above) and the ties among them.
    public var top: Int?
    public var topBy: NodeMetricName

    /// The tie kind given to ties derived from taking part in the same activity.
    public static let coParticipationKind = "co-participation"

    public init(
        kinds: Set<NodeKind>? = nil, countries: Set<String>? = nil, tieKinds: Set<String>? = nil,
        window: DateWindow = DateWindow(), minWeight: Double? = nil, coParticipation: Bool = true, allNodes: Bool = false,
        withoutHub: Bool = false, focus: String? = nil, radius: Int = 1, top: Int? = nil, topBy: NodeMetricName = .betweenness
    ) {
        self.kinds = kinds
        self.countries = countries
        self.tieKinds = tieKinds
        self.window = window
        self.minWeight = minWeight
        self.coParticipation = coParticipation
        self.allNodes = allNodes
        self.withoutHub = withoutHub
        self.focus = focus
        self.radius = radius
        self.top = top
        self.topBy = topBy
    }

    /// Whether any date limit is set.
    public var hasWindow: Bool { window.from != nil || window.to != nil }

    /// A short description for captions and summaries ("schools, agencies in NPL, LAO; 2025-07-01 to 2025-09-30").
    public var summary: String {
        var parts: [String] = []
        if let kinds { parts.append(kinds.sorted().map(\.plural).joined(separator: ", ")) }
        if let countries { parts.append("in " + countries.sorted().joined(separator: ", ")) }
        if let tieKinds { parts.append("ties: " + tieKinds.sorted().joined(separator: ", ")) }
        if let minWeight { parts.append("weight ≥ \(minWeight)") }
        if hasWindow { parts.append(window.description) }
        if withoutHub { parts.append("without the hub") }
        if let focus { parts.append("within \(radius) tie\(radius == 1 ? "" : "s") of \(focus)") }
        if let top { parts.append("top \(top) by \(topBy.rawValue)") }
        return parts.isEmpty ? "whole network" : parts.joined(separator: "; ")
    }
}
