import Foundation

/// Writes files so that readers only ever see a complete file or none: the bytes go to a temporary
/// file in the same folder, are flushed to disk, and the temporary file is renamed over the target
/// (rename is atomic within one file system). On failure the temporary file is removed, and on
/// Ctrl-C or SIGTERM too (``Interruption``). A target that is an input of the running command
/// (``ProtectedInputs``) is refused before anything is written.
public enum AtomicFile {
    public struct WriteError: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `data` to `url`, creating missing parent folders.
    public static func write(_ data: Data, to url: URL) throws(WriteError) {
        if let conflict = ProtectedInputs.conflict(writing: url) { throw WriteError(path: url.path, reason: conflict) }
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: url.path, reason: "cannot create the folder \(dir.path) (\(Self.reason(error)))")
        }
        let target = url.path
        var temporary = ""
        var fd: Int32 = -1
        for attempt in 0..<100 {
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            temporary = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(attempt)\(suffix).tmp").path
            // 0666 before the umask, like any newly created file.
            let path = temporary
            guard let opened = Interruption.creatingTemporaryFile(path, { () -> (Int32, Int32) in
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
                return (fd, errno)
            }) else { throw WriteError(path: target, reason: "the program is being interrupted") }
            fd = opened.0
            if fd >= 0 { break }
            Interruption.finishingTemporaryFile(path) {}
            if opened.1 != EEXIST { errno = opened.1; break }
        }
        guard fd >= 0 else { throw WriteError(path: target, reason: String(cString: strerror(errno))) }
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(fd, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += count
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        let path = temporary
        let renamed = Interruption.finishingTemporaryFile(path) { () -> String? in
            if failure == nil, rename(path, target) != 0 { failure = String(cString: strerror(errno)) }
            if failure != nil { unlink(path) }
            return failure
        }
        if let renamed { throw WriteError(path: target, reason: renamed) }
    }

    /// Writes UTF-8 text.
    public static func write(_ text: String, to url: URL) throws(WriteError) {
        try write(Data(text.utf8), to: url)
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
