import Foundation

/// Writes a changed network back where it was read from, in the same form, for the commands that edit
/// a register (`attendance --write`, `dedupe --merge`, `init`).
///
/// A workbook or a `.json` network is one file, replaced atomically. A folder's files are replaced one
/// by one, each atomically: `nodes.csv` before the tables that name nodes, so a reader never sees a tie
/// or participation naming a node not yet written. A table the network no longer has rows for is
/// written as its header, not left stale. The files are written in Synergraph's layout (column order,
/// quoting): a folder or workbook edited by hand loses its own formatting and any other sheets.
public enum NetworkUpdate {
    /// Whether a network read from `path` can be written back (a folder, `.json` or `.xlsx`).
    public static func writableForm(_ path: String) -> NetworkForm? {
        switch NetworkLoader.form(ofPath: path) {
        case .folder?: return .folder
        case .json?: return .json
        case .workbook? where URL(fileURLWithPath: path).pathExtension.lowercased() == "xlsx": return .workbook
        default: return nil
        }
    }

    /// Writes `network` over the network at `path`.
    public static func write(_ network: Network, to path: String) throws {
        guard let form = writableForm(path) else {
            throw AtomicFile.WriteError(path: path, reason: "only a network folder, a .json network or an .xlsx workbook can be updated; convert it to one of these first (synergraph convert)")
        }
        let url = URL(fileURLWithPath: path)
        guard form == .folder else {
            try NetworkWriter.write(network, to: url, form: form)
            return
        }
        let files = NetworkFolderWriter.files(network)
        let written = Set(files.map(\.name))
        let order = ["nodes.csv", "manifest.json", "activities.csv", "ties.csv", "participation.csv"]
        for name in order {
            let target = url.appendingPathComponent(name)
            if let data = files.first(where: { $0.name == name })?.data {
                try AtomicFile.write(data, to: target)
            } else if !written.contains(name), FileManager.default.fileExists(atPath: target.path), let header = emptyTables[name] {
                try AtomicFile.write(Data((header + "\n").utf8), to: target)
            }
        }
    }

    static let emptyTables: [String: String] = [
        "ties.csv": "source,target,kind,weight,trust,value,since,until,directed,source_ref",
        "activities.csv": "id,name,kind,date,end_date,country,accomplishments,sdgs,sectors,source_ref",
        "participation.csv": "activity,node,role,source_ref",
    ]
}
