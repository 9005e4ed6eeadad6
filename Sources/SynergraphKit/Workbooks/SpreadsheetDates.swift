/// Spreadsheet date serial numbers and calendar days, in the two date systems of Office Open XML
/// (ECMA-376 Part 1, §18.17.4.1).
///
/// - 1900 system (Excel on Windows, LibreOffice, Google Sheets): serial 1 is 1900-01-01. Excel counts a
///   29 February 1900 that never was (Lotus 1-2-3's bug, kept for compatibility), so serial 60 is that
///   day, serials from 61 are one day ahead of the real count (61 is 1900-03-01), and 0 is "1900-01-00".
///   Serials 1–59 are read as Excel means them (serial 1 = 1900-01-01); serial 60 has no real day.
/// - 1904 system (old Excel for Mac; `<workbookPr date1904="1"/>`): serial 0 is 1904-01-01.
///
/// The fraction of a serial is the time of day; a day keeps the whole part only.
public enum SpreadsheetDates {
    /// 1899-12-30: the day serial 0 lands on for serials ≥ 61 in the 1900 system.
    private static let epoch1900 = Day(year: 1899, month: 12, day: 30)!
    /// 1904-01-01: serial 0 of the 1904 system.
    private static let epoch1904 = Day(year: 1904, month: 1, day: 1)!

    /// The day of a serial, nil for serial 60 of the 1900 system (29 February 1900, which never was),
    /// negative serials, and serials past 9999-12-31.
    public static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return epoch1904.adding(days: whole) }
        if whole == 60 { return nil }
        if whole < 60 { return epoch1900.adding(days: whole + 1) }
        return epoch1900.adding(days: whole)
    }

    /// The serial of a day (a whole number), the inverse of ``day(serial:date1904:)``.
    public static func serial(of day: Day, date1904: Bool) -> Int {
        if date1904 { return Int(day.daysSinceEpoch - epoch1904.daysSinceEpoch) }
        let n = Int(day.daysSinceEpoch - epoch1900.daysSinceEpoch)
        return n <= 60 ? n - 1 : n
    }
}
