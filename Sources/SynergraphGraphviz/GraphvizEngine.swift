internal import CGraphviz
import Synchronization

/// The process-global Graphviz engine: one lock, one context.
///
/// Graphviz is not thread-safe, not even with one context per thread (measured: dot crashed in 18 of
/// 20 processes with two threads). So every Graphviz call in this process runs inside
/// ``withSession(_:)``, which holds one process-wide lock. The single `GVC_t` context is created on
/// first use (4-6 ms) and shared afterwards: a new context per render leaks ~3.6 KB each time.
enum GraphvizEngine {
    /// What the lock guards besides "calling Graphviz at all".
    struct State {
        /// The shared `GVC_t *`, once created.
        var context: OpaquePointer?
        /// Layout engines Graphviz listed when the context was created.
        var layouts: Set<String> = []
    }

    private static let state = Mutex(State())

    /// A ready context, valid only inside ``withSession(_:)``.
    struct Session: ~Copyable {
        let context: OpaquePointer
        let layouts: Set<String>
    }

    /// Runs `body` with the global Graphviz lock held and the shared context ready.
    ///
    /// Captured Graphviz messages are cleared before `body` runs.
    /// - Parameter needsLayouts: false for work that lays nothing out (reading DOT), which then runs
    ///   without Graphviz's layout plugins too.
    /// - Throws: ``GraphvizError/pluginsMissing`` when `needsLayouts` and Graphviz lists no layout
    ///   engines (its plugin configuration `config6a` is missing), or what `body` throws.
    ///
    /// Never specialised: Swift 6.3.1's generic specialiser crashes on this function in release
    /// builds ("Cannot initialize a nonCopyable type with a guaranteed value", signal 6, specialising
    /// for `DOTRendering.Output` with the borrowed `~Copyable` session). One unspecialised call per
    /// render costs nothing measurable.
    @_semantics("optimize.sil.specialize.generic.never")
    static func withSession<R: Sendable>(needsLayouts: Bool = true, _ body: (borrowing Session) throws(GraphvizError) -> R) throws(GraphvizError) -> R {
        try state.withLock { (state: inout State) throws(GraphvizError) -> sending R in
            let context: OpaquePointer
            if let existing = state.context {
                context = existing
            } else {
                GraphvizMessages.install()
                guard let created = gvContext() else {
                    throw GraphvizError.renderFailed("Graphviz could not create its context (out of memory?)")
                }
                state.context = created
                state.layouts = pluginNames(context: created, kind: "layout")
                context = created
            }
            if needsLayouts, state.layouts.isEmpty {
                throw GraphvizError.pluginsMissing
            }
            GraphvizMessages.reset()
            return try body(Session(context: context, layouts: state.layouts))
        }
    }

    /// The version Graphviz reports for itself (`gvcVersion`).
    static func libraryVersion() throws(GraphvizError) -> String {
        try withSession { (session) throws(GraphvizError) -> String in
            gvcVersion(session.context).map { String(cString: $0) } ?? "unknown"
        }
    }

    /// The plugin names of one kind (`"layout"`, `"render"`, ...), without their `:library` suffix.
    private static func pluginNames(context: OpaquePointer, kind: String) -> Set<String> {
        var count: Int32 = 0
        guard let list = gvPluginList(context, kind, &count, nil) else { return [] }
        var names = Set<String>()
        for index in 0..<Int(max(count, 0)) {
            if let entry = list[index] {
                let name = String(cString: entry)
                names.insert(String(name.prefix { $0 != ":" }))
                free(entry)
            }
        }
        free(list)
        return names
    }
}
