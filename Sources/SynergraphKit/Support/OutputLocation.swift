import Foundation
import Synchronization

/// Where outputs may go: a folder named by data stays inside the output folder it was given, and no
/// output replaces an input of the same command (Docs/hardening.md).
public enum OutputLocation {
    /// Why a path was refused.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "refusing to write \(path): \(reason)" }
    }

    /// The folder `root/<name>` for a network's outputs, after checking `name` against ``NetworkName``
    /// and that the folder, once symbolic links are followed, lies inside `root`.
    public static func networkFolder(_ name: String, in root: URL) throws(Refusal) -> URL {
        if let problem = NetworkName.problem(name) {
            throw Refusal(path: root.appendingPathComponent(name).path, reason: "the network name '\(name)' cannot name a folder (\(problem))")
        }
        let folder = root.appendingPathComponent(name, isDirectory: true)
        try requireInside(folder, root: root)
        return folder
    }

    /// Throws unless `url`, with symbolic links followed as far as they exist, is `root` or lies below it.
    public static func requireInside(_ url: URL, root: URL) throws(Refusal) {
        let base = canonicalPath(root.path)
        let path = canonicalPath(url.path)
        guard path == base || path.hasPrefix(base == "/" ? "/" : base + "/") else {
            throw Refusal(path: url.path, reason: "it resolves to \(path), outside the output folder \(root.path)")
        }
    }

    /// `path` made absolute, with `.` and `..` removed and symbolic links followed for the part that
    /// exists (the rest appended as given, after `..` is resolved textually).
    public static func canonicalPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for p in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if p == "." { continue }
            if p == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(p)
        }
        // Follow links in the longest prefix that exists (realpath needs an existing path).
        var existing = parts.count
        while existing > 0 {
            let prefix = "/" + parts[..<existing].joined(separator: "/")
            if let resolved = realpath(prefix, nil) {
                defer { free(resolved) }
                let head = String(cString: resolved)
                let rest = parts[existing...].joined(separator: "/")
                if rest.isEmpty { return head }
                return (head == "/" ? "" : head) + "/" + rest
            }
            existing -= 1
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// The inputs of the running command (network files and folders, nodes tables, configuration): no
/// output may replace one or land inside an input folder. ``AtomicFile`` checks every write against
/// them; the command-line program registers its inputs before it writes anything.
public enum ProtectedInputs {
    private struct Entry: Sendable {
        var path: String
        var isFolder: Bool
        var device: UInt64
        var inode: UInt64
    }

    private static let entries = Mutex<[Entry]>([])

    /// Protects `path` (a file or a folder) from being written over for the rest of the process.
    /// Paths that do not exist are ignored.
    public static func add(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let entry = Entry(path: OutputLocation.canonicalPath(path), isFolder: (info.st_mode & S_IFMT) == S_IFDIR,
                          device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        entries.withLock { $0.append(entry) }
    }

    /// Forgets every protected path (for tests that run several commands in one process).
    public static func removeAll() { entries.withLock { $0.removeAll() } }

    /// Why writing `url` would replace an input, or nil when it would not.
    public static func conflict(writing url: URL) -> String? {
        let list = entries.withLock { $0 }
        guard !list.isEmpty else { return nil }
        let path = OutputLocation.canonicalPath(url.path)
        var info = stat()
        let exists = stat(url.path, &info) == 0
        for e in list {
            if e.isFolder {
                if path == e.path || path.hasPrefix(e.path == "/" ? "/" : e.path + "/") {
                    return "it lies inside the input folder \(e.path); write the output somewhere else"
                }
            } else if path == e.path || (exists && UInt64(info.st_dev) == e.device && UInt64(info.st_ino) == e.inode) {
                return "it is an input of this command; write the output to another file"
            }
        }
        return nil
    }
}
