/// A pass over DOT bytes before Graphviz sees them: how deeply braces nest, and whether anything
/// follows the first graph.
///
/// It tokenises only as far as braces need, the way cgraph's scanner (`scan.l`, Graphviz 2.43) does:
/// `"…"` strings (where a backslash before `"`, `\` or a line break escapes it, so `"a\\"` is closed
/// and `"a\\\"` is not — measured with 2.43's `dot`), `<…>` HTML strings (which nest),
/// `/* … */`, `// …` and `# …` comments. Braces elsewhere open and close graph bodies and subgraphs.
///
/// - Complexity: O(n) in the number of bytes, no recursion.
struct DOTScan {
    /// The deepest brace nesting seen (the graph body is 1, a subgraph in it 2).
    private(set) var maximumDepth = 0
    /// The line of the first brace deeper than the limit, if any.
    private(set) var tooDeepLine: Int?
    /// The line where something other than blanks and comments follows the first graph, if any.
    private(set) var trailingLine: Int?
    /// The line of the first NUL byte, if any (cgraph's strings end there).
    private(set) var nulLine: Int?

    init(_ bytes: [UInt8], depthLimit: Int) {
        enum State { case normal, quoted, html, lineComment, blockComment }
        var state = State.normal
        var depth = 0
        var htmlDepth = 0
        var line = 1
        var graphClosed = false
        let n = bytes.count
        var i = 0
        while i < n {
            let c = bytes[i]
            if c == 0x0A { line += 1 }
            if c == 0, nulLine == nil { nulLine = line }
            switch state {
            case .normal:
                let commentStarts = c == UInt8(ascii: "#")
                    || (c == UInt8(ascii: "/") && i + 1 < n && (bytes[i + 1] == UInt8(ascii: "/") || bytes[i + 1] == UInt8(ascii: "*")))
                if graphClosed, trailingLine == nil, !commentStarts, ![0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(c) {
                    trailingLine = line
                }
                switch c {
                case UInt8(ascii: "\""): state = .quoted
                case UInt8(ascii: "<"):
                    state = .html
                    htmlDepth = 1
                case UInt8(ascii: "#"): state = .lineComment
                case UInt8(ascii: "/") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "/"):
                    state = .lineComment
                    i += 1
                case UInt8(ascii: "/") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "*"):
                    state = .blockComment
                    i += 1
                case UInt8(ascii: "{"):
                    depth += 1
                    if depth > maximumDepth { maximumDepth = depth }
                    if depth > depthLimit, tooDeepLine == nil { tooDeepLine = line }
                case UInt8(ascii: "}"):
                    if depth > 0 {
                        depth -= 1
                        if depth == 0 { graphClosed = true }
                    }
                default:
                    break
                }
            case .quoted:
                if c == UInt8(ascii: "\\"), i + 1 < n,
                   bytes[i + 1] == UInt8(ascii: "\"") || bytes[i + 1] == UInt8(ascii: "\\") || bytes[i + 1] == 0x0A {
                    if bytes[i + 1] == 0x0A { line += 1 }
                    i += 1
                } else if c == UInt8(ascii: "\"") {
                    state = .normal
                }
            case .html:
                if c == UInt8(ascii: "<") {
                    htmlDepth += 1
                } else if c == UInt8(ascii: ">") {
                    htmlDepth -= 1
                    if htmlDepth == 0 { state = .normal }
                }
            case .lineComment:
                if c == 0x0A { state = .normal }
            case .blockComment:
                if c == UInt8(ascii: "*"), i + 1 < n, bytes[i + 1] == UInt8(ascii: "/") {
                    state = .normal
                    i += 1
                }
            }
            i += 1
        }
    }
}
