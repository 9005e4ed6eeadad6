/// Reads the nodes table joined by id to an edge list (`--nodes FILE`, ``LoadOptions/nodesTable``), as
/// spreadsheets and Gephi's Data Laboratory ("Export table": `Id,Label,timeset,...`) write it.
///
/// - A header row is required; names are compared without case. The id column is `id`, else the first.
/// - Delimiter `,` `;` or tab, sniffed from the header as for the edge list; RFC 4180 quoting; UTF-8 (a
///   byte-order mark or UTF-16 with one is accepted).
/// - Every other column goes through ``ForeignRecords``, as a GraphML or GEXF node's attributes do:
///   `name`, else `label`, is the name; `kind`, else `type` (or the `--kind-attribute` column) the kind;
///   `country`, `scope`, `sdgs`, ... their fields; anything else an attribute, in column order. Empty
///   cells give nothing.
/// - Every row has as many fields as the header; an empty id and a repeated id are errors at the id's
///   cell.
///
/// - Complexity: O(size of the file).
enum NodesTableReader {
    /// The nodes in table order, or nil when the table cannot be used at all (errors are logged).
    static func read(_ raw: [UInt8], file: String, records: inout ForeignRecords, log: inout DiagnosticLog) -> [Node]? {
        if let refusal = TextDecoding.binaryRefusal(raw, file: file) {
            log.append(contentsOf: [refusal])
            return nil
        }
        guard let bytes = TextDecoding.textBytes(raw, file: file, choice: records.options.encoding, log: &log) else { return nil }
        var csvLog = DiagnosticLog()
        let doc = CSVReader.parse(bytes, file: file, delimiter: CSVReader.sniffDelimiter(bytes), limits: records.options.limits, log: &csvLog)
        log.append(contentsOf: csvLog.items)
        guard !csvLog.hasErrors else { return nil }
        guard let header = doc.records.first else {
            log.error(.emptyFile, FileLocation(file: file), "the nodes table is empty; it needs a header row naming its columns (id, name, kind, ...)")
            return nil
        }
        guard let names = CSVTable.headerNames(header, in: doc, log: &log) else { return nil }
        let idColumn = names.firstIndex(of: "id") ?? 0
        var firstLine: [String: Int] = [:]
        var nodes: [Node] = []
        for rec in doc.records.dropFirst() {
            if rec.fields.count == 1, rec.fields[0].trimmingWhitespace().isEmpty { continue }
            guard rec.fields.count == names.count else {
                log.error(.wrongColumnCount, doc.location(rec),
                          "this row has \(rec.fields.count) field\(rec.fields.count == 1 ? "" : "s") but the header has \(names.count); quote fields that hold the delimiter")
                continue
            }
            let id = rec.fields[idColumn].trimmingWhitespace()
            guard !id.isEmpty else {
                log.error(.missingValue, doc.location(rec, field: idColumn), "the node has no id (column \(quoted(names[idColumn])))")
                continue
            }
            if let line = firstLine[id] {
                log.error(.duplicateID, doc.location(rec, field: idColumn), "duplicate node id \(quoted(id)); first defined on line \(line)")
                continue
            }
            firstLine[id] = rec.line
            var values: [ForeignValue] = []
            for (i, name) in names.enumerated() where i != idColumn && !rec.fields[i].trimmingWhitespace().isEmpty {
                values.append(ForeignValue(name, rec.fields[i], doc.location(rec, field: i)))
            }
            if let node = records.node(id: id, values: values, at: FileLocation(file: file, line: rec.line)) { nodes.append(node) }
        }
        return nodes
    }
}
