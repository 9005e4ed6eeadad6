import Foundation

/// One quarter's headline figures for the trend charts of the atlas and the quarterly index: the
/// ``NetworkSummary`` counts and the quarterly extras' "open gaps" (``GapExtras``) and "mean synergy"
/// (``SynergyExtras``) figures, as the index's trend table has them.
public struct AtlasTrendPoint: Sendable, Equatable {
    public var quarter: String
    public var actors: Int
    public var tiedPairs: Int
    public var density: Double
    public var openGaps: Double?
    public var meanSynergy: Double?

    public init(quarter: String, actors: Int, tiedPairs: Int, density: Double, openGaps: Double? = nil, meanSynergy: Double? = nil) {
        self.quarter = quarter
        self.actors = actors
        self.tiedPairs = tiedPairs
        self.density = density
        self.openGaps = openGaps
        self.meanSynergy = meanSynergy
    }

    /// The point of one row of the quarterly index (its extras' figures read by column name).
    public init(row: QuarterlyIndex.Row) {
        func figure(_ column: String) -> Double? { row.figures.first { $0.column == column }.flatMap { Double($0.value) } }
        self.init(quarter: row.quarter, actors: row.actors, tiedPairs: row.tiedPairs, density: row.density,
                  openGaps: figure("open gaps"), meanSynergy: figure("mean synergy"))
    }
}

/// Small line charts of the trend (actors, tied pairs, density, open gaps, mean synergy by quarter),
/// written as inline SVG: no script, no external file, so they show in the atlas, in the quarterly index
/// and on paper alike. Every text in them is escaped with ``HTMLText``.
public enum AtlasTrendCharts {
    /// One `<figure>` per measure that has a value in at least one quarter, inside `<div class="trends">`;
    /// empty when there are fewer than two quarters.
    public static func html(_ points: [AtlasTrendPoint]) -> String {
        guard points.count >= 2 else { return "" }
        let series: [(String, (AtlasTrendPoint) -> Double?, Int)] = [
            ("Actors", { Double($0.actors) }, 0),
            ("Tied pairs", { Double($0.tiedPairs) }, 0),
            ("Density", { $0.density }, 3),
            ("Open gaps", { $0.openGaps }, 0),
            ("Mean synergy of ties", { $0.meanSynergy }, 3),
        ]
        var out = "<div class=\"trends\">\n"
        for (title, value, digits) in series {
            let values = points.map(value)
            guard values.contains(where: { $0 != nil }) else { continue }
            out += chart(title: title, quarters: points.map(\.quarter), values: values, digits: digits)
        }
        return out + "</div>\n"
    }

    /// One chart: a polyline over the quarters (gaps where a quarter has no value), the first and last
    /// quarter on the axis, and the last value and the range in the caption.
    static func chart(title: String, quarters: [String], values: [Double?], digits: Int) -> String {
        let w = 240.0, h = 90.0, left = 6.0, right = 6.0, top = 8.0, bottom = 18.0
        let present = values.compactMap { $0 }
        let lo = present.min() ?? 0, hi = present.max() ?? 0
        let span = hi - lo
        func x(_ i: Int) -> Double { quarters.count > 1 ? left + (w - left - right) * Double(i) / Double(quarters.count - 1) : w / 2 }
        func y(_ v: Double) -> Double { span > 0 ? top + (h - top - bottom) * (1 - (v - lo) / span) : (h - bottom + top) / 2 }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        func shown(_ v: Double) -> String { String(format: "%.\(digits)f", v) }
        var runs: [[(Double, Double)]] = [[]]
        for (i, v) in values.enumerated() {
            if let v { runs[runs.count - 1].append((x(i), y(v))) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        let last = values.last(where: { $0 != nil }).flatMap { $0 }
        let lastQuarter = Array(zip(quarters, values)).last { $0.1 != nil }?.0 ?? ""
        let summary = "\(title): \(last.map(shown) ?? "–") in \(lastQuarter); from \(shown(lo)) to \(shown(hi)) over \(quarters.first ?? "")–\(quarters.last ?? "")"
        var svg = "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\" aria-label=\"\(HTMLText.escape(summary))\">"
        svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(h - bottom))\" x2=\"\(f(w - right))\" y2=\"\(f(h - bottom))\"/>"
        for run in runs where !run.isEmpty {
            svg += "<polyline class=\"line\" points=\"" + run.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ") + "\"/>"
        }
        for (i, v) in values.enumerated() {
            guard let v else { continue }
            svg += "<circle class=\"pt\" cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"2.2\"><title>\(HTMLText.escape("\(quarters[i]): \(shown(v))"))</title></circle>"
        }
        svg += "<text x=\"\(f(left))\" y=\"\(f(h - 4))\">\(HTMLText.escape(quarters.first ?? ""))</text>"
        svg += "<text x=\"\(f(w - right))\" y=\"\(f(h - 4))\" text-anchor=\"end\">\(HTMLText.escape(quarters.last ?? ""))</text>"
        svg += "</svg>"
        let caption = "\(title): <b>\(HTMLText.escape(last.map(shown) ?? "–"))</b> <small>(\(HTMLText.escape(shown(lo)))–\(HTMLText.escape(shown(hi))))</small>"
        return "<figure>\(svg)<figcaption>\(caption)</figcaption></figure>\n"
    }

    /// Styles for the charts in pages without the atlas's stylesheet (the quarterly index).
    public static let style = """
        .trends { display: grid; grid-template-columns: repeat(auto-fill, minmax(15em, 1fr)); gap: .8em; margin: 0 0 1.5em; }
        .trends figure { margin: 0; border: 1px solid #d5dae1; border-radius: 8px; padding: .4em .6em; }
        .trends figcaption { font-size: .9em; }
        .trends svg { width: 100%; height: auto; }
        .trends .line { fill: none; stroke: #0072b2; stroke-width: 2; }
        .trends .pt { fill: #0072b2; }
        .trends .axis { stroke: #d5dae1; }
        .trends text { font-size: 10px; fill: #5a6472; }
        """
}

/// The trend of a whole network for `report --trends`: every quarter the data covers, measured as the
/// quarterly batch measures it (``QuarterSnapshot``, ``GapExtras``, ``SynergyExtras``).
public enum AtlasTrend {
    /// Why the trend cannot be made.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func points(network: Network, filter: ViewFilter, showAllNames: Bool = false) throws(Failure) -> [AtlasTrendPoint] {
        let range: QuarterRange
        do { range = try QuarterRange.resolve(for: network) } catch { throw Failure(description: error.description) }
        let gaps = GapExtras(), synergy = SynergyExtras()
        var out: [AtlasTrendPoint] = []
        for q in range.quarters {
            let snapshot: QuarterSnapshot
            do { snapshot = try QuarterSnapshot(network: network, quarter: q, filter: filter, showAllNames: showAllNames) } catch {
                throw Failure(description: error.description)
            }
            let figures = gaps.trendFigures(for: snapshot) + synergy.trendFigures(for: snapshot)
            func figure(_ column: String) -> Double? { figures.first { $0.column == column }.flatMap { Double($0.value) } }
            let s = snapshot.summary
            out.append(AtlasTrendPoint(quarter: q.description, actors: s.nodes, tiedPairs: s.edges, density: s.density,
                                       openGaps: figure("open gaps"), meanSynergy: figure("mean synergy")))
        }
        return out
    }
}
