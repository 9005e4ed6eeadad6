import Foundation
import SynergraphKit

extension GraphvizRenderer {
    /// Lays out `doc` and returns what the layout drew: every node's and cluster's box and label box,
    /// every edge's path, the legend's box (``MapGeometry``, for ``MapReadability``).
    ///
    /// Read from Graphviz's own `-Tjson` output of the laid-out graph (the layout of an SVG or PNG of
    /// the same document, since every layout here is deterministic): node `pos`, `width`, `height`
    /// (inches); cluster `bb`; edge `pos` (cubic Bézier control points, with `s,`/`e,` arrow ends left
    /// out); and label boxes from the text operations of `_ldraw_` (position, alignment, width and
    /// font size of each line as Graphviz measured them).
    public func geometry(of doc: MapDocument, timeout: Duration? = nil) throws(GraphvizError) -> MapGeometry {
        let result = try render(doc, format: .json, timeout: timeout)
        guard let object = try? JSONSerialization.jsonObject(with: result.data) as? [String: Any] else {
            throw GraphvizError.renderFailed("Graphviz's JSON output could not be read")
        }
        return try Self.geometry(json: object, doc: doc)
    }

    static func geometry(json object: [String: Any], doc: MapDocument) throws(GraphvizError) -> MapGeometry {
        var nodeIndex: [String: Int] = [:]
        for (i, node) in doc.nodes.enumerated() { nodeIndex[MapIdentifiers.node(node.id)] = i }
        var clusterIndex: [String: Int] = [:]
        for (i, c) in doc.clusters.enumerated() { clusterIndex[MapIdentifiers.clusterSubgraph(c.id)] = i }

        var nodes: [MapGeometry.Node] = []
        var clusters: [MapGeometry.Cluster] = []
        var legend: MapRect?
        for case let entry as [String: Any] in object["objects"] as? [Any] ?? [] {
            guard let name = entry["name"] as? String else { continue }
            if let c = clusterIndex[name] {
                guard let bb = box(entry["bb"] as? String) else { continue }
                clusters.append(MapGeometry.Cluster(index: c, box: bb, label: textBox(entry["_ldraw_"])))
                continue
            }
            guard let pos = point(entry["pos"] as? String),
                  let w = (entry["width"] as? String).flatMap(Double.init),
                  let h = (entry["height"] as? String).flatMap(Double.init) else { continue }
            let rect = MapRect(center: pos, width: w * 72, height: h * 72)
            if let i = nodeIndex[name] {
                nodes.append(MapGeometry.Node(index: i, box: rect, label: textBox(entry["_ldraw_"]), cluster: doc.nodes[i].cluster))
            } else if name == MapIdentifiers.legend {
                // The table as drawn (a pinned legend's box may be taller than its table).
                legend = drawBox(entry["_ldraw_"]) ?? rect
            }
        }
        guard nodes.count == doc.nodes.count else {
            throw GraphvizError.renderFailed("Graphviz's JSON output gave positions for \(nodes.count) of \(doc.nodes.count) nodes")
        }
        nodes.sort { $0.index < $1.index }
        clusters.sort { $0.index < $1.index }

        var edges: [MapGeometry.Edge] = []
        for case let entry as [String: Any] in object["edges"] as? [Any] ?? [] {
            guard let id = entry["id"] as? String, id.hasPrefix(MapIdentifiers.edgePrefix),
                  let index = Int(id.dropFirst(MapIdentifiers.edgePrefix.count)), doc.edges.indices.contains(index) else { continue }
            let path = Self.path(entry["pos"] as? String ?? "")
            guard path.count >= 2 else { continue }
            edges.append(MapGeometry.Edge(index: index, source: doc.edges[index].source, target: doc.edges[index].target,
                                          path: path, label: textBox(entry["_ldraw_"])))
        }
        edges.sort { $0.index < $1.index }
        guard let bounds = box(object["bb"] as? String) else {
            throw GraphvizError.renderFailed("Graphviz's JSON output has no bounding box")
        }
        return MapGeometry(nodes: nodes, clusters: clusters, edges: edges, legend: legend, bounds: bounds)
    }

    /// `"x,y"` (a trailing `!` allowed).
    static func point(_ text: String?) -> MapPoint? {
        guard let text else { return nil }
        let parts = text.replacingOccurrences(of: "!", with: "").split(separator: ",")
        guard parts.count >= 2, let x = Double(parts[0]), let y = Double(parts[1]) else { return nil }
        return MapPoint(x: x, y: y)
    }

    /// `"x1,y1,x2,y2"`.
    static func box(_ text: String?) -> MapRect? {
        let v = (text ?? "").split(separator: ",").compactMap { Double($0) }
        guard v.count == 4 else { return nil }
        return MapRect(minX: min(v[0], v[2]), minY: min(v[1], v[3]), maxX: max(v[0], v[2]), maxY: max(v[1], v[3]))
    }

    /// An edge's `pos`: Bézier control points (3k + 1 of them) sampled into a polyline, 8 steps a piece,
    /// or the two ends when the piece is straight.
    static func path(_ text: String) -> [MapPoint] {
        let controls = text.split(separator: " ").filter { !$0.hasPrefix("e,") && !$0.hasPrefix("s,") }.compactMap { point(String($0)) }
        guard controls.count >= 4 else { return controls }
        var out = [controls[0]]
        var i = 0
        while i + 3 < controls.count {
            let p0 = controls[i], p1 = controls[i + 1], p2 = controls[i + 2], p3 = controls[i + 3]
            if isStraight(p0, p1, p2, p3) {
                out.append(p3)
            } else {
                for step in 1...8 {
                    let t = Double(step) / 8, u = 1 - t
                    let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                    out.append(MapPoint(x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y))
                }
            }
            i += 3
        }
        return out
    }

    private static func isStraight(_ p0: MapPoint, _ p1: MapPoint, _ p2: MapPoint, _ p3: MapPoint) -> Bool {
        let dx = p3.x - p0.x, dy = p3.y - p0.y
        let len = (dx * dx + dy * dy).squareRoot()
        guard len > 0 else { return true }
        func off(_ p: MapPoint) -> Double { abs((p.x - p0.x) * dy - (p.y - p0.y) * dx) / len }
        return off(p1) < 0.5 && off(p2) < 0.5
    }

    /// The box around the text operations of an `_ldraw_` list: each `T` line spans its measured width
    /// (by its alignment) and, from its baseline, 0.25 em down and 0.85 em up (the font size from the
    /// `F` operation before it).
    static func textBox(_ ops: Any?) -> MapRect? {
        guard let ops = ops as? [Any] else { return nil }
        var size = 14.0
        var result: MapRect?
        for case let op as [String: Any] in ops {
            switch op["op"] as? String {
            case "F": size = (op["size"] as? Double) ?? (op["size"] as? NSNumber)?.doubleValue ?? size
            case "T":
                guard let pt = op["pt"] as? [Any], pt.count == 2, let x = (pt[0] as? NSNumber)?.doubleValue,
                      let y = (pt[1] as? NSNumber)?.doubleValue, let w = (op["width"] as? NSNumber)?.doubleValue,
                      let text = op["text"] as? String, !text.isEmpty else { continue }
                let minX: Double = switch op["align"] as? String {
                case "l": x
                case "r": x - w
                default: x - w / 2
                }
                let r = MapRect(minX: minX, minY: y - 0.25 * size, maxX: minX + w, maxY: y + 0.85 * size)
                result = result.map { $0.union(r) } ?? r
            default: continue
            }
        }
        return result
    }

    /// The box around everything an `_ldraw_` list draws (text and the polygons of an HTML-like table).
    static func drawBox(_ ops: Any?) -> MapRect? {
        var result = textBox(ops)
        guard let ops = ops as? [Any] else { return result }
        for case let op as [String: Any] in ops {
            guard let points = op["points"] as? [Any] else { continue }
            for case let p as [Any] in points where p.count == 2 {
                guard let x = (p[0] as? NSNumber)?.doubleValue, let y = (p[1] as? NSNumber)?.doubleValue else { continue }
                let r = MapRect(minX: x, minY: y, maxX: x, maxY: y)
                result = result.map { $0.union(r) } ?? r
            }
        }
        return result
    }
}
