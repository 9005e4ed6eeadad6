import Synchronization

/// A sink for the progress of long computations (metrics by source vertex, sampled paths, community
/// levels), safe to call from worker threads. The engine only counts; the CLI decides whether and how to
/// show it (a line redrawn on a terminal, nothing otherwise).
public final class WorkProgress: Sendable {
    /// One stage: its name, the units done and the units in all (0: unknown, e.g. community levels).
    public struct Stage: Sendable, Equatable {
        public var name: String
        public var done: Int
        public var total: Int
    }

    private let state = Mutex<Stage?>(nil)
    private let onChange: @Sendable (Stage) -> Void

    /// `onChange` is called (under a lock, so never concurrently) each time a stage starts or advances.
    public init(onChange: @escaping @Sendable (Stage) -> Void) { self.onChange = onChange }

    /// Starts a stage of `total` units (0 when unknown).
    public func start(_ name: String, total: Int) {
        state.withLock { s in
            s = Stage(name: name, done: 0, total: total)
            onChange(s!)
        }
    }

    /// Adds `units` to the current stage.
    public func advance(_ units: Int = 1) {
        state.withLock { s in
            guard s != nil else { return }
            s!.done += units
            onChange(s!)
        }
    }
}
