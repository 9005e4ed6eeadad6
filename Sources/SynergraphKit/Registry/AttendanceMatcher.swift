import Foundation

/// What an attendance row's organisation matched in the register.
public struct OrganisationMatch: Sendable, Equatable {
    public enum Outcome: String, Sendable, Codable { case matched, ambiguous, unmatched }
    public struct Candidate: Sendable, Equatable, Codable {
        public var id: String
        /// 0 to 1.
        public var score: Double
        /// Why: `id`, `name`, `acronym`, `local-script name`, `normalised name`, or `words` (fuzzy).
        public var reason: String
    }
    public var outcome: Outcome
    /// Best first: the match, the ambiguous candidates, or (unmatched) nothing.
    public var candidates: [Candidate]
}

/// Matches the organisations and people of an attendance list to the actors of a register.
///
/// An organisation is tried, in order, as an actor's id, its name, its `acronym`, its `name_local`, its
/// normalised name (``OrganisationNames``); the first stage with hits decides (one hit: matched; several:
/// ambiguous). Otherwise it is matched by words: each word of the list's text counts by its rarity in the
/// register (inverse document frequency, 1 + ln((N+1)/(df+1)) over the organisations' name, acronym and
/// local-name words; a word no actor has, such as a city, counts 0.5), matched to an actor's words (name, acronym, local
/// name, and its country's name) allowing a typing slip; the score is 0.85 × the weighted share of the
/// text's words found + 0.15 × the share of the actor's name words found (1 when the acronym was). A
/// best score of at least 0.75, 0.15 ahead of the next, is a match; from 0.5 the candidates within 0.15
/// of the best are ambiguous; below, unmatched. When the row gives a country, only actors of that
/// country or of none (international bodies) are candidates at any stage.
///
/// People: an expert of the register whose name (titles and accents left out) or `email`/`e-mail`
/// attribute equals the row's. Anyone else is not an expert of the register, and is not stored.
///
/// - Complexity: O(A) per row for A organisations (words compared with a bounded edit distance).
public struct AttendanceMatcher: Sendable {
    struct Actor: Sendable {
        var index: Int
        var id: String
        var nameLower: String
        var normalised: String
        var acronym: String?
        var local: String?
        var nameTokens: [String]
        var allTokens: Set<String>
        var country: String?
    }

    let network: Network
    let actors: [Actor]
    let documentFrequency: [String: Int]
    let expertsByName: [String: [Int]]
    let expertsByEmail: [String: Int]

    public init(network: Network) {
        self.network = network
        var actors: [Actor] = []
        var df: [String: Int] = [:]
        var byName: [String: [Int]] = [:], byEmail: [String: Int] = [:]
        for (i, n) in network.nodes.enumerated() {
            if n.kind == .expert {
                byName[OrganisationNames.personKey(n.name), default: []].append(i)
                for key in ["email", "e-mail", "mail"] { if let e = n.attribute(key)?.lowercased().trimmingWhitespace(), !e.isEmpty { byEmail[e] = i } }
                continue
            }
            let acronym = n.attribute("acronym").map { $0.trimmingWhitespace().lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
            let local = n.attribute("name_local").map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            let nameTokens = OrganisationNames.tokens(n.name)
            var own = Set(nameTokens)
            if let acronym { own.formUnion(OrganisationNames.tokens(acronym)) }
            if let local { own.formUnion(OrganisationNames.tokens(local)) }
            for t in own { df[t, default: 0] += 1 }
            var all = own
            if let c = n.country, let entry = Countries.entry(c) { all.formUnion(OrganisationNames.tokens(entry.name)) }
            actors.append(Actor(index: i, id: n.id, nameLower: n.name.trimmingWhitespace().lowercased(), normalised: OrganisationNames.normalised(n.name),
                                acronym: acronym, local: local, nameTokens: nameTokens, allTokens: all, country: n.country))
        }
        self.actors = actors
        documentFrequency = df
        expertsByName = byName
        expertsByEmail = byEmail
    }

    /// The organisation `text` (with the row's country code, if any) against the register.
    public func matchOrganisation(_ text: String, country: String?) -> OrganisationMatch {
        let q = text.trimmingWhitespace()
        guard !q.isEmpty else { return OrganisationMatch(outcome: .unmatched, candidates: []) }
        let lower = q.lowercased(), norm = OrganisationNames.normalised(q)
        let eligible = actors.filter { country == nil || $0.country == nil || $0.country == country }
        let stages: [(String, Double, (Actor) -> Bool)] = [
            ("id", 1.0, { $0.id.lowercased() == lower }),
            ("name", 1.0, { $0.nameLower == lower }),
            ("acronym", 0.95, { $0.acronym == lower }),
            ("local-script name", 1.0, { $0.local == q || ($0.local.map(OrganisationNames.normalised) == norm && !norm.isEmpty) }),
            ("normalised name", 0.95, { $0.normalised == norm && !norm.isEmpty }),
        ]
        for (reason, score, test) in stages {
            let hits = eligible.filter(test)
            if hits.isEmpty { continue }
            let candidates = hits.map { OrganisationMatch.Candidate(id: $0.id, score: score, reason: reason) }
            return OrganisationMatch(outcome: hits.count == 1 ? .matched : .ambiguous, candidates: candidates)
        }
        // By words.
        let words = OrganisationNames.tokens(q)
        guard !words.isEmpty else { return OrganisationMatch(outcome: .unmatched, candidates: []) }
        let n = Double(actors.count)
        let weights = words.map { w -> Double in
            guard let d = documentFrequency[w] else { return 0.5 }
            return 1 + log((n + 1) / (Double(d) + 1))
        }
        let total = weights.reduce(0, +)
        var scored: [OrganisationMatch.Candidate] = []
        for a in eligible {
            var found = 0.0
            var acronymHit = false
            for (w, weight) in zip(words, weights) {
                if a.allTokens.contains(w) || a.allTokens.contains(where: { OrganisationNames.sameWord($0, w) }) {
                    found += weight
                    if let acr = a.acronym, acr == w { acronymHit = true }
                }
            }
            guard found > 0 else { continue }
            let wordSet = Set(words)
            let reverse = acronymHit ? 1.0 : a.nameTokens.isEmpty ? 0 :
                Double(a.nameTokens.filter { t in wordSet.contains(t) || wordSet.contains(where: { OrganisationNames.sameWord($0, t) }) }.count) / Double(a.nameTokens.count)
            let score = 0.85 * found / total + 0.15 * reverse
            scored.append(.init(id: a.id, score: (score * 1000).rounded() / 1000, reason: "words"))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        guard let best = scored.first, best.score >= 0.5 else { return OrganisationMatch(outcome: .unmatched, candidates: []) }
        let second = scored.dropFirst().first?.score ?? 0
        if best.score >= 0.75, best.score - second >= 0.15 { return OrganisationMatch(outcome: .matched, candidates: [best]) }
        let close = scored.filter { $0.score >= max(0.5, best.score - 0.15) }.prefix(5)
        return OrganisationMatch(outcome: .ambiguous, candidates: Array(close))
    }

    /// The expert of the register this person is, if any (by e-mail, else by name without titles; a name
    /// two experts share matches neither).
    public func matchPerson(name: String?, email: String?) -> String? {
        if let e = email?.lowercased().trimmingWhitespace(), !e.isEmpty, let i = expertsByEmail[e] { return network.nodes[i].id }
        if let name, case let key = OrganisationNames.personKey(name), !key.isEmpty, let hits = expertsByName[key], hits.count == 1 {
            return network.nodes[hits[0]].id
        }
        return nil
    }
}
