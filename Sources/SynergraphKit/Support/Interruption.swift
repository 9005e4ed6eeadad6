import Dispatch
import Foundation
import Synchronization

/// Clean ends on Ctrl-C and SIGTERM: the temporary files of writes in flight are removed and the
/// worker processes still running are killed, then the process exits with 128 + the signal's number
/// (130 for SIGINT, 143 for SIGTERM). Finished outputs stay as they are: every output is written by
/// ``AtomicFile`` (temporary file, then rename), so a reader sees a whole file or none.
///
/// ``AtomicFile`` creates and renames its temporary file while holding this registry's lock, and the
/// signal handler removes the registered files and exits while holding it, so no temporary file can
/// be created or renamed between the clean-up and the exit.
public enum Interruption {
    private struct State: ~Copyable {
        var temporaryFiles: Set<String> = []
        var children: Set<pid_t> = []
        var interrupted = false
    }

    private static let state = Mutex(State())
    private static let sources = Mutex<[any DispatchSourceSignal]>([])

    /// Takes over SIGINT and SIGTERM for the rest of the process (idempotent).
    public static func install() {
        sources.withLock { list in
            guard list.isEmpty else { return }
            for sig in [SIGINT, SIGTERM] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { terminate(signal: sig) }
                source.resume()
                list.append(source)
            }
        }
    }

    /// Removes every registered temporary file, kills the registered children and exits; holds the
    /// lock until the process is gone.
    static func terminate(signal sig: Int32) {
        state.withLock { s in
            s.interrupted = true
            for path in s.temporaryFiles { unlink(path) }
            for pid in s.children { kill(pid, SIGKILL) }
            let name = sig == SIGINT ? "interrupted" : "terminated"
            let message = "\n\(name): temporary files removed; finished files are complete, unfinished ones were not written\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            _exit(128 + sig)
        }
    }

    /// Waits, when the signal handler is ending the process, until it has: a command that failed because
    /// the handler killed its render worker must not exit with its own status first. Returns at once
    /// otherwise.
    public static func settle() { state.withLock { _ in } }

    /// Runs `create` (which must create the file at `path` or fail) and registers `path` for removal
    /// on interrupt, atomically with respect to the signal handler.
    /// - Returns: `create`'s result, or nil without calling it once the process is being interrupted.
    static func creatingTemporaryFile<T>(_ path: String, _ create: () -> T) -> T? {
        state.withLock { s in
            guard !s.interrupted else { return nil }
            let result = create()
            s.temporaryFiles.insert(path)
            return result
        }
    }

    /// Runs `finish` (the rename or the removal of the temporary file) and forgets `path`, atomically
    /// with respect to the signal handler.
    @discardableResult
    static func finishingTemporaryFile<T>(_ path: String, _ finish: () -> T) -> T {
        state.withLock { s in
            let result = finish()
            s.temporaryFiles.remove(path)
            return result
        }
    }

    /// Registers a child process to be killed on interrupt (the Graphviz render workers).
    public static func addChild(_ pid: pid_t) { state.withLock { _ = $0.children.insert(pid) } }

    /// Forgets a child process once it has been reaped.
    public static func removeChild(_ pid: pid_t) { state.withLock { _ = $0.children.remove(pid) } }
}
