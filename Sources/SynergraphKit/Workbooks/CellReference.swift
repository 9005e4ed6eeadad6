/// A1-style cell references, as a spreadsheet user finds a cell: column letters (`A`…`XFD`) and a
/// 1-based row number (`C14`); in messages with the sheet, `ties!C14`.
enum CellReference {
    /// The largest column Excel has (`XFD`).
    static let maximumColumn = 16_384
    /// The largest row Excel has.
    static let maximumRow = 1_048_576

    /// Column letters of a 1-based column number: 1 → `A`, 27 → `AA`.
    static func letters(_ column: Int) -> String {
        var n = column
        var out: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(UInt8(65 + r))
            n = (n - 1) / 26
        }
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    /// `C14` for column 3, row 14.
    static func name(column: Int, row: Int) -> String { letters(column) + String(row) }

    /// Column and row of a reference such as `C14` (`$C$14` too); nil when it is not one or is outside
    /// Excel's grid.
    static func parse(_ text: some StringProtocol) -> (column: Int, row: Int)? {
        var column = 0, row = 0
        var sawLetter = false, sawDigit = false
        for u in text.utf8 {
            switch u {
            case UInt8(ascii: "$"): continue
            case 65...90, 97...122:
                guard !sawDigit else { return nil }
                column = column * 26 + Int((u & 0xDF) - 64)
                sawLetter = true
                if column > maximumColumn { return nil }
            case 48...57:
                row = row * 10 + Int(u - 48)
                sawDigit = true
                if row > maximumRow { return nil }
            default: return nil
            }
        }
        guard sawLetter, sawDigit, row > 0 else { return nil }
        return (column, row)
    }

    /// The column of a reference, ignoring its row (`C14` → 3); nil when it is not one.
    static func column(_ text: some StringProtocol) -> Int? {
        var column = 0
        var saw = false
        for u in text.utf8 {
            switch u {
            case UInt8(ascii: "$"): continue
            case 65...90, 97...122:
                column = column * 26 + Int((u & 0xDF) - 64)
                saw = true
                if column > maximumColumn { return nil }
            case 48...57: return saw ? column : nil
            default: return nil
            }
        }
        return saw ? column : nil
    }
}
