/// One value read from a foreign file: its key (attribute name), its text and where it was.
struct ForeignValue {
    var key: String
    var text: String
    var location: FileLocation?

    init(_ key: String, _ text: String, _ location: FileLocation? = nil) {
        self.key = key
        self.text = text
        self.location = location
    }
}

/// Turns the keyed values of a foreign format's nodes and edges into model records, the same way for
/// every format: known names become model fields (checked by ``RecordDecoder``), everything else is
/// kept as an attribute, as text, in the order read.
///
/// In `exact` mode (files Synergraph wrote itself) only the model's own column names are mapped; for
/// other files the usual synonyms are too (`label` → name, `type` → kind, `start`/`end` → since/until),
/// and values the model cannot hold (a kind it does not know, a country that is not an ISO code, a
/// weight that is not positive, a date that is not a calendar day) are kept as attributes with a warning
/// instead of failing the load.
struct ForeignRecords {
    var options: LoadOptions
    var exact: Bool
    var decoder = RecordDecoder()
    var log = DiagnosticLog()
    /// Replaced values by field: how many, the first place, a few examples.
    private var replaced: [String: (count: Int, first: FileLocation, examples: [String], keptAs: String)] = [:]
    private var replacedOrder: [String] = []

    init(options: LoadOptions, exact: Bool) {
        self.options = options
        self.exact = exact
        decoder = RecordDecoder(limits: options.limits)
    }

    private static let nodeFields: Set<String> = ["id", "name", "kind", "scope", "country", "sdgs", "accomplishments", "sectors", "consent", "source_ref"]
    private static let tieFields: Set<String> = ["source", "target", "kind", "weight", "trust", "value", "since", "until", "directed", "source_ref"]

    mutating func node(id: String, values: [ForeignValue], at location: FileLocation) -> Node? {
        if let node = Self.plainNode(id: id, values: values, exact: exact, at: location) { return node }
        return decodedNode(id: id, values: values, at: location)
    }

    /// ``node(id:values:at:)`` through ``RecordDecoder``, for every node.
    mutating func decodedNode(id: String, values: [ForeignValue], at location: FileLocation) -> Node? {
        var rest = values
        var lowered = values.map { Self.lowercased($0.key) }
        var fields: [RawRecord.Field] = [field("id", id, location)]
        func take(_ keys: [String]) -> ForeignValue? {
            Self.take(keys, from: &rest, lowered: &lowered)
        }
        if let n = take(exact ? ["name"] : ["name", "label"]) { fields.append(field("name", n.text, n.location ?? location)) }
        let kindKeys = exact ? ["kind"] : (options.kindAttribute.map { [$0.lowercased()] } ?? ["kind", "type"])
        if let k = take(kindKeys) {
            let t = k.text.trimmingWhitespace()
            if NodeKind(rawValue: t.lowercased()) != nil || exact {
                fields.append(field("kind", t, k.location ?? location))
            } else {
                fields.append(field("kind", "other", location))
                let keep = keptKey(k.key, reserved: Self.nodeFields)
                rest.append(ForeignValue(keep, k.text, k.location))
                note("kind", t, at: k.location ?? location, keptAs: keep)
            }
        } else {
            fields.append(field("kind", "other", location))
        }
        if let c = take(["country"]) {
            let t = c.text.trimmingWhitespace()
            if exact || (t.utf8.count == 3 && t.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) {
                fields.append(field("country", t, c.location ?? location))
            } else {
                let keep = keptKey(c.key, reserved: Self.nodeFields)
                rest.append(ForeignValue(keep, c.text, c.location))
                note("country", t, at: c.location ?? location, keptAs: keep)
            }
        }
        for key in ["scope", "sdgs", "accomplishments", "sectors", "consent", "source_ref"] {
            if let v = take([key]) { fields.append(field(key, v.text, v.location ?? location)) }
        }
        appendAttributes(rest, reserved: RecordDecoder.nodeColumns, to: &fields, location)
        return decoder.node(RawRecord(location: location, fields: fields))
    }

    /// - Parameter directedByFormat: what the format's own structure says (a directed graph, an arc);
    ///   used unless the values hold an explicit `directed`, and never in exact mode.
    mutating func tie(source: String, target: String, values: [ForeignValue], directedByFormat: Bool, at location: FileLocation) -> Tie? {
        if !exact, let tie = Self.plainTie(source: source, target: target, values: values, directed: directedByFormat, at: location) {
            return tie
        }
        return decodedTie(source: source, target: target, values: values, directedByFormat: directedByFormat, at: location)
    }

    /// ``tie(source:target:values:directedByFormat:at:)`` through ``RecordDecoder``, for every tie.
    mutating func decodedTie(source: String, target: String, values: [ForeignValue], directedByFormat: Bool, at location: FileLocation) -> Tie? {
        var rest = values
        var lowered = values.map { Self.lowercased($0.key) }
        var fields: [RawRecord.Field] = [field("source", source, location), field("target", target, location)]
        func take(_ keys: [String]) -> ForeignValue? {
            Self.take(keys, from: &rest, lowered: &lowered)
        }
        if let k = take(exact ? ["kind"] : ["kind", "type"]) {
            fields.append(field("kind", k.text, k.location ?? location))
        } else {
            fields.append(field("kind", "tie", location))
        }
        if let w = take(["weight"]) {
            let t = w.text.trimmingWhitespace()
            if exact || Double(t).map({ $0.isFinite && $0 > 0 }) == true {
                fields.append(field("weight", t, w.location ?? location))
            } else {
                let keep = keptKey(w.key, reserved: Self.tieFields)
                rest.append(ForeignValue(keep, w.text, w.location))
                note("weight", t, at: w.location ?? location, keptAs: keep)
            }
        }
        for key in ["trust", "value", "source_ref"] {
            if let v = take([key]) { fields.append(field(key, v.text, v.location ?? location)) }
        }
        for (key, synonym) in [("since", "start"), ("until", "end")] {
            guard let v = take(exact ? [key] : [key, synonym]) else { continue }
            let t = v.text.trimmingWhitespace()
            if exact {
                fields.append(field(key, t, v.location ?? location))
            } else if let day = Self.day(t) {
                fields.append(field(key, day.description, v.location ?? location))
            } else {
                let keep = keptKey(v.key, reserved: Self.tieFields)
                rest.append(ForeignValue(keep, v.text, v.location))
                note(key, t, at: v.location ?? location, keptAs: keep)
            }
        }
        if let d = take(["directed"]) {
            fields.append(field("directed", d.text, d.location ?? location))
        } else if !exact, directedByFormat {
            fields.append(RawRecord.Field(key: "directed", value: .bool(true), location: location))
        }
        appendAttributes(rest, reserved: RecordDecoder.tieColumns, to: &fields, location)
        return decoder.tie(RawRecord(location: location, fields: fields))
    }

    /// The tie when it is as plain as most ties of a large file (ends without surrounding blanks, at most
    /// a kind and a positive weight, nothing else), built directly: the same tie the general path builds
    /// through ``RecordDecoder`` (`plainTiesAreDecodedAsTheGeneralPathDecodesThem` checks), at a fifth of
    /// the cost (1M GraphML ties: 1.05 s of mapping). Nil: take the general path.
    static func plainTie(source: String, target: String, values: [ForeignValue], directed: Bool, at location: FileLocation) -> Tie? {
        guard let (kind, weight) = plainTieFields(source: source, target: target, values: values) else { return nil }
        var tie = Tie(source: source, target: target, kind: kind)
        if let weight { tie.weight = weight }
        if directed { tie.directed = true }
        tie.origin = location
        return tie
    }

    /// ``plainTie(source:target:values:directed:at:)`` appended to `ties` and set there, not built,
    /// returned and copied in (copying a million ties was several percent of reading them); false
    /// (nothing appended): take the general path.
    static func appendPlainTie(source: String, target: String, values: [ForeignValue], directed: Bool, at location: FileLocation,
                               to ties: inout [Tie]) -> Bool {
        guard let (kind, weight) = plainTieFields(source: source, target: target, values: values) else { return false }
        ties.append(Tie(source: source, target: target, kind: kind))
        let last = ties.count - 1
        if let weight { ties[last].weight = weight }
        if directed { ties[last].directed = true }
        ties[last].origin = location
        return true
    }

    /// A plain tie's kind and weight (see ``plainTie(source:target:values:directed:at:)``), nil when it is not plain.
    private static func plainTieFields(source: String, target: String, values: [ForeignValue]) -> (kind: String, weight: Double?)? {
        guard values.count <= 2, isPlain(source), isPlain(target) else { return nil }
        var kind: String?
        var weight: Double?
        for v in values {
            switch lowercased(v.key) {
            case "kind", "type":
                guard kind == nil, isPlain(v.text) else { return nil }
                kind = v.text.lowercased()
            case "weight":
                guard weight == nil, isPlain(v.text), let w = Double(v.text), w.isFinite, w > 0 else { return nil }
                weight = w
            default:
                return nil
            }
        }
        return (kind ?? "tie", weight)
    }

    /// The node when it is as plain as most nodes of a large file (an id without surrounding blanks, at
    /// most a name, nothing else), built directly: the same node the general path builds through
    /// ``RecordDecoder`` (`plainNodesAreDecodedAsTheGeneralPathDecodesThem` checks), without the messages
    /// the decoder prepares for every node (100,000 GraphML nodes: 11% of reading the 100k/1M file, now
    /// under 1%). Nil: take the general path.
    static func plainNode(id: String, values: [ForeignValue], exact: Bool, at location: FileLocation) -> Node? {
        guard values.count <= 1, isPlain(id) else { return nil }
        var name = id
        if let v = values.first {
            let key = lowercased(v.key)
            guard key == "name" || (!exact && key == "label"), isPlain(v.text) else { return nil }
            name = v.text
        }
        var node = Node(id: id, name: name, kind: .other)
        node.origin = location
        return node
    }

    /// Not empty, and no blank at either end (so trimming would not change it).
    private static func isPlain(_ s: String) -> Bool {
        guard let first = s.utf8.first else { return false }
        let last = s.utf8[s.utf8.index(before: s.utf8.endIndex)]
        return first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80
    }

    /// A calendar day from `YYYY-MM-DD` or an ISO date-time starting with it.
    static func day(_ t: String) -> Day? {
        if let d = Day(iso: t) { return d }
        guard t.utf8.count > 10 else { return nil }
        let head = t.prefix(10)
        guard let next = t.dropFirst(10).first, next == "T" || next == " " else { return nil }
        return Day(iso: head)
    }

    /// The warnings about replaced values, one per field, then every problem found.
    mutating func finish() -> [Diagnostic] {
        for f in replacedOrder {
            guard let r = replaced[f] else { continue }
            let examples = r.examples.map { quoted($0) }.joined(separator: ", ")
            let what: String
            switch f {
            case "kind": what = "a kind that is not one of \(NodeKind.allCases.map(\.rawValue).joined(separator: ", ")); they are loaded as other. Name the attribute that holds Synergraph kinds with --kind-attribute"
            case "country": what = "a country that is not an ISO 3166-1 alpha-3 code"
            case "weight": what = "a weight that is not a positive number; they get weight 1"
            default: what = "a \(f) that is not a calendar date (YYYY-MM-DD); the tie gets no \(f)"
            }
            log.warning(.replacedValue, r.first, "\(r.count) record\(r.count == 1 ? "" : "s") \(r.count == 1 ? "has" : "have") \(what) (\(examples)); the value is kept as the attribute \(quoted(r.keptAs))")
        }
        replaced = [:]
        replacedOrder = []
        return log.items + decoder.log.items
    }

    // MARK: helpers

    /// Removes and returns the first value, with text, under the first of `keys` (lowercase) that has
    /// one; `lowered` holds the values' keys lowercased, kept in step.
    private static func take(_ keys: [String], from rest: inout [ForeignValue], lowered: inout [String]) -> ForeignValue? {
        for k in keys {
            for i in lowered.indices where lowered[i] == k && !rest[i].text.trimmingWhitespace().isEmpty {
                lowered.remove(at: i)
                return rest.remove(at: i)
            }
        }
        return nil
    }

    /// `key.lowercased()`, without allocating for keys that are lowercase already (most are).
    static func lowercased(_ key: String) -> String {
        key.utf8.contains { $0 >= 65 && $0 <= 90 || $0 >= 0x80 } ? key.lowercased() : key
    }

    private func field(_ key: String, _ text: String, _ location: FileLocation) -> RawRecord.Field {
        RawRecord.Field(key: key, value: .text(text), location: location)
    }

    /// Attributes never take a model field's name: a kept value of `kind` becomes `original_kind`.
    private func keptKey(_ key: String, reserved: Set<String>) -> String {
        reserved.contains(key.lowercased()) ? "original_" + key : key
    }

    private func appendAttributes(_ values: [ForeignValue], reserved: Set<String>, to fields: inout [RawRecord.Field], _ location: FileLocation) {
        var seen = Set<String>()
        for v in values {
            // RecordDecoder knows the reserved names as columns; an attribute must not be mistaken for one.
            var key = reserved.contains(v.key) ? "original_" + v.key : v.key
            if key.hasPrefix("attributes.") { key = "original_" + key }
            guard seen.insert(key).inserted else { continue }
            fields.append(RawRecord.Field(key: key, value: .text(v.text), location: v.location ?? location))
        }
    }

    private mutating func note(_ field: String, _ value: String, at location: FileLocation, keptAs: String) {
        if var r = replaced[field] {
            r.count += 1
            if r.examples.count < 3, !r.examples.contains(value) { r.examples.append(value) }
            replaced[field] = r
        } else {
            replaced[field] = (1, location, [value], keptAs)
            replacedOrder.append(field)
        }
    }
}
