/// Parses JSON text (RFC 8259) into a ``JSONValue``, in one pass over the bytes, with the line and column of
/// the first error.
///
/// Why not Foundation's `JSONDecoder` into a `Decodable` any-value: it cannot ask a value's type, so each
/// value was decoded by trying one type after another, and every failed try throws an error carrying the
/// coding path (as long as the depth): reading was O(depth) per value (a chain of nested lists quadratic),
/// and about half a millisecond per record of the JSON form.
///
/// Recursion is bounded: ``JSONScan`` refuses nesting beyond the `depth` limit first (at most
/// ``ReaderLimits/maximumDepth``).
///
/// - Complexity: O(n) in the bytes.
struct JSONParser {
    private let b: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var failure: (String, Int, Int)?

    /// The value, or the reason and place (line, column) it is not JSON.
    static func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONParseError> {
        var p = JSONParser(b: bytes)
        p.space()
        let v = p.value(depth: 0)
        p.space()
        if p.failure == nil, p.i < p.b.count { p.fail("unexpected text after the JSON value") }
        if let (message, line, column) = p.failure { return .failure(JSONParseError(message: message, line: line, column: column)) }
        return .success(v ?? .null)
    }

    private init(b: [UInt8]) { self.b = b }

    private mutating func fail(_ message: String) {
        guard failure == nil else { return }
        var column = 1
        for k in lineStart..<min(i, b.count) where b[k] & 0xC0 != 0x80 { column += 1 }
        failure = (message, line, column)
    }

    private mutating func space() {
        while i < b.count {
            switch b[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
            default: return
            }
        }
    }

    private mutating func value(depth: Int) -> JSONValue? {
        guard failure == nil else { return nil }
        guard depth <= ReaderLimits.maximumDepth else {
            fail("nested more than \(ReaderLimits.maximumDepth) deep")
            return nil
        }
        guard i < b.count else {
            fail("the text ends where a value was expected")
            return nil
        }
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [String: JSONValue] = [:]
            space()
            if i < b.count, b[i] == UInt8(ascii: "}") {
                i += 1
                return .object(members)
            }
            while failure == nil {
                space()
                guard i < b.count, b[i] == UInt8(ascii: "\"") else {
                    fail("expected a member name in quotes")
                    return nil
                }
                guard let key = string() else { return nil }
                space()
                guard i < b.count, b[i] == UInt8(ascii: ":") else {
                    fail("expected ':' after the member name")
                    return nil
                }
                i += 1
                space()
                guard let v = value(depth: depth + 1) else { return nil }
                // A repeated name: the last wins (as Foundation's decoder did).
                members[key] = v
                space()
                guard i < b.count else {
                    fail("the object is never closed with }")
                    return nil
                }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                } else if b[i] == UInt8(ascii: "}") {
                    i += 1
                    return .object(members)
                } else {
                    fail("expected ',' or '}' in the object")
                    return nil
                }
            }
            return nil
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            space()
            if i < b.count, b[i] == UInt8(ascii: "]") {
                i += 1
                return .array(items)
            }
            while failure == nil {
                space()
                guard let v = value(depth: depth + 1) else { return nil }
                items.append(v)
                space()
                guard i < b.count else {
                    fail("the list is never closed with ]")
                    return nil
                }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                } else if b[i] == UInt8(ascii: "]") {
                    i += 1
                    return .array(items)
                } else {
                    fail("expected ',' or ']' in the list")
                    return nil
                }
            }
            return nil
        case UInt8(ascii: "\""):
            return string().map { .string($0) }
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default:
            fail("unexpected character; a value is an object, a list, \"text\", a number, true, false or null")
            return nil
        }
    }

    private mutating func literal(_ word: String, _ v: JSONValue) -> JSONValue? {
        let w = Array(word.utf8)
        guard i + w.count <= b.count, b[i..<(i + w.count)].elementsEqual(w) else {
            fail("unexpected word; a value is an object, a list, \"text\", a number, true, false or null")
            return nil
        }
        i += w.count
        return v
    }

    private mutating func number() -> JSONValue? {
        let start = i
        func digits() -> Int {
            let s = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            return i - s
        }
        if b[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let n = digits()
        guard n > 0, !(n > 1 && b[intStart] == 0x30) else {
            fail("malformed number")
            return nil
        }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else {
                fail("malformed number")
                return nil
            }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else {
                fail("malformed number")
                return nil
            }
        }
        guard let d = Double(String(decoding: b[start..<i], as: UTF8.self)), d.isFinite else {
            i = start
            fail("the number is out of range")
            return nil
        }
        return .number(d)
    }

    /// A string starting at the opening quote; escapes decoded (`\uD83D\uDE00` pairs too).
    private mutating func string() -> String? {
        i += 1
        var out: [UInt8] = []
        var runStart = i
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                out.append(contentsOf: b[runStart..<i])
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c < 0x20 {
                fail(c == 0x0A ? "a string is never closed on its line (a line break must be written \\n)" : "a control character in a string must be escaped")
                return nil
            }
            if c == UInt8(ascii: "\\") {
                out.append(contentsOf: b[runStart..<i])
                i += 1
                guard i < b.count else { break }
                switch b[i] {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var unit = hex4(at: i + 1) else {
                        fail("\\u must be followed by four hexadecimal digits")
                        return nil
                    }
                    i += 4
                    var scalar: Unicode.Scalar?
                    if (0xD800...0xDBFF).contains(unit), i + 2 < b.count, b[i + 1] == UInt8(ascii: "\\"), b[i + 2] == UInt8(ascii: "u"),
                       let low = hex4(at: i + 3), (0xDC00...0xDFFF).contains(low) {
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    scalar = Unicode.Scalar(unit)
                    // A lone surrogate is not a character: U+FFFD, as Foundation's decoder reads it.
                    UTF8.encode(scalar ?? "\u{FFFD}") { out.append($0) }
                default:
                    fail("unknown escape \\\(Character(Unicode.Scalar(b[i]))) in a string")
                    return nil
                }
                i += 1
                runStart = i
                continue
            }
            i += 1
        }
        fail("a string is never closed with \"")
        return nil
    }

    private func hex4(at k: Int) -> UInt32? {
        guard k + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for j in k..<(k + 4) {
            let c = b[j]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }
}

/// Why JSON text is not JSON, and where.
struct JSONParseError: Error {
    var message: String
    var line: Int
    var column: Int
}
