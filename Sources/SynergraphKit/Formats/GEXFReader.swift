/// Reads GEXF 1.1, 1.2 and 1.3 (gexf.net) as Gephi and NetworkX write it.
///
/// - `<attributes class="node|edge">` declare columns with `title` and `<default>`; `<attvalue>`s are
///   kept as text. Dynamic values (several attvalues of one column with `start`/`end`) keep the first
///   value under the title and the others as `title@start..end`.
/// - Node `label` → name. Edge `weight`, GEXF 1.3 `kind` → tie kind, `type` (directed, undirected,
///   mutual) or the graph's `defaultedgetype` → direction. Edge ids and labels: ids are not kept, a label
///   is kept as the attribute `label`.
/// - Time: `start`/`end` on edges (or the first `<spell>`) → since/until; further spells are kept as the
///   attribute `spells` (`start..end;start..end`). Nodes have no dates in the model: their `start`/`end`
///   and spells are kept as attributes.
/// - `viz:color`, `viz:size`, `viz:position`, `viz:thickness`, `viz:shape` of nodes and edges → attributes
///   `viz_color` (`#rrggbb`), `viz_alpha`, `viz_size`, `viz_x`, `viz_y`, `viz_thickness`, `viz_shape`, except
///   in files Synergraph wrote (creator `Synergraph`), whose viz is derived from kinds.
/// - Files Synergraph wrote carry the manifest as JSON in `<meta><description>` and are read exactly.
public enum GEXFReader {
    struct Column {
        var title: String
        var defaultValue: String?
    }

    static func read(_ bytes: [UInt8], file: String, options: LoadOptions) -> (Network?, [Diagnostic]) {
        // The document streams (SafeXML.stream): meta, attribute declarations, nodes and edges are read
        // when their end tags are and then dropped, so memory holds one record's elements at a time.
        var log = DiagnosticLog()
        func place(_ n: XMLNode) -> FileLocation { FileLocation(file: file, line: n.line) }
        var meta: XMLNode?
        var graph: XMLNode?
        var ours = false
        var manifest: Manifest?
        var records = ForeignRecords(options: options, exact: false)
        var defaultDirected = false
        var columns: [String: [String: Column]] = ["node": [:], "edge": [:]]
        var columnOrder: [String: [String]] = ["node": [], "edge": []]
        // Node slots in document order (a node holding nested nodes is read after them).
        var nodes: [Node?] = []
        var slots: [Int] = []
        var ties: [Tie] = []
        var warnedNested = false
        let limits = options.limits
        var recordCount = 0
        var columnCount = 0

        func values(_ element: XMLNode, cls: String) -> [ForeignValue] {
            var out: [ForeignValue] = []
            var seen = Set<String>()
            for av in element.child("attvalues")?.children("attvalue") ?? [] {
                guard let id = av.attribute("for") ?? av.attribute("id"), let value = av.attribute("value") else { continue }
                let title = columns[cls]?[id]?.title ?? id
                if seen.insert(id).inserted {
                    out.append(ForeignValue(title, value, place(av)))
                } else {
                    let when = "\(av.attribute("start") ?? av.attribute("startopen") ?? "")..\(av.attribute("end") ?? av.attribute("endopen") ?? "")"
                    out.append(ForeignValue("\(title)@\(when)", value, place(av)))
                }
            }
            for id in columnOrder[cls] ?? [] where !seen.contains(id) {
                if let c = columns[cls]?[id], let def = c.defaultValue { out.append(ForeignValue(c.title, def, place(element))) }
            }
            return out
        }
        func spells(_ element: XMLNode) -> [(String?, String?)] {
            var out: [(String?, String?)] = []
            if element.attribute("start") != nil || element.attribute("end") != nil {
                out.append((element.attribute("start"), element.attribute("end")))
            }
            for s in element.child("spells")?.children("spell") ?? [] {
                out.append((s.attribute("start") ?? s.attribute("startopen"), s.attribute("end") ?? s.attribute("endopen")))
            }
            return out
        }
        func spellText(_ s: [(String?, String?)]) -> String { s.map { "\($0.0 ?? "")..\($0.1 ?? "")" }.joined(separator: ";") }

        /// The manifest, from `<meta>` (read by now: it comes first) and the graph's attributes.
        func begin(_ g: XMLNode) -> XMLStep {
            graph = g
            defaultDirected = g.attribute("defaultedgetype") == "directed"
            ours = meta?.child("creator")?.text.trimmingWhitespace().hasPrefix("Synergraph") == true
            if ours, let d = meta?.child("description") {
                manifest = ManifestEmbedding.decode(d.text, at: place(d), log: &log)
                guard manifest != nil else { return .stop }
            } else {
                let title = meta?.child("title")?.text.trimmingWhitespace() ?? g.attribute("name").flatMap { $0.isEmpty ? nil : $0 }
                manifest = ManifestEmbedding.foreign(file: file, title: title)
                if let d = meta?.child("description")?.text.trimmingWhitespace(), !d.isEmpty { manifest?.description = d }
            }
            records = ForeignRecords(options: options, exact: ours)
            return .keep
        }

        /// `viz:color` → `viz_color` (`#rrggbb`, and `viz_alpha` when not 1), `viz:size` → `viz_size`,
        /// `viz:position` → `viz_x`, `viz_y`, `viz:thickness` → `viz_thickness`, `viz:shape` → `viz_shape`
        /// (nodes and edges alike; Gephi writes edge colours too).
        func viz(_ element: XMLNode) -> [ForeignValue] {
            var vals: [ForeignValue] = []
            for v in element.children where v.namespace.contains("viz") || ["color", "size", "position", "thickness", "shape"].contains(v.name) {
                switch v.name {
                case "color":
                    let c = ["r", "g", "b"].map { Int(v.attribute($0) ?? "") ?? 0 }.map { max(0, min(255, $0)) }
                    vals.append(ForeignValue("viz_color", "#" + c.map { hexByte($0) }.joined(), place(v)))
                    if let a = v.attribute("a"), Double(a) != 1 { vals.append(ForeignValue("viz_alpha", a, place(v))) }
                case "size":
                    if let value = v.attribute("value") { vals.append(ForeignValue("viz_size", value, place(v))) }
                case "position":
                    if let x = v.attribute("x") { vals.append(ForeignValue("viz_x", x, place(v))) }
                    if let y = v.attribute("y") { vals.append(ForeignValue("viz_y", y, place(v))) }
                case "thickness":
                    if let value = v.attribute("value") { vals.append(ForeignValue("viz_thickness", value, place(v))) }
                case "shape":
                    if let value = v.attribute("value") { vals.append(ForeignValue("viz_shape", value, place(v))) }
                default: break
                }
            }
            return vals
        }

        func readNode(_ element: XMLNode) -> Node? {
            guard let id = element.attribute("id") else {
                log.error(.missingValue, place(element), "a <node> has no id")
                return nil
            }
            var vals: [ForeignValue] = []
            if let label = element.attribute("label") { vals.append(ForeignValue(ours ? "name" : "label", label, place(element))) }
            vals += values(element, cls: "node")
            let s = spells(element)
            if let first = s.first {
                if let a = first.0 { vals.append(ForeignValue("start", a, place(element))) }
                if let b = first.1 { vals.append(ForeignValue("end", b, place(element))) }
                if s.count > 1 { vals.append(ForeignValue("spells", spellText(Array(s.dropFirst())), place(element))) }
            }
            if !ours { vals += viz(element) }
            return records.node(id: id, values: vals, at: place(element))
        }

        func readEdge(_ element: XMLNode) -> Tie? {
            guard let s = element.attribute("source"), let t = element.attribute("target") else {
                log.error(.missingValue, place(element), "an <edge> needs both source and target")
                return nil
            }
            var vals: [ForeignValue] = []
            if let k = element.attribute("kind") { vals.append(ForeignValue("kind", k, place(element))) }
            if let w = element.attribute("weight") { vals.append(ForeignValue("weight", w, place(element))) }
            let sp = spells(element)
            if let first = sp.first {
                if let a = first.0 { vals.append(ForeignValue(ours ? "since" : "start", a, place(element))) }
                if let b = first.1 { vals.append(ForeignValue(ours ? "until" : "end", b, place(element))) }
            }
            vals += values(element, cls: "edge")
            if let label = element.attribute("label") { vals.append(ForeignValue("label", label, place(element))) }
            if sp.count > 1 { vals.append(ForeignValue("spells", spellText(Array(sp.dropFirst())), place(element))) }
            if !ours { vals += viz(element) }
            let directed = element.attribute("type").map { $0 == "directed" } ?? defaultDirected
            return records.tie(source: s, target: t, values: vals, directedByFormat: directed, at: place(element))
        }

        /// Inside the graph (`stack` holds the ancestors of an element).
        func inGraph(_ stack: [XMLNode]) -> Bool { stack.count >= 2 && stack[1] === graph }

        func opened(_ element: XMLNode, _ stack: [XMLNode]) -> XMLStep {
            guard let parent = stack.last else {
                guard element.name == "gexf" else {
                    return .fail(Diagnostic(.error, .badXML, at: place(element), "the root element is <\(element.name)>, not <gexf>; this is not a GEXF file"))
                }
                return .keep
            }
            if stack.count == 1, element.name == "graph", graph == nil { return begin(element) }
            guard inGraph(stack) else { return .keep }
            if (element.name == "node" && parent.name == "nodes") || (element.name == "edge" && parent.name == "edges") {
                recordCount += 1
                if recordCount > limits.records {
                    return .fail(limits.exceeded(.records, at: place(element), "the graph has more than \(grouped(limits.records)) nodes and edges"))
                }
            }
            switch element.name {
            case "node" where parent.name == "nodes":
                slots.append(nodes.count)
                nodes.append(nil)
            case "nodes" where parent.name == "node":
                if !warnedNested {
                    log.warning(.notKept, place(element), "nested nodes are flattened into one graph; the nesting is not kept")
                    warnedNested = true
                }
            default:
                break
            }
            return .keep
        }

        func closed(_ element: XMLNode, _ stack: [XMLNode]) -> XMLStep {
            guard let parent = stack.last else { return .keep }
            if stack.count == 1 {
                if element.name == "meta", meta == nil, graph == nil {
                    meta = element
                }
                return .drop
            }
            guard inGraph(stack) else { return stack[1].name == "graph" ? .drop : .keep }
            switch element.name {
            case "attributes" where parent === graph:
                let cls = element.attribute("class") ?? "node"
                guard columns[cls] != nil else { return .drop }
                for col in element.children("attribute") {
                    guard let id = col.attribute("id") else { continue }
                    columnCount += 1
                    if columnCount > limits.attributes {
                        return .fail(limits.exceeded(.attributes, at: place(col), "the file declares more than \(grouped(limits.attributes)) attribute columns"))
                    }
                    columns[cls]![id] = Column(title: col.attribute("title") ?? id, defaultValue: col.child("default")?.text)
                    columnOrder[cls]!.append(id)
                }
                return .drop
            case "node" where parent.name == "nodes":
                nodes[slots.removeLast()] = readNode(element)
                return .drop
            case "edge" where parent.name == "edges":
                if let tie = readEdge(element) { ties.append(tie) }
                return .drop
            case "nodes", "edges":
                return parent === graph ? .drop : .keep
            default:
                return .keep
            }
        }

        var xmlLog = DiagnosticLog()
        let ok = SafeXML.stream(bytes, file: file, limits: limits, log: &xmlLog,
                                textless: ["gexf", "graph", "nodes", "edges", "node", "edge", "attvalues", "attvalue", "spells", "spell", "attributes",
                                           "color", "size", "position", "shape", "thickness", "parents", "parent"],
                                opened: opened, closed: closed)
        guard ok else {
            log.append(contentsOf: xmlLog.items)
            return (nil, log.items)
        }
        guard graph != nil, let manifest else {
            log.error(.badXML, FileLocation(file: file, line: 1), "the GEXF file has no <graph>")
            return (nil, log.items)
        }
        log.append(contentsOf: records.finish())
        return FormatRead.finish(manifest, nodes.compactMap { $0 }, ties, file: file, log: log)
    }
}

/// Two lowercase hex digits of a byte value.
func hexByte(_ v: Int) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[(v >> 4) & 15], digits[v & 15]])
}
