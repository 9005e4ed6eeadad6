import Foundation
import Testing

/// Ctrl-C (SIGINT) and SIGTERM during a command that writes: the process exits with 128 + the signal
/// (or 0 when it had already finished), leaves no temporary file, and every output file that exists is
/// whole. The signal is sent at several moments, so the invariant is checked early, mid-way and late;
/// which moment catches which step varies with the machine, the invariant does not.
@Suite struct InterruptTests {
    /// A 3,000-actor edge list with 24,000 ties: large enough that converting and rendering it take a while.
    static func bigEdgeList(in folder: URL) throws -> URL {
        var rng = UInt64(42)
        func next() -> Int {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: rng >> 33)
        }
        var text = "source,target,weight\n"
        for i in 0..<24_000 {
            let a = i % 3_000, b = next() % 3_000
            if a != b { text += "n\(a),n\(b),\(1 + next() % 5)\n" }
        }
        let url = folder.appendingPathComponent("big.csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    static let commands: [(name: String, arguments: @Sendable (String) -> [String])] = [
        ("convert", { ["convert", $0, "out/big.graphml"] }),
        ("render", { ["render", $0, "-o", "out/big.svg", "--layout", "sfdp", "--timeout", "120"] }),
        ("analyze", { _ in ["analyze", "--out", "out/analyze"] }),
        ("quarterly", { _ in ["quarterly", CLIRunner.repository.appendingPathComponent("Networks/unpog-asia-pacific").path, "--out", "out/q", "--from", "2025Q1", "--to", "2026Q2", "--map-format", "svg"] }),
    ]

    @Test(arguments: [0, 1, 2, 3])
    func anInterruptLeavesNoPartialOutput(_ index: Int) throws {
        let command = Self.commands[index]
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.bigEdgeList(in: folder)
        for (delay, signal) in [(0.3, SIGINT), (1.0, SIGTERM), (2.5, SIGINT)] {
            let out = folder.appendingPathComponent("out")
            try? FileManager.default.removeItem(at: out)
            // render writes into an existing folder only; the others make theirs.
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let p = Process()
            p.executableURL = CLIRunner.executable
            p.arguments = command.arguments(input.path)
            p.currentDirectoryURL = folder
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, signal)
            p.waitUntilExit()
            let status = p.terminationStatus
            let shown = "\(command.name) signalled after \(delay) s"
            #expect(status == 0 || status == 128 + signal, "\(shown): exit status \(status)")
            for file in Self.files(below: out) {
                #expect(!URL(fileURLWithPath: file).lastPathComponent.hasSuffix(".tmp"), "\(shown): left \(file)")
                #expect(Self.isWhole(file), "\(shown): \(file) is not a whole file")
            }
        }
    }

    static func files(below root: URL) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        while let relative = e.nextObject() as? String {
            var isDir: ObjCBool = false
            let full = root.path + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { out.append(full) }
        }
        return out
    }

    /// Whether a finished output file is complete for its kind.
    static func isWhole(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        switch URL(fileURLWithPath: path).pathExtension {
        case "json": return (try? JSONSerialization.jsonObject(with: data)) != nil
        case "svg": return text.hasSuffix("</svg>")
        case "graphml": return text.hasSuffix("</graphml>")
        case "html": return text.hasSuffix("</html>")
        case "dot": return text.hasSuffix("}")
        case "csv", "md": return data.last == 0x0A
        default: return !data.isEmpty || path.hasSuffix(".lock")
        }
    }
}
