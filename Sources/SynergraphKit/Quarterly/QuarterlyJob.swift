import Foundation
import Synchronization

/// What draws and lays out maps for the batch. The Graphviz facade (`GraphvizRenderer`) is the
/// implementation; the engine does not call Graphviz itself.
public protocol QuarterlyMapRenderer: Sendable {
    /// What decides how a document is drawn besides the document (library and drawing-rule versions);
    /// part of every quarter's content hash.
    var identity: String { get }
    /// Lays out `doc` and returns its node and legend positions and bounding box.
    func layoutPositions(of doc: MapDocument, timeout: Duration) throws -> MapLayoutPositions
    /// Lays out `doc` and returns what was drawn where (for ``LineLabelClearance``).
    func layoutGeometry(of doc: MapDocument, timeout: Duration) throws -> MapGeometry
    /// Draws `doc` into `url` atomically (a temporary file renamed into place).
    func writeMap(_ doc: MapDocument, to url: URL, format: MapFormat, timeout: Duration) throws
}

extension QuarterlyMapRenderer {
    /// The SVG of `doc`, for the quarter's atlas when the batch draws no SVG file: drawn into a temporary
    /// file in `folder` (with ``writeMap(_:to:format:timeout:)``) and read back.
    func svgText(of doc: MapDocument, near folder: URL, timeout: Duration) throws -> String {
        let url = folder.appendingPathComponent(".atlas-map.svg.tmp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try writeMap(doc, to: url, format: .svg, timeout: timeout)
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}

/// How a quarterly batch runs.
public struct QuarterlyOptions: Sendable {
    /// What each quarter's view keeps; its window is replaced by each quarter's.
    public var filter: ViewFilter
    /// First and last quarter (nil: from the data; see ``QuarterRange/resolve(for:from:to:)``).
    public var from: Quarter?
    public var to: Quarter?
    /// Map formats drawn for every quarter.
    public var formats: [MapFormat]
    /// Seed of the shared neato layout.
    public var seed: Int
    /// Longest time one layout or drawing may take (every render runs in a worker process with it).
    public var timeout: Duration
    /// Quarters drawn at the same time.
    public var jobs: Int
    /// Redo every quarter, whatever the batch manifest says.
    public var force: Bool
    /// Name experts who have not consented (internal use only).
    public var showAllNames: Bool
    /// Risers and fallers listed per measure.
    public var top: Int
    /// Extra sections, diff lines and trend figures (none by default).
    public var extras: [any QuarterExtras]
    /// Write each quarter's partner atlas (`<quarter>/report.html`, ``AtlasPage``).
    public var atlas: Bool
    /// Also draw each quarter's overview, one circle per group (`<quarter>/overview.*`, ``AggregateMapBuilder``).
    public var overview: MapClusterBy?
    /// Also draw each quarter's geographic map (`<quarter>/geo.*`, ``GeoLayout``).
    public var geo: Bool

    public init(filter: ViewFilter = ViewFilter(), from: Quarter? = nil, to: Quarter? = nil, formats: [MapFormat] = [.svg, .png],
                seed: Int = 1, timeout: Duration = .seconds(120), jobs: Int = 2, force: Bool = false, showAllNames: Bool = false,
                top: Int = 5, extras: [any QuarterExtras] = [], atlas: Bool = true, overview: MapClusterBy? = nil, geo: Bool = false) {
        self.atlas = atlas
        self.overview = overview
        self.geo = geo
        self.filter = filter
        self.from = from
        self.to = to
        self.formats = formats
        self.seed = seed
        self.timeout = timeout
        self.jobs = jobs
        self.force = force
        self.showAllNames = showAllNames
        self.top = top
        self.extras = extras
    }
}

/// What happened to one quarter.
public enum QuarterOutcome: Sendable, Equatable {
    /// Its files were (re)written.
    case written
    /// Its recorded hash matched and its files were all there: nothing was written.
    case skipped
    /// Something failed; the message says what. Its hash is not recorded, so the next run retries it.
    case failed(String)
}

/// Progress of a batch, for a progress bar or a log.
public enum QuarterlyEvent: Sendable {
    /// A network's quarters are known: `total` quarters, of which `toDraw` need drawing.
    case started(network: String, total: Int, toDraw: Int)
    case quarterFinished(network: String, quarter: Quarter, outcome: QuarterOutcome)
}

/// The result of one network's batch.
public struct QuarterlyResult: Sendable {
    public var network: String
    /// The network's output folder, when it got that far.
    public var folder: URL?
    public var outcomes: [(quarter: Quarter, outcome: QuarterOutcome)]
    /// Failures that stopped the whole network (its range, views, layout or folder).
    public var failure: String?

    public var written: Int { outcomes.filter { $0.outcome == .written }.count }
    public var skipped: Int { outcomes.filter { $0.outcome == .skipped }.count }
    public var failedQuarters: [(quarter: Quarter, message: String)] {
        outcomes.compactMap { if case .failed(let m) = $0.outcome { return ($0.quarter, m) } else { return nil } }
    }
    public var succeeded: Bool { failure == nil && failedQuarters.isEmpty }
}

/// One network's quarterly batch: for every quarter, the map (SVG and PNG, on the shared layout),
/// the metrics (CSV and JSON), a summary, and the diff against the quarter before; then the index.
///
/// Output, under `<out>/<network>/`:
///
/// | file | what |
/// | --- | --- |
/// | `<quarter>/map.svg`, `map.png` | the quarter's map, every actor at its place in the shared layout |
/// | `<quarter>/overview.svg`, `.png` | with ``QuarterlyOptions/overview``: the quarter's overview, one circle per group (its own layout) |
/// | `<quarter>/geo.svg`, `.png` | with ``QuarterlyOptions/geo``: the quarter's geographic map (``GeoLayout``) |
/// | `<quarter>/metrics.csv`, `metrics.json` | ``MetricsReport`` of the quarter, every metric |
/// | `<quarter>/summary.json` | ``NetworkSummary`` of the quarter |
/// | `<quarter>/diff.json`, `diff.md` | ``QuarterDiff`` against the previous calendar quarter |
/// | `<quarter>/<id>.md`, `<id>.json` | sections added by ``QuarterExtras`` |
/// | `index.md`, `index.html`, `trend.csv` | ``QuarterlyIndex`` |
/// | `layout.json` | the shared layout (``StableLayout``), keyed by the union document's hash |
/// | `.synergraph-batch.json` | ``BatchManifest``: each finished quarter's content hash and files |
///
/// Every file is written atomically (a temporary file renamed into place) and only when its bytes
/// change; a quarter is recorded in the manifest after all its files are written. A run killed at
/// any moment leaves every file complete or absent (and some hidden temporary files, removed by the
/// next run), and the next run finishes the rest with the same bytes as an uninterrupted run.
/// A lock (`.synergraph-batch.lock`, `flock`) keeps two runs out of one folder.
///
/// Drawing runs `jobs` quarters at a time; every render has a time limit, so it runs in a worker
/// process that a crash or hang cannot carry over to this one. A quarter that fails is reported and
/// the others go on.
public struct QuarterlyJob: Sendable {
    public let network: Network
    public let outputRoot: URL
    public let options: QuarterlyOptions
    public let renderer: any QuarterlyMapRenderer

    public init(network: Network, outputRoot: URL, options: QuarterlyOptions, renderer: any QuarterlyMapRenderer) {
        self.network = network
        self.outputRoot = outputRoot
        self.options = options
        self.renderer = renderer
    }

    /// The network's output folder.
    public var folder: URL { outputRoot.appendingPathComponent(network.manifest.name) }

    /// Everything one quarter writes, computed before anything is drawn.
    struct Plan: Sendable {
        var quarter: Quarter
        var snapshot: QuarterSnapshot
        var diff: QuarterDiff
        var map: MapDocument?
        /// (path relative to the folder, contents)
        var texts: [(String, String)]
        var maps: [(String, MapFormat)]
        /// The overview and geographic maps (with their options), each drawn in every format: (file stem, document).
        var otherMaps: [(String, MapDocument)] = []
        /// The quarter's partner atlas (`<quarter>/report.html`), drawn around its map once the map is drawn.
        var atlas: AtlasData?
        var hash: String
        var files: [String] {
            texts.map(\.0) + maps.map(\.0) + otherFiles.map(\.path) + (atlas == nil ? [] : [quarter.description + "/" + Self.atlasName])
        }
        /// Every file of ``otherMaps``: (path, format, document).
        var otherFiles: [(path: String, format: MapFormat, doc: MapDocument)] {
            otherMaps.flatMap { stem, doc in formats.map { (quarter.description + "/" + stem + "." + $0.rawValue, $0, doc) } }
        }
        var formats: [MapFormat] = []
        static let atlasName = "report.html"

    }

    struct Failure: Error { var message: String }

    /// Runs the batch for this network.
    public func run(progress: @escaping @Sendable (QuarterlyEvent) -> Void = { _ in }) -> QuarterlyResult {
        let name = network.manifest.name
        var result = QuarterlyResult(network: name, folder: nil, outcomes: [], failure: nil)
        let range: QuarterRange
        do {
            range = try QuarterRange.resolve(for: network, from: options.from, to: options.to)
        } catch {
            result.failure = error.description
            return result
        }
        // The name comes from the data: it must name a folder inside the output root, and that folder
        // must not hold an input of this run (Docs/hardening.md).
        do {
            _ = try OutputLocation.networkFolder(name, in: outputRoot)
        } catch {
            result.failure = error.description
            return result
        }
        if let conflict = ProtectedInputs.conflict(writing: folder) {
            result.failure = "refusing to write \(folder.path): \(conflict)"
            return result
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            result.failure = "cannot create \(folder.path): \(error.localizedDescription)"
            return result
        }
        result.folder = folder
        guard let lock = FolderLock(folder.appendingPathComponent(".synergraph-batch.lock")) else {
            result.failure = "another quarterly run is writing \(folder.path); wait for it to finish"
            return result
        }
        defer { lock.release() }
        Self.removeStaleTemporaryFiles(in: folder)

        let plans: [Plan]
        do {
            plans = try makePlans(range)
        } catch let failure as Failure {
            result.failure = failure.message
            return result
        } catch {
            result.failure = "\(error)"
            return result
        }

        let recorded = options.force ? nil : BatchManifest.read(from: folder)
        var manifest = BatchManifest.read(from: folder) ?? BatchManifest(network: name)
        manifest.network = name
        var drawing: [Int] = []
        var outcomes = [QuarterOutcome?](repeating: nil, count: plans.count)
        for (i, plan) in plans.enumerated() {
            if let recorded, recorded.isCurrent(plan.quarter.description, hash: plan.hash, in: folder) {
                outcomes[i] = .skipped
            } else {
                drawing.append(i)
            }
        }
        progress(.started(network: name, total: plans.count, toDraw: drawing.count))
        for (i, plan) in plans.enumerated() where outcomes[i] == .skipped {
            progress(.quarterFinished(network: name, quarter: plan.quarter, outcome: .skipped))
        }

        // Draw, `jobs` quarters at a time; record each quarter once all its files are written.
        let toDraw = drawing
        let shared = Mutex((next: 0, manifest: manifest, outcomes: outcomes))
        let folder = self.folder
        let workers = max(1, min(options.jobs, toDraw.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let k: Int = shared.withLock { s in
                    defer { s.next += 1 }
                    return s.next
                }
                guard k < toDraw.count else { return }
                let plan = plans[toDraw[k]]
                let outcome: QuarterOutcome
                do {
                    try write(plan)
                    outcome = .written
                } catch let failure as Failure {
                    outcome = .failed(failure.message)
                } catch {
                    outcome = .failed("\(error)")
                }
                let recordFailure: String? = shared.withLock { s in
                    s.outcomes[toDraw[k]] = outcome
                    guard outcome == .written else { return nil }
                    s.manifest.quarters[plan.quarter.description] = BatchManifest.Record(hash: plan.hash, files: plan.files)
                    do {
                        try QuietWrite.write(try s.manifest.text(), to: folder.appendingPathComponent(BatchManifest.fileName))
                        return nil
                    } catch {
                        return "cannot record the quarter: \(error)"
                    }
                }
                let final = recordFailure.map { QuarterOutcome.failed($0) } ?? outcome
                if let recordFailure { shared.withLock { $0.outcomes[toDraw[k]] = .failed(recordFailure) } }
                progress(.quarterFinished(network: name, quarter: plan.quarter, outcome: final))
            }
        }
        let finalOutcomes = shared.withLock { $0.outcomes }
        result.outcomes = zip(plans, finalOutcomes).map { ($0.quarter, $1 ?? .failed("not drawn")) }

        // The index, from every quarter (failed ones marked).
        do {
            let index = makeIndex(range: range, plans: plans, outcomes: result.outcomes.map(\.outcome))
            try QuietWrite.write(index.markdown(), to: folder.appendingPathComponent("index.md"))
            try QuietWrite.write(index.html(), to: folder.appendingPathComponent("index.html"))
            try QuietWrite.write(index.trendCSV(), to: folder.appendingPathComponent("trend.csv"))
        } catch {
            result.failure = "cannot write the index: \(error)"
        }
        return result
    }

    // MARK: Planning

    /// Measures every quarter (and the one before the first, for its diff), lays out the union and
    /// prepares every quarter's files and hash.
    func makePlans(_ range: QuarterRange) throws -> [Plan] {
        let quarters = range.quarters
        var snapshots: [QuarterSnapshot] = []
        do {
            for q in [range.first.previous] + quarters {
                snapshots.append(try QuarterSnapshot(network: network, quarter: q, filter: options.filter, showAllNames: options.showAllNames))
            }
        } catch {
            throw Failure(message: error.description)
        }
        let title = network.manifest.title ?? network.manifest.name
        let mapOptions = MapOptions(layout: .neato, seed: options.seed, showAllNames: options.showAllNames)
        var docs: [MapDocument] = []
        for s in snapshots.dropFirst() {
            var o = mapOptions
            o.title = "\(title) — \(s.quarter)"
            var doc = NetworkMapBuilder.build(view: s.view, options: o)
            doc.caption += " · places shared by all maps \(range)"
            docs.append(doc)
        }

        // What every quarter writes besides its map, and its diff (which also says what its map marks as new).
        var texts: [[(String, String)]] = []
        var diffs: [QuarterDiff] = []
        for (i, q) in quarters.enumerated() {
            let previous = snapshots[i], current = snapshots[i + 1]
            let dir = q.description + "/"
            var files: [(String, String)] = []
            let rows = current.metrics.rowOrder(top: nil, by: nil)
            files.append((dir + "metrics.csv", current.metrics.csv(rows: rows)))
            files.append((dir + "metrics.json", current.metrics.json(rows: rows)))
            files.append((dir + "summary.json", try current.summary.json() + "\n"))
            var extraLines: [QuarterDiffLine] = []
            for extra in options.extras {
                for section in extra.sections(for: current) {
                    guard section.hasValidID else {
                        throw Failure(message: "the extra '\(extra.identity)' names a section '\(section.id)'; use lowercase letters, digits and '-', and not map, metrics, summary or diff")
                    }
                    files.append((dir + section.id + ".md", section.markdown))
                    if let json = section.json { files.append((dir + section.id + ".json", json)) }
                }
                extraLines += extra.diffLines(from: previous, to: current)
            }
            let diff = QuarterDiff(from: previous, to: current, top: options.top, extras: extraLines)
            files.append((dir + "diff.json", try diff.json()))
            files.append((dir + "diff.md", diff.markdown(title: title)))
            let names = files.map(\.0)
            guard Set(names).count == names.count else { throw Failure(message: "two extras write the same file in \(q)") }
            texts.append(files)
            diffs.append(diff)
        }

        // The shared layout. Its legend has room for the "new" entries any quarter after the first shows.
        var unionFilter = options.filter
        unionFilter.window = range.window
        let unionView: NetworkView
        do { unionView = try NetworkView(network, filter: unionFilter) } catch { throw Failure(message: error.description) }
        var union = StableLayout.unionDocument(unionView: unionView, quarterDocuments: docs, options: mapOptions)
        let later = diffs.dropFirst()
        union.legend = NewSinceMarking.legend(union.legend, with: NewSinceMarking.legendEntries(
            actors: later.contains { !$0.actorsGained.isEmpty }, ties: later.contains { !$0.tiesGained.isEmpty }))
        let positions = try sharedPositions(union)

        // Each quarter's trend runs from the first quarter to it (so a later run adding quarters leaves it alone).
        var trend: [AtlasTrendPoint] = []
        var trends: [[AtlasTrendPoint]] = []
        for i in quarters.indices {
            let s = snapshots[i + 1]
            let row = QuarterlyIndex.Row(quarter: s.quarter.description, actors: s.summary.nodes, tiedPairs: s.summary.edges, density: s.summary.density,
                                         components: s.summary.components, topBroker: nil, diff: diffs[i], files: [],
                                         figures: options.extras.flatMap { $0.trendFigures(for: s) }, failure: nil)
            trend.append(AtlasTrendPoint(row: row))
            trends.append(trend)
        }

        var plans: [Plan] = []
        for (i, q) in quarters.enumerated() {
            var map: MapDocument?
            if let positions {
                do { map = try StableLayout.pin(docs[i], to: positions, union: union) } catch { throw Failure(message: error.description) }
                // Every map but the first marks what is new since the quarter before.
                map = map.map { i == 0 ? NewSinceMarking.unmarked($0) : NewSinceMarking.mark($0, diff: diffs[i]) }
            }
            let maps = map == nil ? [] : options.formats.map { (q.description + "/map." + $0.rawValue, $0) }
            let atlas = options.atlas && map != nil
                ? AtlasData(view: snapshots[i + 1].view, map: map, options: AtlasData.Options(showAllNames: options.showAllNames, asOf: q.lastDay),
                            trend: trends[i])
                : nil
            let others = try otherMaps(for: snapshots[i + 1], title: title)
            var hashed = texts[i]
            if let atlas { hashed.append((Plan.atlasName, atlas.fingerprint)) }
            for (stem, doc) in others { hashed.append((stem, String(reflecting: doc))) }
            let hash = BatchManifest.hash(
                programVersion: SynergraphVersion.current + "; " + renderer.identity, formats: options.formats, extras: options.extras.map(\.identity),
                map: map, texts: hashed)
            plans.append(Plan(quarter: q, snapshot: snapshots[i + 1], diff: diffs[i], map: map, texts: texts[i], maps: maps, otherMaps: others,
                              atlas: atlas, hash: hash, formats: options.formats))
        }
        return plans
    }

    /// The quarter's overview (laid out on its own: the groups change from quarter to quarter) and
    /// geographic map, as the options ask; the same documents as `render --quarter Q --aggregate GROUP`
    /// and `render --quarter Q --layout geo`.
    func otherMaps(for snapshot: QuarterSnapshot, title: String) throws -> [(String, MapDocument)] {
        var out: [(String, MapDocument)] = []
        guard snapshot.view.vertexCount > 0 else { return out }
        if let by = options.overview {
            var o = MapOptions(seed: options.seed, showAllNames: options.showAllNames)
            o.title = "\(title) — \(snapshot.quarter) — by \(by.rawValue)"
            let aggregate = AggregateMapBuilder.build(view: snapshot.view, by: by, options: o)
            do {
                out.append(("overview", try aggregate.laidOut(positions: { try renderer.layoutPositions(of: $0, timeout: options.timeout) },
                                                              geometry: { try renderer.layoutGeometry(of: $0, timeout: options.timeout) })))
            } catch {
                throw Failure(message: "\(snapshot.quarter): the overview's layout failed: \(error)")
            }
        }
        if options.geo {
            var o = MapOptions(labels: .top(12), showAllNames: options.showAllNames)
            o.title = "\(title) — \(snapshot.quarter)"
            out.append(("geo", GeoLayout.pin(NetworkMapBuilder.build(view: snapshot.view, options: o), view: snapshot.view).document))
        }
        return out
    }

    /// The union's layout: from `layout.json` when it was made from the same union document,
    /// otherwise from Graphviz (and cached). Nil when the union has no actor (nothing to draw).
    func sharedPositions(_ union: MapDocument) throws -> MapLayoutPositions? {
        guard !union.nodes.isEmpty else { return nil }
        let hash = StableLayout.hash(of: union)
        let url = folder.appendingPathComponent(CachedLayout.fileName)
        if !options.force, let cached = CachedLayout.read(url), cached.document == hash, let positions = cached.positions,
           Set(positions.nodes.keys) == Set(union.nodes.map(\.id)) {
            return positions
        }
        let positions: MapLayoutPositions
        do {
            positions = try renderer.layoutPositions(of: union, timeout: options.timeout)
        } catch {
            throw Failure(message: "the shared layout failed: \(error)")
        }
        do {
            try QuietWrite.write(try CachedLayout(document: hash, positions: positions).text(), to: url)
        } catch {
            throw Failure(message: "\(error)")
        }
        return positions
    }

    // MARK: Writing

    /// Writes one quarter's files: the texts first, then the maps.
    func write(_ plan: Plan) throws {
        for (path, text) in plan.texts {
            do { try QuietWrite.write(text, to: folder.appendingPathComponent(path)) } catch { throw Failure(message: "\(error)") }
        }
        for (path, format, doc) in plan.otherFiles {
            do {
                try renderer.writeMap(doc, to: folder.appendingPathComponent(path), format: format, timeout: options.timeout)
            } catch {
                throw Failure(message: "\(path): \(error)")
            }
        }
        guard let map = plan.map else { return }
        for (path, format) in plan.maps {
            do {
                try renderer.writeMap(map, to: folder.appendingPathComponent(path), format: format, timeout: options.timeout)
            } catch {
                throw Failure(message: "\(path): \(error)")
            }
        }
        guard let atlas = plan.atlas else { return }
        let path = plan.quarter.description + "/" + Plan.atlasName
        do {
            let svg: String
            if let drawn = plan.maps.first(where: { $0.1 == .svg }) {
                svg = String(decoding: try Data(contentsOf: folder.appendingPathComponent(drawn.0)), as: UTF8.self)
            } else {
                svg = try renderer.svgText(of: map, near: folder, timeout: options.timeout)
            }
            try QuietWrite.write(AtlasPage.html(data: atlas, mapSVG: svg), to: folder.appendingPathComponent(path))
        } catch {
            throw Failure(message: "\(path): \(error)")
        }
    }

    func makeIndex(range: QuarterRange, plans: [Plan], outcomes: [QuarterOutcome]) -> QuarterlyIndex {
        var unwindowed = options.filter
        unwindowed.window = DateWindow()
        var notes: [String] = []
        if let asOf = network.manifest.asOf { notes.append("Data as of \(asOf).") }
        if network.manifest.illustrative == true { notes.append("Illustrative data: not an official record.") }
        notes.append("A tie belongs to every quarter its dates overlap; an actor appears in a quarter when it has a tie or takes part in an activity in it. Every map places each actor where one shared layout of all quarters put it, so maps can be compared side by side.")
        let rows = zip(plans, outcomes).map { plan, outcome -> QuarterlyIndex.Row in
            let s = plan.snapshot.summary
            var failure: String?
            if case .failed(let m) = outcome { failure = m }
            let files = plan.files.filter { failure == nil || FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
            return QuarterlyIndex.Row(
                quarter: plan.quarter.description, actors: s.nodes, tiedPairs: s.edges, density: s.density, components: s.components,
                topBroker: plan.snapshot.topBroker?.name, diff: plan.diff, files: files,
                figures: options.extras.flatMap { $0.trendFigures(for: plan.snapshot) }, failure: failure)
        }
        return QuarterlyIndex(
            title: network.manifest.title ?? network.manifest.name, network: network.manifest.name, range: range.description,
            view: unwindowed.summary, notes: notes, rows: rows)
    }

    /// Removes the hidden temporary files an interrupted run left (`.<name>.tmp-…` from
    /// ``AtomicFile``, `.<name>.….tmp` from the Graphviz facade). Called with the folder lock held.
    static func removeStaleTemporaryFiles(in folder: URL) {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return }
        for case let url as URL in walker {
            let name = url.lastPathComponent
            if name.hasPrefix("."), name.contains(".tmp-") || name.hasSuffix(".tmp") {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }
}

/// An exclusive `flock` on a file, released on ``release()`` or when the process ends (also by SIGKILL).
final class FolderLock: Sendable {
    private let fd: Int32

    init?(_ url: URL) {
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
