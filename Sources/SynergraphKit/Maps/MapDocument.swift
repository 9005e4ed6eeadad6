/// A network map ready to be laid out and drawn: what the engine decided to show and how, with no
/// Graphviz syntax in it.
///
/// The engine (styling, views, privacy) builds a `MapDocument`; the Graphviz facade
/// (`SynergraphGraphviz`) is the only code that turns it into Graphviz objects. Every field is typed,
/// so only attributes the code owns can ever reach Graphviz: text from network files is only ever
/// a label, a tooltip, an id or a class, and the facade escapes it on the way out.
public struct MapDocument: Sendable, Equatable {
    /// Title drawn at the top of the map (literal text).
    public var title: String
    /// Caption drawn under the title: network, filter, date (literal text).
    public var caption: String
    /// A second caption line, drawn under the caption when not empty (literal text). The quarterly maps
    /// say there what is new; a line of its own leaves the caption's width (which can set the map's)
    /// alone, and every map of a series has one, so they all have the same height.
    public var subcaption: String
    /// Whether edges are drawn with arrowheads.
    public var isDirected: Bool
    /// The layout engine.
    public var layout: MapLayout
    /// Seed for the force-directed layouts (neato, fdp, sfdp).
    public var seed: Int
    /// Font family used for every text; must cover the scripts in the labels.
    public var fontName: String
    /// Nodes, in a stable order (the facade creates them in this order).
    public var nodes: [MapNode]
    /// Edges between positions in ``nodes``.
    public var edges: [MapEdge]
    /// Clusters drawn as boxes around their members (``MapNode/cluster`` indexes into this array).
    public var clusters: [MapCluster]
    /// Legend entries explaining shapes, colours and sizes; drawn when not empty.
    public var legend: [MapLegendEntry]
    /// Whether force-directed layouts should remove node overlaps.
    public var removeOverlaps: Bool
    /// For pinned layouts (neato with positions): where the legend's centre is pinned, in points.
    public var legendPosition: MapPoint?
    /// For pinned layouts: the legend's box, in points (a series' shared layout gives it). The legend is
    /// drawn at the top of this box, so a map whose legend has fewer entries keeps the legend's top edge,
    /// and every map of the series the same bounding box.
    public var legendSize: MapSize?
    /// For pinned layouts: a drawing area, in points, that every map of a series shares. The facade
    /// pins an invisible point at two opposite corners, so maps whose nodes all lie inside it get the
    /// same bounding box, hence the same image size and the same node coordinates.
    public var canvas: MapRect?

    public init(
        title: String = "", caption: String = "", isDirected: Bool = false, layout: MapLayout = .sfdp,
        seed: Int = 1, fontName: String = MapDocument.defaultFontName, nodes: [MapNode] = [],
        edges: [MapEdge] = [], clusters: [MapCluster] = [], legend: [MapLegendEntry] = [],
        removeOverlaps: Bool = true, legendPosition: MapPoint? = nil, canvas: MapRect? = nil, subcaption: String = "",
        legendSize: MapSize? = nil
    ) {
        self.title = title
        self.caption = caption
        self.subcaption = subcaption
        self.isDirected = isDirected
        self.layout = layout
        self.seed = seed
        self.fontName = fontName
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
        self.legend = legend
        self.removeOverlaps = removeOverlaps
        self.legendPosition = legendPosition
        self.legendSize = legendSize
        self.canvas = canvas
    }

    /// A font family name that fontconfig resolves to Noto Sans with its script fallbacks
    /// (Hangul, Khmer, Lao, Thai, Mongolian, Ethiopic) where the Noto packages are installed.
    public static let defaultFontName = "Noto Sans"
}

/// Graphviz layout engines a map can use.
public enum MapLayout: String, Sendable, CaseIterable, Codable {
    case dot, neato, fdp, sfdp, circo, twopi, osage
}

/// Output formats the facade can produce.
public enum MapFormat: String, Sendable, CaseIterable, Codable {
    case svg, png, pdf, dot, json, plain

    /// The format named by a file extension (`map.svg` → `.svg`), or nil.
    public init?(fileExtension: String) {
        self.init(rawValue: fileExtension.lowercased())
    }
}

/// An sRGB colour.
public struct MapColor: Sendable, Equatable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    public var alpha: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// `#rrggbb` or `#rrggbbaa` (when not opaque).
    public var hex: String {
        func h(_ x: UInt8) -> String {
            let digits = Array("0123456789abcdef")
            return String([digits[Int(x >> 4)], digits[Int(x & 15)]])
        }
        return "#" + h(red) + h(green) + h(blue) + (alpha == 255 ? "" : h(alpha))
    }
}

/// Node shapes the maps use (Graphviz shape names).
public enum MapShape: String, Sendable, CaseIterable, Equatable {
    case ellipse, circle, box, diamond, hexagon, octagon, triangle, house, pentagon, doublecircle
    /// Text only, no outline or fill (e.g. the country names of a geographic map).
    case plaintext
}

/// One part of a node's fill: a colour and the share of the node it takes (shares are normalised by the
/// facade). Drawn as wedges on round shapes and as stripes on the others.
public struct MapWedge: Sendable, Equatable {
    public var color: MapColor
    public var share: Double

    public init(color: MapColor, share: Double) {
        self.color = color
        self.share = share
    }
}

/// Edge line styles (Graphviz style names).
public enum MapLineStyle: String, Sendable, CaseIterable, Equatable {
    case solid, dashed, dotted, bold
}

/// One node of a map.
public struct MapNode: Sendable, Equatable {
    /// Stable identifier written as the SVG element id (derived from the node's id, never its position).
    public var id: String
    /// Text drawn in or beside the node (literal; may be empty for no label).
    public var label: String
    /// Hover text (literal).
    public var tooltip: String
    /// Class names for SVG (`kind-school`, `community-3`, ...).
    public var classes: [String]
    public var shape: MapShape
    public var fillColor: MapColor
    /// Node width in inches (the height follows the shape).
    public var size: Double
    public var fontSize: Double
    /// Index into ``MapDocument/clusters`` or nil.
    public var cluster: Int?
    /// A fixed position in points, for pinned layouts (neato with `pin`), or nil.
    public var position: MapPoint?
    /// Label colour; nil draws labels black. Set where the fill may be too dark for black text (colours
    /// taken from a file: ``MapColor/readableTextColor``).
    public var fontColor: MapColor?
    /// A marked outline (colour and width); nil draws the usual thin dark grey one. The quarterly
    /// maps mark actors new since the quarter before with it (``NewSinceMarking``).
    public var outline: MapOutline?
    /// A fill of several colours (e.g. an aggregate node's mix of kinds); empty for ``fillColor`` alone.
    public var wedges: [MapWedge] = []
    /// Draw the node at exactly ``size``, never grown to hold its label (Graphviz `fixedsize`).
    public var fixedSize = false

    public init(
        id: String, label: String, tooltip: String = "", classes: [String] = [], shape: MapShape = .ellipse,
        fillColor: MapColor = MapColor(red: 220, green: 220, blue: 220), size: Double = 0.3,
        fontSize: Double = 10, cluster: Int? = nil, position: MapPoint? = nil, fontColor: MapColor? = nil,
        outline: MapOutline? = nil
    ) {
        self.id = id
        self.label = label
        self.tooltip = tooltip
        self.classes = classes
        self.shape = shape
        self.fillColor = fillColor
        self.size = size
        self.fontSize = fontSize
        self.cluster = cluster
        self.position = position
        self.fontColor = fontColor
        self.outline = outline
    }
}

/// A node's outline: its colour, its width in points (the facade clamps it as it does edge widths) and
/// how many rings are drawn (Graphviz `peripheries`, 1–3: each further ring sits about 4 points
/// outside the one before, on the map's background, so it shows whatever the fill and in grey).
public struct MapOutline: Sendable, Equatable {
    public var color: MapColor
    public var width: Double
    public var rings: Int

    public init(color: MapColor, width: Double, rings: Int = 1) {
        self.color = color
        self.width = width
        self.rings = rings
    }
}

/// A point in Graphviz points (1/72 inch).
public struct MapPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A width and height in Graphviz points.
public struct MapSize: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}

/// An axis-aligned rectangle in Graphviz points.
public struct MapRect: Sendable, Equatable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }
}

/// Where a layout engine put a document's nodes: what ``MapDocument``'s pinned fields take back.
public struct MapLayoutPositions: Sendable, Equatable {
    /// Node centres in points, keyed by ``MapNode/id``.
    public var nodes: [String: MapPoint]
    /// Centre of the legend, when the document has one.
    public var legend: MapPoint?
    /// Size of the legend's box, when the document has one (nil where the layout did not say).
    public var legendSize: MapSize?
    /// The layout's bounding box (nodes, legend and title included).
    public var bounds: MapRect

    public init(nodes: [String: MapPoint], legend: MapPoint?, bounds: MapRect, legendSize: MapSize? = nil) {
        self.nodes = nodes
        self.legend = legend
        self.bounds = bounds
        self.legendSize = legendSize
    }
}

/// One edge of a map, between positions in ``MapDocument/nodes``.
public struct MapEdge: Sendable, Equatable {
    public var source: Int
    public var target: Int
    /// Line width in points.
    public var penWidth: Double
    public var style: MapLineStyle
    public var color: MapColor
    /// Hover text (literal).
    public var tooltip: String
    /// Class names for SVG.
    public var classes: [String]
    /// Text placed beside the line where it fits (literal; empty for none). Graphviz places it after the
    /// layout and leaves it out where it would overlap a node or another label.
    public var label: String

    public init(
        source: Int, target: Int, penWidth: Double = 1, style: MapLineStyle = .solid,
        color: MapColor = MapColor(red: 120, green: 120, blue: 120), tooltip: String = "", classes: [String] = [],
        label: String = ""
    ) {
        self.label = label
        self.source = source
        self.target = target
        self.penWidth = penWidth
        self.style = style
        self.color = color
        self.tooltip = tooltip
        self.classes = classes
    }
}

/// A cluster box around some nodes.
public struct MapCluster: Sendable, Equatable {
    /// Stable identifier (used for the Graphviz subgraph name and the SVG id).
    public var id: String
    /// Text drawn on the box (literal).
    public var label: String
    public var color: MapColor

    public init(id: String, label: String, color: MapColor = MapColor(red: 150, green: 150, blue: 150)) {
        self.id = id
        self.label = label
        self.color = color
    }
}

/// One line of the legend: a swatch and what it means.
public struct MapLegendEntry: Sendable, Equatable {
    public enum Swatch: Sendable, Equatable {
        /// A node shape filled with a colour.
        case node(MapShape, MapColor)
        /// A line in a style and width.
        case line(MapLineStyle, width: Double)
        /// A line in a style, width and colour (e.g. the quarterly maps' new ties).
        case coloredLine(MapLineStyle, width: Double, color: MapColor)
        /// Rings in a colour: a marked outline (``MapNode/outline``).
        case ring(MapColor)
        /// One thick ring (an outline such as ``NetworkMapBuilder/hubPartnerOutline``).
        case outline(MapColor)
        /// Text only (e.g. "size: betweenness").
        case note
    }

    public var swatch: Swatch
    public var text: String

    public init(_ swatch: Swatch, _ text: String) {
        self.swatch = swatch
        self.text = text
    }
}
