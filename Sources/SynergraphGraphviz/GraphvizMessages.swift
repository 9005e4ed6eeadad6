internal import CGraphviz

/// Graphviz's messages, captured instead of printed.
///
/// Graphviz reports through `agerr`, which prints to stderr unless a user function is installed with
/// `agseterrf`. That function is a plain C function pointer, so what it writes to is global state:
/// `capturedText` below. It is only touched while ``GraphvizEngine``'s global lock is held (Graphviz
/// calls the function synchronously from inside the calls the lock serialises).
///
/// `agerr` hands a message over in pieces (`"Error"`, `": "`, the text); ``drain()`` joins them and
/// splits the result into one ``Message`` per line group.
enum GraphvizMessages {
    /// One message Graphviz reported.
    struct Message: Equatable {
        var isError: Bool
        var text: String
    }

    /// Installs the capturing function. Call with the engine lock held.
    static func install() {
        _ = agseterrf(capture)
    }

    /// Forgets what was captured so far. Call with the engine lock held.
    static func reset() {
        capturedText = ""
    }

    /// The messages captured since the last ``reset()`` or ``drain()``, then forgets them.
    /// Call with the engine lock held.
    static func drain() -> [Message] {
        let text = capturedText
        capturedText = ""
        return parse(text)
    }

    /// Splits captured text into messages. A line starting with `Error` or `Warning` starts a
    /// message; other lines continue the previous one (Graphviz's `AGPREV` continuations).
    static func parse(_ text: String) -> [Message] {
        var messages: [Message] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = String(rawLine)
            if line.trimmingSpaces.isEmpty { continue }
            if line.hasPrefix("Error") {
                messages.append(Message(isError: true, text: String(line.dropFirst("Error".count)).droppingLeadingColon))
            } else if line.hasPrefix("Warning") {
                messages.append(Message(isError: false, text: String(line.dropFirst("Warning".count)).droppingLeadingColon))
            } else if let last = messages.indices.last {
                messages[last].text += " " + line.trimmingSpaces
            } else {
                messages.append(Message(isError: false, text: line.trimmingSpaces))
            }
        }
        return messages
    }
}

/// Text Graphviz reported since the last drain. Guarded by the engine lock (see ``GraphvizMessages``).
nonisolated(unsafe) private var capturedText = ""

/// The `agseterrf` callback: appends one piece of a message. Returns 0 as `agerr` expects.
private let capture: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { piece in
    if let piece {
        capturedText += String(cString: piece)
    }
    return 0
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return String(s)
    }

    fileprivate var droppingLeadingColon: String {
        var s = Substring(self)
        if s.first == ":" { s.removeFirst() }
        return String(s).trimmingSpaces
    }
}
