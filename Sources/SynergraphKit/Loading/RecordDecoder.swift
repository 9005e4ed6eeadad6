/// Checks and converts raw records into model records, the same way for every on-disk form.
///
/// A record with a bad value is still returned (without the bad value) so that later checks, such as
/// ties naming it, do not report knock-on errors; the error is logged and the load as a whole fails.
struct RecordDecoder {
    var log = DiagnosticLog()
    /// `attributes` (per record) and `values` (in all) are checked here, for every form.
    var limits = ReaderLimits()
    /// Attribute values kept so far, and whether a limit was reported (once per load).
    private var valueCount = 0
    private var reportedLimit = false
    /// Node ids and tie ends share one copy of their text (ids are named by many ties).
    private var ids = StringInterner()

    init(limits: ReaderLimits = ReaderLimits()) { self.limits = limits }

    static let nodeColumns: Set<String> = ["id", "name", "kind", "scope", "country", "sdgs", "accomplishments", "sectors", "consent", "source_ref", "attributes"]
    static let tieColumns: Set<String> = ["source", "target", "kind", "weight", "trust", "value", "since", "until", "directed", "source_ref", "attributes"]
    static let activityColumns: Set<String> = ["id", "name", "kind", "date", "end_date", "country", "accomplishments", "sdgs", "sectors", "source_ref", "attributes"]
    static let participationColumns: Set<String> = ["activity", "node", "role", "source_ref"]

    // MARK: Records

    mutating func node(_ r: RawRecord) -> Node? {
        guard let text = required("id", in: r, what: "node") else { return nil }
        let id = ids.intern(text)
        var kind = NodeKind.other
        if let k = required("kind", in: r, what: "node \(quoted(id))") {
            if let parsed = NodeKind(rawValue: k.lowercased()) {
                kind = parsed
            } else {
                log.error(.unknownKind, r.location(of: "kind"),
                          "node \(quoted(id)) has unknown kind \(quoted(k)); use one of \(NodeKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        var node = Node(id: id, name: r.text("name") ?? id, kind: kind)
        if let s = r.text("scope") {
            if let scope = AgencyScope(rawValue: s.lowercased()) {
                if kind == .agency {
                    node.scope = scope
                } else {
                    log.warning(.ignoredValue, r.location(of: "scope"), "scope \(quoted(s)) is for agencies only; ignored for \(kind.rawValue) \(quoted(id))")
                }
            } else {
                log.error(.unknownScope, r.location(of: "scope"),
                          "node \(quoted(id)) has unknown scope \(quoted(s)); use one of \(AgencyScope.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        node.country = country(r, "country", owner: "node \(quoted(id))")
        node.sdgs = sdgs(r, owner: "node \(quoted(id))")
        node.accomplishments = accomplishments(r, owner: "node \(quoted(id))")
        node.sectors = list(r, "sectors").map { $0.lowercased() }.uniqued()
        if let c = r.field("consent") {
            if let b = boolean(c) {
                if kind == .expert {
                    node.consent = b
                } else {
                    log.warning(.ignoredValue, c.location, "consent is for experts only; ignored for \(kind.rawValue) \(quoted(id))")
                }
            } else {
                log.error(.badBoolean, c.location, "consent of \(quoted(id)) is \(quoted(c.value.text)); use yes or no")
            }
        }
        node.sourceRef = r.text("source_ref")
        node.attributes = extras(r, known: Self.nodeColumns, owner: "node \(quoted(id))")
        node.origin = r.location
        return node
    }

    mutating func tie(_ r: RawRecord) -> Tie? {
        let source = required("source", in: r, what: "tie")
        let target = required("target", in: r, what: "tie")
        guard var source, var target else { return nil }
        source = ids.intern(source)
        target = ids.intern(target)
        var tie = Tie(source: source, target: target, kind: r.text("kind")?.lowercased() ?? "partnership")
        let what = "tie \(source) – \(target)"
        if let w = r.field("weight") {
            if let v = number(w), v.isFinite, v > 0 {
                tie.weight = v
            } else {
                log.error(.badWeight, w.location, "weight of \(what) is \(quoted(w.value.text)); it must be a positive number")
            }
        }
        tie.trust = score(r, "trust", owner: what)
        tie.value = score(r, "value", owner: what)
        tie.since = date(r, "since", owner: what)
        tie.until = date(r, "until", owner: what)
        if let s = tie.since, let u = tie.until, u < s {
            log.error(.untilBeforeSince, r.location(of: "until"), "\(what) ends (until \(u)) before it starts (since \(s))")
        }
        if let d = r.field("directed") {
            if let b = boolean(d) {
                tie.directed = b
            } else {
                log.error(.badBoolean, d.location, "directed of \(what) is \(quoted(d.value.text)); use yes, no or leave it empty")
            }
        }
        tie.sourceRef = r.text("source_ref")
        tie.attributes = extras(r, known: Self.tieColumns, owner: what)
        tie.origin = r.location
        return tie
    }

    mutating func activity(_ r: RawRecord) -> Activity? {
        guard let id = required("id", in: r, what: "activity") else { return nil }
        let what = "activity \(quoted(id))"
        let start = required("date", in: r, what: what) != nil ? date(r, "date", owner: what) : nil
        var a = Activity(id: id, name: r.text("name") ?? id, kind: r.text("kind")?.lowercased() ?? "activity",
                         date: start ?? Day(daysSinceEpoch: 0))
        a.endDate = date(r, "end_date", owner: what)
        if let s = start, let e = a.endDate, e < s {
            log.error(.untilBeforeSince, r.location(of: "end_date"), "\(what) ends (\(e)) before it starts (\(s))")
        }
        a.country = country(r, "country", owner: what)
        a.accomplishments = accomplishments(r, owner: what)
        a.sdgs = sdgs(r, owner: what)
        a.sectors = list(r, "sectors").map { $0.lowercased() }.uniqued()
        a.sourceRef = r.text("source_ref")
        a.attributes = extras(r, known: Self.activityColumns, owner: what)
        a.origin = r.location
        return a
    }

    mutating func participation(_ r: RawRecord) -> Participation? {
        let activity = required("activity", in: r, what: "participation")
        let node = required("node", in: r, what: "participation")
        guard let activity, let node else { return nil }
        return Participation(activity: activity, node: node, role: r.text("role")?.lowercased(), sourceRef: r.text("source_ref"), origin: r.location)
    }

    // MARK: Values

    private mutating func required(_ key: String, in r: RawRecord, what: String) -> String? {
        if let t = r.text(key) { return t }
        log.error(.missingValue, r.location(of: key), "\(what) has no \(key)")
        return nil
    }

    private func list(_ r: RawRecord, _ key: String) -> [String] {
        guard let f = r.field(key) else { return [] }
        let items: [String]
        switch f.value {
        case .list(let l): items = l
        default: items = f.value.text.split(separator: ";", omittingEmptySubsequences: true).map(String.init)
        }
        return items.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    private mutating func country(_ r: RawRecord, _ key: String, owner: String) -> String? {
        guard let c = r.text(key) else { return nil }
        let up = c.uppercased()
        if up.utf8.count == 3, up.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) { return up }
        log.error(.badCountry, r.location(of: key), "country of \(owner) is \(quoted(c)); use an ISO 3166-1 alpha-3 code such as NPL or KOR")
        return nil
    }

    private mutating func sdgs(_ r: RawRecord, owner: String) -> [Int] {
        var out: [Int] = []
        let place = r.location(of: "sdgs")
        for item in list(r, "sdgs") {
            let digits = item.uppercased().hasPrefix("SDG") ? item.dropFirst(3).trimmingWhitespace() : item
            if let v = Int(digits), (1...17).contains(v) {
                out.append(v)
            } else {
                log.error(.badSDG, place, "SDG \(quoted(item)) of \(owner) is not a goal number from 1 to 17")
            }
        }
        return Array(Set(out)).sorted()
    }

    private mutating func accomplishments(_ r: RawRecord, owner: String) -> [Accomplishment] {
        var out: [Accomplishment] = []
        let place = r.location(of: "accomplishments")
        for item in list(r, "accomplishments") {
            if let a = Accomplishment(rawValue: item.uppercased()) {
                out.append(a)
            } else {
                log.error(.badAccomplishment, place, "accomplishment \(quoted(item)) of \(owner) is not EA1, EA2 or EA3")
            }
        }
        return Array(Set(out)).sorted()
    }

    private mutating func date(_ r: RawRecord, _ key: String, owner: String) -> Day? {
        guard let t = r.text(key) else { return nil }
        if let d = Day(iso: t) { return d }
        log.error(.badDate, r.location(of: key), "\(key) of \(owner) is \(quoted(t)); write dates as YYYY-MM-DD, e.g. 2025-03-31")
        return nil
    }

    private mutating func score(_ r: RawRecord, _ key: String, owner: String) -> Double? {
        guard let f = r.field(key) else { return nil }
        if let v = number(f), v.isFinite, v >= 0 { return v }
        log.error(.badNumber, f.location, "\(key) of \(owner) is \(quoted(f.value.text)); it must be a number of 0 or more")
        return nil
    }

    private func number(_ f: RawRecord.Field) -> Double? {
        switch f.value {
        case .number(let d): return d
        case .text(let s): return Double(s.trimmingWhitespace())
        default: return nil
        }
    }

    private func boolean(_ f: RawRecord.Field) -> Bool? {
        if case .bool(let b) = f.value { return b }
        switch f.value.text.trimmingWhitespace().lowercased() {
        case "yes", "y", "true", "t", "1": return true
        case "no", "n", "false", "f", "0": return false
        default: return nil
        }
    }

    private mutating func extras(_ r: RawRecord, known: Set<String>, owner: String) -> Attributes {
        var out: Attributes = []
        for f in r.fields where !known.contains(f.key) {
            let t = f.value.text
            if !t.isEmpty { out.append((f.key, t)) }
        }
        valueCount += out.count
        if out.count > limits.attributes || valueCount > limits.values {
            if !reportedLimit {
                reportedLimit = true
                log.append(contentsOf: [out.count > limits.attributes
                    ? limits.exceeded(.attributes, at: r.location, "\(owner) has \(grouped(out.count)) attributes", needed: out.count)
                    : limits.exceeded(.values, at: r.location, "the nodes and ties so far hold \(grouped(valueCount)) attribute values")])
            }
            return []
        }
        // The JSON form nests extras under "attributes"; they arrive as fields named "attributes.KEY".
        return out.map { (key: $0.key.hasPrefix("attributes.") ? String($0.key.dropFirst(11)) : $0.key, value: $0.value) }
    }
}

/// One shared copy of each repeated text: a string of more than 15 UTF-8 bytes has its own heap
/// storage, so a long id named by many ties would otherwise be held once per tie. Shorter strings are
/// stored inline (nothing to share) and are passed through untouched.
///
/// - Complexity: O(length) per string (one hash lookup for long ones).
struct StringInterner {
    private var seen: Set<String> = []

    mutating func intern(_ s: String) -> String {
        guard s.utf8.count > 15 else { return s }
        return seen.insert(s).memberAfterInsert
    }
}

/// `'text'` for messages, with control characters shown escaped and long text shortened.
func quoted(_ s: String) -> String {
    var out = ""
    for ch in s.unicodeScalars.prefix(80) {
        switch ch {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default: out.unicodeScalars.append(ch)
        }
    }
    if s.unicodeScalars.count > 80 { out += "…" }
    return "'\(out)'"
}

extension Array where Element: Hashable {
    /// The elements without repeats, first occurrence kept.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
