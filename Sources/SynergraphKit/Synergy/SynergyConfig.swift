import Foundation

/// Weights of the five synergy components. They need not sum to 1: the total divides by their sum.
public struct SynergyWeights: Sendable, Equatable {
    public var thematic: Double
    public var geographic: Double
    public var complementarity: Double
    public var structural: Double
    public var bridging: Double

    public init(thematic: Double = 0.30, geographic: Double = 0.20, complementarity: Double = 0.20, structural: Double = 0.15, bridging: Double = 0.15) {
        self.thematic = thematic
        self.geographic = geographic
        self.complementarity = complementarity
        self.structural = structural
        self.bridging = bridging
    }

    public var sum: Double { thematic + geographic + complementarity + structural + bridging }
}

/// Weights of the three facets of thematic fit.
public struct ThematicWeights: Sendable, Equatable {
    public var sdgs: Double
    public var accomplishments: Double
    public var sectors: Double

    public init(sdgs: Double = 0.25, accomplishments: Double = 0.35, sectors: Double = 0.40) {
        self.sdgs = sdgs
        self.accomplishments = accomplishments
        self.sectors = sectors
    }
}

/// Weights of the expert-finder criteria (see ``ExpertFinder``).
public struct ExpertWeights: Sendable, Equatable {
    public var topical: Double
    public var experience: Double
    public var proximity: Double
    public var centrality: Double

    public init(topical: Double = 0.40, experience: Double = 0.30, proximity: Double = 0.15, centrality: Double = 0.15) {
        self.topical = topical
        self.experience = experience
        self.proximity = proximity
        self.centrality = centrality
    }
}

/// Every tunable of the synergy, gap and expert scores, with documented defaults
/// (Docs/synergy-and-gaps.md), overridable from a small JSON file (``SynergyConfig/load(path:)``).
public struct SynergyConfig: Sendable, Equatable {
    public var weights: SynergyWeights
    public var thematic: ThematicWeights
    public var complementarity: ComplementarityTable
    public var experts: ExpertWeights
    /// Seed of the Louvain community search (the same default as `metrics`).
    public var seed: UInt64
    /// Networks with at most this many actor pairs are scored exhaustively; larger ones through
    /// ``IntroductionCandidates``.
    public var exhaustivePairLimit: Int

    public init(weights: SynergyWeights = SynergyWeights(), thematic: ThematicWeights = ThematicWeights(),
                complementarity: ComplementarityTable = ComplementarityTable(), experts: ExpertWeights = ExpertWeights(),
                seed: UInt64 = 1, exhaustivePairLimit: Int = 2_000_000) {
        self.weights = weights
        self.thematic = thematic
        self.complementarity = complementarity
        self.experts = experts
        self.seed = seed
        self.exhaustivePairLimit = exhaustivePairLimit
    }

    /// Reads a configuration file; keys left out keep their defaults.
    ///
    /// ```json
    /// { "weights": { "thematic": 0.3, "geographic": 0.2, "complementarity": 0.2, "structural": 0.15, "bridging": 0.15 },
    ///   "thematic": { "sdgs": 0.25, "accomplishments": 0.35, "sectors": 0.4 },
    ///   "complementarity": { "school+agency": 0.9, "cso+government": 0.9 },
    ///   "experts": { "topical": 0.4, "experience": 0.3, "proximity": 0.15, "centrality": 0.15 },
    ///   "seed": 1 }
    /// ```
    public static func load(path: String) throws(SynergyConfigError) -> SynergyConfig {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try parse(data, path: path)
    }

    /// Parses configuration JSON (see ``load(path:)``).
    public static func parse(_ data: Data, path: String = "config") throws(SynergyConfigError) -> SynergyConfig {
        let object: _ConfigJSON
        do { object = try JSONDecoder().decode(_ConfigJSON.self, from: data) } catch {
            throw .invalidJSON(path: path, reason: "not valid JSON")
        }
        guard case .object(let root) = object else { throw .invalidJSON(path: path, reason: "the top level must be a JSON object") }
        var config = SynergyConfig()
        for key in root.keys.sorted() {
            let value = root[key]!
            switch key {
            case "weights":
                let o = try section(value, key, path)
                let fields = ["thematic", "geographic", "complementarity", "structural", "bridging"]
                try checkKeys(o, fields, key, path)
                var w = config.weights
                if let x = try weight(o["thematic"], "weights.thematic", path) { w.thematic = x }
                if let x = try weight(o["geographic"], "weights.geographic", path) { w.geographic = x }
                if let x = try weight(o["complementarity"], "weights.complementarity", path) { w.complementarity = x }
                if let x = try weight(o["structural"], "weights.structural", path) { w.structural = x }
                if let x = try weight(o["bridging"], "weights.bridging", path) { w.bridging = x }
                guard w.sum > 0 else { throw .allWeightsZero(path: path, section: key) }
                config.weights = w
            case "thematic":
                let o = try section(value, key, path)
                try checkKeys(o, ["sdgs", "accomplishments", "sectors"], key, path)
                var t = config.thematic
                if let x = try weight(o["sdgs"], "thematic.sdgs", path) { t.sdgs = x }
                if let x = try weight(o["accomplishments"], "thematic.accomplishments", path) { t.accomplishments = x }
                if let x = try weight(o["sectors"], "thematic.sectors", path) { t.sectors = x }
                guard t.sdgs + t.accomplishments + t.sectors > 0 else { throw .allWeightsZero(path: path, section: key) }
                config.thematic = t
            case "experts":
                let o = try section(value, key, path)
                try checkKeys(o, ["topical", "experience", "proximity", "centrality"], key, path)
                var e = config.experts
                if let x = try weight(o["topical"], "experts.topical", path) { e.topical = x }
                if let x = try weight(o["experience"], "experts.experience", path) { e.experience = x }
                if let x = try weight(o["proximity"], "experts.proximity", path) { e.proximity = x }
                if let x = try weight(o["centrality"], "experts.centrality", path) { e.centrality = x }
                guard e.topical + e.experience + e.proximity + e.centrality > 0 else { throw .allWeightsZero(path: path, section: key) }
                config.experts = e
            case "complementarity":
                let o = try section(value, key, path)
                for pair in o.keys.sorted() {
                    let kinds = pair.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                    guard kinds.count == 2, let a = NodeKind(rawValue: kinds[0]), let b = NodeKind(rawValue: kinds[1]) else {
                        throw .badKindPair(path: path, key: "complementarity.\(pair)")
                    }
                    guard let x = try weight(o[pair], "complementarity.\(pair)", path) else { continue }
                    guard x <= 1 else { throw .outOfRange(path: path, key: "complementarity.\(pair)", value: x) }
                    config.complementarity.set(a, b, x)
                }
            case "seed":
                guard case .number(let n) = value, let s = UInt64(exactly: n) else {
                    throw .notANumber(path: path, key: "seed")
                }
                config.seed = s
            default:
                throw .unknownKey(path: path, key: key, allowed: ["weights", "thematic", "complementarity", "experts", "seed"])
            }
        }
        return config
    }

    private static func section(_ value: _ConfigJSON, _ key: String, _ path: String) throws(SynergyConfigError) -> [String: _ConfigJSON] {
        guard case .object(let o) = value else { throw .invalidJSON(path: path, reason: "\"\(key)\" must be a JSON object") }
        return o
    }

    private static func checkKeys(_ o: [String: _ConfigJSON], _ allowed: [String], _ section: String, _ path: String) throws(SynergyConfigError) {
        for k in o.keys.sorted() where !allowed.contains(k) {
            throw .unknownKey(path: path, key: "\(section).\(k)", allowed: allowed)
        }
    }

    private static func weight(_ value: _ConfigJSON?, _ key: String, _ path: String) throws(SynergyConfigError) -> Double? {
        guard let value else { return nil }
        guard case .number(let x) = value else { throw .notANumber(path: path, key: key) }
        guard x.isFinite else { throw .notANumber(path: path, key: key) }
        guard x >= 0 else { throw .negativeWeight(path: path, key: key, value: x) }
        return x
    }
}

/// Why a configuration file was refused.
public enum SynergyConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalidJSON(path: String, reason: String)
    case unknownKey(path: String, key: String, allowed: [String])
    case negativeWeight(path: String, key: String, value: Double)
    case notANumber(path: String, key: String)
    case outOfRange(path: String, key: String, value: Double)
    case badKindPair(path: String, key: String)
    case allWeightsZero(path: String, section: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "cannot read the configuration file \(path): \(reason)"
        case let .invalidJSON(path, reason): "\(path): \(reason)"
        case let .unknownKey(path, key, allowed): "\(path): unknown key \"\(key)\"; allowed here: \(allowed.joined(separator: ", "))"
        case let .negativeWeight(path, key, value): "\(path): \"\(key)\" is \(value); weights must be 0 or more"
        case let .notANumber(path, key): "\(path): \"\(key)\" must be a number"
        case let .outOfRange(path, key, value): "\(path): \"\(key)\" is \(value); complementarity values lie between 0 and 1"
        case let .badKindPair(path, key): "\(path): \"\(key)\" is not a kind pair; write two kinds joined by +, e.g. \"school+agency\" (kinds: \(NodeKind.allCases.map(\.rawValue).joined(separator: ", ")))"
        case let .allWeightsZero(path, section): "\(path): the weights of \"\(section)\" are all 0; at least one must be positive"
        }
    }
}

/// A JSON value, decoded without Foundation's bridging (so `true` is never read as the number 1).
enum _ConfigJSON: Decodable {
    case null, bool(Bool), number(Double), string(String), array([_ConfigJSON]), object([String: _ConfigJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let b = try? c.decode(Bool.self) { self = .bool(b) } else if let x = try? c.decode(Double.self) {
            self = .number(x)
        } else if let s = try? c.decode(String.self) { self = .string(s) } else if let a = try? c.decode([_ConfigJSON].self) {
            self = .array(a)
        } else { self = .object(try c.decode([String: _ConfigJSON].self)) }
    }
}
