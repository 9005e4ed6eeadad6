import Foundation
import Synchronization
import SynergraphKit

/// A progress line on standard error for long commands: drawn only when standard error is a terminal,
/// and only once the command has run for `delay` seconds (short runs print nothing); redrawn at most ten
/// times a second, and every quarter second by itself so that a stage with no count (reading a file, a
/// Graphviz layout) still shows its time; cleared by ``finish()``. When standard error is not a terminal,
/// ``progress`` is nil and nothing is ever written.
///
/// Commands use ``shared``: ``stage(_:)`` names what is being done now, ``progress`` goes to the engine's
/// long computations (betweenness by source vertex, community levels, introductions by candidate, gap
/// finders), and everything the command writes to the terminal clears the line first (``Terminal`` and the
/// module's `print`).
final class TerminalProgress: Sendable {
    private struct State {
        var lastDraw = 0.0
        var drawn = false
        var stage: WorkProgress.Stage?
        var tickerStarted = false
        var finished = false
    }

    /// The command's progress line (one command per process).
    static let shared = TerminalProgress()

    private let start = Date()
    private let delay: Double
    private let state = Mutex(State())
    /// Redraws the line every quarter second once a stage has started (suspended until then). Dispatch
    /// sources are thread-safe; it is resumed once, under the state's lock, and cancelled by ``finish()``.
    private nonisolated(unsafe) let ticker: DispatchSourceTimer?

    /// The sink to hand to the engine; nil when standard error is not a terminal.
    let progress: WorkProgress?

    init(delay: Double = 2, onTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.delay = delay
        let box = _Weak()
        progress = onTerminal ? WorkProgress { stage in box.target?.update(stage) } : nil
        if onTerminal {
            let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
            timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250))
            timer.setEventHandler { box.target?.draw(force: false) }
            ticker = timer
        } else {
            ticker = nil
        }
        box.target = self
    }

    deinit {
        // A suspended dispatch source must not be released.
        let started = state.withLock { $0.tickerStarted }
        if let ticker, !started { ticker.resume() }
        ticker?.cancel()
    }

    /// Names the stage the command is in (no count: the line shows the time spent).
    func stage(_ name: String) {
        progress?.start(name, total: 0)
    }

    private func update(_ stage: WorkProgress.Stage) {
        state.withLock { s in
            guard !s.finished else { return }
            s.stage = stage
            if !s.tickerStarted, let ticker {
                s.tickerStarted = true
                ticker.resume()
            }
        }
        draw(force: stage.total > 0 && stage.done >= stage.total)
    }

    private func draw(force: Bool) {
        let now = Date().timeIntervalSince(start)
        guard now >= delay else { return }
        state.withLock { s in
            guard !s.finished, let stage = s.stage, now - s.lastDraw >= 0.1 || force else { return }
            s.lastDraw = now
            s.drawn = true
            var line = "\r\u{1B}[K\(stage.name)"
            if stage.total > 0 {
                let width = 30, done = min(stage.done, stage.total)
                let filled = width * done / stage.total
                line += " " + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                line += " \(100 * done / stage.total) %"
            } else if stage.done > 0 {
                line += ": \(stage.done)"
            } else {
                line += "…"
            }
            line += String(format: " (%.0f s)", now)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Clears the line, if one was drawn, so that what is written next starts on a clean line; the next
    /// engine update draws it again.
    func clear() {
        state.withLock { s in
            if s.drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            s.drawn = false
            s.lastDraw = 0
        }
    }

    /// Clears the line and stops drawing for good (the command's result follows).
    func finish() {
        state.withLock { s in
            if s.drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            s.drawn = false
            s.finished = true
            if s.tickerStarted { ticker?.cancel() }
        }
    }
}

/// The command's output: the progress line is finished first, so the result never shares a line with it.
func print(_ text: String, terminator: String = "\n") {
    TerminalProgress.shared.finish()
    Swift.print(text, terminator: terminator)
}

/// Breaks the reference cycle between the printer and the engine's sink.
private final class _Weak: @unchecked Sendable {
    weak var target: TerminalProgress?
}
