/// What the header row of an edge list says each column holds.
///
/// - The endpoints: the first column named like a source (`source`, `from`, `src`, `node1`, `u`, `id1`,
///   `tail`) and the first named like a target (`target`, `to`, `dst`, `node2`, `v`, `id2`, `head`); when
///   either is missing, the first two columns.
/// - The weight: the column named `weight`. A header of the two endpoints alone allows an unnamed third
///   field, the weight, as the plain `source,target[,weight]` list always has.
/// - Every other column keeps its name (lowercased; an empty name becomes `column_N`) for the
///   ``ForeignRecords`` mapping.
///
/// Names are compared without case (Gephi writes `Source,Target,Type,Id,Label,timeset,Weight`).
struct EdgeListColumns {
    /// Header names of the source column.
    static let sourceNames = ["source", "from", "src", "node1", "u", "id1", "tail"]
    /// Header names of the target column.
    static let targetNames = ["target", "to", "dst", "node2", "v", "id2", "head"]

    /// Column names, lowercased and trimmed, `column_N` (1-based) for an empty one; with the implicit
    /// weight of a two-column header.
    var names: [String]
    var source: Int
    var target: Int
    var weight: Int?

    /// Whether the first record of an edge list is a header: it names an endpoint column in one of its
    /// first two fields, or its third field is not a number (the rule of the plain edge list, unchanged).
    static func isHeader(_ fields: [String]) -> Bool {
        let lower = fields.prefix(3).map { $0.trimmingWhitespace().lowercased() }
        guard lower.count >= 2 else { return false }
        return EdgeListReader.endpointNames.contains(lower[0]) || EdgeListReader.endpointNames.contains(lower[1])
            || (lower.count >= 3 && Double(lower[2]) == nil && lower[2] != "")
    }

    /// - Parameter names: the header's names as ``CSVTable/headerNames(_:in:log:)`` gives them.
    init(names: [String]) {
        var names = names
        if let s = names.firstIndex(where: Self.sourceNames.contains), let t = names.firstIndex(where: Self.targetNames.contains) {
            source = s
            target = t
        } else {
            source = 0
            target = 1
        }
        if names.count == 2 { names.append(names.contains("weight") ? "column_3" : "weight") }
        let (s, t) = (source, target)
        weight = names.indices.first { $0 != s && $0 != t && names[$0] == "weight" }
        self.names = names
    }

    /// Whether ``EdgeListGraphReader``, which reads fields by position, reads this header's rows as
    /// ``EdgeListReader`` does: source, target and at most a weight, in that order.
    var isPlain: Bool { source == 0 && target == 1 && names.count == 3 && weight == 2 }
}
