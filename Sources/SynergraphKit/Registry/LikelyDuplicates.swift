/// Pairs of actors of a register that are probably one: two rows that split one actor's ties and
/// participation and distort every measure.
///
/// Rules, each with its score (the highest applying counts):
/// - names equal after normalisation (``OrganisationNames``): 0.95;
/// - one's `name_local` equals the other's name or `name_local` (the same name in another script): 0.9;
/// - an acronym against its expansion: one's `acronym`, or its name when that is one word of 2–8
///   letters, equals the other's name, acronym or initials (`UNDP` ↔ United Nations Development
///   Programme): 0.85;
/// - the same words allowing typing slips (every name word of one found in the other, both ways, at
///   least two words): 0.8.
///
/// Pairs of different kinds where one is an expert, and pairs whose countries are both given and
/// differ, are never duplicates; the same country given on both adds 0.05 (at most 1).
///
/// - Complexity: candidate pairs come from shared keys (normalised name, acronym and initials, local
///   name, and each name's rarest word), so the work is about linear in the register, not quadratic.
public enum LikelyDuplicates {
    public struct Pair: Sendable, Equatable {
        public var first: Int
        public var second: Int
        public var score: Double
        public var reason: String
    }

    /// Every likely pair, highest score first (then in register order).
    public static func find(in network: Network) -> [Pair] {
        let nodes = network.nodes
        var keys: [String: [Int]] = [:]
        var tokens: [[String]] = []
        var df: [String: Int] = [:]
        for n in nodes { for t in Set(OrganisationNames.tokens(n.name)) { df[t, default: 0] += 1 } }
        for (i, n) in nodes.enumerated() {
            let toks = OrganisationNames.tokens(n.name)
            tokens.append(toks)
            var own: Set<String> = []
            if n.kind == .expert {
                own.insert("p:" + OrganisationNames.personKey(n.name))
            } else {
                own.insert("n:" + toks.joined(separator: " "))
                for a in acronyms(n) { own.insert("a:" + a) }
                own.insert("a:" + OrganisationNames.initials(n.name))
                if let l = n.attribute("name_local") { own.insert("l:" + OrganisationNames.normalised(l)) }
                own.insert("l:" + toks.joined(separator: " "))
                if let rare = toks.min(by: { (df[$0] ?? 0, $0) < (df[$1] ?? 0, $1) }) { own.insert("w:" + rare) }
            }
            for k in own where k.count > 2 { keys[k, default: []].append(i) }
        }
        var seen = Set<Int>()
        var out: [Pair] = []
        // Only keys shared by 2 to 50 actors pair anyone: sort those alone (most keys are one actor's own,
        // and a sorted copy of them all was the largest allocation of `validate` on a 100,000-actor register).
        let shared = keys.filter { $0.value.count > 1 && $0.value.count <= 50 }
        keys = [:]
        for (_, members) in shared.sorted(by: { $0.key < $1.key }) {
            for x in 0..<members.count {
                for y in (x + 1)..<members.count {
                    let a = members[x], b = members[y]
                    guard seen.insert(a * nodes.count + b).inserted else { continue }
                    if let p = judge(a, b, nodes, tokens) { out.append(p) }
                }
            }
        }
        return out.sorted { ($0.score, -$0.first, -$0.second) > ($1.score, -$1.first, -$1.second) }
    }

    static func acronyms(_ n: Node) -> [String] {
        var out: [String] = []
        if let a = n.attribute("acronym")?.trimmingWhitespace().lowercased(), !a.isEmpty { out.append(OrganisationNames.normalised(a).replacingOccurrences(of: " ", with: "")) }
        let words = n.name.split(separator: " ")
        if words.count == 1, (2...8).contains(n.name.count), n.name.allSatisfy({ $0.isLetter }) { out.append(n.name.lowercased()) }
        return out
    }

    static func judge(_ a: Int, _ b: Int, _ nodes: [Node], _ tokens: [[String]]) -> Pair? {
        let x = nodes[a], y = nodes[b]
        if (x.kind == .expert) != (y.kind == .expert) { return nil }
        if let cx = x.country, let cy = y.country, cx != cy { return nil }
        var best: (Double, String)?
        func consider(_ s: Double, _ why: String) { if best == nil || s > best!.0 { best = (s, why) } }
        let nx = tokens[a].joined(separator: " "), ny = tokens[b].joined(separator: " ")
        if x.kind == .expert {
            if OrganisationNames.personKey(x.name) == OrganisationNames.personKey(y.name), !OrganisationNames.personKey(x.name).isEmpty {
                consider(0.95, "names equal after normalisation")
            }
        } else {
            if nx == ny, !nx.isEmpty { consider(0.95, "names equal after normalisation") }
            let lx = x.attribute("name_local").map(OrganisationNames.normalised), ly = y.attribute("name_local").map(OrganisationNames.normalised)
            if let lx, !lx.isEmpty, lx == ny || lx == ly { consider(0.9, "the same name in another script (name_local)") }
            if let ly, !ly.isEmpty, ly == nx { consider(0.9, "the same name in another script (name_local)") }
            let ix = OrganisationNames.initials(x.name), iy = OrganisationNames.initials(y.name)
            for acr in acronyms(x) where acr == ny.replacingOccurrences(of: " ", with: "") && nx != ny || (acr == iy && tokens[b].count >= 2) || acronyms(y).contains(acr) && nx != ny {
                consider(0.85, "acronym \(acr.uppercased()) against its expansion")
            }
            for acr in acronyms(y) where (acr == ix && tokens[a].count >= 2) {
                consider(0.85, "acronym \(acr.uppercased()) against its expansion")
            }
            let tx = tokens[a], ty = tokens[b]
            if tx.count >= 2, ty.count >= 2,
               tx.allSatisfy({ w in ty.contains { OrganisationNames.sameWord($0, w) } }),
               ty.allSatisfy({ w in tx.contains { OrganisationNames.sameWord($0, w) } }) {
                consider(0.8, "the same words, allowing typing slips")
            }
        }
        guard var (score, reason) = best else { return nil }
        if let cx = x.country, cx == y.country { score = min(1, score + 0.05); reason += ", same country" }
        return Pair(first: a, second: b, score: (score * 100).rounded() / 100, reason: reason)
    }

    /// The pairs as `validate` warnings: at the second actor's place, naming the first's.
    public static func warnings(_ network: Network, file: String) -> [Diagnostic] {
        find(in: network).map { p in
            let a = network.nodes[p.first], b = network.nodes[p.second]
            let aPlace = a.origin.map(\.description) ?? file
            return Diagnostic(.warning, .likelyDuplicate, at: b.origin ?? FileLocation(file: file),
                              "\(quoted(network.publicID(ofNode: p.second))) is probably the same actor as \(quoted(network.publicID(ofNode: p.first))) at \(aPlace) (\(p.reason), score \(p.score)); if so, merge them with synergraph dedupe PATH --merge \(network.publicID(ofNode: p.first)) \(network.publicID(ofNode: p.second))")
        }
    }
}
