internal import CGraphviz
import SynergraphKit

/// Turns a validated ``MapDocument`` into a cgraph graph and returns it as DOT text.
///
/// The graph is built only through cgraph (`agopen`, `agattr`, `agnode`, `agedge`, `agsubg`,
/// `agxset`), never by concatenating DOT: cgraph's own writer (`agwrite`) does all quoting. The
/// attributes are an allow-list owned by this file, filled only from typed fields; text from data
/// reaches Graphviz only as a label, a tooltip, an id or a class, always through ``MapText`` or
/// ``MapIdentifiers``.
///
/// Every attribute is declared once on the root graph with a neutral default (`\N` for node labels:
/// an empty default would blank every node). Nodes are created in document order, so the text — and
/// with it the layout — depends only on the document.
struct GraphBuilder: ~Copyable {
    private let doc: MapDocument
    private let graph: UnsafeMutablePointer<Agraph_t>

    /// The DOT text of `doc`. Call with the engine lock held; `doc` must have passed validation.
    static func dotText(for doc: MapDocument) throws(GraphvizError) -> [UInt8] {
        var builder = try GraphBuilder(doc)
        builder.build()
        return try builder.write()
    }

    private init(_ doc: MapDocument) throws(GraphvizError) {
        self.doc = doc
        let descriptor = doc.isDirected ? sg_agdirected() : sg_agundirected()
        guard let graph = withMutableCString("map", { sg_agopen($0, descriptor) }) else {
            throw GraphvizError.renderFailed("Graphviz could not create a graph (out of memory?)")
        }
        self.graph = graph
    }

    deinit {
        agclose(graph)
    }

    // MARK: Attributes

    /// Graph (and cluster) attributes, declared with neutral defaults.
    private struct GraphSymbols {
        var label, fontsize, id, pencolor, fontcolor, style: UnsafeMutablePointer<Agsym_t>?
    }

    private struct NodeSymbols {
        var label, tooltip, id, classes, shape, fillcolor, width, height, fontsize, style, margin: UnsafeMutablePointer<Agsym_t>?
        var pos, pin: UnsafeMutablePointer<Agsym_t>?
        var fontcolor: UnsafeMutablePointer<Agsym_t>?
        var color, penwidth, peripheries: UnsafeMutablePointer<Agsym_t>?
        var fixedsize, labelloc: UnsafeMutablePointer<Agsym_t>?
    }

    private struct EdgeSymbols {
        var id, classes, color, penwidth, style, tooltip: UnsafeMutablePointer<Agsym_t>?
        var xlabel, fontsize, fontcolor: UnsafeMutablePointer<Agsym_t>?
    }

    private mutating func build() {
        let pinned = doc.layout == .neato && doc.nodes.contains { $0.position != nil }
        let graphSymbols = declareGraphAttributes(pinned: pinned)
        let nodeSymbols = declareNodeAttributes(pinned: pinned)
        let edgeSymbols = declareEdgeAttributes()

        if let label = titleLabel() {
            setHTML(graph, graphSymbols.label, label)
        }

        var nodes: [UnsafeMutablePointer<Agnode_t>?] = []
        nodes.reserveCapacity(doc.nodes.count)
        for node in doc.nodes {
            nodes.append(addNode(node, symbols: nodeSymbols, pinned: pinned))
        }
        addClusters(nodes: nodes, symbols: graphSymbols)
        for (index, edge) in doc.edges.enumerated() {
            guard let tail = nodes[edge.source], let head = nodes[edge.target] else { continue }
            addEdge(edge, index: index, tail: tail, head: head, symbols: edgeSymbols)
        }
        if !doc.legend.isEmpty {
            addLegend(symbols: nodeSymbols, pinned: pinned)
        }
        if pinned, let canvas = doc.canvas {
            addCanvasCorners(canvas, symbols: nodeSymbols)
        }
    }

    private func declareGraphAttributes(pinned: Bool) -> GraphSymbols {
        var symbols = GraphSymbols()
        symbols.label = declare(AGRAPH, "label", "")
        symbols.fontsize = declare(AGRAPH, "fontsize", "14")
        symbols.id = declare(AGRAPH, "id", "")
        symbols.pencolor = declare(AGRAPH, "pencolor", "black")
        symbols.fontcolor = declare(AGRAPH, "fontcolor", "black")
        symbols.style = declare(AGRAPH, "style", "")
        _ = declare(AGRAPH, "fontname", doc.fontName)
        _ = declare(AGRAPH, "labelloc", "t")
        _ = declare(AGRAPH, "outputorder", "edgesfirst")
        _ = declare(AGRAPH, "pad", "0.3")
        for (name, value) in LayoutAttributes.graphAttributes(for: doc) {
            _ = declare(AGRAPH, name, value)
        }
        if pinned {
            // Positions are in points; without this neato reads them as inches.
            _ = declare(AGRAPH, "inputscale", "72")
        }
        return symbols
    }

    private func declareNodeAttributes(pinned: Bool) -> NodeSymbols {
        var symbols = NodeSymbols()
        symbols.label = declare(AGNODE, "label", "\\N")
        symbols.tooltip = declare(AGNODE, "tooltip", "")
        symbols.id = declare(AGNODE, "id", "")
        symbols.classes = declare(AGNODE, "class", "")
        symbols.shape = declare(AGNODE, "shape", MapShape.ellipse.rawValue)
        symbols.fillcolor = declare(AGNODE, "fillcolor", MapNode.defaultFill.hex)
        symbols.width = declare(AGNODE, "width", "0.3")
        symbols.height = declare(AGNODE, "height", "0.3")
        symbols.fontsize = declare(AGNODE, "fontsize", "10")
        symbols.style = declare(AGNODE, "style", "filled")
        symbols.margin = declare(AGNODE, "margin", "0.05,0.03")
        _ = declare(AGNODE, "fontname", doc.fontName)
        symbols.color = declare(AGNODE, "color", "#4d4d4d")
        symbols.penwidth = declare(AGNODE, "penwidth", "0.8")
        // Declared only when a node needs it, so maps without label colours keep their DOT text.
        if doc.nodes.contains(where: { $0.fontColor != nil }) {
            symbols.fontcolor = declare(AGNODE, "fontcolor", "black")
        }
        // Likewise for extra outline rings. An empty default leaves every shape its own (none for the legend).
        if doc.nodes.contains(where: { ($0.outline?.rings ?? 1) != 1 }) {
            symbols.peripheries = declare(AGNODE, "peripheries", "")
        }
        if pinned {
            symbols.pos = declare(AGNODE, "pos", "")
            symbols.pin = declare(AGNODE, "pin", "false")
            if doc.legendSize != nil, doc.legendPosition != nil, !doc.legend.isEmpty {
                symbols.fixedsize = declare(AGNODE, "fixedsize", "false")
                symbols.labelloc = declare(AGNODE, "labelloc", "c")
            }
        }
        // Declared only when a node needs it, so other maps keep their DOT text.
        if symbols.fixedsize == nil, doc.nodes.contains(where: \.fixedSize) {
            symbols.fixedsize = declare(AGNODE, "fixedsize", "false")
        }
        return symbols
    }

    private func declareEdgeAttributes() -> EdgeSymbols {
        var symbols = EdgeSymbols()
        symbols.id = declare(AGEDGE, "id", "")
        symbols.classes = declare(AGEDGE, "class", "")
        symbols.color = declare(AGEDGE, "color", "#787878")
        symbols.penwidth = declare(AGEDGE, "penwidth", "1")
        symbols.style = declare(AGEDGE, "style", "solid")
        symbols.tooltip = declare(AGEDGE, "tooltip", "")
        _ = declare(AGEDGE, "arrowsize", "0.6")
        _ = declare(AGEDGE, "fontname", doc.fontName)
        // Declared only when an edge has a label, so other maps keep their DOT text.
        if doc.edges.contains(where: { !$0.label.isEmpty }) {
            // Edge labels that cannot be placed clear of nodes and other labels are left out.
            _ = declare(AGRAPH, "forcelabels", "false")
            symbols.xlabel = declare(AGEDGE, "xlabel", "")
            symbols.fontsize = declare(AGEDGE, "fontsize", "8")
            symbols.fontcolor = declare(AGEDGE, "fontcolor", "#444444")
        }
        return symbols
    }

    // MARK: Objects

    private func addNode(
        _ node: MapNode, symbols: NodeSymbols, pinned: Bool
    ) -> UnsafeMutablePointer<Agnode_t>? {
        let name = MapIdentifiers.node(node.id)
        guard let created = withMutableCString(name, { agnode(graph, $0, 1) }) else { return nil }
        let lines = MapText.cappedLines(node.label, maxCharacters: MapLimits.labelCharacters, maxLines: MapLimits.labelLines)
        set(created, symbols.label, MapText.labelValue(lines))
        if node.fixedSize { set(created, symbols.fixedsize, "true") }
        set(created, symbols.id, name)
        let classes = MapIdentifiers.classList(node.classes)
        if !classes.isEmpty { set(created, symbols.classes, classes) }
        if !node.tooltip.isEmpty {
            let tooltip = MapText.cappedLines(node.tooltip, maxCharacters: MapLimits.tooltipCharacters, maxLines: MapLimits.tooltipLines)
            set(created, symbols.tooltip, MapText.tooltipValue(tooltip))
        }
        set(created, symbols.shape, node.shape.rawValue)
        set(created, symbols.fillcolor, node.fillColor.hex)
        if node.shape == .plaintext {
            set(created, symbols.style, "")
        } else if let fill = Self.wedgeFill(node.wedges) {
            // Wedges on round shapes, stripes on the others (Graphviz draws wedged only on ellipses).
            set(created, symbols.style, node.shape == .ellipse || node.shape == .circle ? "wedged" : "striped")
            set(created, symbols.fillcolor, fill)
        }
        if let fontColor = node.fontColor { set(created, symbols.fontcolor, fontColor.hex) }
        if let outline = node.outline {
            set(created, symbols.color, outline.color.hex)
            set(created, symbols.penwidth, number(MapLimits.clamp(outline.width, to: MapLimits.penWidth, fallback: 0.8)))
            if outline.rings != 1 { set(created, symbols.peripheries, String(min(max(outline.rings, 1), MapLimits.outlineRings))) }
        }
        let size = number(MapLimits.clamp(node.size, to: MapLimits.nodeSize, fallback: 0.3))
        set(created, symbols.width, size)
        set(created, symbols.height, size)
        set(created, symbols.fontsize, number(MapLimits.clamp(node.fontSize, to: MapLimits.fontSize, fallback: 10)))
        if pinned, let position = node.position {
            set(created, symbols.pos, number(position.x) + "," + number(position.y) + "!")
            set(created, symbols.pin, "true")
        }
        return created
    }

    private func addClusters(nodes: [UnsafeMutablePointer<Agnode_t>?], symbols: GraphSymbols) {
        guard !doc.clusters.isEmpty else { return }
        var subgraphs: [UnsafeMutablePointer<Agraph_t>?] = []
        for cluster in doc.clusters {
            let subgraph = withMutableCString(MapIdentifiers.clusterSubgraph(cluster.id)) { agsubg(graph, $0, 1) }
            subgraphs.append(subgraph)
            guard let subgraph else { continue }
            let lines = MapText.cappedLines(cluster.label, maxCharacters: MapLimits.labelCharacters, maxLines: MapLimits.labelLines)
            set(subgraph, symbols.label, MapText.labelValue(lines))
            set(subgraph, symbols.id, MapIdentifiers.cluster(cluster.id))
            set(subgraph, symbols.pencolor, cluster.color.hex)
            set(subgraph, symbols.fontcolor, "#333333")
            set(subgraph, symbols.fontsize, "11")
            set(subgraph, symbols.style, "rounded")
        }
        for (index, node) in doc.nodes.enumerated() {
            guard let cluster = node.cluster, let subgraph = subgraphs[cluster], let created = nodes[index] else { continue }
            _ = agsubnode(subgraph, created, 1)
        }
    }

    private func addEdge(
        _ edge: MapEdge, index: Int, tail: UnsafeMutablePointer<Agnode_t>, head: UnsafeMutablePointer<Agnode_t>,
        symbols: EdgeSymbols
    ) {
        // A nil name with cflag 1 always creates a new edge in a non-strict graph (multi-edges stay).
        guard let created = agedge(graph, tail, head, nil, 1) else { return }
        set(created, symbols.id, MapIdentifiers.edge(index))
        let classes = MapIdentifiers.classList(edge.classes)
        if !classes.isEmpty { set(created, symbols.classes, classes) }
        set(created, symbols.color, edge.color.hex)
        set(created, symbols.penwidth, number(MapLimits.clamp(edge.penWidth, to: MapLimits.penWidth, fallback: 1)))
        set(created, symbols.style, edge.style.rawValue)
        if !edge.tooltip.isEmpty {
            let tooltip = MapText.cappedLines(edge.tooltip, maxCharacters: MapLimits.tooltipCharacters, maxLines: MapLimits.tooltipLines)
            set(created, symbols.tooltip, MapText.tooltipValue(tooltip))
        }
        if !edge.label.isEmpty {
            let lines = MapText.cappedLines(edge.label, maxCharacters: MapLimits.labelCharacters, maxLines: MapLimits.labelLines)
            set(created, symbols.xlabel, MapText.labelValue(lines))
        }
    }

    /// A colour list for `wedged`/`striped` fills (`#rrggbb;0.25:#rrggbb;0.75`), shares normalised to 1
    /// and written with 3 decimals, or nil for fewer than two parts with a positive, finite share.
    static func wedgeFill(_ wedges: [MapWedge]) -> String? {
        let parts = wedges.filter { $0.share.isFinite && $0.share > 0 }.prefix(MapLimits.wedges)
        guard parts.count >= 2 else { return nil }
        let total = parts.reduce(0) { $0 + $1.share }
        var used = 0.0
        var items: [String] = []
        for (k, w) in parts.enumerated() {
            // The last part takes the rest, so rounding never makes the shares exceed 1.
            let share = k == parts.count - 1 ? max(0, 1 - used) : (w.share / total * 1000).rounded(.down) / 1000
            used += share
            items.append(w.color.hex + ";" + String((share * 1000).rounded() / 1000))
        }
        return items.joined(separator: ":")
    }

    private func addLegend(symbols: NodeSymbols, pinned: Bool) {
        guard let legend = withMutableCString(MapIdentifiers.legend, { agnode(graph, $0, 1) }) else { return }
        setHTML(legend, symbols.label, LegendTable.html(for: doc.legend))
        set(legend, symbols.id, MapIdentifiers.legend)
        set(legend, symbols.classes, "legend")
        set(legend, symbols.shape, "none")
        set(legend, symbols.style, "")
        set(legend, symbols.margin, "0")
        if pinned, let position = doc.legendPosition {
            set(legend, symbols.pos, number(position.x) + "," + number(position.y) + "!")
            set(legend, symbols.pin, "true")
            // A fixed box with the table at its top: fewer entries keep the top edge and the bounding box.
            if let size = doc.legendSize {
                set(legend, symbols.width, number(size.width / 72))
                set(legend, symbols.height, number(size.height / 72))
                set(legend, symbols.fixedsize, "true")
                set(legend, symbols.labelloc, "t")
            }
        }
    }

    /// Two invisible pinned points at opposite corners of ``MapDocument/canvas``: every map of a
    /// series then has the same bounding box, so Graphviz translates and sizes them all alike.
    /// The points are 0.01 inch wide and pinned half their width inside the corners, so the bounding
    /// box is exactly the canvas and nodes keep exactly the coordinates they were pinned at.
    private func addCanvasCorners(_ canvas: MapRect, symbols: NodeSymbols) {
        let inset = min(0.36, (canvas.maxX - canvas.minX) / 2, (canvas.maxY - canvas.minY) / 2)
        for (name, x, y) in [
            (MapIdentifiers.canvasMin, canvas.minX + inset, canvas.minY + inset),
            (MapIdentifiers.canvasMax, canvas.maxX - inset, canvas.maxY - inset),
        ] {
            guard let corner = withMutableCString(name, { agnode(graph, $0, 1) }) else { continue }
            set(corner, symbols.label, "")
            set(corner, symbols.id, name)
            set(corner, symbols.classes, "canvas")
            set(corner, symbols.shape, "point")
            set(corner, symbols.style, "invis")
            set(corner, symbols.width, "0.01")
            set(corner, symbols.height, "0.01")
            set(corner, symbols.pos, number(x) + "," + number(y) + "!")
            set(corner, symbols.pin, "true")
        }
    }

    /// The title, caption and subcaption as one HTML-like label (bold title over smaller caption lines), or nil.
    private func titleLabel() -> String? {
        let title = MapText.singleLine(doc.title, maxCharacters: MapLimits.titleCharacters)
        var rows: [String] = []
        if !title.isEmpty { rows.append("<B>" + MapText.escapeHTML(title) + "</B>") }
        for line in [doc.caption, doc.subcaption] {
            let caption = MapText.singleLine(line, maxCharacters: MapLimits.titleCharacters)
            guard !caption.isEmpty else { continue }
            rows.append("<FONT POINT-SIZE=\"11\" COLOR=\"#555555\">" + MapText.escapeHTML(caption) + "</FONT>")
        }
        return rows.isEmpty ? nil : rows.joined(separator: "<BR/>")
    }

    // MARK: Output

    private func write() throws(GraphvizError) -> [UInt8] {
        var length = 0
        guard let text = sg_agwrite_string(graph, &length) else {
            throw GraphvizError.renderFailed("Graphviz could not write the graph")
        }
        defer { free(text) }
        return Array(UnsafeRawBufferPointer(start: text, count: length))
    }

    // MARK: cgraph helpers

    private func declare(_ kind: Int32, _ name: String, _ value: String) -> UnsafeMutablePointer<Agsym_t>? {
        withMutableCString(name) { cName in
            withMutableCString(value) { cValue in agattr(graph, kind, cName, cValue) }
        }
    }

    private func set(_ object: UnsafeMutableRawPointer, _ symbol: UnsafeMutablePointer<Agsym_t>?, _ value: String) {
        guard let symbol else { return }
        _ = withMutableCString(value) { agxset(object, symbol, $0) }
    }

    private func set<T>(_ object: UnsafeMutablePointer<T>, _ symbol: UnsafeMutablePointer<Agsym_t>?, _ value: String) {
        set(UnsafeMutableRawPointer(object), symbol, value)
    }

    /// Sets an HTML-like label: the value must be a string from `agstrdup_html` (cgraph keeps the
    /// "HTML" mark when `agxset` copies it).
    private func setHTML<T>(_ object: UnsafeMutablePointer<T>, _ symbol: UnsafeMutablePointer<Agsym_t>?, _ html: String) {
        guard let symbol else { return }
        guard let value = withMutableCString(html, { agstrdup_html(graph, $0) }) else { return }
        _ = agxset(UnsafeMutableRawPointer(object), symbol, value)
        _ = agstrfree(graph, value)
    }

    /// A number as Graphviz reads it: rounded to 3 decimals, shortest form (`0.3`, `12`).
    private func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int(rounded))
        }
        return String(rounded)
    }
}

/// Calls `body` with a mutable C copy of `text` (cgraph takes `char *` but copies what it is given).
func withMutableCString<R>(_ text: String, _ body: (UnsafeMutablePointer<CChar>) -> R) -> R {
    text.withCString { body(UnsafeMutablePointer(mutating: $0)) }
}

extension MapNode {
    /// The fill colour Graphviz is told by default (the same as ``MapNode``'s initialiser default).
    static let defaultFill = MapColor(red: 220, green: 220, blue: 220)
}
