/// Why a run of quarters cannot be worked out.
public enum QuarterRangeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The network has no dated tie or activity, so the quarters it covers are unknown.
    case noDates(network: String)
    /// The last quarter is before the first.
    case reversed(from: Quarter, to: Quarter)
    /// More quarters than a batch draws (a typo such as 1025Q1).
    case tooMany(from: Quarter, to: Quarter, count: Int)

    public var description: String {
        switch self {
        case .noDates(let network):
            "\(network) has no dated tie or activity, so the quarters it covers are unknown; give --from and --to"
        case .reversed(let from, let to):
            "--to \(to) is before --from \(from)"
        case .tooMany(let from, let to, let count):
            "\(from) to \(to) is \(count) quarters; at most \(QuarterRange.maximumCount) are drawn in one batch"
        }
    }
}

/// A run of consecutive calendar quarters, both ends included.
public struct QuarterRange: Sendable, Equatable, CustomStringConvertible {
    public let first: Quarter
    public let last: Quarter

    /// Most quarters one batch covers (100 years).
    public static let maximumCount = 400

    public init(first: Quarter, last: Quarter) throws(QuarterRangeError) {
        guard first <= last else { throw .reversed(from: first, to: last) }
        let count = (last.year - first.year) * 4 + (last.quarter - first.quarter) + 1
        guard count <= Self.maximumCount else { throw .tooMany(from: first, to: last, count: count) }
        self.first = first
        self.last = last
    }

    /// The quarters in order.
    public var quarters: [Quarter] {
        var out = [first]
        while out[out.count - 1] < last { out.append(out[out.count - 1].next) }
        return out
    }

    /// From the first day of ``first`` to the last day of ``last``.
    public var window: DateWindow { DateWindow(from: first.firstDay, to: last.lastDay) }

    public var description: String { first == last ? "\(first)" : "\(first)–\(last)" }

    /// The quarters a batch draws for `network`: `from` and `to` where given; otherwise from the
    /// quarter of the earliest date in the data (a tie's `since` or `until`, an activity's first
    /// day) to the quarter of the manifest's `as_of`, or of the latest date in the data when there
    /// is no `as_of` (or it is before the earliest date).
    public static func resolve(for network: Network, from: Quarter? = nil, to: Quarter? = nil) throws(QuarterRangeError) -> QuarterRange {
        if let from, let to { return try QuarterRange(first: from, last: to) }
        var earliest: Day?
        var latest: Day?
        func see(_ day: Day?) {
            guard let day else { return }
            earliest = min(earliest ?? day, day)
            latest = max(latest ?? day, day)
        }
        for t in network.ties {
            see(t.since)
            see(t.until)
        }
        for a in network.activities {
            see(a.date)
            see(a.lastDay)
        }
        guard let earliest, let latest else { throw .noDates(network: network.manifest.name) }
        var end = latest
        if let asOf = network.manifest.asOf, asOf >= earliest { end = asOf }
        return try QuarterRange(first: from ?? Quarter(containing: earliest), last: to ?? Quarter(containing: end))
    }
}
