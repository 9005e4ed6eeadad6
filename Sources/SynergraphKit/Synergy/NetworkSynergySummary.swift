import Foundation

/// How internal or external one kind's ties are.
public struct KindMixing: Sendable, Equatable {
    public var kind: NodeKind
    /// Ties with both ends of this kind.
    public var internalTies: Int
    /// Ties from this kind to another.
    public var externalTies: Int
    /// `(E − I) / (E + I)`, nil without ties.
    public var eiIndex: Double?
}

/// Synergy of the network as a whole: how much its existing ties realise, and how much they mix kinds
/// and communities.
///
/// Over the tied pairs of the simple undirected view:
/// - mean realised synergy: the mean of ``SynergyScorer`` totals;
/// - cross-kind share: the share of ties joining actors of different kinds;
/// - cross-community share: the share joining different Louvain communities;
/// - E-I index by kind: `(E − I) / (E + I)` with E the ties between kinds and I within (−1: every tie
///   within a kind, +1: every tie across), for the whole network and per kind (Krackhardt and Stern).
///
/// - Reference: D. Krackhardt and R. N. Stern, "Informal networks and organizational crises: an
///   experimental simulation", Social Psychology Quarterly 51(2):123–140, 1988. doi:10.2307/2786835
public struct NetworkSynergySummary: Sendable, Equatable {
    public var ties: Int
    public var meanRealisedSynergy: Double?
    public var crossKindShare: Double?
    public var crossCommunityShare: Double?
    public var eiIndex: Double?
    public var byKind: [KindMixing]
    public var communities: Int

    init(scorer: SynergyScorer, threads: Int) {
        let g = scorer.graph
        let n = g.vertexCount
        var list: [EdgeKey] = []
        list.reserveCapacity(g.edgeCount)
        for u in 0..<n { for v in g.neighbours(of: u) where Int(v) > u { list.append(EdgeKey(u, Int(v))) } }
        let edges = list
        var totals = [Double](repeating: 0, count: edges.count)
        let workers = max(1, min(threads, edges.count / 4096 + 1))
        totals.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var slot = [Int32](repeating: -1, count: n)
                var i = w
                while i < edges.count {
                    out[i] = scorer.total(edges[i].source, edges[i].target, slot: &slot)
                    i += workers
                }
            }
        }
        ties = edges.count
        meanRealisedSynergy = edges.isEmpty ? nil : totals.reduce(0, +) / Double(edges.count)
        var cross = 0, crossComm = 0
        var internalTies: [NodeKind: Int] = [:], externalTies: [NodeKind: Int] = [:]
        for e in edges {
            let ka = scorer.profiles[e.source].kind, kb = scorer.profiles[e.target].kind
            if ka != kb {
                cross += 1
                externalTies[ka, default: 0] += 1
                externalTies[kb, default: 0] += 1
            } else {
                internalTies[ka, default: 0] += 1
            }
            if scorer.communities.communityOf[e.source] != scorer.communities.communityOf[e.target] { crossComm += 1 }
        }
        let m = Double(edges.count)
        crossKindShare = edges.isEmpty ? nil : Double(cross) / m
        crossCommunityShare = edges.isEmpty ? nil : Double(crossComm) / m
        eiIndex = edges.isEmpty ? nil : Double(cross - (edges.count - cross)) / m
        let present = Set(scorer.profiles.profiles.map(\.kind))
        byKind = NodeKind.allCases.filter(present.contains).map { k in
            let i = internalTies[k] ?? 0, e = externalTies[k] ?? 0
            return KindMixing(kind: k, internalTies: i, externalTies: e, eiIndex: i + e == 0 ? nil : Double(e - i) / Double(e + i))
        }
        communities = scorer.communities.count
    }
}
