/// A pass over JSON text before it is decoded, refusing what exceeds the ``ReaderLimits``: nesting
/// deeper than `depth`, a string longer than `field-length` bytes, an array with more than `records`
/// entries, an object with more than `attributes` members. Errors are at their line and column.
///
/// It tokenises only as far as these need (strings with their escapes, brackets, commas); malformed
/// JSON is left to the decoder, which says what is wrong.
///
/// - Complexity: O(n) in the bytes, no recursion.
enum JSONScan {
    static func check(_ b: [UInt8], file: String, limits: ReaderLimits) -> Diagnostic? {
        // Per open container: whether it is an object, and how many commas it holds so far.
        var stack: [(object: Bool, commas: Int)] = []
        var line = 1
        var columns = ColumnCounter()
        var i = 0
        let n = b.count
        func place(_ offset: Int) -> FileLocation {
            FileLocation(file: file, line: line, column: columns.column(at: offset, in: b))
        }
        while i < n {
            let c = b[i]
            switch c {
            case 0x0A:
                line += 1
                columns.newLine(at: i + 1)
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                while i < n, b[i] != UInt8(ascii: "\"") {
                    if b[i] == UInt8(ascii: "\\") { i += 1 }
                    if i < n, b[i] == 0x0A {
                        // A raw line break is not valid JSON (the decoder says so); keep counting lines.
                        line += 1
                        columns.newLine(at: i + 1)
                    }
                    i += 1
                }
                if i - start - 1 > limits.fieldLength {
                    return limits.exceeded(.fieldLength, at: place(min(start, i)), "this string is longer than \(grouped(limits.fieldLength)) bytes")
                }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if stack.count >= limits.depth {
                    return limits.exceeded(.depth, at: place(i), "arrays and objects are nested more than \(limits.depth) deep")
                }
                stack.append((c == UInt8(ascii: "{"), 0))
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                _ = stack.popLast()
            case UInt8(ascii: ","):
                guard !stack.isEmpty else { break }
                stack[stack.count - 1].commas += 1
                let top = stack[stack.count - 1]
                if top.object, top.commas >= limits.attributes {
                    return limits.exceeded(.attributes, at: place(i), "this object has more than \(grouped(limits.attributes)) members")
                }
                if !top.object, top.commas >= limits.records {
                    return limits.exceeded(.records, at: place(i), "this array has more than \(grouped(limits.records)) entries")
                }
            default:
                break
            }
            i += 1
        }
        return nil
    }
}
