internal import CGraphviz
import Foundation
import SynergraphKit

/// Writes a network as plain DOT (no layout, no drawing attributes), built through cgraph (`agopen`,
/// `agnode`, `agedge`, `agxset`) and written by cgraph's own writer (`agwrite`), so quoting is
/// Graphviz's, never ours.
///
/// - `digraph` when any tie is directed, else `graph`; never `strict` (parallel ties stay).
/// - Node: the id as DOT id; the name as `label`; the other model fields under their column names
///   (`kind`, `country`, `sdgs`, ...), then the attributes. An attribute named `label` is not written
///   (the name is the label).
/// - Tie: `kind`, `weight`, `trust`, ..., `directed` when the tie says so, then attributes; a tie
///   attribute named `key` is not written (in DOT it names the edge, and equal keys merge edges).
/// - Every id and value has its backslashes doubled (``escape(_:)``): cgraph's writer does not escape
///   them, and its scanner reads `\\` and `\"` as pairs, so a value ending in a backslash or holding
///   `\"` (JSON does) would otherwise break the file (measured with 2.43). For labels that is also what
///   Graphviz needs to draw them literally. ``DOTReader`` undoes it in files that carry the manifest.
/// - Order: cgraph's writer puts each node's out-edges after it and may declare a tie's head early, so
///   reading the file back gives every node and tie, but nodes in that order, ties ordered by source,
///   then target (in the network's node order; parallel ties keep theirs), and each record's
///   attributes by name (cgraph writes them sorted).
/// - The manifest as the graph attribute `synergraph_manifest` (JSON), so ``DOTReader`` reads the file
///   back to the same network.
///
/// Values are written as text and never interpreted here. A network whose attributes carry Graphviz
/// names that read files (`image`, `shapefile`, `fontpath`, ...) gives DOT that would make Graphviz
/// read them if someone rendered it with `dot`; Synergraph's own renderer never reads this DOT.
/// Output is deterministic: the same network gives the same bytes.
public enum DOTWriter {
    /// The DOT bytes of `network`.
    public static func bytes(_ network: Network) throws(GraphvizError) -> [UInt8] {
        let records = ForeignGraph(network: network)
        return try GraphvizEngine.withSession(needsLayouts: false) { (_) throws(GraphvizError) -> [UInt8] in
            try write(records, directed: network.ties.contains { network.isDirected($0) }, name: network.manifest.name)
        }
    }

    /// Text with its backslashes doubled.
    static func escape(_ s: String) -> String {
        s.contains("\\") ? s.replacingOccurrences(of: "\\", with: "\\\\") : s
    }

    /// The inverse of ``escape(_:)``.
    static func unescape(_ s: String) -> String {
        guard s.contains("\\") else { return s }
        var out = ""
        var chars = s.makeIterator()
        while let c = chars.next() {
            if c == "\\", let next = chars.next() {
                out.append(next)
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Builds and writes. Call with the engine lock held.
    private static func write(_ records: ForeignGraph, directed: Bool, name: String) throws(GraphvizError) -> [UInt8] {
        let descriptor = directed ? sg_agdirected() : sg_agundirected()
        guard let graph = withMutableCString(name.isEmpty ? "network" : name, { sg_agopen($0, descriptor) }) else {
            throw GraphvizError.renderFailed("Graphviz could not create a graph (out of memory?)")
        }
        defer { agclose(graph) }

        func declare(_ kind: Int32, _ attribute: String) -> UnsafeMutablePointer<Agsym_t>? {
            withMutableCString(attribute) { n in withMutableCString("") { agattr(graph, kind, n, $0) } }
        }
        func set(_ object: UnsafeMutableRawPointer, _ symbol: UnsafeMutablePointer<Agsym_t>?, _ value: String) {
            guard let symbol else { return }
            _ = withMutableCString(value) { agxset(object, symbol, $0) }
        }

        if let json = records.manifestJSON {
            set(UnsafeMutableRawPointer(graph), declare(Int32(AGRAPH), ForeignGraph.manifestKey), escape(json))
        }
        // Attributes are declared once, in order of first use, with an empty default.
        var nodeSymbols: [String: UnsafeMutablePointer<Agsym_t>?] = [:]
        var nodes: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        for n in records.nodes {
            guard let node = withMutableCString(escape(n.id), { agnode(graph, $0, 1) }) else {
                throw GraphvizError.renderFailed("Graphviz could not create node \(n.id)")
            }
            nodes[n.id] = node
            var written = Set<String>()
            for v in n.values {
                let key = v.key == "name" ? "label" : v.key
                guard key != "label" || v.key == "name", written.insert(key).inserted else { continue }
                let symbol = nodeSymbols[key] ?? declare(Int32(AGNODE), key)
                nodeSymbols[key] = symbol
                set(UnsafeMutableRawPointer(node), symbol, escape(v.text))
            }
        }
        var edgeSymbols: [String: UnsafeMutablePointer<Agsym_t>?] = [:]
        for e in records.edges {
            guard let tail = nodes[e.source], let head = nodes[e.target],
                  let edge = agedge(graph, tail, head, nil, 1) else {
                throw GraphvizError.renderFailed("Graphviz could not create the tie \(e.source) – \(e.target)")
            }
            var written = Set<String>()
            for v in e.values where v.key != "key" && written.insert(v.key).inserted {
                let symbol = edgeSymbols[v.key] ?? declare(Int32(AGEDGE), v.key)
                edgeSymbols[v.key] = symbol
                set(UnsafeMutableRawPointer(edge), symbol, escape(v.text))
            }
        }
        var length = 0
        guard let text = sg_agwrite_string(graph, &length) else {
            throw GraphvizError.renderFailed("Graphviz could not write the graph as DOT")
        }
        defer { free(text) }
        let messages = GraphvizMessages.drain()
        if messages.contains(where: \.isError) {
            throw GraphvizError.renderFailed(messages.filter(\.isError).map(\.text).joined(separator: "; "))
        }
        return Array(UnsafeRawBufferPointer(start: text, count: length))
    }
}
