import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite(.serialized) struct CLITests {
    let fixtures = CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/networks")

    @Test func validateCleanNetworkExitsZero() throws {
        let r = try CLIRunner.run(["validate", fixtures.appendingPathComponent("tiny").path])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("valid: 7 nodes, 6 ties, 1 activities, 2 participations; 0 warnings\n"))
    }

    @Test func validateBrokenNetworkListsProblemsAndExitsOne() throws {
        let path = fixtures.appendingPathComponent("broken").path
        let r = try CLIRunner.run(["validate", path])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 16)
        #expect(lines.contains("\(path)/nodes.csv:5:11: error: node 'c' has unknown kind 'spaceship'; use one of agency, school, cso, expert, government, other"))
        #expect(lines.last == "\(path): invalid: 15 errors, 0 warnings; nothing was loaded")
        let json = try CLIRunner.run(["validate", path, "--format", "json"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 15)
        #expect(object?["counts"] == nil)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLIRunner.run(["analyze", "--quarter", "2025Q9"]).status == 2)
        #expect(try CLIRunner.run(["analyze", "--no-such-flag"]).status == 2)
        #expect(try CLIRunner.run(["validate", "--format", "yaml"]).status == 2)
        let r = try CLIRunner.run(["analyze", "--since", "2025-13-01"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--since '2025-13-01' is not a date"))
    }

    /// Katz on the path a–b–c, worked by hand: x = (I − αA)⁻¹·1 gives x_a = x_c = (1+α)/(1−2α²) and
    /// x_b = (1+2α)/(1−2α²); at α = 0.5 that is (3, 4, 3), normalised by √34. λ_max = √2, so α = 0.8
    /// diverges: no values, and a note saying what to do.
    @Test func katzAlphaIsAnOption() throws {
        let out = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("path.csv")
        try Data("a,b\nb,c\n".utf8).write(to: file)
        let r = try CLIRunner.run(["metrics", file.path, "--metric", "katz", "--katz-alpha", "0.5", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let values = r.stdout.split(separator: "\n").dropFirst().map { Double($0.split(separator: ",").last!)! }
        for (v, x) in zip(values, [3.0, 4, 3]) { #expect(abs(v - x / 34.0.squareRoot()) < 1e-9) }
        let diverges = try CLIRunner.run(["metrics", file.path, "--metric", "katz", "--katz-alpha", "0.8", "--format", "json"])
        #expect(diverges.status == 0)
        #expect(diverges.stdout.contains("\"katz\": null"))
        #expect(diverges.stdout.contains("alpha 0.8 must be below 1/λ_max of this graph's adjacency matrix; pass a smaller --katz-alpha"))
        #expect(try CLIRunner.run(["metrics", file.path, "--katz-alpha", "0"]).status == 2)
    }

    @Test func analyzeAnUnreadablePathExitsOne() throws {
        let r = try CLIRunner.run(["analyze", "/nonexistent/network"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent/network: error: no such file or folder"))
    }

    /// The end-to-end job: the bundled network, its summary, and a map with one node element per actor.
    @Test func analyzeTheBundledNetworkWritesAValidMap() throws {
        let out = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLIRunner.run(["analyze", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Top 10 by degree"))
        #expect(r.stdout.contains("Top 10 by betweenness"))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any]
        let nodes = try #require(summary?["nodes"] as? Int)
        #expect((150...300).contains(nodes))
        // The digest: the planted single-broker gap first (Networks/unpog-asia-pacific/README.md), as in the text.
        let gaps = try #require(summary?["top_gaps"] as? [[String: Any]])
        #expect(gaps.count == 5)
        let first = try #require(gaps.first?["title"] as? String)
        #expect(first == "Bhutan is reached only through Royal Institute of Management (Bhutan)")
        #expect(r.stdout.contains("1. [single-broker] \(first)"))
        let introductions = try #require(summary?["top_introductions"] as? [[String: Any]])
        // The top five of each strategy, labelled.
        #expect(introductions.count == 10)
        #expect(introductions.map { $0["strategy"] as? String } == Array(repeating: "closure", count: 5) + Array(repeating: "bridging", count: 5))
        #expect(introductions.allSatisfy { ($0["synergy"] as? Double).map { (0...1).contains($0) } == true && $0["a_name"] is String })
        let json = try CLIRunner.run(["analyze", "--out", out.path, "--format", "json", "--no-map"])
        #expect(json.status == 0)
        #expect(json.stdout == (try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)))
        let svg = try Data(contentsOf: out.appendingPathComponent("map.svg"))
        let census = SVGCensus(svg)
        #expect(census.parsed)
        #expect(census.nodeGroups == nodes)
        #expect(Set(census.ids).count == nodes)
        #expect(census.legend)
        let dot = try String(contentsOf: out.appendingPathComponent("map.dot"), encoding: .utf8)
        #expect(dot.contains("graph"))
        // No leftovers of the atomic writes.
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["map.dot", "map.svg", "report.html", "summary.json"])
    }

    /// Above 300 actors `analyze` draws the overview (one circle per community, as `render` does) and says
    /// so; above 5,000 actors `report` refuses the atlas and names the flags that narrow the view.
    @Test func largeNetworksGetAnOverviewAndNoAtlasBeyondTheLimit() throws {
        let out = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        // 400 actors: a ring with chords (every actor has partners; communities form along the ring).
        var rows = ["source,target"]
        for i in 0..<400 { rows.append("a\(i),a\((i + 1) % 400)"); rows.append("a\(i),a\((i + 3) % 400)") }
        let edges = out.appendingPathComponent("ring.csv")
        try (rows.joined(separator: "\n") + "\n").write(to: edges, atomically: true, encoding: .utf8)
        let folder = out.appendingPathComponent("analysis")
        let r = try CLIRunner.run(["analyze", edges.path, "--out", folder.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("400 actors: the map is an overview, one circle per community"))
        let census = SVGCensus(try Data(contentsOf: folder.appendingPathComponent("map.svg")))
        #expect(census.parsed)
        #expect(census.nodeClasses.contains("group"))
        #expect(census.nodeGroups < 400)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))

        var big = ["source,target"]
        for i in 0..<5_001 { big.append("b\(i),b\((i + 1) % 5_001)") }
        let bigEdges = out.appendingPathComponent("big.csv")
        try (big.joined(separator: "\n") + "\n").write(to: bigEdges, atomically: true, encoding: .utf8)
        let refused = try CLIRunner.run(["report", bigEdges.path, "-o", out.appendingPathComponent("atlas.html").path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the atlas holds up to 5000 actors and this view has 5001; narrow it with --country"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("atlas.html").path))
    }

    @Test func analyzeNeverNamesExpertsWithoutConsent() throws {
        let out = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let nodesCSV = try String(contentsOf: CLIRunner.repository.appendingPathComponent("Networks/unpog-asia-pacific/nodes.csv"), encoding: .utf8)
        // Names of experts whose consent is "no" (the CSV's name column is the second; fictional names have no commas).
        let hidden = nodesCSV.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count > 8 && $0[2] == "expert" && $0[8] == "no" }.map { $0[1] }
        #expect(!hidden.isEmpty)
        let r = try CLIRunner.run(["analyze", "--out", out.path, "--list", "300"])
        #expect(r.status == 0)
        let everything = r.stdout + (try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8))
            + (try String(contentsOf: out.appendingPathComponent("map.dot"), encoding: .utf8))
            + (try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8))
        for name in hidden { #expect(!everything.contains(name), "leaked \(name)") }
    }
}

/// Counts what a map's SVG holds, by parsing it as XML.
final class SVGCensus: NSObject, XMLParserDelegate {
    private(set) var parsed = false
    private(set) var nodeGroups = 0
    private(set) var ids: [String] = []
    private(set) var legend = false
    /// Every class name of every node group.
    private(set) var nodeClasses: Set<String> = []
    /// The first shape (`ellipse` or `polygon`) of each node group, by the group's id.
    private(set) var nodeShapes: [String: NodeShape] = [:]
    /// The fill of each node's first label text (nil: Graphviz's default, black), by the group's id.
    private(set) var labelFills: [String: String?] = [:]
    private var currentNode: String?

    /// A node's shape: its fill and its centre in SVG coordinates (y down), from the ellipse's centre or
    /// the mean of the polygon's points.
    struct NodeShape: Equatable {
        var fill: String
        var x: Double
        var y: Double
    }

    init(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        parsed = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if let node = currentNode {
            switch name {
            case "ellipse" where nodeShapes[node] == nil:
                if let x = attributes["cx"].flatMap(Double.init), let y = attributes["cy"].flatMap(Double.init) {
                    nodeShapes[node] = NodeShape(fill: attributes["fill"] ?? "", x: x, y: y)
                }
            case "polygon" where nodeShapes[node] == nil:
                var numbers = (attributes["points"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
                // Graphviz closes a polygon by repeating its first point.
                if numbers.count >= 4, numbers.prefix(2) == numbers.suffix(2) { numbers.removeLast(2) }
                let count = Double(numbers.count / 2)
                if count > 0 {
                    // The mean of the corners: the centre of the symmetric shapes (boxes, hexagons, octagons).
                    let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
                    let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
                    nodeShapes[node] = NodeShape(fill: attributes["fill"] ?? "", x: xs.reduce(0, +) / count, y: ys.reduce(0, +) / count)
                }
            case "text" where labelFills[node] == nil:
                labelFills[node] = .some(attributes["fill"])
            default:
                break
            }
        }
        guard name == "g" else { return }
        let classes = (attributes["class"] ?? "").split(separator: " ")
        if ["node", "edge", "cluster", "graph"].contains(where: { classes.contains(Substring($0)) }) { currentNode = nil }
        if classes.contains("node") {
            if attributes["id"] == "legend" || classes.contains("legend") {
                legend = true
            } else {
                nodeGroups += 1
                nodeClasses.formUnion(classes_(attributes))
                if let id = attributes["id"] { ids.append(id) }
                currentNode = attributes["id"]
            }
        }
        if attributes["id"] == "legend" || classes.contains("legend") { legend = true }
    }

    private func classes_(_ attributes: [String: String]) -> [String] {
        (attributes["class"] ?? "").split(separator: " ").map(String.init)
    }
}

@Suite struct MetricsCommandTests {
    let tiny = CLIRunner.repository.appendingPathComponent("Tests/SynergraphKitTests/Fixtures/networks/tiny").path

    /// The JSON contract: exact key names, null for undefined values (tiri is isolated), never NaN.
    @Test func jsonContract() throws {
        let r = try CLIRunner.run(["metrics", tiny, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.range(of: #"[:\[,]\s*-?(nan|NaN|inf|Infinity)"#, options: .regularExpression) == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let graph = try #require(object["graph"] as? [String: Any])
        for key in ["nodes", "edges", "density", "components", "modularity", "articulation_points", "bridges"] {
            #expect(graph[key] != nil, "graph.\(key) missing")
        }
        #expect(graph["nodes"] as? Int == 7)
        #expect(graph["edges"] as? Int == 7)
        #expect(graph["components"] as? Int == 2)
        // Hand-checked (see SummaryTests): cut vertices U (cuts X2) and N (cuts X1); bridges X2–U and X1–N.
        #expect(graph["articulation_points"] as? [String] == ["unpog", "nasc"])
        #expect((graph["bridges"] as? [[String]])?.map { $0.sorted() }.sorted { $0[0] < $1[0] } == [["exp-1", "nasc"], ["expert-2", "unpog"]])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.count == 7)
        let keys = ["id", "kind", "degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "katz",
                    "clustering", "core_number", "constraint", "effective_size", "articulation_point", "community"]
        for node in nodes { for key in keys { #expect(node.keys.contains(key), "node key \(key) missing") } }
        let tiri = try #require(nodes.first { $0["id"] as? String == "tiri" })
        #expect(tiri["constraint"] is NSNull)
        #expect(tiri["effective_size"] is NSNull)
        #expect(tiri["degree"] as? Int == 0)
        let unpog = try #require(nodes.first { $0["id"] as? String == "unpog" })
        #expect(abs((unpog["betweenness"] as? Double ?? 0) - 1.0 / 3.0) < 1e-12)
        #expect(unpog["articulation_point"] as? Bool == true)
        #expect(!r.stdout.contains("Secret Person"))
    }

    @Test func topByMetricAndCSV() throws {
        let r = try CLIRunner.run(["metrics", tiny, "--metric", "degree,betweenness", "--top", "2", "--by", "degree", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout == "id,kind,name,degree,betweenness\nunpog,agency,UN Project Office on Governance,4,0.3333333333333333\nnasc,school,Nepal Administrative Staff College,3,0.26666666666666666\n")
    }

    @Test func badMetricRequestsAreUsageErrors() throws {
        let unknown = try CLIRunner.run(["metrics", tiny, "--metric", "fame"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown metric 'fame'"))
        let notComputed = try CLIRunner.run(["metrics", tiny, "--metric", "degree", "--by", "pagerank", "--top", "3"])
        #expect(notComputed.status == 2)
        #expect(notComputed.stderr.contains("--by pagerank is not among the metrics computed"))
    }

    @Test func readsAPlainEdgeList() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("star.csv")
        try Data("hub,a\nhub,b\nhub,c\n".utf8).write(to: file)
        let r = try CLIRunner.run(["metrics", file.path, "--metric", "degree", "betweenness", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout == "id,kind,name,degree,betweenness\nhub,other,hub,3,1\na,other,a,1,0\nb,other,b,1,0\nc,other,c,1,0\n")
    }

    /// `--metric pagerank` computes PageRank and the linear figures only: every graph key stays, the costly
    /// figures are null, a note says how to ask for them, and `--figures` brings them back unchanged.
    @Test func computesOnlyWhatIsAsked() throws {
        let r = try CLIRunner.run(["metrics", tiny, "--metric", "pagerank", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let graph = try #require(object["graph"] as? [String: Any])
        for key in ["nodes", "edges", "density", "components", "largest_component", "average_clustering", "transitivity",
                    "degree_assortativity", "kind_assortativity", "diameter", "average_path_length", "communities",
                    "modularity", "articulation_points", "bridges"] {
            #expect(graph.keys.contains(key), "graph.\(key) missing")
        }
        for key in ["average_clustering", "transitivity", "diameter", "average_path_length", "communities", "modularity",
                    "articulation_points", "bridges"] {
            #expect(graph[key] is NSNull, "graph.\(key) should be null")
        }
        #expect(graph["components"] as? Int == 2)
        let notes = try #require(object["notes"] as? [String])
        #expect(notes.contains { $0.contains("not computed (null)") && $0.contains("--figures") })

        let all = try CLIRunner.run(["metrics", tiny, "--format", "json"])
        let full = try CLIRunner.run(["metrics", tiny, "--metric", "pagerank", "--figures", "all", "--format", "json"])
        #expect(full.status == 0)
        let a = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])["graph"] as? [String: Any]
        let f = try #require(try JSONSerialization.jsonObject(with: Data(full.stdout.utf8)) as? [String: Any])["graph"] as? [String: Any]
        #expect(f?["modularity"] as? Double == a?["modularity"] as? Double)
        #expect(f?["articulation_points"] as? [String] == ["unpog", "nasc"])
        // A metric that shares work brings its own figures: community → communities and modularity.
        let community = try CLIRunner.run(["metrics", tiny, "--metric", "community", "--format", "json"])
        let c = try #require(try JSONSerialization.jsonObject(with: Data(community.stdout.utf8)) as? [String: Any])["graph"] as? [String: Any]
        #expect(c?["modularity"] as? Double == a?["modularity"] as? Double)
        #expect(c?["diameter"] is NSNull)
        let bad = try CLIRunner.run(["metrics", tiny, "--figures", "everything"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown figure group 'everything'"))
    }

    /// `--epsilon`: sampled betweenness within ε of the exact values, with a note; bad values are usage errors.
    @Test func approximateBetweenness() throws {
        let exact = try CLIRunner.run(["metrics", tiny, "--metric", "betweenness", "--format", "json"])
        let approx = try CLIRunner.run(["metrics", tiny, "--metric", "betweenness", "--epsilon", "0.05", "--seed", "7", "--format", "json"])
        #expect(approx.status == 0, "\(approx.stderr)")
        func values(_ text: String) throws -> [String: Double] {
            let nodes = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])["nodes"] as? [[String: Any]]
            return Dictionary(uniqueKeysWithValues: (nodes ?? []).map { ($0["id"] as! String, ($0["betweenness"] as! NSNumber).doubleValue) })
        }
        let e = try values(exact.stdout), a = try values(approx.stdout)
        #expect(e.count == 7 && a.count == 7)
        for (id, v) in e { #expect(abs(v - a[id]!) <= 0.05, "\(id): \(a[id]!) vs exact \(v)") }
        #expect(approx.stdout.contains("Riondato"))
        #expect(try CLIRunner.run(["metrics", tiny, "--metric", "betweenness", "--epsilon", "0.05", "--seed", "7", "--format", "json"]).stdout == approx.stdout)
        #expect(try CLIRunner.run(["metrics", tiny, "--epsilon", "0"]).status == 2)
        #expect(try CLIRunner.run(["metrics", tiny, "--epsilon", "0.1", "--delta", "1.5"]).status == 2)
    }

    /// `--communities leiden` (the default): connected communities, the same for the same seed; stderr (a pipe
    /// here, not a terminal) carries no progress line.
    @Test func leidenCommunitiesAndNoProgressOffTerminal() throws {
        let r = try CLIRunner.run(["metrics", tiny, "--metric", "community", "--communities", "leiden", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("id,kind,name,community\n"))
        #expect(!r.stderr.contains("\u{1B}["))
        let bad = try CLIRunner.run(["metrics", tiny, "--communities", "girvan"])
        #expect(bad.status == 2)
        // Leiden is the default; Louvain is still there when asked for.
        let plain = try CLIRunner.run(["metrics", tiny, "--metric", "community", "--format", "csv"])
        #expect(plain.stdout == r.stdout)
        let louvain = try CLIRunner.run(["metrics", tiny, "--metric", "community", "--communities", "louvain", "--format", "csv"])
        #expect(louvain.status == 0 && louvain.stdout.hasPrefix("id,kind,name,community\n"), "\(louvain.stderr)")
    }

    @Test func notANetworkIsAClearError() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("image.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xFE, 0x00]).write(to: file)
        let r = try CLIRunner.run(["metrics", file.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error"))
    }
}
