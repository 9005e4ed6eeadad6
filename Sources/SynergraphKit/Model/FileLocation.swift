/// Where a record or a problem was found: a file (as the user named it), and a line and column
/// (1-based) where they apply.
public struct FileLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// Where the record sits inside a structured file that has no useful line numbers, e.g. `nodes[12]`.
    public var path: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    /// `file:line:column`, leaving out what is unknown.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if line != nil, let column { s += ":\(column)" }
        if let path { s += ": \(path)" }
        return s
    }
}
