import Foundation

/// What ``GeoLayout`` did.
public struct GeoLayoutResult: Sendable, Equatable {
    public var document: MapDocument
    /// Countries drawn at the edge of the map because their reference point lies outside it.
    public var offMap: [String]
    /// Actors without a country (or with a country the reference table lacks), drawn in a group of their own.
    public var unplaced: Int
}

/// A geographic layout: each actor near its country's reference point (``CountryPoints``, the CIA
/// World Factbook's geographic centres), on a map of Asia and the Pacific and Eastern Africa.
///
/// - **Projection**: equirectangular (plate carrée) with x shrunk by cos 10° (the window's middle
///   latitude), over longitudes 25° E to 165° W and latitudes 45° S to 55° N (Eastern Africa to the
///   Pacific islands, Central Asia to New Zealand), 9 points a degree. Longitudes west of 25° W are
///   taken as east of 180° (Samoa at 172° W is east of Tonga, not at the map's far left). A country whose
///   point falls outside the window is drawn at the window's nearest edge and named "(off map)":
///   international bodies sit at their headquarters' country (`country` of the node), so UN DESA and
///   others in the United States appear at the right edge, those in Europe at the left.
/// - **Actors of a country**: placed greedily along a Vogel (sunflower) spiral around the country's point,
///   largest first, each at the first spiral point where its box clears the box of every actor placed before by 6 points
///   (drawn sizes as ``FileLayout/drawnDiameter(_:)`` estimates them, labels included, 50 % more for a
///   labelled node). The country's name is a text node above its actors. Ties are drawn faint and thin.
/// - **Overlap removal**: each country is then a disc (its actors and its name); overlapping discs are
///   pushed apart along the line between their centres, half each, in a fixed order, until none
///   overlaps (at most 2,000 rounds), so every country stays as near its point as the crowding allows.
/// - Every node is pinned and Graphviz only draws (neato, no overlap removal): the same document gives
///   the same picture. No map tiles, no network access.
///
/// - Complexity: O(Σ k²·s) for countries of k actors and s spiral steps, plus O(r · c²) for r rounds
///   over c countries.
public enum GeoLayout {
    public static let west = 25.0, east = 195.0, south = -45.0, north = 55.0
    public static let pointsPerDegree = 9.0
    static let gap = 6.0

    /// The diameter a node needs: ``FileLayout/drawnDiameter(_:)`` with 50 % more, since Graphviz draws
    /// an ellipse or polygon (a hexagon is widest) around the label's box, wider than the box's diagonal.
    static func footprint(_ node: MapNode) -> Double {
        let d = FileLayout.drawnDiameter(node)
        return node.label.isEmpty ? d : d * 1.5
    }

    /// The projected point of a latitude and longitude, in points, and whether it had to be clamped into the window.
    public static func project(latitude: Double, longitude: Double) -> (point: MapPoint, clamped: Bool) {
        var lon = longitude
        if lon < -25 { lon += 360 }
        let cx = min(max(lon, west), east), cy = min(max(latitude, south), north)
        let k = cos(10 * Double.pi / 180)
        return (MapPoint(x: (cx - west) * k * pointsPerDegree, y: (cy - south) * pointsPerDegree), cx != lon || cy != latitude)
    }

    /// `doc` (built by ``NetworkMapBuilder`` from `view`, nodes in vertex order) with every actor pinned
    /// near its country and a name node per country.
    public static func pin(_ doc: MapDocument, view: NetworkView) -> GeoLayoutResult {
        precondition(doc.nodes.count == view.vertexCount, "the document must be the view's map")
        // Countries in order of first appearance; "" for actors without a usable point.
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for v in 0..<view.vertexCount {
            var c = view.node(v).country ?? ""
            if CountryPoints.point(c) == nil { c = "" }
            if members[c] == nil { order.append(c) }
            members[c, default: []].append(v)
        }
        var out = doc
        out.layout = .neato
        out.removeOverlaps = false
        out.canvas = nil
        out.clusters = []
        for i in out.nodes.indices { out.nodes[i].cluster = nil }

        struct Disc {
            var code: String
            var center: MapPoint
            var radius: Double
            var offsets: [(Int, MapPoint)]
            var label: String
        }
        var discs: [Disc] = []
        var offMap: [String] = []
        for code in order {
            let vs = members[code]!.sorted { footprint(doc.nodes[$0]) > footprint(doc.nodes[$1]) || (footprint(doc.nodes[$0]) == footprint(doc.nodes[$1]) && $0 < $1) }
            var anchor = MapPoint(x: 0, y: 0)
            var label = code.isEmpty ? "no country" : Countries.name(code)
            if let p = CountryPoints.point(code) {
                let projected = project(latitude: p.latitude, longitude: p.longitude)
                anchor = projected.point
                if projected.clamped {
                    offMap.append(code)
                    label += " (off map)"
                }
            }
            // Greedy spiral placement.
            var placed: [(Int, MapPoint, Double)] = []
            let step = 4.0
            var k = 0
            for v in vs {
                let d = footprint(doc.nodes[v])
                while true {
                    let r = step * Double(k).squareRoot()
                    let a = Double(k) * 2.399963229728653  // the golden angle
                    let p = MapPoint(x: r * cos(a), y: r * sin(a))
                    k += 1
                    // Clear as boxes (what the readability counts), not only as circles.
                    let clear = placed.allSatisfy { other in
                        let need: Double = (other.2 + d) / 2 + gap
                        return abs(other.1.x - p.x) >= need || abs(other.1.y - p.y) >= need
                    }
                    if clear {
                        placed.append((v, p, d))
                        break
                    }
                }
            }
            // A node's box reaches √2 × half its size from its centre.
            let radius = placed.map { (item: (Int, MapPoint, Double)) -> Double in
                let (_, p, d) = item
                return (p.x * p.x + p.y * p.y).squareRoot() + d / 2 * 1.415
            }.max() ?? 0
            // Room for the name above (10-point text, about 0.6 em a character).
            let labelHalfWidth = 3.0 * Double(label.count) + 6
            discs.append(Disc(code: code, center: anchor, radius: max(radius + 18, labelHalfWidth, (radius * radius + labelHalfWidth * labelHalfWidth).squareRoot() + 4), offsets: placed.map { ($0.0, $0.1) }, label: label))
        }
        if let none = discs.firstIndex(where: { $0.code.isEmpty }) {
            // Actors without a place: below the map's bottom-left corner.
            discs[none].center = MapPoint(x: 0, y: -discs[none].radius - 20)
        }

        // Push overlapping discs apart.
        for _ in 0..<2000 {
            var moved = false
            for i in discs.indices {
                for j in discs.indices where j > i {
                    let dx = discs[j].center.x - discs[i].center.x, dy = discs[j].center.y - discs[i].center.y
                    let dist = (dx * dx + dy * dy).squareRoot()
                    let need = discs[i].radius + discs[j].radius + gap
                    guard dist < need - 0.01 else { continue }
                    let (ux, uy) = dist > 1e-9 ? (dx / dist, dy / dist) : (1.0, 0.0)
                    let push = (need - dist) / 2 + 0.01
                    discs[i].center.x -= ux * push
                    discs[i].center.y -= uy * push
                    discs[j].center.x += ux * push
                    discs[j].center.y += uy * push
                    moved = true
                }
            }
            if !moved { break }
        }

        var ids = Set(out.nodes.map(\.id))
        for disc in discs {
            for (v, offset) in disc.offsets {
                out.nodes[v].position = MapPoint(x: disc.center.x + offset.x, y: disc.center.y + offset.y)
            }
            let top = disc.offsets.map { offset in offset.1.y + footprint(doc.nodes[offset.0]) / 2 }.max() ?? 0
            var id = "country-" + (disc.code.isEmpty ? "none" : disc.code)
            while ids.contains(id) { id += "-" }
            ids.insert(id)
            out.nodes.append(MapNode(
                id: id, label: disc.label, tooltip: "\(disc.label): \(disc.offsets.count) actor\(disc.offsets.count == 1 ? "" : "s")",
                classes: ["country-label"], shape: .plaintext, fillColor: MapColor(red: 255, green: 255, blue: 255),
                size: 0.1, fontSize: 10, position: MapPoint(x: disc.center.x, y: disc.center.y + top + 9), fontColor: MapColor(red: 60, green: 60, blue: 60)))
        }

        // Ties faint and thin: on a map the places carry the message, and long ties cross it everywhere.
        for i in out.edges.indices {
            out.edges[i].color.alpha = min(out.edges[i].color.alpha, 70)
            out.edges[i].penWidth = min(out.edges[i].penWidth, 1.2)
        }

        // The legend to the right of everything.
        if !out.legend.isEmpty {
            let right = out.nodes.map { $0.position!.x + FileLayout.drawnDiameter($0) / 2 }.max() ?? 0
            let top = out.nodes.map { $0.position!.y + FileLayout.drawnDiameter($0) / 2 }.max() ?? 0
            let size = FileLayout.legendSize(out.legend)
            out.legendPosition = MapPoint(x: right + FileLayout.legendGap + size.width / 2, y: top - size.height / 2)
        }
        out.caption += " · places: country reference points (CIA World Factbook)"
        return GeoLayoutResult(document: out, offMap: offMap, unplaced: members[""]?.count ?? 0)
    }
}
