/// Reads a plain edge list: a CSV of `source,target[,weight]` rows, with or without a header row,
/// delimited by comma, semicolon or tab. Nodes are created from the ids it names, in order of first
/// appearance, with kind ``NodeKind/other``.
public enum EdgeListReader {
    /// Header names recognised for the first two columns.
    static let endpointNames: Set<String> = ["source", "target", "from", "to", "src", "dst", "node1", "node2", "u", "v", "id1", "id2", "tail", "head"]

    static func read(_ raw: [UInt8], file: String, name: String) -> (Network?, [Diagnostic]) {
        var log = DiagnosticLog()
        guard let bytes = TextDecoding.utf8Bytes(raw, file: file, log: &log) else { return (nil, log.items) }
        let doc = CSVReader.parse(bytes, file: file, delimiter: CSVReader.sniffDelimiter(bytes), log: &log)
        guard !log.hasErrors else { return (nil, log.items) }
        guard let first = doc.records.first else {
            log.error(.emptyFile, FileLocation(file: file), "the file is empty; an edge list has one `source,target[,weight]` row per tie")
            return (nil, log.items)
        }
        let lower = first.fields.map { $0.trimmingWhitespace().lowercased() }
        let hasHeader = lower.count >= 2 && (endpointNames.contains(lower[0]) || endpointNames.contains(lower[1])
            || (lower.count >= 3 && Double(lower[2]) == nil && lower[2] != ""))
        let width = hasHeader ? lower.count : max(2, first.fields.count)
        var nodes: [Node] = []
        var index: [String: Int] = [:]
        var ties: [Tie] = []
        func node(_ id: String) {
            if index[id] == nil {
                index[id] = nodes.count
                nodes.append(Node(id: id, name: id, kind: .other))
            }
        }
        for rec in doc.records.dropFirst(hasHeader ? 1 : 0) {
            guard rec.fields.count >= 2, rec.fields.count <= max(width, 3) else {
                if rec.fields.count == 1, rec.fields[0].trimmingWhitespace().isEmpty { continue }
                log.error(.wrongColumnCount, doc.location(rec), "an edge-list row needs source, target and an optional weight; this one has \(rec.fields.count) field\(rec.fields.count == 1 ? "" : "s")")
                continue
            }
            let s = rec.fields[0].trimmingWhitespace(), t = rec.fields[1].trimmingWhitespace()
            guard !s.isEmpty, !t.isEmpty else {
                log.error(.missingValue, doc.location(rec, field: s.isEmpty ? 0 : 1), "the tie has no \(s.isEmpty ? "source" : "target")")
                continue
            }
            var tie = Tie(source: s, target: t, kind: "tie", origin: FileLocation(file: file, line: rec.line))
            if rec.fields.count >= 3 {
                let w = rec.fields[2].trimmingWhitespace()
                if !w.isEmpty {
                    if let v = Double(w), v.isFinite, v > 0 {
                        tie.weight = v
                    } else {
                        log.error(.badWeight, doc.location(rec, field: 2), "weight \(quoted(w)) must be a positive number")
                    }
                }
            }
            node(s)
            node(t)
            if s == t { log.warning(.selfLoop, doc.location(rec), "tie from \(quoted(s)) to itself; metrics leave self-loops out") }
            ties.append(tie)
        }
        guard !log.hasErrors else { return (nil, log.items) }
        return (Network(manifest: Manifest(name: name, directedTieKinds: []), nodes: nodes, ties: ties), log.items)
    }
}
