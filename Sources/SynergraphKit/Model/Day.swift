/// A calendar day (ISO 8601, day precision, proleptic Gregorian), stored as days since 1970-01-01.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let daysSinceEpoch: Int32

    public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// The day with this year, month (1-12) and day of month, or nil if it does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSinceEpoch = Int32(era * 146_097 + doe - 719_468)
    }

    /// Parses `YYYY-MM-DD` exactly; nil for anything else.
    public init?(iso text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard u[i] >= 48, u[i] <= 57 else { return nil }
                v = v * 10 + Int(u[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = components
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    /// The day `n` days later.
    public func adding(days n: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + Int32(n)) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = Day(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(s)' is not a date of the form YYYY-MM-DD")
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A calendar quarter such as `2025Q3`.
public struct Quarter: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1...4
    public let quarter: Int

    public init?(year: Int, quarter: Int) {
        guard (1...9999).contains(year), (1...4).contains(quarter) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    /// Parses `2025Q3` (also `2025-Q3`, lowercase q).
    public init?(_ text: String) {
        let t = String(text.uppercased().filter { $0 != "-" })
        let parts = t.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 1,
              let y = Int(parts[0]), let q = Int(parts[1]) else { return nil }
        self.init(year: y, quarter: q)
    }

    /// The quarter containing a day.
    public init(containing day: Day) {
        let c = day.components
        year = c.year
        quarter = (c.month - 1) / 3 + 1
    }

    public var firstDay: Day { Day(year: year, month: (quarter - 1) * 3 + 1, day: 1)! }
    public var lastDay: Day { next.firstDay.adding(days: -1) }
    public var window: DateWindow { DateWindow(from: firstDay, to: lastDay) }
    public var next: Quarter { quarter == 4 ? Quarter(year: year + 1, quarter: 1)! : Quarter(year: year, quarter: quarter + 1)! }
    public var previous: Quarter { quarter == 1 ? Quarter(year: year - 1, quarter: 4)! : Quarter(year: year, quarter: quarter - 1)! }
    public var description: String { "\(year)Q\(quarter)" }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }
}

/// A closed interval of days; either end may be open (nil).
public struct DateWindow: Sendable, Hashable, CustomStringConvertible {
    public var from: Day?
    public var to: Day?

    public init(from: Day? = nil, to: Day? = nil) {
        self.from = from
        self.to = to
    }

    /// Whether a record active from `since` to `until` (each inclusive; nil = open-ended) overlaps this window.
    public func overlaps(since: Day?, until: Day?) -> Bool {
        if let to, let since, since > to { return false }
        if let from, let until, until < from { return false }
        return true
    }

    /// Whether a single day falls inside the window.
    public func contains(_ day: Day) -> Bool { overlaps(since: day, until: day) }

    public var description: String {
        switch (from, to) {
        case (nil, nil): "all dates"
        case (let f?, nil): "from \(f)"
        case (nil, let t?): "until \(t)"
        case (let f?, let t?): "\(f) to \(t)"
        }
    }
}
