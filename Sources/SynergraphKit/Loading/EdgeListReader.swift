/// Reads an edge list: a CSV of one tie per row, delimited by comma, semicolon or tab (sniffed from the
/// first line), optionally with a nodes table joined by id.
///
/// - **Without a header row**: `source,target[,weight]`, as always.
/// - **With a header row** (as spreadsheets write it, and Gephi's Data Laboratory "Export table":
///   `Source,Target,Type,Id,Label,timeset,Weight`): the columns are found by name (``EdgeListColumns``).
///   A `type` value `Directed` or `Undirected` (`Mutual` too; any case) is the tie's direction, as
///   Gephi means it; every other column goes through ``ForeignRecords`` as a GraphML edge's attributes
///   do (`kind`, else another `type` value, is the tie kind; `since`/`start`, `until`/`end`, `trust`,
///   `value`, `directed`, `source_ref` their fields; anything else, Gephi's edge `id` and `label`
///   included, an attribute in column order). Empty cells give nothing.
/// - The weight is a positive number; anything else is an error at its cell (an edge list's weight is
///   the user's own column, not a foreign tool's value to keep).
/// - **Nodes**: without a nodes table, one per id the ties name, in order of first appearance, named by
///   the id, kind ``NodeKind/other``. With one (``NodesTableReader``): the table's nodes in its order,
///   then the ids the ties name that it lacks, in order of first appearance, as above and with one
///   warning.
///
/// There is no manifest (the network is named after the file); ties are undirected unless a row says
/// otherwise.
///
/// - Complexity: O(size of the files).
public enum EdgeListReader {
    /// Header names recognised for the endpoint columns.
    static let endpointNames: Set<String> = Set(EdgeListColumns.sourceNames + EdgeListColumns.targetNames)

    /// A nodes table to join: its bytes, and its path for messages.
    struct NodesTable {
        var bytes: [UInt8]
        var file: String
    }

    static func read(_ raw: [UInt8], file: String, name: String, options: LoadOptions = LoadOptions(),
                     nodesTable: NodesTable? = nil) -> (Network?, [Diagnostic]) {
        var records = ForeignRecords(options: options, exact: false)
        var tableLog = DiagnosticLog()
        let tableNodes = nodesTable.flatMap { NodesTableReader.read($0.bytes, file: $0.file, records: &records, log: &tableLog) }
        var log = DiagnosticLog()
        func ordered() -> [Diagnostic] {
            // Reading order: the edge list, then the nodes table, each by line (stable within a line, so a
            // plain list's problems stay exactly as found).
            (log.items + tableLog.items).enumerated().sorted { a, b in
                let ka = (a.element.location.file == file ? 0 : 1, a.element.location.line ?? 0, a.offset)
                let kb = (b.element.location.file == file ? 0 : 1, b.element.location.line ?? 0, b.offset)
                return ka < kb
            }.map(\.element)
        }

        if let refusal = TextDecoding.binaryRefusal(raw, file: file) {
            log.append(contentsOf: [refusal])
            return (nil, ordered())
        }
        // Spreadsheets saved by Excel on Windows are Windows-1252: read as the encoding option says
        // (auto: UTF-8, else Windows-1252 with a warning at the first byte that is not UTF-8).
        guard let bytes = TextDecoding.textBytes(raw, file: file, choice: options.encoding, log: &log) else { return (nil, ordered()) }
        // Rows are turned into ties as they are read (the rows are never all held as text). Their
        // problems go to `rowLog` and count only when the parse found no error, as when the whole file
        // was parsed first.
        var rowLog = DiagnosticLog()
        var sawFirst = false
        var headerOK = true
        var columns: EdgeListColumns?
        var width = 2
        var endpoints = EndpointOrder()
        var ties: [Tie] = []
        ties.reserveCapacity(CSVTable.lineCountBound(bytes))
        func row(_ rec: CSVRecord) {
            guard sawFirst else {
                sawFirst = true
                if EdgeListColumns.isHeader(rec.fields) {
                    guard let names = CSVTable.headerNames(rec, file: file, log: &rowLog) else {
                        headerOK = false
                        return
                    }
                    columns = EdgeListColumns(names: names)
                    width = names.count
                    return
                }
                width = max(2, rec.fields.count)
                tie(rec)
                return
            }
            guard headerOK else { return }
            tie(rec)
        }
        func tie(_ rec: CSVRecord) {
            guard rec.fields.count >= 2, rec.fields.count <= max(width, 3) else {
                if rec.fields.count == 1, rec.fields[0].trimmingWhitespace().isEmpty { return }
                let n = rec.fields.count
                rowLog.error(.wrongColumnCount, rec.location(in: file), n >= 2 && width > 3
                    ? "this row has \(n) fields but the header has \(width); quote fields that hold the delimiter"
                    : "an edge-list row needs source, target and an optional weight; this one has \(n) field\(n == 1 ? "" : "s")")
                return
            }
            let (sc, tc, wc) = columns.map { ($0.source, $0.target, $0.weight) } ?? (0, 1, 2)
            func cell(_ i: Int) -> String { i < rec.fields.count ? rec.fields[i].trimmingWhitespace() : "" }
            let s = cell(sc), t = cell(tc)
            guard !s.isEmpty, !t.isEmpty else {
                rowLog.error(.missingValue, rec.location(in: file, field: s.isEmpty ? sc : tc), "the tie has no \(s.isEmpty ? "source" : "target")")
                return
            }
            var weight: Double?
            if let wc, !cell(wc).isEmpty {
                let w = cell(wc)
                if let v = Double(w), v.isFinite, v > 0 {
                    weight = v
                } else {
                    rowLog.error(.badWeight, rec.location(in: file, field: wc), "weight \(quoted(w)) must be a positive number")
                }
            }
            let at = FileLocation(file: file, line: rec.line)
            var values: [ForeignValue] = []
            var directed = false
            if let columns {
                for (i, key) in columns.names.enumerated() where i < rec.fields.count && i != sc && i != tc && i != wc {
                    let text = rec.fields[i]
                    let trimmed = text.trimmingWhitespace()
                    if trimmed.isEmpty { continue }
                    if key == "type", let d = Self.direction(trimmed) {
                        directed = d
                    } else {
                        values.append(ForeignValue(key, text, rec.location(in: file, field: i)))
                    }
                }
            }
            endpoints.add(s, place: rec.fieldPlaces[sc])
            endpoints.add(t, place: rec.fieldPlaces[tc])
            if s == t { rowLog.warning(.selfLoop, rec.location(in: file), "tie from \(quoted(s)) to itself; metrics leave self-loops out") }
            var tie: Tie
            if values.isEmpty, !directed {
                tie = Tie(source: s, target: t, kind: "tie", origin: at)
            } else if let mapped = records.tie(source: s, target: t, values: values, directedByFormat: directed, at: at) {
                tie = mapped
            } else {
                return
            }
            if let weight { tie.weight = weight }
            ties.append(tie)
        }
        if WhitespaceTable.applies(to: bytes) {
            WhitespaceTable.scan(bytes, file: file, limits: options.limits, log: &log) { row($0) }
        } else {
            CSVReader.scan(bytes, file: file, delimiter: CSVReader.sniffDelimiter(bytes), limits: options.limits, log: &log) { row($0) }
        }
        // A parse error: the rows' problems are not reported (what was made of the rows is dropped).
        guard !log.hasErrors else { return (nil, ordered()) }
        guard sawFirst else {
            log.error(.emptyFile, FileLocation(file: file), "the file is empty; an edge list has one `source,target[,weight]` row per tie")
            return (nil, ordered())
        }
        log.append(contentsOf: rowLog.items)
        guard headerOK else { return (nil, ordered()) }

        var nodes: [Node]
        if let nodesTable {
            nodes = tableNodes ?? []
            let listed = Set(nodes.map(\.id))
            let missing = endpoints.ids.indices.filter { !listed.contains(endpoints.ids[$0]) }
            if let firstMissing = missing.first, tableNodes != nil {
                let examples = missing.prefix(3).map { quoted(endpoints.ids[$0]) }.joined(separator: ", ")
                let n = missing.count
                log.warning(.unknownNode, endpoints.location(firstMissing, in: file),
                            "\(n) tie endpoint\(n == 1 ? " is" : "s are") not in the nodes table \(nodesTable.file) (\(examples)\(n > 3 ? ", ..." : "")); \(n == 1 ? "it is" : "they are") added with kind other, named by \(n == 1 ? "its" : "their") id")
            }
            nodes += missing.map { Node(id: endpoints.ids[$0], name: endpoints.ids[$0], kind: .other) }
        } else {
            nodes = endpoints.ids.map { Node(id: $0, name: $0, kind: .other) }
        }
        log.append(contentsOf: records.finish())
        let diagnostics = ordered()
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (Network(manifest: Manifest(name: name, directedTieKinds: []), nodes: nodes, ties: ties), diagnostics)
    }

    /// Gephi's edge `Type`: true for `Directed`, false for `Undirected` or `Mutual`, nil for anything else.
    static func direction(_ type: String) -> Bool? {
        switch type.lowercased() {
        case "directed": true
        case "undirected", "mutual": false
        default: nil
        }
    }

    /// Whether an edge list starting with `head` (the first bytes of the file; `complete` when they are
    /// the whole file) is one ``EdgeListGraphReader`` reads as this reader does: no header row, or a
    /// header of source, target and at most a weight, in that order. False when the head cannot tell.
    static func isPlain(head: [UInt8], complete: Bool) -> Bool {
        var head = head
        if !complete {
            // Whole lines only, so a character cut in two is not mistaken for invalid text.
            guard let end = head.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return false }
            head.removeSubrange((end + 1)...)
        }
        var log = DiagnosticLog()
        guard let bytes = TextDecoding.utf8Bytes(head, file: "", log: &log) else { return false }
        // Blank-separated lists (SNAP, NetworkX's write_edgelist) are read by the full reader only.
        if WhitespaceTable.applies(to: bytes) { return false }
        let doc = CSVReader.parse(bytes, file: "", delimiter: CSVReader.sniffDelimiter(bytes), log: &log)
        guard !log.hasErrors else { return false }
        guard let first = doc.records.first else { return complete }
        guard EdgeListColumns.isHeader(first.fields) else { return true }
        guard let names = CSVTable.headerNames(first, in: doc, log: &log) else { return false }
        return EdgeListColumns(names: names).isPlain
    }
}

/// The ids the ties name, in order of first appearance, with where each first appears (as a packed
/// ``CSVRecord/place(line:column:)``).
private struct EndpointOrder {
    private(set) var ids: [String] = []
    private var places: [Int] = []
    private var seen: Set<String> = []

    mutating func add(_ id: String, place: Int) {
        guard seen.insert(id).inserted else { return }
        ids.append(id)
        places.append(place)
    }

    /// Where the `i`-th id first appears.
    func location(_ i: Int, in file: String) -> FileLocation {
        FileLocation(file: file, line: places[i] >> 32, column: places[i] & 0xFFFF_FFFF)
    }
}
