import Foundation

/// libxml2's `xmllint` (Debian's libxml2-utils, installed by Scripts/install-system-deps.sh), run on
/// written documents: well-formedness, and validation against the schemas in Fixtures/schemas.
enum Xmllint {
    static let path = "/usr/bin/xmllint"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// xmllint's exit status and messages for `data`, written to a temporary file named `name` and
    /// checked with `--noout --nonet`, and `--schema SCHEMA` when a schema path is given.
    static func check(_ data: Data, name: String, schema: String? = nil) throws -> (status: Int32, messages: String) {
        let dir = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["--noout", "--nonet"] + (schema.map { ["--schema", $0] } ?? []) + [url.path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = Pipe()
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }
}
