import Foundation
import Synchronization
import SynergraphKit

/// A progress line on standard error for long computations: drawn only when standard error is a terminal,
/// and only once the command has run for `delay` seconds (short runs print nothing); redrawn at most ten
/// times a second; cleared by ``finish()``. When standard error is not a terminal, ``progress`` is nil and
/// nothing is ever written.
final class TerminalProgress: Sendable {
    private struct State {
        var lastDraw = 0.0
        var drawn = false
    }

    private let start = Date()
    private let delay: Double
    private let state = Mutex(State())

    /// The sink to hand to the engine; nil when standard error is not a terminal.
    let progress: WorkProgress?

    init(delay: Double = 2, onTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.delay = delay
        let box = _Weak()
        progress = onTerminal ? WorkProgress { stage in box.target?.draw(stage) } : nil
        box.target = self
    }

    private func draw(_ stage: WorkProgress.Stage) {
        let now = Date().timeIntervalSince(start)
        guard now >= delay else { return }
        state.withLock { s in
            let finished = stage.total > 0 && stage.done >= stage.total
            guard now - s.lastDraw >= 0.1 || finished else { return }
            s.lastDraw = now
            s.drawn = true
            var line = "\r\u{1B}[K\(stage.name)"
            if stage.total > 0 {
                let width = 30, done = min(stage.done, stage.total)
                let filled = width * done / stage.total
                line += " " + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                line += " \(100 * done / stage.total) %"
            } else {
                line += ": \(stage.done)"
            }
            line += String(format: " (%.0f s)", now)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Clears the line, if one was drawn.
    func finish() {
        state.withLock { s in
            if s.drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            s.drawn = false
        }
    }
}

/// Breaks the reference cycle between the printer and the engine's sink.
private final class _Weak: @unchecked Sendable {
    weak var target: TerminalProgress?
}
