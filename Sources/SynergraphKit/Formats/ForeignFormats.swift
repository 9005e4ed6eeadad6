import Synchronization

/// Readers and writers of forms SynergraphKit cannot handle itself, registered at start-up.
///
/// DOT is read and written through Graphviz's own parser and writer (cgraph), which only the
/// `SynergraphGraphviz` facade may call; SynergraphKit cannot import it. So the program that links
/// both (the `synergraph` command's `main`) registers the facade here, and ``NetworkLoader`` and
/// ``NetworkWriter`` call what is registered. Without a registration, DOT gives a clear error.
public enum ForeignFormats {
    /// Reads bytes of a file (named `file` in messages) into a network, or returns why not.
    public typealias Reader = @Sendable (_ bytes: [UInt8], _ file: String, _ options: LoadOptions) -> (Network?, [Diagnostic])
    /// The bytes of a network in the form.
    public typealias Writer = @Sendable (_ network: Network) throws -> [UInt8]

    private struct Registry {
        var dotReader: Reader?
        var dotWriter: Writer?
    }

    private static let registry = Mutex(Registry())

    /// The DOT reader (`SynergraphGraphviz.DOTReader`), or nil when none is registered.
    public static var dotReader: Reader? {
        get { registry.withLock { $0.dotReader } }
        set { registry.withLock { $0.dotReader = newValue } }
    }

    /// The DOT writer (`SynergraphGraphviz.DOTWriter`), or nil when none is registered.
    public static var dotWriter: Writer? {
        get { registry.withLock { $0.dotWriter } }
        set { registry.withLock { $0.dotWriter = newValue } }
    }

    /// The message when DOT is read or written with nothing registered.
    static let dotMissing = "reading DOT needs the Graphviz facade (SynergraphGraphviz), which this program did not register; use the synergraph command, or call DOTReader.register() first"
}
