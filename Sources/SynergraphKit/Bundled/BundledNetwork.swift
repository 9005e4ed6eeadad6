/// The illustrative UNPOG Asia-Pacific network that ships inside Synergraph, used when a command is
/// given no network path. Its files are embedded from `Networks/unpog-asia-pacific` by
/// `Scripts/embed-bundled-network`; a test checks the copy equals the folder.
public enum BundledNetwork {
    /// The name of the bundled network.
    public static let name = BundledNetworkData.name

    /// How messages name it: the folder it was embedded from.
    public static let displayPath = "Networks/" + BundledNetworkData.name

    /// The embedded files' contents, by file name.
    public static var files: [String: String] {
        BundledNetworkData.files.mapValues { $0.joined(separator: "\n") }
    }

    /// Loads and validates the bundled network.
    public static func load() throws(LoadFailure) -> LoadedNetwork {
        try NetworkLoader.load(folderNamed: displayPath, files: files)
    }
}
