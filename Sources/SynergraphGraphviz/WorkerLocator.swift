import Foundation

/// Finds the render worker executable.
///
/// Looked for, in order: the path in `SYNERGRAPH_GRAPHVIZ_WORKER`; the directory of the running
/// executable (`/proc/self/exe`, which is also where `swift build` puts every product, and where
/// `swift test`'s test runner lives on Linux); `Bundle.main`'s executable directory; and the
/// directory of any loaded `.xctest` bundle (test runners on macOS).
enum WorkerLocator {
    /// The worker's path, found once per process.
    static let located: Result<String, GraphvizError> = locate()

    private static func locate() -> Result<String, GraphvizError> {
        let candidates = candidatePaths()
        for path in candidates where FileManager.default.isExecutableFile(atPath: path) {
            return .success(path)
        }
        return .failure(.workerNotFound(searched: candidates))
    }

    static func candidatePaths() -> [String] {
        var paths: [String] = []
        if let explicit = ProcessInfo.processInfo.environment[WorkerProtocol.environmentVariable], !explicit.isEmpty {
            paths.append(explicit)
        }
        var directories: [URL] = []
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: resolved).deletingLastPathComponent())
        }
        if let main = Bundle.main.executableURL {
            directories.append(main.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for directory in directories {
            let path = directory.appendingPathComponent(WorkerProtocol.executableName).path
            if !paths.contains(path) { paths.append(path) }
        }
        return paths
    }
}
