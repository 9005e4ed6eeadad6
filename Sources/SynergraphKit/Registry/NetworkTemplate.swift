import Foundation

/// A new, empty network to fill in (`synergraph init NAME`): every table with its header, and a
/// manifest with every field, as a folder or as one workbook. The workbook's tables have drop-down
/// lists for kind, scope, consent, accomplishments, tie kind, activity kind and role
/// (``NetworkWorkbookWriter``); its manifest sheet lists every field with an example value to replace.
public enum NetworkTemplate {
    /// The manifest of a new network called `name`.
    public static func manifest(name: String) -> Manifest {
        Manifest(name: name, title: "", description: "", targetCountries: [], hub: nil, directedTieKinds: ["funding"],
                 illustrative: false, asOf: nil, sourceRef: "")
    }

    /// The folder form's files: `manifest.json` (every field) and the four tables as headers.
    public static func folderFiles(name: String) -> [(name: String, data: Data)] {
        let manifest = """
            {
              "format_version": 1,
              "name": "\(name)",
              "title": "",
              "description": "",
              "target_countries": [],
              "hub": null,
              "directed_tie_kinds": ["funding"],
              "illustrative": false,
              "as_of": null,
              "source_ref": ""
            }

            """
        return [("manifest.json", Data(manifest.utf8)),
                ("nodes.csv", Data((NetworkWorkbookWriter.nodeHeader.joined(separator: ",") + "\n").utf8)),
                ("ties.csv", Data((NetworkWorkbookWriter.tieHeader.joined(separator: ",") + "\n").utf8)),
                ("activities.csv", Data((NetworkWorkbookWriter.activityHeader.joined(separator: ",") + "\n").utf8)),
                ("participation.csv", Data((NetworkWorkbookWriter.participationHeader.joined(separator: ",") + "\n").utf8))]
    }

    /// The workbook's sheets: the manifest with every field, the four tables with headers and drop-downs.
    public static func workbookSheets(name: String) -> [WorkbookSheet] {
        var sheets = NetworkWorkbookWriter.sheets(Network(manifest: manifest(name: name), nodes: []))
        sheets[0].rows = [
            [.text("format_version"), .number(1)],
            [.text("name"), .text(name)],
            [.text("title"), .empty],
            [.text("description"), .empty],
            [.text("target_countries"), .empty],
            [.text("hub"), .empty],
            [.text("directed_tie_kinds"), .text("funding")],
            [.text("illustrative"), .text("no")],
            [.text("as_of"), .empty],
            [.text("source_ref"), .empty],
        ]
        sheets[0].header = ["key", "value", "what to write"]
        let help = ["1", "lowercase letters, digits and -", "a title for maps and reports", "what the network is and is not",
                    "ISO alpha-3 codes separated by ; (NPL;LAO)", "the id of the office's own actor", "tie kinds that run from source to target",
                    "yes when the data is illustrative", "the day the data describes (a date)", "where the network comes from"]
        for i in sheets[0].rows.indices { sheets[0].rows[i].append(.text(help[i])) }
        return sheets
    }
}
