import Foundation

/// What changed in a network from one quarter to the next: actors and tied pairs gained and lost,
/// and the actors whose betweenness and degree rose or fell most.
///
/// - Actors are compared by public id (experts without consent by their stable alias `expert-N`).
/// - A tie is a distinct tied pair of the quarter's view (parallel ties and co-participation merged,
///   as in the metrics): a pair is gained when it is tied in the quarter and was not in the one before.
///   Each pair lists the kinds of tie between it (in the quarter that has it).
/// - Risers and fallers are actors present in both quarters, ranked by the change of normalised
///   betweenness (NetworkX's `betweenness_centrality`) or of degree (distinct partners); changes
///   smaller than 1e-9 are not changes. Ties in the ranking go to the smaller id. Actors who arrive or
///   leave are listed as gained or lost instead.
///
/// - Complexity: O(V + E) plus the sorting of the lists.
public struct QuarterDiff: Sendable, Equatable, Codable {
    public struct Actor: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var kind: String
    }

    public struct TiedPair: Sendable, Equatable, Codable {
        public var a: Actor
        public var b: Actor
        public var kinds: [String]
    }

    public struct Change: Sendable, Equatable, Codable {
        public var actor: Actor
        public var before: Double
        public var after: Double
        public var change: Double
    }

    public var quarter: String
    public var previous: String
    public var actorsBefore: Int
    public var actorsAfter: Int
    public var tiedPairsBefore: Int
    public var tiedPairsAfter: Int
    public var actorsGained: [Actor]
    public var actorsLost: [Actor]
    public var tiesGained: [TiedPair]
    public var tiesLost: [TiedPair]
    public var betweennessRisers: [Change]
    public var betweennessFallers: [Change]
    public var degreeRisers: [Change]
    public var degreeFallers: [Change]
    /// Lines added by ``QuarterExtras``, in the order the extras were given.
    public var extras: [QuarterDiffLine]

    /// The changes from `previous` to `current`, with at most `top` risers and fallers per measure.
    public init(from previous: QuarterSnapshot, to current: QuarterSnapshot, top: Int = 5, extras: [QuarterDiffLine] = []) {
        quarter = current.quarter.description
        self.previous = previous.quarter.description
        actorsBefore = previous.metrics.ids.count
        actorsAfter = current.metrics.ids.count

        func actors(_ s: QuarterSnapshot) -> [String: Actor] {
            var out: [String: Actor] = [:]
            for r in s.metrics.ids.indices {
                out[s.metrics.ids[r]] = Actor(id: s.metrics.ids[r], name: s.metrics.names[r], kind: s.metrics.kinds[r])
            }
            return out
        }
        let before = actors(previous), after = actors(current)
        actorsGained = current.metrics.ids.filter { before[$0] == nil }.map { after[$0]! }
        actorsLost = previous.metrics.ids.filter { after[$0] == nil }.map { before[$0]! }

        let pairsBefore = previous.tiedPairs, pairsAfter = current.tiedPairs
        tiedPairsBefore = pairsBefore.count
        tiedPairsAfter = pairsAfter.count
        func pair(_ key: QuarterSnapshot.Pair, _ kinds: [String], _ names: [String: Actor]) -> TiedPair {
            TiedPair(a: names[key.a]!, b: names[key.b]!, kinds: kinds)
        }
        tiesGained = pairsAfter.keys.filter { pairsBefore[$0] == nil }.sorted().map { pair($0, pairsAfter[$0]!, after) }
        tiesLost = pairsBefore.keys.filter { pairsAfter[$0] == nil }.sorted().map { pair($0, pairsBefore[$0]!, before) }

        func changes(_ metric: NodeMetricName) -> [Change] {
            var old: [String: Double] = [:]
            let oldValues = previous.values(metric)
            for (r, id) in previous.metrics.ids.enumerated() { old[id] = oldValues[r] ?? 0 }
            let newValues = current.values(metric)
            var out: [Change] = []
            for (r, id) in current.metrics.ids.enumerated() {
                guard let was = old[id] else { continue }
                let now = newValues[r] ?? 0
                if abs(now - was) > 1e-9 { out.append(Change(actor: after[id]!, before: was, after: now, change: now - was)) }
            }
            return out
        }
        func risers(_ all: [Change]) -> [Change] {
            Array(all.filter { $0.change > 0 }.sorted { $0.change != $1.change ? $0.change > $1.change : $0.actor.id < $1.actor.id }.prefix(top))
        }
        func fallers(_ all: [Change]) -> [Change] {
            Array(all.filter { $0.change < 0 }.sorted { $0.change != $1.change ? $0.change < $1.change : $0.actor.id < $1.actor.id }.prefix(top))
        }
        let b = changes(.betweenness), d = changes(.degree)
        betweennessRisers = risers(b)
        betweennessFallers = fallers(b)
        degreeRisers = risers(d)
        degreeFallers = fallers(d)
        self.extras = extras
    }

    // MARK: Output

    /// The diff as JSON (snake_case keys, sorted, pretty-printed), ending with a newline.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// One line: "+3 / −1 actors, +12 / −4 tied pairs".
    public var headline: String {
        "+\(actorsGained.count) / −\(actorsLost.count) actors, +\(tiesGained.count) / −\(tiesLost.count) tied pairs"
    }

    /// The diff as Markdown, every piece of data escaped.
    public func markdown(title: String) -> String {
        let e = MarkdownText.escape
        var out = "# \(e(title)): what changed from \(previous) to \(quarter)\n\n"
        out += "- Actors: \(actorsBefore) → \(actorsAfter) (+\(actorsGained.count) gained, −\(actorsLost.count) lost)\n"
        out += "- Tied pairs: \(tiedPairsBefore) → \(tiedPairsAfter) (+\(tiesGained.count) gained, −\(tiesLost.count) lost)\n"
        func actorList(_ heading: String, _ list: [Actor]) {
            out += "\n## \(heading) (\(list.count))\n\n"
            if list.isEmpty { out += "None.\n" }
            for a in list { out += "- \(e(a.name)) (\(e(a.kind)), `\(MarkdownText.code(a.id))`)\n" }
        }
        func pairList(_ heading: String, _ list: [TiedPair]) {
            out += "\n## \(heading) (\(list.count))\n\n"
            if list.isEmpty { out += "None.\n" }
            for p in list { out += "- \(e(p.a.name)) — \(e(p.b.name)) (\(e(p.kinds.joined(separator: ", "))))\n" }
        }
        func changeTable(_ heading: String, _ list: [Change], digits: Int) {
            out += "\n## \(heading)\n\n"
            if list.isEmpty {
                out += "None.\n"
                return
            }
            out += "| actor | kind | \(previous) | \(quarter) | change |\n| --- | --- | ---: | ---: | ---: |\n"
            for c in list {
                out += "| \(e(c.actor.name)) | \(e(c.actor.kind)) | \(Self.format(c.before, digits)) | \(Self.format(c.after, digits)) | \(Self.signed(c.change, digits)) |\n"
            }
        }
        actorList("Partners gained", actorsGained)
        actorList("Partners lost", actorsLost)
        pairList("Ties gained", tiesGained)
        pairList("Ties lost", tiesLost)
        changeTable("Biggest risers by betweenness", betweennessRisers, digits: 4)
        changeTable("Biggest fallers by betweenness", betweennessFallers, digits: 4)
        changeTable("Biggest risers by degree", degreeRisers, digits: 0)
        changeTable("Biggest fallers by degree", degreeFallers, digits: 0)
        var sections: [String] = []
        for line in extras where !sections.contains(line.section) { sections.append(line.section) }
        for section in sections {
            out += "\n## \(e(section))\n\n"
            for line in extras where line.section == section { out += "- \(e(line.text))\n" }
        }
        return out
    }

    static func format(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }
    static func signed(_ v: Double, _ digits: Int) -> String { (v > 0 ? "+" : "−") + format(abs(v), digits) }
}
