import Foundation

/// The manifest as one line of JSON, as Synergraph embeds it in GraphML, GEXF and GML files so that a
/// network read back has the same name, hub, target countries and directed tie kinds.
enum ManifestEmbedding {
    /// The attribute name (GraphML key, GML key) that holds the embedded manifest.
    static let key = "synergraph_manifest"

    static func encode(_ manifest: Manifest) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? enc.encode(manifest) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The manifest in `text`, or nil after logging why it is not one.
    static func decode(_ text: String, at location: FileLocation, log: inout DiagnosticLog) -> Manifest? {
        do {
            let m = try JSONDecoder().decode(Manifest.self, from: Data(text.utf8))
            if m.formatVersion > Manifest.currentFormatVersion {
                log.error(.unsupportedVersion, location, "format_version \(m.formatVersion) is newer than this Synergraph reads (\(Manifest.currentFormatVersion)); update Synergraph")
                return nil
            }
            return m
        } catch {
            log.error(.badManifest, location, "the embedded \(key) is not a valid manifest: \(JSONErrorText.describe(error))")
            return nil
        }
    }

    /// A manifest for a graph from another tool: named after its file, no directed tie kinds (each tie
    /// says its own direction), the graph's own name as title.
    static func foreign(file: String, title: String?) -> Manifest {
        let name = NetworkName.slug(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
        return Manifest(name: name, title: title, directedTieKinds: [])
    }
}

/// Finishing a foreign-format read: validation, and nothing returned when anything is an error.
enum FormatRead {
    static func finish(_ manifest: Manifest, _ nodes: [Node], _ ties: [Tie], file: String, log: DiagnosticLog) -> (Network?, [Diagnostic]) {
        var log = log
        let network = Network(manifest: manifest, nodes: nodes, ties: ties)
        log.append(contentsOf: NetworkValidator.check(network, manifestFile: file))
        return (log.hasErrors ? nil : network, log.items)
    }
}
