import Foundation
import SynergraphKit

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

    /// Writes through the engine's ``AtomicFile`` (temporary file, flush, rename; nothing left on failure).
    static func write(_ data: Data, to url: URL) throws(GraphvizError) {
        do {
            try AtomicFile.write(data, to: url)
        } catch {
            throw GraphvizError.outputNotWritable(path: error.path, reason: error.reason)
        }
    }
}
