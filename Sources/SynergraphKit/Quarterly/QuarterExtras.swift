/// The extension point of the quarterly batch: extra per-quarter sections, extra lines in the
/// quarter-to-quarter diff, and extra columns in the index's trend table.
///
/// The batch calls every extra it is given for every quarter, after measuring the quarter and before
/// deciding whether the quarter needs drawing again: what an extra returns is part of the quarter's
/// content hash, as is its ``identity``, so changed extras redo exactly the quarters they change.
/// Every requirement has a default that adds nothing, so an extra implements only what it adds.
///
/// Wiring the gaps engine in (`GapReport`, written separately) is one type (a sketch: the names of
/// `GapReport`'s members are assumed):
///
/// ```swift
/// struct GapExtras: QuarterExtras {
///     let identity = "gaps-1"
///     func sections(for q: QuarterSnapshot) -> [QuarterSection] {
///         let report = GapReport(view: q.view)
///         return [QuarterSection(id: "gaps", title: "Gaps", markdown: report.markdown, json: report.json)]
///     }
///     func diffLines(from p: QuarterSnapshot, to q: QuarterSnapshot) -> [QuarterDiffLine] {
///         let before = Set(GapReport(view: p.view).gaps.map(\.key)), after = Set(GapReport(view: q.view).gaps.map(\.key))
///         return after.subtracting(before).sorted().map { QuarterDiffLine(section: "Gaps", text: "opened: \($0)") }
///             + before.subtracting(after).sorted().map { QuarterDiffLine(section: "Gaps", text: "closed: \($0)") }
///     }
///     func trendFigures(for q: QuarterSnapshot) -> [QuarterFigure] {
///         [QuarterFigure(column: "open gaps", value: String(GapReport(view: q.view).gaps.count))]
///     }
/// }
/// ```
///
/// and passing it in ``QuarterlyOptions/extras`` (the `quarterly` command takes its list from
/// `Synergraph.Quarterly.extras`).
public protocol QuarterExtras: Sendable {
    /// A name and version for the content hash (`"gaps-1"`); change it when the extra's output changes.
    var identity: String { get }
    /// Sections written beside the quarter's other files, as `<quarter>/<id>.md` (and `.json`), and linked from the index.
    func sections(for quarter: QuarterSnapshot) -> [QuarterSection]
    /// Lines added to the diff of `current` against `previous` (the calendar quarter before it).
    func diffLines(from previous: QuarterSnapshot, to current: QuarterSnapshot) -> [QuarterDiffLine]
    /// Figures added as columns of the index's trend table (the same columns, in the same order, every quarter).
    func trendFigures(for quarter: QuarterSnapshot) -> [QuarterFigure]
}

extension QuarterExtras {
    public func sections(for quarter: QuarterSnapshot) -> [QuarterSection] { [] }
    public func diffLines(from previous: QuarterSnapshot, to current: QuarterSnapshot) -> [QuarterDiffLine] { [] }
    public func trendFigures(for quarter: QuarterSnapshot) -> [QuarterFigure] { [] }
}

/// A per-quarter section an extra adds.
public struct QuarterSection: Sendable, Equatable {
    /// File name stem: lowercase letters, digits and `-` (not `map`, `metrics`, `summary` or `diff`).
    public var id: String
    /// Heading in the index.
    public var title: String
    /// The section as Markdown (written as `<id>.md`; the extra is responsible for escaping its own data).
    public var markdown: String
    /// The section as JSON (written as `<id>.json` when present).
    public var json: String?

    public init(id: String, title: String, markdown: String, json: String? = nil) {
        self.id = id
        self.title = title
        self.markdown = markdown
        self.json = json
    }

    /// Names the batch writes itself.
    static let reservedIDs: Set<String> = ["map", "metrics", "summary", "diff"]

    /// Whether ``id`` can name a file of its own.
    var hasValidID: Bool {
        !id.isEmpty && id.count <= 60 && !Self.reservedIDs.contains(id)
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// A line an extra adds to a diff, under a heading of its own (plain text; the batch escapes it).
public struct QuarterDiffLine: Sendable, Equatable, Codable {
    public var section: String
    public var text: String

    public init(section: String, text: String) {
        self.section = section
        self.text = text
    }
}

/// A figure an extra adds to the trend table (plain text; the batch escapes it).
public struct QuarterFigure: Sendable, Equatable {
    public var column: String
    public var value: String

    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }
}
