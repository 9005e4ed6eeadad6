import ArgumentParser
import SynergraphKit

/// The view flags, the same for every command that looks at a network.
struct ViewOptions: ParsableArguments {
    @Option(name: .customLong("kind"), parsing: .upToNextOption,
            help: "Keep only actors of these kinds.")
    var kinds: [NodeKind] = []

    @Option(name: .customLong("country"), parsing: .upToNextOption, help: "Keep only actors based in these countries (ISO alpha-3, e.g. NPL LAO).")
    var countries: [String] = []

    @Option(name: .customLong("tie-kind"), parsing: .upToNextOption, help: "Keep only ties of these kinds (e.g. partnership funding co-participation).")
    var tieKinds: [String] = []

    @Option(help: "Keep only ties and activities on or after this day (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Keep only ties and activities on or before this day (YYYY-MM-DD).")
    var until: String?

    @Option(help: "Keep only one quarter, e.g. 2025Q3 (instead of --since/--until).")
    var quarter: String?

    @Option(name: .customLong("min-weight"), help: "Keep only ties at least this strong.")
    var minWeight: Double?

    @Flag(name: .customLong("no-co-participation"), help: "Do not tie actors who took part in the same activity.")
    var noCoParticipation = false

    @Flag(name: .customLong("all-nodes"), help: "With a date window, keep actors that have no tie or activity in it.")
    var allNodes = false

    @Flag(name: .customLong("without-hub"), help: "Leave out the network's hub (the office, manifest hub) and its ties, to see the partners' own network.")
    var withoutHub = false

    @Option(help: "Keep only this actor's ego network (an id, or expert-N as outputs show it).")
    var focus: String?

    @Option(help: "With --focus: how many ties away from the focus to reach.")
    var radius: Int = 1

    func validate() throws {
        if quarter != nil, since != nil || until != nil {
            throw ValidationError("--quarter cannot be combined with --since or --until; use one or the other.")
        }
        if let quarter, Quarter(quarter) == nil {
            throw ValidationError("--quarter '\(quarter)' is not a quarter; write it as 2025Q3.")
        }
        for (flag, value) in [("--since", since), ("--until", until)] {
            if let value, Day(iso: value) == nil {
                throw ValidationError("\(flag) '\(value)' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-31.")
            }
        }
        if let s = since.flatMap({ Day(iso: $0) }), let u = until.flatMap({ Day(iso: $0) }), u < s {
            throw ValidationError("--until \(u) is before --since \(s).")
        }
        if let minWeight, !(minWeight.isFinite && minWeight >= 0) {
            throw ValidationError("--min-weight must be a number of 0 or more.")
        }
        if radius < 0 { throw ValidationError("--radius must be 0 or more.") }
        for c in countries where !(c.count == 3 && c.allSatisfy(\.isLetter)) {
            throw ValidationError("--country '\(c)' is not an ISO 3166-1 alpha-3 code such as NPL.")
        }
    }

    /// The engine's filter for these flags.
    var filter: ViewFilter {
        var window = DateWindow(from: since.flatMap { Day(iso: $0) }, to: until.flatMap { Day(iso: $0) })
        if let q = quarter.flatMap(Quarter.init) { window = q.window }
        return ViewFilter(
            kinds: kinds.isEmpty ? nil : Set(kinds),
            countries: countries.isEmpty ? nil : Set(countries.map { $0.uppercased() }),
            tieKinds: tieKinds.isEmpty ? nil : Set(tieKinds.map { $0.lowercased() }),
            window: window,
            minWeight: minWeight,
            coParticipation: !noCoParticipation,
            allNodes: allNodes,
            withoutHub: withoutHub,
            focus: focus,
            radius: radius
        )
    }

    /// The view of `network` through these flags, or a clear error and exit status 1.
    func view(of network: Network, top: Int? = nil, by metric: NodeMetricName = .betweenness) throws -> NetworkView {
        var f = filter
        f.top = top
        f.topBy = metric
        if withoutHub, network.manifest.hub.flatMap({ network.nodeIndex[$0] }) == nil {
            Terminal.warn("the network names no hub (manifest hub), so --without-hub leaves every actor in")
        }
        do {
            return try NetworkView(network, filter: f)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
    }
}

extension NodeKind: ExpressibleByArgument {}
