import Foundation

/// The partner atlas: one self-contained HTML page per network view (Docs/atlas.md).
///
/// The page holds the map SVG as the Graphviz facade drew it (inline, so the script can reach its
/// nodes), the data blocks of ``AtlasData`` as `<script type="application/json">` elements, and the
/// script and stylesheet of `Atlas/Assets` (``AtlasAssets``). It makes no request of any kind: a
/// Content-Security-Policy `<meta>` allows no source but the page's own script, by its SHA-256 hash, so
/// even markup that slipped into the data could run nothing.
///
/// Escaping, by context: text and attribute values through ``HTMLText``; JSON inside `<script>` through
/// ``scriptJSON(_:)`` (`<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes, so no `</script>` or `<!--` can
/// appear); the SVG as the facade wrote it (its text is XML-escaped there), with its XML prolog and
/// comments removed.
public enum AtlasPage {
    /// The page for `data`, around `mapSVG` (the facade's SVG of the map the data was built with), or
    /// without a map when nil.
    public static func html(data: AtlasData, mapSVG: String?) -> String {
        let h = HTMLText.escape
        let core = data.core
        let script = AtlasAssets.script
        let csp = "default-src 'none'; script-src '\(cspHash(script))'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(h(csp))">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="\(h("synergraph " + SynergraphVersion.current))">
            <title>\(h(core.title)): partner atlas</title>
            <style>
            \(AtlasAssets.style)
            </style>
            </head>
            <body>
            <a class="skip" href="#side">Skip to the lists</a>
            <header class="top">
            <div class="titles">
            <h1>\(h(core.title))</h1>
            <p class="sub">\(h(subtitle(core)))</p>
            </div>
            <ul class="stats" aria-label="Headline figures">\(stats(core, gapCount: nil))</ul>
            <div class="search" role="search">
            <label class="sr-only" for="search">Find an actor by name, acronym, local name or id</label>
            <input id="search" type="search" autocomplete="off" placeholder="Find an actor… (press /)" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="search-results">
            <ul id="search-results" role="listbox" aria-label="Matching actors" hidden></ul>
            </div>
            <button type="button" class="btn" id="print">Print briefing</button>
            </header>
            <main class="atlas">
            <section id="map-pane" aria-label="Network map">
            <div class="map-tools" role="group" aria-label="Zoom">
            <button type="button" id="zoom-in" aria-label="Zoom in" title="Zoom in (+)">+</button>
            <button type="button" id="zoom-out" aria-label="Zoom out" title="Zoom out (−)">−</button>
            <button type="button" id="zoom-fit" aria-label="Fit the map to the screen" title="Fit to screen (0)">⤢</button>
            </div>
            <p class="map-hint" id="map-hint">Hover an actor to see its ties; click for details. Drag to move, wheel to zoom; with the map focused: arrows, + − and 0.</p>
            <div id="map-view" tabindex="0" aria-describedby="map-hint">

            """
        if let mapSVG { out += inlineSVG(mapSVG) } else { out += "<p class=\"empty\">No map: the view has no actor.</p>" }
        out += """

            </div>
            <p class="map-status" id="map-status" aria-hidden="true"></p>
            </section>
            <aside id="side" aria-label="Details and lists">
            <div role="tablist" aria-label="Atlas sections">
            \(tab("actor", "Actor", true))\(tab("gaps", "Gaps"))\(tab("intros", "Introductions"))\(tab("coverage", "Coverage"))\(tab("experts", "Experts"))\(tab("filters", "Filters"))\(tab("trends", "Trends"))
            </div>
            <div role="tabpanel" id="panel-actor" aria-labelledby="tab-actor" tabindex="0">
            <div id="actor-body" aria-live="polite"><h2>Pick an actor</h2><p>Click an actor on the map, find one with the search box, or follow a name in the lists. Its panel shows its partners, activities, what its measures mean, its best new partners and the gaps it is part of.</p></div>
            </div>
            <div role="tabpanel" id="panel-gaps" aria-labelledby="tab-gaps" tabindex="0" hidden>
            <h2>Gaps</h2><p class="dates" id="gap-count"></p>
            <ol class="cards" id="gap-list"></ol>
            </div>
            <div role="tabpanel" id="panel-intros" aria-labelledby="tab-intros" tabindex="0" hidden>
            <h2>Recommended introductions</h2><p class="dates">Untied pairs with the highest latent synergy; a click shows the pair (dashed line) and the partners they share.</p>
            <ol class="cards" id="intro-list"></ol>
            </div>
            <div role="tabpanel" id="panel-coverage" aria-labelledby="tab-coverage" tabindex="0" hidden>
            <h2>Coverage of the target countries</h2><p class="dates">Partner organisations per country and theme; a cell lists its organisations and experts.</p>
            <div id="coverage-body"></div>
            </div>
            <div role="tabpanel" id="panel-experts" aria-labelledby="tab-experts" tabindex="0" hidden>
            <h2>Expert finder</h2>
            <label class="row" for="expert-country">Country <select id="expert-country"><option value="">any country</option></select></label>
            <label class="row" for="expert-topic">Topic <select id="expert-topic"><option value="">any topic</option></select></label>
            <div id="expert-body" aria-live="polite"></div>
            </div>
            <div role="tabpanel" id="panel-filters" aria-labelledby="tab-filters" tabindex="0" hidden>
            <h2>Filters</h2><p class="counts" id="filter-counts" aria-live="polite"></p>
            <fieldset><legend>Kind</legend><div class="checks" id="filter-kinds"></div></fieldset>
            <fieldset><legend>Actors</legend>
            <label class="row" for="filter-country">Country <select id="filter-country"><option value="">all</option></select></label>
            <label class="row" for="filter-ea">Accomplishment <select id="filter-ea"><option value="">all</option></select></label>
            <label class="row" for="filter-sector">Sector <select id="filter-sector"><option value="">all</option></select></label>
            </fieldset>
            <fieldset><legend>Ties</legend>
            <label class="row" for="filter-tie">Tie kind <select id="filter-tie"><option value="">all</option></select></label>
            <label class="row" for="filter-quarter">Quarter <select id="filter-quarter"><option value="">all</option></select></label>
            </fieldset>
            <button type="button" class="btn" id="filter-reset">Show everything</button>
            </div>
            <div role="tabpanel" id="panel-trends" aria-labelledby="tab-trends" tabindex="0" hidden>
            <h2>Trends by quarter</h2>

            """
        let charts = AtlasTrendCharts.html(data.trend)
        out += charts.isEmpty
            ? "<p class=\"empty\">This atlas shows one view. The quarterly atlases (synergraph quarterly) and report --trends chart actors, tied pairs, density, open gaps and mean synergy over the quarters.</p>\n"
            : charts
        out += """
            </div>
            </aside>
            </main>
            <section class="print-only briefing" aria-hidden="true">
            \(briefing(data))
            </section>
            <footer class="foot">\(h(footer(core)))</footer>
            <div id="live" class="sr-only" aria-live="polite"></div>

            """
        out += "<script type=\"application/json\" id=\"atlas-data\">\(scriptJSON(data.coreJSON()))</script>\n"
        out += "<script type=\"application/json\" id=\"atlas-gaps\">\(scriptJSON(data.gapsJSON))</script>\n"
        out += "<script type=\"application/json\" id=\"atlas-synergy\">\(scriptJSON(data.synergyJSON))</script>\n"
        out += "<script type=\"application/json\" id=\"atlas-best\">\(scriptJSON(data.bestPartnersJSON))</script>\n"
        out += "<script type=\"application/json\" id=\"atlas-experts\">\(scriptJSON(data.expertsJSON))</script>\n"
        out += "<script>\(script)</script>\n</body>\n</html>\n"
        return out
    }

    static func tab(_ id: String, _ label: String, _ selected: Bool = false) -> String {
        "<button type=\"button\" role=\"tab\" id=\"tab-\(id)\" data-tab=\"\(id)\" aria-controls=\"panel-\(id)\" aria-selected=\"\(selected)\" tabindex=\"\(selected ? 0 : -1)\">\(label)</button>"
    }

    static func subtitle(_ core: AtlasData.Core) -> String {
        var s = "Partner atlas · \(core.view)"
        if let asOf = core.asOf { s += " · data as of \(asOf)" }
        if core.illustrative { s += " · illustrative data, not an official record" }
        return s
    }

    static func footer(_ core: AtlasData.Core) -> String {
        "Network \(core.network). Written by synergraph \(SynergraphVersion.current); works offline, no data leaves this file. Experts who have not consented to be named appear as Expert N."
    }

    static func stats(_ core: AtlasData.Core, gapCount: Int?) -> String {
        let pairs = core.edges.count
        var items = [("actors", core.actors.count), ("tied pairs", pairs), ("activities", core.activities.count)]
        if let gapCount { items.append(("gaps", gapCount)) }
        return items.map { "<li><b>\($0.1)</b>\($0.0)</li>" }.joined()
    }

    /// The print briefing: the ten most severe gaps and the ten best introductions.
    static func briefing(_ data: AtlasData) -> String {
        let h = HTMLText.escape
        var out = "<h2>Most severe gaps</h2>\n<ol>\n"
        for g in data.topGaps {
            out += "<li><b>\(h(g.title))</b> <span class=\"why\">(\(h(g.category.rawValue)), \(String(format: "%.2f", g.severity))) \(h(g.detail))"
            if let f = g.fillers.first {
                out += " — could be filled by \(h(f.partnerName.map { "\(f.name) ↔ \($0)" } ?? f.name))"
            }
            out += "</span></li>\n"
        }
        if data.topGaps.isEmpty { out += "<li>No gap found.</li>\n" }
        out += "</ol>\n<h2>Best introductions</h2>\n<ol>\n"
        for p in data.topIntroductions {
            out += "<li><b>\(h(p.a)) ↔ \(h(p.b))</b> (\(String(format: "%.2f", p.synergy))) <span class=\"why\">\(h(p.reason))</span></li>\n"
        }
        if data.topIntroductions.isEmpty { out += "<li>None proposed.</li>\n" }
        return out + "</ol>"
    }

    /// JSON made safe inside a `<script>` element: `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`
    /// (so neither `</script>` nor `<!--` can occur), and the line separators U+2028 and U+2029 escaped.
    /// These characters only occur inside JSON strings, where the escapes mean the same characters.
    public static func scriptJSON(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for u in json.unicodeScalars {
            switch u {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// The facade's SVG without what the page does not need: the XML declaration, the DOCTYPE, comments
    /// (Graphviz's generator line and node names) and the `<title>` elements of nodes and edges (their
    /// Graphviz names, which browsers would show as a second tooltip over the actor's own).
    public static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        var out = ""
        out.reserveCapacity(svg.utf8.count)
        var rest = svg[start.lowerBound...]
        var depth = 0
        while let open = rest.firstRange(of: "<") {
            out += rest[..<open.lowerBound]
            rest = rest[open.lowerBound...]
            if rest.hasPrefix("<!--") {
                guard let close = rest.firstRange(of: "-->") else { break }
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("<title>"), depth > 1, let close = rest.firstRange(of: "</title>") {
                rest = rest[close.upperBound...]
                if rest.hasPrefix("\n") { rest = rest.dropFirst() }
            } else {
                guard let end = rest.firstRange(of: ">") else { break }
                let tag = rest[..<end.upperBound]
                if tag.hasPrefix("<g") { depth += 1 } else if tag.hasPrefix("</g") { depth -= 1 }
                out += tag
                rest = rest[end.upperBound...]
            }
        }
        out += rest
        return out
    }

    /// `sha256-<base64>` of the script's UTF-8 bytes, as a CSP source.
    static func cspHash(_ text: String) -> String {
        let hex = Array(SHA256.hex(text).utf8)
        func nibble(_ c: UInt8) -> UInt8 { c <= UInt8(ascii: "9") ? c - UInt8(ascii: "0") : c - UInt8(ascii: "a") + 10 }
        let bytes = stride(from: 0, to: hex.count, by: 2).map { nibble(hex[$0]) << 4 | nibble(hex[$0 + 1]) }
        return "sha256-" + Data(bytes).base64EncodedString()
    }
}
