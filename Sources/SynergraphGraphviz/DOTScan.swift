import SynergraphKit

/// A pass over DOT bytes before Graphviz sees them: how deeply braces nest, whether anything follows the
/// first graph, and what would make cgraph's work superlinear in the file.
///
/// It tokenises only as far as these need, the way cgraph's scanner (`scan.l`, Graphviz 2.43) does:
/// `"…"` strings (where a backslash before `"`, `\` or a line break escapes it, so `"a\\"` is closed
/// and `"a\\\"` is not — measured with 2.43's `dot`), `<…>` HTML strings (which nest),
/// `/* … */`, `// …` and `# …` comments. Braces elsewhere open and close graph bodies and subgraphs.
///
/// What it measures for the ``ReaderLimits`` (cgraph 2.43, measured with `gvpr`):
/// - **attribute names**: every distinct ID before `=`. cgraph gives every node (edge) a slot for every
///   declared node (edge) attribute, so it holds names × objects values: 2,000 nodes each declaring its
///   own attribute took 2.4 s, 8,000 took 168 s.
/// - **objects**: ID tokens, plus the edges an edge statement makes: `{a b c} -> {d e f}` is 9 edges, so
///   a group of 10,000 ids on each side would be 100 million edges from 100 KB.
/// - **string concatenation**: `"a" + "b" + …` copies the string so far at every `+`: 20,000 pieces
///   took 0.27 s, 80,000 took 3.9 s. The bytes copied are bounded.
/// - **string length** and **nesting**.
///
/// - Complexity: O(n) in the number of bytes, no recursion.
struct DOTScan {
    /// The deepest brace nesting seen (the graph body is 1, a subgraph in it 2).
    private(set) var maximumDepth = 0
    /// The line where something other than blanks and comments follows the first graph, if any.
    private(set) var trailingLine: Int?
    /// The line of the first NUL byte, if any (cgraph's strings end there).
    private(set) var nulLine: Int?
    /// The first limit exceeded, if any.
    private(set) var refusal: Diagnostic?
    /// Distinct attribute names, and an upper bound on the nodes and edges cgraph will create.
    private(set) var attributeNames = 0
    private(set) var objects = 0

    init(_ bytes: [UInt8], file: String = "", limits: ReaderLimits = ReaderLimits()) {
        enum State { case normal, quoted, html, lineComment, blockComment }
        var state = State.normal
        var depth = 0
        var htmlDepth = 0
        var line = 1
        var graphClosed = false
        let n = bytes.count
        var i = 0
        // The last token, when it was an ID (its bytes) or a closed group (its id count).
        var lastID: ArraySlice<UInt8>?
        var lastWasString = false
        var tokenStart = 0
        var names = Set<ArraySlice<UInt8>>()
        // Per open brace: ids inside so far (nested groups included).
        var groups: [Int] = []
        var lastOperand = 0
        var pendingLeft: Int?
        var pendingDepth = 0
        var skipSubgraphName = false
        var edges = 0
        var ids = 0
        // String concatenation with +: the length so far and the bytes cgraph copies.
        var joining = false
        var joinedLength = 0
        var copied = 0
        var concatenation = 0
        func refuse(_ d: Diagnostic) {
            if refusal == nil { refusal = d }
        }
        func operand(_ size: Int) {
            if let left = pendingLeft, pendingDepth == groups.count {
                edges += left * size
                pendingLeft = nil
                if edges + ids > limits.records {
                    refuse(limits.exceeded(.records, at: FileLocation(file: file, line: line), "the graph makes more than \(ReaderLimits.grouped(limits.records)) nodes and edges (an edge between two { } groups joins every member of one to every member of the other)"))
                }
            }
            lastOperand = size
        }
        func id(_ text: ArraySlice<UInt8>, string: Bool) {
            ids += 1
            if !groups.isEmpty { groups[groups.count - 1] += 1 }
            if string, concatenation > 0, joining {
                copied += joinedLength
                joinedLength += text.count
                if joinedLength > limits.fieldLength || copied > 4 * limits.fieldLength {
                    refuse(limits.exceeded(.fieldLength, at: FileLocation(file: file, line: line), "a string joined with + from \(ReaderLimits.grouped(concatenation + 1)) pieces (\(ReaderLimits.grouped(joinedLength)) bytes) costs Graphviz's parser too much copying"))
                }
            } else {
                joinedLength = text.count
                copied = 0
                concatenation = 0
            }
            joining = false
            lastID = text
            lastWasString = string
            if !string, text.count == 8, String(decoding: text, as: UTF8.self).lowercased() == "subgraph" {
                skipSubgraphName = true
                return
            }
            if skipSubgraphName {
                skipSubgraphName = false
                return
            }
            operand(1)
        }
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
                let isIDByte = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "_")
                    || c == UInt8(ascii: ".") || c >= 0x80 || (c == UInt8(ascii: "-") && !(i + 1 < n && (bytes[i + 1] == UInt8(ascii: ">") || bytes[i + 1] == UInt8(ascii: "-"))))
                if isIDByte {
                    let s = i
                    while i + 1 < n {
                        let d = bytes[i + 1]
                        let more = (d >= 0x30 && d <= 0x39) || (d >= 0x41 && d <= 0x5A) || (d >= 0x61 && d <= 0x7A) || d == UInt8(ascii: "_")
                            || d == UInt8(ascii: ".") || d >= 0x80
                        guard more else { break }
                        i += 1
                    }
                    if i + 1 - s > limits.fieldLength {
                        refuse(limits.exceeded(.fieldLength, at: FileLocation(file: file, line: line), "an ID is longer than \(ReaderLimits.grouped(limits.fieldLength)) bytes"))
                    }
                    id(bytes[s...i], string: false)
                    break
                }
                switch c {
                case UInt8(ascii: "\""):
                    state = .quoted
                    tokenStart = i + 1
                case UInt8(ascii: "<"):
                    state = .html
                    htmlDepth = 1
                    tokenStart = i + 1
                case UInt8(ascii: "#"): state = .lineComment
                case UInt8(ascii: "/") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "/"):
                    state = .lineComment
                    i += 1
                case UInt8(ascii: "/") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "*"):
                    state = .blockComment
                    i += 1
                case UInt8(ascii: "+"):
                    if lastWasString {
                        joining = true
                        concatenation += 1
                    }
                case UInt8(ascii: "="):
                    if let name = lastID {
                        names.insert(name)
                        if names.count > limits.attributes {
                            refuse(limits.exceeded(.attributes, at: FileLocation(file: file, line: line), "the graph declares more than \(ReaderLimits.grouped(limits.attributes)) attribute names"))
                        }
                    }
                    // The name was counted as an operand; an attribute is none.
                    lastID = nil
                case UInt8(ascii: "-") where i + 1 < n && (bytes[i + 1] == UInt8(ascii: ">") || bytes[i + 1] == UInt8(ascii: "-")):
                    pendingLeft = lastOperand
                    pendingDepth = groups.count
                    i += 1
                case UInt8(ascii: "{"):
                    depth += 1
                    groups.append(0)
                    if depth > maximumDepth { maximumDepth = depth }
                    if depth > limits.depth {
                        refuse(limits.exceeded(.depth, at: FileLocation(file: file, line: line), "subgraphs are nested more than \(limits.depth) deep"))
                    }
                case UInt8(ascii: "}"):
                    if depth > 0 {
                        depth -= 1
                        if depth == 0 { graphClosed = true }
                    }
                    if let inner = groups.popLast() {
                        if !groups.isEmpty { groups[groups.count - 1] += inner }
                        operand(inner)
                    }
                default:
                    break
                }
                if c != UInt8(ascii: "+"), c != 0x20, c != 0x09, c != 0x0A, c != 0x0D {
                    lastWasString = false
                    if c != UInt8(ascii: "=") { lastID = nil }
                }
            case .quoted:
                if c == UInt8(ascii: "\\"), i + 1 < n,
                   bytes[i + 1] == UInt8(ascii: "\"") || bytes[i + 1] == UInt8(ascii: "\\") || bytes[i + 1] == 0x0A {
                    if bytes[i + 1] == 0x0A { line += 1 }
                    i += 1
                } else if c == UInt8(ascii: "\"") {
                    state = .normal
                    if i - tokenStart > limits.fieldLength {
                        refuse(limits.exceeded(.fieldLength, at: FileLocation(file: file, line: line), "a string is longer than \(ReaderLimits.grouped(limits.fieldLength)) bytes"))
                    }
                    id(bytes[tokenStart..<i], string: true)
                }
            case .html:
                if c == UInt8(ascii: "<") {
                    htmlDepth += 1
                } else if c == UInt8(ascii: ">") {
                    htmlDepth -= 1
                    if htmlDepth == 0 {
                        state = .normal
                        if i - tokenStart > limits.fieldLength {
                            refuse(limits.exceeded(.fieldLength, at: FileLocation(file: file, line: line), "an HTML string is longer than \(ReaderLimits.grouped(limits.fieldLength)) bytes"))
                        }
                        id(bytes[tokenStart..<i], string: false)
                    }
                }
            case .lineComment:
                if c == 0x0A { state = .normal }
            case .blockComment:
                if c == UInt8(ascii: "*"), i + 1 < n, bytes[i + 1] == UInt8(ascii: "/") {
                    state = .normal
                    i += 1
                }
            }
            if refusal != nil { break }
            i += 1
        }
        attributeNames = names.count
        objects = ids + edges
        if refusal == nil, attributeNames > 0, objects > limits.values / attributeNames {
            refuse(limits.exceeded(.values, at: FileLocation(file: file),
                                   "Graphviz would hold about \(ReaderLimits.grouped(attributeNames)) × \(ReaderLimits.grouped(objects)) attribute values (every node and edge gets a slot for every attribute name the file declares)"))
        }
    }
}
