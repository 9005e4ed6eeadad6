/// The index of one network's quarterly batch, as Markdown (`index.md`), HTML (`index.html`) and a
/// trend table in CSV (`trend.csv`): the headline figures by quarter (actors, tied pairs, density,
/// components, top broker, plus the extras' figures), what changed in each quarter, and links to
/// every map and file.
///
/// All data is escaped: Markdown through `MarkdownText`, HTML through `HTMLText` (text and
/// attribute values alike). Links are relative paths the batch made (`2025Q3/map.svg`).
public struct QuarterlyIndex: Sendable {
    public struct Row: Sendable {
        public var quarter: String
        public var actors: Int
        public var tiedPairs: Int
        public var density: Double
        public var components: Int
        public var topBroker: String?
        public var diff: QuarterDiff
        /// Every file of the quarter, relative to the index.
        public var files: [String]
        public var figures: [QuarterFigure]
        /// Why the quarter's files could not all be written, if they could not.
        public var failure: String?
    }

    public var title: String
    public var network: String
    public var range: String
    /// What the view keeps (the filter's summary without the window).
    public var view: String
    public var notes: [String]
    public var rows: [Row]

    /// Columns the extras add (in the order of the first row that has them).
    var extraColumns: [String] {
        var out: [String] = []
        for r in rows { for f in r.figures where !out.contains(f.column) { out.append(f.column) } }
        return out
    }

    static func figure(_ row: Row, _ column: String) -> String { row.figures.first { $0.column == column }?.value ?? "" }
    static func density(_ v: Double) -> String { QuarterDiff.format(v, 4) }

    /// Short, plain-text lines on what changed (for the index; the full list is in the diff files).
    static func changeLines(_ d: QuarterDiff) -> [String] {
        func names(_ list: [QuarterDiff.Actor]) -> String {
            let shown = list.prefix(5).map(\.name).joined(separator: ", ")
            return list.count > 5 ? shown + " and \(list.count - 5) more" : shown
        }
        var lines: [String] = []
        lines.append("Actors \(d.actorsBefore) → \(d.actorsAfter); tied pairs \(d.tiedPairsBefore) → \(d.tiedPairsAfter) (+\(d.tiesGained.count) gained, −\(d.tiesLost.count) lost)")
        if !d.actorsGained.isEmpty { lines.append("Partners gained (\(d.actorsGained.count)): " + names(d.actorsGained)) }
        if !d.actorsLost.isEmpty { lines.append("Partners lost (\(d.actorsLost.count)): " + names(d.actorsLost)) }
        if let r = d.betweennessRisers.first { lines.append("Biggest riser by betweenness: \(r.actor.name) (\(QuarterDiff.signed(r.change, 4)))") }
        if let f = d.betweennessFallers.first { lines.append("Biggest faller by betweenness: \(f.actor.name) (\(QuarterDiff.signed(f.change, 4)))") }
        if let r = d.degreeRisers.first { lines.append("Biggest riser by degree: \(r.actor.name) (\(QuarterDiff.signed(r.change, 0)) partners)") }
        if let f = d.degreeFallers.first { lines.append("Biggest faller by degree: \(f.actor.name) (\(QuarterDiff.signed(f.change, 0)) partners)") }
        for line in d.extras.prefix(8) { lines.append("\(line.section): \(line.text)") }
        if d.extras.count > 8 { lines.append("… \(d.extras.count - 8) more lines in the diff") }
        return lines
    }

    // MARK: Markdown

    public func markdown() -> String {
        let e = MarkdownText.escape
        var out = "# \(e(title)): quarterly maps, metrics and changes\n\n"
        out += "Network `\(MarkdownText.code(network))`, quarters \(e(range)), view: \(e(view)).\n"
        for n in notes { out += "\n\(e(n))\n" }
        let extra = extraColumns
        out += "\n## Trend\n\n"
        out += "| quarter | actors | tied pairs | density | components | top broker |" + extra.map { " \(e($0)) |" }.joined() + " changes | files |\n"
        out += "| --- | ---: | ---: | ---: | ---: | --- |" + extra.map { _ in " ---: |" }.joined() + " --- | --- |\n"
        for r in rows {
            let links = r.files.map { "[\(e(Self.label($0)))](\($0))" }.joined(separator: " ")
            out += "| \(r.quarter) | \(r.actors) | \(r.tiedPairs) | \(Self.density(r.density)) | \(r.components) | \(e(r.topBroker ?? "—")) |"
            out += extra.map { " \(e(Self.figure(r, $0))) |" }.joined()
            out += " \(e(r.diff.headline)) | \(r.failure == nil ? links : "**failed** " + links) |\n"
        }
        out += "\n## What changed\n"
        for r in rows {
            out += "\n### \(r.quarter) (from \(r.diff.previous))\n\n"
            if let failure = r.failure { out += "- **Not all files were written:** \(e(failure))\n" }
            for line in Self.changeLines(r.diff) { out += "- \(e(line))\n" }
            out += "- Full list: [diff.md](\(r.quarter)/diff.md)\n"
        }
        return out
    }

    // MARK: HTML

    public func html() -> String {
        let h = HTMLText.escape
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(h(title)): quarterly</title>
            <style>
            body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; vertical-align: top; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            .failed { color: #b00020; font-weight: bold; }
            .gallery { display: flex; flex-wrap: wrap; gap: 1em; }
            .gallery figure { margin: 0; }
            .gallery img { width: 360px; border: 1px solid #ccc; }
            .latest { margin: 0 0 1.5em; }
            .latest img { max-width: 100%; max-height: 70vh; border: 1px solid #ccc; }
            \(AtlasTrendCharts.style)
            </style>
            </head>
            <body>

            """
        out += "<h1>\(h(title)): quarterly maps, metrics and changes</h1>\n"
        out += "<p>Network <code>\(h(network))</code>, quarters \(h(range)), view: \(h(view)).</p>\n"
        for n in notes { out += "<p>\(h(n))</p>\n" }
        let charts = AtlasTrendCharts.html(rows.map(AtlasTrendPoint.init(row:)))
        if !charts.isEmpty { out += "<h2>Trends</h2>\n" + charts }
        // The latest quarter's map, as a picture linking to its atlas.
        if let r = rows.last(where: { row in row.files.contains { $0.hasSuffix("/map.png") || $0.hasSuffix("/map.svg") } }) {
            let picture = r.files.first { $0.hasSuffix("/map.png") } ?? r.files.first { $0.hasSuffix("/map.svg") }!
            let target = r.files.first { $0.hasSuffix("/report.html") } ?? picture
            out += "<figure class=\"latest\"><a href=\"\(h(target))\"><img src=\"\(h(picture))\" alt=\"\(h("Map of \(title), \(r.quarter)"))\"></a>"
            out += "<figcaption>Latest map: \(h(r.quarter))"
            if target != picture { out += " · <a href=\"\(h(target))\">open the partner atlas</a> to search, filter and click through it" }
            out += "</figcaption></figure>\n"
        }
        let extra = extraColumns
        out += "<h2>Trend</h2>\n<table>\n<tr><th>quarter</th><th>actors</th><th>tied pairs</th><th>density</th><th>components</th><th>top broker</th>"
        out += extra.map { "<th>\(h($0))</th>" }.joined() + "<th>changes</th><th>files</th></tr>\n"
        for r in rows {
            out += "<tr><td>\(h(r.quarter))</td><td class=\"n\">\(r.actors)</td><td class=\"n\">\(r.tiedPairs)</td>"
            out += "<td class=\"n\">\(Self.density(r.density))</td><td class=\"n\">\(r.components)</td><td>\(h(r.topBroker ?? "—"))</td>"
            out += extra.map { "<td class=\"n\">\(h(Self.figure(r, $0)))</td>" }.joined()
            out += "<td>\(h(r.diff.headline))</td><td>"
            if r.failure != nil { out += "<span class=\"failed\">failed</span> " }
            out += r.files.map { "<a href=\"\(h($0))\">\(h(Self.label($0)))</a>" }.joined(separator: " ")
            out += "</td></tr>\n"
        }
        out += "</table>\n<h2>What changed</h2>\n"
        for r in rows {
            out += "<h3>\(h(r.quarter)) (from \(h(r.diff.previous)))</h3>\n<ul>\n"
            if let failure = r.failure { out += "<li class=\"failed\">Not all files were written: \(h(failure))</li>\n" }
            for line in Self.changeLines(r.diff) { out += "<li>\(h(line))</li>\n" }
            out += "<li>Full list: <a href=\"\(h(r.quarter))/diff.md\">diff.md</a></li>\n</ul>\n"
        }
        out += "<h2>Maps</h2>\n<div class=\"gallery\">\n"
        for r in rows {
            guard let png = r.files.first(where: { $0.hasSuffix("/map.png") }) else { continue }
            let svg = r.files.first { $0.hasSuffix("/map.svg") } ?? png
            out += "<figure><a href=\"\(h(svg))\"><img src=\"\(h(png))\" alt=\"\(h("Map of \(title), \(r.quarter)"))\" loading=\"lazy\"></a>"
            out += "<figcaption>\(h(r.quarter))</figcaption></figure>\n"
        }
        out += "</div>\n</body>\n</html>\n"
        return out
    }

    // MARK: CSV

    /// The trend table as CSV: `quarter,actors,tied_pairs,density,components,top_broker,...`.
    public func trendCSV() -> String {
        var out = (["quarter", "actors", "tied_pairs", "density", "components", "top_broker", "actors_gained", "actors_lost", "ties_gained", "ties_lost"]
            + extraColumns.map(CSVText.field)).joined(separator: ",") + "\n"
        for r in rows {
            let cells = [r.quarter, String(r.actors), String(r.tiedPairs), JSONText.number(r.density), String(r.components),
                         CSVText.field(r.topBroker ?? ""), String(r.diff.actorsGained.count), String(r.diff.actorsLost.count),
                         String(r.diff.tiesGained.count), String(r.diff.tiesLost.count)]
                + extraColumns.map { CSVText.field(Self.figure(r, $0)) }
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    /// A link's text: the file name (`map.svg`).
    static func label(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }
}
