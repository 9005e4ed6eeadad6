/// Where the network hangs on one actor or one tie.
///
/// One depth-first search from the office's hub (the manifest's `hub`; without one, the first actor of the
/// largest component) over the view's simple undirected graph gives, for every articulation point `b`,
/// the actors its loss cuts off from the hub: the subtrees of the children `c` of `b` with
/// `low(c) ≥ disc(b)` (Hopcroft and Tarjan). For the hub itself, everything but its largest part.
///
/// - **Single broker of a target country** (severity 0.95): an actor `b` other than the hub whose loss cuts off every other
///   actor based in the country (at least one) from the hub. When several do (a chain), the one cutting
///   off the fewest actors, the nearest to the country, is named.
/// - **Broker** (0.60 + 0.25 · min(1, k / 10) for k actors cut off): an articulation point other than the
///   hub (the office itself is never reported as a broker) cutting off at
///   least `minimumCutOff` actors (2 by default; an organisation with one expert hanging on it is,
///   trivially, an articulation point, and is not a gap), unless it is already named as a single broker.
/// - **Bridge** (0.55): a tie whose loss leaves two parts of at least `minimumCutOff` actors each, unless
///   one end is already named as a broker for the same actors.
/// - **Isolated actor** (0.45): no tie and no activity in the view.
///
/// - Complexity: O(V + E) for the search, O(A · V) to list the cut-off actors of A articulation points.
/// - Reference: J. Hopcroft and R. Tarjan, "Algorithm 447: efficient algorithms for graph manipulation",
///   Communications of the ACM 16(6):372–378, 1973. doi:10.1145/362248.362272
public struct StructuralGaps: Sendable {
    public let gaps: [Gap]
    /// The actors each vertex's loss cuts off from the hub (empty for most).
    public let cutOff: [[Int]]
    /// The vertex the search started from.
    public let root: Int?

    public init(_ context: GapContext) {
        let scorer = context.scorer
        let countries = context.targets
        let minimumCutOff = context.minimumCutOff
        let g = scorer.graph
        let n = g.vertexCount
        let p = scorer.profiles
        var out: [Gap] = []
        // Isolated actors.
        for v in 0..<n where g.degree(of: v) == 0 {
            let fillers = context.fillers(GapKey(.isolated, nil, scorer.publicID(v)), for: v) { _, _ in true }
            out.append(Gap(category: .isolated, severity: 0.45, country: nil, subject: scorer.publicID(v),
                           title: "\(scorer.name(v)) is isolated", detail: "no tie and no activity in the view",
                           actors: [scorer.publicID(v)], fillers: fillers))
        }
        var root: Int? = nil
        if let hub = scorer.view.network.manifest.hub, let h = scorer.vertex(forPublicID: hub), g.degree(of: h) > 0 {
            root = h
        } else {
            let parts = g.connectedComponents()
            if let largest = parts.largest, parts.sizes[largest] > 1 { root = (0..<n).first { Int(parts.componentOf[$0]) == largest } }
        }
        self.root = root
        guard let root else {
            cutOff = Array(repeating: [], count: n)
            gaps = out
            return
        }
        let cuts = _CutAnalysis(graph: g, root: root)
        let order = cuts.order, disc = cuts.disc, low = cuts.low, parent = cuts.parent, tout = cuts.tout
        func subtree(_ c: Int) -> ArraySlice<Int> { order[disc[c]..<tout[c]] }
        var cut = [[Int]](repeating: [], count: n)
        for b in order where cuts.cutCount[b] > 0 { cut[b] = cuts.members(b) }
        cutOff = cut
        // Single brokers of target countries.
        var namedBroker = Set<Int>()
        for c in countries {
            guard let cid = p.countryID[c] else { continue }
            guard let b = cuts.singleBroker(of: cid, profiles: p) else { continue }
            namedBroker.insert(b)
            let inside = Set(cut[b])
            let fillers = context.fillers(GapKey(.singleBroker, c, scorer.publicID(b))) { u, v in
                u != b && v != b && inside.contains(u) != inside.contains(v)
            }
            out.append(Gap(category: .singleBroker, severity: 0.95, country: c, subject: scorer.publicID(b),
                           title: "\(Countries.name(c)) is reached only through \(scorer.name(b))",
                           detail: "its loss cuts off \(cut[b].count) actor\(cut[b].count == 1 ? "" : "s"): \(_GapSupport.names(scorer, cut[b]))",
                           actors: [scorer.publicID(b)] + cut[b].map(scorer.publicID), fillers: fillers))
        }
        // Brokers.
        // The hub is the office itself: never reported as a broker.
        for b in order where cut[b].count >= minimumCutOff && !namedBroker.contains(b) && b != root {
            let k = cut[b].count
            let inside = Set(cut[b])
            let fillers = context.fillers(GapKey(.broker, nil, scorer.publicID(b))) { u, v in
                u != b && v != b && inside.contains(u) != inside.contains(v)
            }
            out.append(Gap(category: .broker, severity: 0.60 + 0.25 * min(1, Double(k) / 10), country: nil, subject: scorer.publicID(b),
                           title: "\(scorer.name(b)) is the only link to \(k) actor\(k == 1 ? "" : "s")",
                           detail: "its loss cuts off \(_GapSupport.names(scorer, cut[b]))",
                           actors: [scorer.publicID(b)] + cut[b].map(scorer.publicID), fillers: fillers))
        }
        // Bridges between parts of at least minimumCutOff actors.
        let reached = order.count
        for v in order where parent[v] >= 0 && low[v] > disc[parent[v]] {
            let size = tout[v] - disc[v]
            guard size >= minimumCutOff, reached - size >= minimumCutOff else { continue }
            let u = parent[v]
            let side = Array(subtree(v)).sorted()
            // Already said: a named broker at either end cutting off exactly these actors.
            if cut[u] == side, namedBroker.contains(u) || (cut[u].count >= minimumCutOff && u != root) { continue }
            if Set(cut[v]).union([v]) == Set(side), cut[v].count >= minimumCutOff || namedBroker.contains(v) { continue }
            let inside = Set(side)
            let subject = "\(scorer.publicID(u))–\(scorer.publicID(v))"
            let fillers = context.fillers(GapKey(.bridge, nil, subject)) { a, b in
                !(Set([a, b]) == Set([u, v])) && inside.contains(a) != inside.contains(b)
            }
            out.append(Gap(category: .bridge, severity: 0.55, country: nil, subject: subject,
                           title: "the tie \(scorer.name(u)) – \(scorer.name(v)) is the only link to \(size) actors",
                           detail: "its loss cuts off \(_GapSupport.names(scorer, side))",
                           actors: [scorer.publicID(u), scorer.publicID(v)], fillers: fillers))
        }
        gaps = out
    }
}

/// Articulation points and the actors each one cuts off from a root, by one depth-first search
/// (Hopcroft and Tarjan 1973), optionally with one extra undirected edge (to see what an introduction
/// would change).
///
/// - Complexity: O(V + E).
struct _CutAnalysis {
    let root: Int
    var disc: [Int], low: [Int], parent: [Int], tout: [Int]
    var order: [Int]
    var children: [[Int]]
    /// How many actors each vertex's loss cuts off from the root (0 for most).
    var cutCount: [Int]

    init(graph g: Graph, root: Int, extra: (Int, Int)? = nil) {
        let n = g.vertexCount
        self.root = root
        var disc = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var parent = [Int](repeating: -1, count: n), tout = [Int](repeating: 0, count: n)
        var order: [Int] = []
        // Neighbour i of v: the CSR slice, then the extra edge's other end.
        let added: (Int, Int)? = extra.flatMap { a, b in a != b && !g.hasEdge(a, b) ? (a, b) : nil }
        func count(_ v: Int) -> Int {
            guard let (a, b) = added, v == a || v == b else { return g.degree(of: v) }
            return g.degree(of: v) + 1
        }
        func neighbour(_ v: Int, _ i: Int) -> Int {
            let d = g.degree(of: v)
            if i < d { return Int(g.targets[g.offsets[v] + i]) }
            let (a, b) = added!
            return v == a ? b : a
        }
        var stack: [(v: Int, i: Int)] = [(root, 0)]
        disc[root] = 0; low[root] = 0; order.append(root)
        while !stack.isEmpty {
            let (v, i) = stack[stack.count - 1]
            if i < count(v) {
                stack[stack.count - 1].i = i + 1
                let w = neighbour(v, i)
                if disc[w] < 0 {
                    parent[w] = v
                    disc[w] = order.count; low[w] = order.count; order.append(w)
                    stack.append((w, 0))
                } else if w != parent[v] {
                    low[v] = min(low[v], disc[w])
                }
            } else {
                stack.removeLast()
                tout[v] = order.count
                if parent[v] >= 0 { low[parent[v]] = min(low[parent[v]], low[v]) }
            }
        }
        var children = [[Int]](repeating: [], count: n)
        for v in order where parent[v] >= 0 { children[parent[v]].append(v) }
        var cutCount = [Int](repeating: 0, count: n)
        for b in order {
            if b == root {
                guard children[b].count > 1 else { continue }
                let sizes = children[b].map { tout[$0] - disc[$0] }
                cutCount[b] = sizes.reduce(0, +) - sizes.max()!
            } else {
                cutCount[b] = children[b].filter { low[$0] >= disc[b] }.reduce(0) { $0 + tout[$1] - disc[$1] }
            }
        }
        self.disc = disc; self.low = low; self.parent = parent; self.tout = tout
        self.order = order; self.children = children; self.cutCount = cutCount
    }

    /// The actors `b`'s loss cuts off, ascending.
    func members(_ b: Int) -> [Int] {
        func subtree(_ c: Int) -> ArraySlice<Int> { order[disc[c]..<tout[c]] }
        if b == root {
            guard children[b].count > 1 else { return [] }
            let parts = children[b].sorted { tout[$0] - disc[$0] > tout[$1] - disc[$1] }
            return parts.dropFirst().flatMap { subtree($0) }.sorted()
        }
        return children[b].filter { low[$0] >= disc[b] }.flatMap { subtree($0) }.sorted()
    }

    /// The child `c` of `b` whose subtree holds `x`, when that subtree is cut off by `b`'s loss (b not the root).
    func separatedChild(_ b: Int, containing x: Int) -> Int? {
        guard disc[x] > disc[b], disc[x] < tout[b] else { return nil }
        let kids = children[b]
        var lo = 0, hi = kids.count
        while lo < hi {
            let m = (lo + hi) / 2
            if disc[kids[m]] <= disc[x] { lo = m + 1 } else { hi = m }
        }
        guard lo > 0 else { return nil }
        let c = kids[lo - 1]
        return disc[x] < tout[c] && low[c] >= disc[b] ? c : nil
    }

    /// Whether `x` is among the actors `b`'s loss cuts off (b not the root).
    func cutsOff(_ b: Int, _ x: Int) -> Bool {
        guard disc[x] > disc[b], disc[x] < tout[b] else { return false }
        // The child of b on the path to x.
        for c in children[b] where disc[c] <= disc[x] && disc[x] < tout[c] { return low[c] >= disc[b] }
        return false
    }

    /// The non-root actor nearest the country whose loss cuts off every other reached actor based there
    /// (the one cutting off the fewest), if any.
    func singleBroker(of cid: Int32, profiles p: ActorProfiles) -> Int? {
        let based = (0..<disc.count).filter { p[$0].homeCountry == cid && disc[$0] >= 0 }
        var best: Int? = nil
        for b in order where cutCount[b] > 0 && b != root {
            let others = based.filter { $0 != b }
            guard !others.isEmpty else { continue }
            if others.allSatisfy({ cutsOff(b, $0) }), best == nil || cutCount[b] < cutCount[best!] { best = b }
        }
        return best
    }

    /// Bridges `(parent, child)` whose two sides both have at least `minimum` reached actors.
    func bridges(minimum: Int) -> [(Int, Int)] {
        let reached = order.count
        return order.compactMap { v in
            guard parent[v] >= 0, low[v] > disc[parent[v]] else { return nil }
            let size = tout[v] - disc[v]
            return size >= minimum && reached - size >= minimum ? (parent[v], v) : nil
        }
    }
}
