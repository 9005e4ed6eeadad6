#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SynergraphKit

/// The render worker's entry point (see ``WorkerProtocol``); `synergraph-graphviz-worker` calls it.
///
/// One render per process: sfdp only gives the same layout for the same input in a fresh process
/// (fdp is deterministic either way, see shim.h), and a process can be stopped when it runs over its
/// time limit.
package enum GraphvizWorkerMain {
    /// Runs one render and returns the exit status.
    package static func run(arguments: [String]) -> Int32 {
        // A crash in Graphviz should not leave core files behind.
        var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &noCore)

        guard let (layout, format) = parse(Array(arguments.dropFirst())) else {
            writeAll(2, Array("usage: \(WorkerProtocol.executableName) --layout <\(MapLayout.allCases.map(\.rawValue).joined(separator: "|"))> --format <\(MapFormat.allCases.map(\.rawValue).joined(separator: "|"))> < graph.dot > output\n".utf8))
            return WorkerProtocol.Status.usage.rawValue
        }
        guard let dot = readAll(0) else {
            writeAll(2, Array("cannot read stdin\n".utf8))
            return WorkerProtocol.Status.ioFailed.rawValue
        }
        do {
            let output = try GraphvizEngine.withSession { (session) throws(GraphvizError) in
                try DOTRendering.render(dot: dot, layout: layout, format: format, in: session)
            }
            guard writeAll(1, output.bytes) else { return WorkerProtocol.Status.ioFailed.rawValue }
            for warning in output.warnings {
                _ = writeAll(2, Array((oneLine(warning) + "\n").utf8))
            }
            return WorkerProtocol.Status.success.rawValue
        } catch {
            _ = writeAll(2, Array(oneLine(WorkerProtocol.message(for: error)).utf8))
            return WorkerProtocol.status(for: error).rawValue
        }
    }

    private static func parse(_ arguments: [String]) -> (MapLayout, MapFormat)? {
        var layout: MapLayout?
        var format: MapFormat?
        var index = 0
        while index + 1 < arguments.count {
            switch arguments[index] {
            case "--layout": layout = MapLayout(rawValue: arguments[index + 1])
            case "--format": format = MapFormat(rawValue: arguments[index + 1])
            default: return nil
            }
            index += 2
        }
        guard index == arguments.count, let layout, let format else { return nil }
        return (layout, format)
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    private static func readAll(_ fd: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes += chunk[0..<count]
        }
    }

    @discardableResult
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }
}
