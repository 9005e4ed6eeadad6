import Foundation

/// Writes files so that readers only ever see a complete file or none: the bytes go to a temporary
/// file in the same folder, are flushed to disk, and the temporary file is renamed over the target
/// (rename is atomic within one file system). On failure the temporary file is removed.
public enum AtomicFile {
    public struct WriteError: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `data` to `url`, creating missing parent folders.
    public static func write(_ data: Data, to url: URL) throws(WriteError) {
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: url.path, reason: "cannot create the folder \(dir.path) (\(Self.reason(error)))")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
        var ok = true
        var failure = ""
        data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
            var off = 0
            while off < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    failure = String(cString: strerror(errno))
                    return
                }
                off += n
            }
        }
        if ok, fsync(fd) != 0 {
            ok = false
            failure = String(cString: strerror(errno))
        }
        close(fd)
        if ok, rename(tmp.path, url.path) != 0 {
            ok = false
            failure = String(cString: strerror(errno))
        }
        if !ok {
            unlink(tmp.path)
            throw WriteError(path: url.path, reason: failure)
        }
    }

    /// Writes UTF-8 text.
    public static func write(_ text: String, to url: URL) throws(WriteError) {
        try write(Data(text.utf8), to: url)
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
