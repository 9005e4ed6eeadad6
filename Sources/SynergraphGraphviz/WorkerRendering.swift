import SynergraphKit

/// Lays out and renders DOT text in a fresh `synergraph-graphviz-worker` process (one render per
/// process; see ``WorkerProtocol``). No Graphviz call happens here, so the global lock is not held
/// and worker renders run in parallel.
enum WorkerRendering {
    static func render(dot: [UInt8], layout: MapLayout, format: MapFormat, timeout: Duration?) throws(GraphvizError) -> DOTRendering.Output {
        let executable = try WorkerLocator.located.get()
        let process = WorkerProcess(
            executable: executable, arguments: ["--layout", layout.rawValue, "--format", format.rawValue])
        let completion = try process.run(input: dot, timeout: timeout)
        let stderrText = String(decoding: completion.stderr, as: UTF8.self)
        guard let status = completion.status else {
            throw GraphvizError.workerFailed(
                "Graphviz crashed (signal \(completion.signal ?? 0)) while drawing the \(layout.rawValue) layout as \(format.rawValue)")
        }
        if let error = WorkerProtocol.error(status: status, message: stderrText, layout: layout, format: format) {
            throw error
        }
        let warnings = stderrText.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        return DOTRendering.Output(bytes: completion.stdout, warnings: warnings)
    }
}
