import Foundation

/// Writes a file so that readers see either the old file or the complete new one, never a part:
/// the bytes go to a temporary file in the same directory, which is then renamed over the target.
/// On any error the temporary file is removed, so nothing is left behind.
enum AtomicFileWriter {
    /// Fails early, before any rendering, when `url`'s directory cannot take a new file.
    static func checkWritable(_ url: URL) throws(GraphvizError) {
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GraphvizError.outputNotWritable(path: url.path, reason: "the directory \(directory) does not exist")
        }
        guard access(directory, W_OK | X_OK) == 0 else {
            throw GraphvizError.outputNotWritable(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    static func write(_ data: Data, to url: URL) throws(GraphvizError) {
        let directory = url.deletingLastPathComponent()
        let target = url.path
        var temporary = ""
        var fd: Int32 = -1
        for attempt in 0..<100 {
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(attempt)\(suffix).tmp").path
            // 0666 before the umask, like any newly created file.
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw GraphvizError.outputNotWritable(path: target, reason: String(cString: strerror(errno)))
        }
        func fail(_ reason: String) -> GraphvizError {
            unlink(temporary)
            return GraphvizError.outputNotWritable(path: target, reason: reason)
        }
        var failure: String?
        data.withUnsafeBytes { buffer in
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
        if failure == nil, fsync(fd) != 0 {
            failure = String(cString: strerror(errno))
        }
        if close(fd) != 0, failure == nil {
            failure = String(cString: strerror(errno))
        }
        if let failure {
            throw fail(failure)
        }
        guard rename(temporary, target) == 0 else {
            throw fail(String(cString: strerror(errno)))
        }
    }
}
