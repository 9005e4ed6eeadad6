import Foundation

/// Writes the folder form: `manifest.json` and the CSV tables with exactly the columns of
/// Networks/README.md (then any attribute columns, in order of first appearance), RFC 4180 quoting,
/// `\n` line ends. Read back by ``NetworkFolderReader``. Tables with no rows other than `nodes.csv`
/// are left out. Deterministic: the same network gives the same bytes.
public enum NetworkFolderWriter {
    /// File name → contents.
    public static func files(_ network: Network) -> [(name: String, data: Data)] {
        var out: [(String, Data)] = []
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let manifest = (try? enc.encode(network.manifest)).map { $0 + Data("\n".utf8) } ?? Data("{}\n".utf8)
        out.append(("manifest.json", manifest))
        func yesNo(_ b: Bool?) -> String { b.map { $0 ? "yes" : "no" } ?? "" }
        out.append(("nodes.csv", table(
            ["id", "name", "kind", "scope", "country", "sdgs", "accomplishments", "sectors", "consent", "source_ref"],
            network.nodes.map { n in
                [n.id, n.name, n.kind.rawValue, n.scope?.rawValue ?? "", n.country ?? "", n.sdgs.map(String.init).joined(separator: ";"),
                 n.accomplishments.map(\.rawValue).joined(separator: ";"), n.sectors.joined(separator: ";"), yesNo(n.consent), n.sourceRef ?? ""]
            }, network.nodes.map(\.attributes))))
        if !network.ties.isEmpty {
            out.append(("ties.csv", table(
                ["source", "target", "kind", "weight", "trust", "value", "since", "until", "directed", "source_ref"],
                network.ties.map { t in
                    [t.source, t.target, t.kind, WriterText.plainNumber(t.weight), t.trust.map(WriterText.plainNumber) ?? "",
                     t.value.map(WriterText.plainNumber) ?? "", t.since?.description ?? "", t.until?.description ?? "", yesNo(t.directed), t.sourceRef ?? ""]
                }, network.ties.map(\.attributes))))
        }
        if !network.activities.isEmpty {
            out.append(("activities.csv", table(
                ["id", "name", "kind", "date", "end_date", "country", "accomplishments", "sdgs", "sectors", "source_ref"],
                network.activities.map { a in
                    [a.id, a.name, a.kind, a.date.description, a.endDate?.description ?? "", a.country ?? "",
                     a.accomplishments.map(\.rawValue).joined(separator: ";"), a.sdgs.map(String.init).joined(separator: ";"),
                     a.sectors.joined(separator: ";"), a.sourceRef ?? ""]
                }, network.activities.map(\.attributes))))
        }
        if !network.participation.isEmpty {
            out.append(("participation.csv", table(
                ["activity", "node", "role", "source_ref"],
                network.participation.map { [$0.activity, $0.node, $0.role ?? "", $0.sourceRef ?? ""] }, network.participation.map { _ in [] })))
        }
        return out
    }

    /// A CSV table: the fixed columns, then the attribute columns.
    static func table(_ header: [String], _ rows: [[String]], _ attributes: [Attributes]) -> Data {
        let extra = ModelColumns.attributeNames(attributes).filter { !header.contains($0.lowercased()) }
        var out = (header + extra).map(field).joined(separator: ",") + "\n"
        for (row, attrs) in zip(rows, attributes) {
            let values = extra.map { k in attrs.first(where: { $0.key == k })?.value ?? "" }
            out += (row + values).map(field).joined(separator: ",") + "\n"
        }
        return Data(out.utf8)
    }

    /// A cell: RFC 4180 quoting, formulas made inert (``CSVText``; the folder reader takes the mark off).
    static func field(_ s: String) -> String { CSVText.field(s) }
}

/// The forms Synergraph writes, and writing a network in one of them.
public enum NetworkWriter {
    /// The output form for a path: by extension (`.json`, `.graphml`, `.gexf`, `.gml`, `.dot`/`.gv`); a
    /// path with no extension is a folder. DOT is written by the writer registered in ``ForeignFormats``. Nil for an extension no writer handles.
    public static func form(forPath path: String) -> NetworkForm? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if ext.isEmpty { return .folder }
        switch NetworkForm(extension: ext) {
        case .json?: return .json
        case .graphml?: return .graphml
        case .gexf?: return .gexf
        case .gml?: return .gml
        case .dot?: return .dot
        default: return nil
        }
    }

    /// Whether a form can hold activities and participation.
    public static func holdsActivities(_ form: NetworkForm) -> Bool { form == .folder || form == .json }

    /// The bytes of a single-file form (not ``NetworkForm/folder``, nor forms without a writer);
    /// `gexfVersion` applies to ``NetworkForm/gexf`` only.
    public static func data(_ network: Network, form: NetworkForm, gexfVersion: GEXFWriter.Version = .v1_3) throws -> Data {
        switch form {
        case .json: return try NetworkJSONWriter.data(network) + Data("\n".utf8)
        case .graphml: return Data(GraphMLWriter.text(network).utf8)
        case .gexf: return Data(GEXFWriter.text(network, version: gexfVersion).utf8)
        case .gml: return Data(GMLWriter.text(network).utf8)
        case .dot:
            guard let writer = ForeignFormats.dotWriter else {
                throw AtomicFile.WriteError(path: "", reason: "writing DOT needs the Graphviz facade (SynergraphGraphviz), which this program did not register")
            }
            return Data(try writer(network))
        case .folder, .edgeList, .pajek: throw AtomicFile.WriteError(path: "", reason: "Synergraph does not write the \(form.rawValue) form as one file")
        }
    }

    /// Writes `network` to `url` in `form`, each file atomically (a folder's files one by one);
    /// `gexfVersion` applies to ``NetworkForm/gexf`` only.
    public static func write(_ network: Network, to url: URL, form: NetworkForm, gexfVersion: GEXFWriter.Version = .v1_3) throws {
        if form == .folder {
            for (name, data) in NetworkFolderWriter.files(network) {
                try AtomicFile.write(data, to: url.appendingPathComponent(name))
            }
            return
        }
        do {
            try AtomicFile.write(try data(network, form: form, gexfVersion: gexfVersion), to: url)
        } catch let e as AtomicFile.WriteError where e.path.isEmpty {
            throw AtomicFile.WriteError(path: url.path, reason: e.reason)
        }
    }
}
