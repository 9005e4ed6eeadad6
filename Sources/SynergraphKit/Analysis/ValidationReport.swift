import Foundation

/// What `synergraph validate` reports: every problem, and the counts of what loaded.
public struct ValidationReport: Sendable, Codable {
    public struct Counts: Sendable, Codable, Equatable {
        public var nodes: Int
        public var ties: Int
        public var activities: Int
        public var participation: Int
    }

    public struct Problem: Sendable, Codable, Equatable {
        public var severity: Diagnostic.Severity
        public var problem: Diagnostic.Problem
        public var file: String
        public var line: Int?
        public var column: Int?
        public var path: String?
        public var message: String
    }

    public var path: String
    public var isValid: Bool
    public var errors: Int
    public var warnings: Int
    /// What loaded; nil when the network has errors (nothing is loaded then).
    public var counts: Counts?
    public var problems: [Problem]

    public init(path: String, loaded: LoadedNetwork) {
        self.path = path
        isValid = true
        errors = 0
        warnings = loaded.warnings.count
        let n = loaded.network
        counts = Counts(nodes: n.nodes.count, ties: n.ties.count, activities: n.activities.count, participation: n.participation.count)
        problems = loaded.warnings.map(Self.problem)
    }

    /// Adds problems found after loading (likely duplicates), after the loader's.
    public mutating func append(_ more: [Diagnostic]) {
        for d in more {
            if d.severity == .error {
                errors += 1
                isValid = false
            } else {
                warnings += 1
            }
        }
        problems += more.map(Self.problem)
    }

    public init(path: String, failure: LoadFailure) {
        self.path = path
        isValid = false
        errors = failure.errors.count
        warnings = failure.diagnostics.count - errors
        counts = nil
        problems = failure.diagnostics.map(Self.problem)
    }

    private static func problem(_ d: Diagnostic) -> Problem {
        Problem(severity: d.severity, problem: d.problem, file: d.location.file, line: d.location.line,
                column: d.location.column, path: d.location.path, message: d.message)
    }

    /// One line per problem (`file:line:column: error: message`), then a verdict.
    public var text: String {
        var out = ""
        for p in problems {
            let loc = FileLocation(file: p.file, line: p.line, column: p.column, path: p.path)
            out += "\(loc): \(p.severity.rawValue): \(p.message)\n"
        }
        let w = warnings == 1 ? "1 warning" : "\(warnings) warnings"
        if let counts, isValid {
            out += "\(path): valid: \(counts.nodes) nodes, \(counts.ties) ties, \(counts.activities) activities, \(counts.participation) participations; \(w)\n"
        } else {
            out += "\(path): invalid: \(errors) error\(errors == 1 ? "" : "s"), \(w); nothing was loaded\n"
        }
        return out
    }

    /// The report as JSON (keys in snake_case).
    public func json() throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        enc.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try enc.encode(self), as: UTF8.self)
    }
}
