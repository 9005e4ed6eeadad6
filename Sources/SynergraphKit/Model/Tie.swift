/// A relationship between two actors.
public struct Tie: Sendable, Equatable {
    /// Id of the first actor (the origin, for directed ties).
    public var source: String
    /// Id of the second actor (the destination, for directed ties).
    public var target: String
    /// Open vocabulary: partnership, affiliation, membership, co-organisation, engagement, funding, ...
    public var kind: String
    /// Tie strength, positive; 1 when not given.
    public var weight: Double
    /// Tie-quality score for trust (as partnership-assessment tools such as PARTNER record it).
    public var trust: Double? {
        get { present & Self.hasTrust != 0 ? trustValue : nil }
        set {
            trustValue = newValue ?? 0
            present = newValue == nil ? present & ~Self.hasTrust : present | Self.hasTrust
        }
    }
    /// Tie-quality score for value.
    public var value: Double? {
        get { present & Self.hasValue != 0 ? valueValue : nil }
        set {
            valueValue = newValue ?? 0
            present = newValue == nil ? present & ~Self.hasValue : present | Self.hasValue
        }
    }
    /// First day of the tie (inclusive), if known.
    public var since: Day?
    /// Last day of the tie (inclusive), if it ended.
    public var until: Day?
    /// Explicit direction; nil means the network's rule for this kind (see ``Manifest/directedTieKinds``).
    public var directed: Bool?
    public var sourceRef: String?
    public var attributes: Attributes
    /// Where the record was read, if it was read from a file.
    public var origin: FileLocation? {
        get {
            if let other = originOther { return other.location }
            guard let file = originFile else { return nil }
            return FileLocation(file: file, line: originLine == 0 ? nil : Int(originLine))
        }
        set {
            originFile = nil
            originLine = 0
            originOther = nil
            guard let o = newValue else { return }
            if o.column == nil, o.path == nil, o.line.map({ $0 > 0 && $0 <= Int(UInt32.max) }) ?? true {
                originFile = o.file
                originLine = o.line.map { UInt32($0) } ?? 0
            } else {
                originOther = OriginBox(o)
            }
        }
    }

    // Storage. A million ties are held at once, so a tie is kept in 144 bytes rather than 192: the two
    // optional scores share one presence byte (Double? takes 16 bytes each), and the origin, nearly always
    // a file and a line (64 bytes as a FileLocation?), is the file's name (its storage shared by every
    // record of the file), the line as 32 bits, and a box for any other place. See Docs/streaming-reader.md.
    private var trustValue: Double
    private var valueValue: Double
    private var present: UInt8
    private var originLine: UInt32
    private var originFile: String?
    private var originOther: OriginBox?
    private static let hasTrust: UInt8 = 1, hasValue: UInt8 = 2

    public init(
        source: String, target: String, kind: String = "partnership", weight: Double = 1, trust: Double? = nil,
        value: Double? = nil, since: Day? = nil, until: Day? = nil, directed: Bool? = nil, sourceRef: String? = nil,
        attributes: Attributes = [], origin: FileLocation? = nil
    ) {
        self.source = source
        self.target = target
        self.kind = kind
        self.weight = weight
        trustValue = 0
        valueValue = 0
        present = 0
        self.since = since
        self.until = until
        self.directed = directed
        originLine = 0
        self.sourceRef = sourceRef
        self.attributes = attributes
        self.trust = trust
        self.value = value
        self.origin = origin
    }

    public static func == (a: Tie, b: Tie) -> Bool {
        a.source == b.source && a.target == b.target && a.kind == b.kind && a.weight == b.weight
            && a.trust == b.trust && a.value == b.value && a.since == b.since && a.until == b.until
            && a.directed == b.directed && a.sourceRef == b.sourceRef
            && a.attributes.map(\.key) == b.attributes.map(\.key)
            && a.attributes.map(\.value) == b.attributes.map(\.value)
    }
}

/// A place that is not just a file and a line (a column, a JSON path, a line beyond 32 bits), kept out of
/// line so that the common case stays small.
final class OriginBox: Sendable {
    let location: FileLocation
    init(_ location: FileLocation) { self.location = location }
}
