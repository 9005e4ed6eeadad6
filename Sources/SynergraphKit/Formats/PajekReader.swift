/// Reads Pajek `.net` files as Pajek, igraph and NetworkX write them.
///
/// - `*Vertices n`, then `k "label" [x y [z]] [key value ...]` lines (vertices not listed get their
///   number as label). A node's id is its label when all labels are distinct, else its number; its name
///   is its label. Coordinates become attributes `x`, `y`, `z`; drawing parameters (`ic Red`) attributes.
/// - `*Arcs` (directed) and `*Edges` (undirected): `a b [weight] [key value ...]`; `*Arcslist` and
///   `*Edgeslist`: `a b c ...` (a to each of the others); `*Matrix`: an n×n matrix of weights (arcs).
///   A relation name (`*Arcs :1 "funding"`) becomes the tie kind.
/// - `%` starts a comment. `*Network name` gives the title. Other sections (`*Partition`, `*Vector`)
///   are not read, with a warning.
/// - Text as for ``GMLReader``: UTF-8, or Windows-1252 with a warning (Pajek on Windows writes that).
///   Labels may use `&#34;` for a quote, as igraph writes.
public enum PajekReader {
    static func read(_ raw: [UInt8], file: String, options: LoadOptions) -> (Network?, [Diagnostic]) {
        var log = DiagnosticLog()
        guard let bytes = TextDecoding.textBytes(raw, file: file, choice: options.encoding, log: &log) else { return (nil, log.items) }
        let text = String(decoding: bytes, as: UTF8.self)
        var lines: [Substring] = []
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).forEach { lines.append($0) }
        func place(_ l: Int) -> FileLocation { FileLocation(file: file, line: l + 1) }

        var title: String?
        var count = 0
        var labels: [Int: (String, Int)] = [:]  // vertex number → (label, line)
        var extras: [Int: [ForeignValue]] = [:]
        struct Arc { var a: Int, b: Int, weight: String?, values: [ForeignValue], directed: Bool, kind: String?, line: Int }
        var arcs: [Arc] = []
        enum Section { case none, vertices, arcs, edges, arcslist, edgeslist, matrix, skipped }
        var section = Section.none
        var kind: String?
        var matrixRow = 0
        var sawVertices = false
        let limits = options.limits
        func refuse(_ d: Diagnostic) -> (Network?, [Diagnostic]) {
            log.append(contentsOf: [d])
            return (nil, log.items)
        }

        lineLoop: for (ln, rawLine) in lines.enumerated() {
            if rawLine.utf8.count > limits.lineLength {
                return refuse(limits.exceeded(.lineLength, at: place(ln), "this line is longer than \(grouped(limits.lineLength)) bytes"))
            }
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("%") { continue }
            if line.hasPrefix("*") {
                let tokens = tokenize(line)
                let head = tokens.first?.lowercased() ?? ""
                // A Pajek project (.paj) holds several networks: only the first is read.
                if sawVertices, head == "*network" || head == "*vertices" {
                    log.warning(.notKept, place(ln), "the file holds more than one network; only the first is read")
                    break lineLoop
                }
                kind = nil
                if let colon = tokens.firstIndex(where: { $0.hasPrefix(":") }), colon + 1 < tokens.count { kind = tokens[colon + 1] }
                switch head {
                case "*network": title = tokens.dropFirst().joined(separator: " ")
                case "*vertices":
                    guard tokens.count >= 2, let n = Int(tokens[1]), n >= 0 else {
                        log.error(.badSyntax, place(ln), "*Vertices needs the number of vertices, e.g. *Vertices 34")
                        return (nil, log.items)
                    }
                    // Vertices need not be listed, so a tiny file can ask for many nodes: above 100,000
                    // the file must have at least as many bytes (fuzzer: "*Vertices 621252" took 13 s).
                    guard n <= 100_000 || n <= raw.count else {
                        log.error(.tooLarge, place(ln), "*Vertices \(n) is implausible for a file of \(raw.count) bytes; above 100,000, the file must be at least as many bytes as vertices")
                        return (nil, log.items)
                    }
                    if n > limits.records {
                        return refuse(limits.exceeded(.records, at: place(ln), "*Vertices \(grouped(n)) asks for more vertices than the limit", needed: n))
                    }
                    count = n
                    sawVertices = true
                    section = .vertices
                case "*arcs": section = .arcs
                case "*edges": section = .edges
                case "*arcslist": section = .arcslist
                case "*edgeslist": section = .edgeslist
                case "*matrix":
                    section = .matrix
                    matrixRow = 0
                default:
                    log.warning(.notKept, place(ln), "section \(quoted(String(line.prefix(30)))) is not read")
                    section = .skipped
                }
                continue
            }
            let tokens = tokenize(line)
            guard let first = tokens.first else { continue }
            if let long = tokens.first(where: { $0.utf8.count > limits.fieldLength }) {
                return refuse(limits.exceeded(.fieldLength, at: place(ln), "a value on this line (\(quoted(String(long.prefix(20))))) is longer than \(grouped(limits.fieldLength)) bytes"))
            }
            if arcs.count > limits.records {
                return refuse(limits.exceeded(.records, at: place(ln), "the file has more than \(grouped(limits.records)) arcs and edges"))
            }
            func vertex(_ t: String) -> Int? {
                guard let v = Int(t), v >= 1, v <= count else {
                    log.error(.unknownNode, place(ln), "vertex \(quoted(t)) is not a number from 1 to \(count)")
                    return nil
                }
                return v
            }
            switch section {
            case .none, .skipped: 
                if section == .none { log.error(.badSyntax, place(ln), "a line before *Vertices; a Pajek file starts with *Vertices n") }
            case .vertices:
                guard let v = vertex(first) else { continue }
                var vals: [ForeignValue] = []
                var k = 1
                if tokens.count > 1 { labels[v] = (tokens[1], ln); k = 2 }
                for axis in ["x", "y", "z"] where k < tokens.count && Double(tokens[k]) != nil {
                    vals.append(ForeignValue(axis, tokens[k], place(ln)))
                    k += 1
                }
                while k + 1 < tokens.count {
                    vals.append(ForeignValue(tokens[k], tokens[k + 1], place(ln)))
                    k += 2
                }
                if k < tokens.count { vals.append(ForeignValue(tokens[k], "", place(ln))) }
                extras[v] = vals
            case .arcs, .edges:
                guard tokens.count >= 2, let a = vertex(tokens[0]), let b = vertex(tokens[1]) else {
                    if tokens.count < 2 { log.error(.badSyntax, place(ln), "an arc or edge line needs two vertex numbers") }
                    continue
                }
                var k = 2
                var weight: String?
                if k < tokens.count, Double(tokens[k]) != nil {
                    weight = tokens[k]
                    k += 1
                }
                var vals: [ForeignValue] = []
                while k + 1 < tokens.count {
                    vals.append(ForeignValue(tokens[k], tokens[k + 1], place(ln)))
                    k += 2
                }
                arcs.append(Arc(a: a, b: b, weight: weight, values: vals, directed: section == .arcs, kind: kind, line: ln))
            case .arcslist, .edgeslist:
                guard let a = vertex(first) else { continue }
                for t in tokens.dropFirst() {
                    if let b = vertex(t) { arcs.append(Arc(a: a, b: b, weight: nil, values: [], directed: section == .arcslist, kind: kind, line: ln)) }
                }
            case .matrix:
                matrixRow += 1
                guard matrixRow <= count else {
                    log.error(.badSyntax, place(ln), "the matrix has more than \(count) rows")
                    continue
                }
                for (j, t) in tokens.enumerated() {
                    guard let w = Double(t) else {
                        log.error(.badNumber, place(ln), "matrix entry \(quoted(t)) is not a number")
                        break
                    }
                    if w != 0, j < count { arcs.append(Arc(a: matrixRow, b: j + 1, weight: t, values: [], directed: true, kind: kind, line: ln)) }
                }
            }
        }
        guard sawVertices else {
            log.error(.badSyntax, FileLocation(file: file, line: 1), "there is no *Vertices line; this is not a Pajek file")
            return (nil, log.items)
        }
        guard !log.hasErrors else { return (nil, log.items) }
        let distinct = Set(labels.values.map(\.0)).count == labels.count && labels.count == count
        var records = ForeignRecords(options: options, exact: false)
        var nodes: [Node] = []
        var ids: [String] = [""]
        for v in stride(from: 1, through: count, by: 1) {
            let label = labels[v]
            let id = distinct ? label?.0 ?? String(v) : String(v)
            ids.append(id)
            var vals = extras[v] ?? []
            if let label { vals.insert(ForeignValue("label", label.0, place(label.1)), at: 0) }
            if let node = records.node(id: id, values: vals, at: place(label?.1 ?? 0)) { nodes.append(node) }
        }
        var ties: [Tie] = []
        for arc in arcs {
            var vals = arc.values
            if let w = arc.weight { vals.insert(ForeignValue("weight", w, place(arc.line)), at: 0) }
            if let k = arc.kind { vals.insert(ForeignValue("kind", k, place(arc.line)), at: 0) }
            if let tie = records.tie(source: ids[arc.a], target: ids[arc.b], values: vals, directedByFormat: arc.directed, at: place(arc.line)) {
                ties.append(tie)
            }
        }
        var all = log
        all.append(contentsOf: records.finish())
        return FormatRead.finish(ManifestEmbedding.foreign(file: file, title: title), nodes, ties, file: file, log: all)
    }

    /// Splits a line on blanks, keeping `"quoted strings"` whole (quotes removed, entities decoded).
    static func tokenize(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inQuotes = false
        var quotedToken = false
        for ch in line {
            if inQuotes {
                if ch == "\"" { inQuotes = false } else { current.append(ch) }
            } else if ch == "\"" {
                inQuotes = true
                quotedToken = true
            } else if ch == " " || ch == "\t" {
                if !current.isEmpty || quotedToken { out.append(HTMLEntities.decode(current)) }
                current = ""
                quotedToken = false
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty || quotedToken { out.append(HTMLEntities.decode(current)) }
        return out
    }
}
