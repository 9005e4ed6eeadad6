/// One problem found while loading a network: where, how bad, what kind, and a plain sentence.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        /// The data is invalid; nothing is loaded.
        case error
        /// The data loads, but something deserves a look.
        case warning
    }

    /// What went wrong, for programs (tests, JSON output) to tell problems apart.
    public enum Problem: String, Sendable, Codable {
        case unreadable = "unreadable"
        case emptyFile = "empty_file"
        case invalidEncoding = "invalid_encoding"
        case unterminatedQuote = "unterminated_quote"
        case textAfterQuote = "text_after_quote"
        case wrongColumnCount = "wrong_column_count"
        case missingColumn = "missing_column"
        case duplicateColumn = "duplicate_column"
        case missingValue = "missing_value"
        case duplicateID = "duplicate_id"
        case unknownKind = "unknown_kind"
        case unknownScope = "unknown_scope"
        case unknownNode = "unknown_node"
        case unknownActivity = "unknown_activity"
        case badDate = "bad_date"
        case untilBeforeSince = "until_before_since"
        case badNumber = "bad_number"
        case badWeight = "bad_weight"
        case badSDG = "bad_sdg"
        case badAccomplishment = "bad_accomplishment"
        case badBoolean = "bad_boolean"
        case badCountry = "bad_country"
        case badManifest = "bad_manifest"
        case badJSON = "bad_json"
        case unsupportedVersion = "unsupported_version"
        case selfLoop = "self_loop"
        case ignoredValue = "ignored_value"
        case duplicateRecord = "duplicate_record"
        case badXML = "bad_xml"
        case unsafeXML = "unsafe_xml"
        case tooDeep = "too_deep"
        case tooLarge = "too_large"
        case badSyntax = "bad_syntax"
        case notKept = "not_kept"
        case replacedValue = "replaced_value"
        /// A nodes table was given with a network that is not an edge list (which has its own nodes).
        case nodesTableUnused = "nodes_table_unused"
        /// A network name that cannot name an output folder (``NetworkName``).
        case badName = "bad_name"
    }

    public var severity: Severity
    public var problem: Problem
    public var location: FileLocation
    public var message: String

    public init(_ severity: Severity, _ problem: Problem, at location: FileLocation, _ message: String) {
        self.severity = severity
        self.problem = problem
        self.location = location
        self.message = message
    }

    /// `file:line:column: error: message`, the form compilers use, so editors can jump to it.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Loading failed: the data has at least one error. Nothing was loaded.
public struct LoadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every problem found, errors and warnings, in file order.
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        let n = errors.count
        return "\(n) error\(n == 1 ? "" : "s") in the network data; nothing was loaded:\n"
            + diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics while loading.
struct DiagnosticLog {
    private(set) var items: [Diagnostic] = []

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    mutating func error(_ problem: Diagnostic.Problem, _ location: FileLocation, _ message: String) {
        items.append(Diagnostic(.error, problem, at: location, message))
    }

    mutating func warning(_ problem: Diagnostic.Problem, _ location: FileLocation, _ message: String) {
        items.append(Diagnostic(.warning, problem, at: location, message))
    }

    mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }
}
