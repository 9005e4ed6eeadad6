import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What the tests read back from an SVG, parsed with Foundation's XMLParser (so entities are
/// decoded exactly as a browser would).
struct SVGDocument {
    /// One Graphviz object group (`<g class="node ...">`, `edge`, `cluster`, `graph`).
    struct Group {
        var id: String
        var classes: [String]
        /// Text of each `<text>` element inside, in order.
        var texts: [String]
        /// `xlink:title` of the link inside (Graphviz's tooltip), if any.
        var tooltip: String?
        /// The `<title>` Graphviz gives the object: a node's name, an edge's `tail--head`.
        var title: String?
    }

    var groups: [Group] = []
    /// Texts directly in the graph group (title and caption).
    var graphTexts: [String] = []
    var parsed = false

    var nodes: [Group] { groups.filter { $0.classes.first == "node" } }
    var edges: [Group] { groups.filter { $0.classes.first == "edge" } }
    var clusters: [Group] { groups.filter { $0.classes.first == "cluster" } }

    func group(id: String) -> Group? { groups.first { $0.id == id } }

    init(_ data: Data) {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parsed = parser.parse()
        groups = delegate.groups
        graphTexts = delegate.graphTexts
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var groups: [Group] = []
        var graphTexts: [String] = []
        private var stack: [Int?] = []  // index into groups for each open <g>, nil for inner groups
        private var currentGroup: Int?
        private var inGraph = false
        private var text: String?
        private var title: String?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch name {
            case "g":
                let classes = (attributes["class"] ?? "").split(separator: " ").map(String.init)
                if let kind = classes.first, ["node", "edge", "cluster"].contains(kind) {
                    groups.append(Group(id: attributes["id"] ?? "", classes: classes, texts: [], tooltip: nil))
                    currentGroup = groups.count - 1
                    stack.append(currentGroup)
                } else {
                    if classes.first == "graph" { inGraph = true }
                    stack.append(nil)
                }
            case "a":
                if let current = currentGroup, let title = attributes["xlink:title"] {
                    groups[current].tooltip = title
                }
            case "text":
                text = ""
            case "title":
                title = ""
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text? += string
            title? += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "g":
                if let closed = stack.popLast(), closed != nil {
                    currentGroup = stack.last(where: { $0 != nil }) ?? nil
                }
            case "text":
                if let value = text {
                    if let current = currentGroup {
                        groups[current].texts.append(value)
                    } else if inGraph {
                        graphTexts.append(value)
                    }
                }
                text = nil
            case "title":
                if let value = title, let current = currentGroup, groups[current].title == nil { groups[current].title = value }
                title = nil
            default:
                break
            }
        }
    }
}
