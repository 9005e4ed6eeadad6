// Hidden timing tool for the metrics engine (not part of the user-facing CLI).
//
//   swift build -c release --product synergraph-bench
//   .build/release/synergraph-bench METRIC VERTICES EDGES [THREADS] [SEED]
//
//   .build/release/synergraph-bench --file EDGES.csv METRIC [THREADS] [SEED]
//
//   .build/release/synergraph-bench load PATH      (NetworkLoader.load alone, any form: `load<TAB>seconds`)
//
// With --file, the graph is read from a plain edge list by EdgeListGraphReader (the fast path of
// `synergraph metrics`) and the tool prints `load<TAB>seconds` and then `METRIC<TAB>seconds<TAB>detail`,
// METRIC one of load, degree, pagerank, betweenness, betweenness-plain (no degree-1 folding), betweenness-check
// (folded against plain, largest difference), approx-betweenness (ε from SYNERGRAPH_EPSILON, default 0.01), closeness, harmonic, clustering, core-number,
// constraint, louvain (detail: modularity), components (detail: count). Scripts/bench runs it once per
// metric in a child process so that it can read the child's peak memory.
//
// METRIC: betweenness | betweenness-weighted | closeness | harmonic | pagerank | louvain | edges | all
// The graph is a seeded uniform random multigraph: EDGES endpoint pairs drawn uniformly (SplitMix64),
// self-loops dropped and duplicates merged by Graph, weights uniform in [1, 10). Prints one line per
// metric: name, vertices, edges kept, threads, seconds (best of 1 run; the edge list build is not timed).
import Foundation
@_spi(Benchmark) import SynergraphKit

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let args = CommandLine.arguments
// `synergraph-bench load PATH`: NetworkLoader.load alone (what every command does first, without
// `validate`'s likely-duplicate search), for the formats rows of Scripts/bench; prints `load<TAB>seconds`.
if args.count >= 3, args[1] == "load" {
    let start = DispatchTime.now()
    do { _ = try NetworkLoader.load(path: args[2]) } catch {
        FileHandle.standardError.write(Data("cannot load \(args[2]): \(String(describing: error).prefix(500))\n".utf8))
        exit(1)
    }
    print("load\t\(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)")
    exit(0)
}
// `synergraph-bench synergy PATH [TOP]`: what `synergraph synergy PATH --top TOP --format json` does (load,
// view, scorer, introductions, summary, JSON), timed in stages; see Scripts/bench-synergy.
if args.count >= 3, args[1] == "synergy" {
    func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    let t0 = now()
    let loaded: LoadedNetwork
    do { loaded = try NetworkLoader.load(path: args[2]) } catch {
        FileHandle.standardError.write(Data("cannot load \(args[2]): \(String(describing: error).prefix(500))\n".utf8))
        exit(1)
    }
    let t1 = now()
    let view = try NetworkView(loaded.network)
    let scorer = SynergyScorer(view: view)
    let t2 = now()
    let list = scorer.recommendedIntroductions(count: args.count > 3 ? Int(args[3]) ?? 20 : 20)
    let t3 = now()
    let summary = scorer.summary()
    let text = SynergyReport(scorer: scorer, mode: .top, pairs: list.introductions, search: list.search, summary: summary).json()
    let t4 = now()
    print("synergy actors=\(view.vertexCount) edges=\(view.graph.edgeCount) candidates=\(list.search.candidatePairs) strategy=\(list.search.strategy) exact=\(list.search.exactlyScored) json=\(text.utf8.count)B")
    print(String(format: "load %.2f s, view+profiles+louvain+constraint %.2f s, introductions %.2f s, summary+json %.2f s, total %.2f s", t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0))
    exit(0)
}

func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

if args.count >= 4, args[1] == "--file" {
    let metric = args[3]
    let threads = args.count > 4 ? Int(args[4]) ?? 1 : 1
    let seed = args.count > 5 ? UInt64(args[5]) ?? 1 : 1
    let start = DispatchTime.now()
    let loaded: EdgeListGraph
    do { loaded = try EdgeListGraphReader.read(path: args[2]) } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
    let g = loaded.graph
    print("load\t\(String(format: "%.3f", seconds(since: start)))\t\(g.vertexCount) vertices \(g.edgeCount) edges")
    let t0 = DispatchTime.now()
    var detail = ""
    switch metric {
    case "load": exit(0)
    case "degree": _ = g.degreeCentrality()
    case "pagerank": _ = try g.pageRank()
    case "betweenness": _ = g.betweennessCentrality(threads: threads)
    case "betweenness-plain": _ = g._plainBrandesBetweenness(threads: threads)
    case "betweenness-check":
        // Folded path against plain Brandes: the largest difference relative to the largest value.
        let a = g.betweennessCentrality(threads: threads), b = g._plainBrandesBetweenness(threads: threads)
        let top = max(b.max() ?? 0, 1e-300)
        detail = String(format: "\tmax-difference %.3e of max %.6f", zip(a, b).map { abs($0 - $1) }.max() ?? 0, top)
    case "approx-betweenness":
        // ε and δ as NetworKit's ApproxBetweenness defaults (0.01, 0.1); detail: samples, and on graphs up
        // to 20,000 vertices the largest error against the exact values (computed after the timing).
        let epsilon = Double(ProcessInfo.processInfo.environment["SYNERGRAPH_EPSILON"] ?? "") ?? 0.01
        let a = g.approximateBetweenness(epsilon: epsilon, delta: 0.1, seed: seed, threads: threads)
        let spent = seconds(since: t0)
        var error = ""
        if g.vertexCount <= 20_000 {
            let exact = g.betweennessCentrality(threads: threads)
            error = String(format: " max-error %.5f", zip(a.values, exact).map { abs($0 - $1) }.max() ?? 0)
        }
        print("\(metric)\t\(String(format: "%.3f", spent))\tsamples \(a.samples) vd \(a.vertexDiameterBound)\(error)")
        exit(0)
    case "closeness": _ = g.closenessCentrality(threads: threads)
    case "harmonic": _ = g.harmonicCentrality(threads: threads)
    case "clustering": _ = g.clusteringCoefficients(threads: threads)
    case "core-number": _ = g.coreNumbers()
    case "constraint": _ = g.constraint()
    case "louvain":
        let p = g.louvainCommunities(seed: seed)
        detail = "\t\(p.modularity.map { String(format: "%.4f", $0) } ?? "-")"
    case "leiden":
        let environment = ProcessInfo.processInfo.environment
        let iterations = Int(environment["SYNERGRAPH_LEIDEN_ITERATIONS"] ?? "") ?? Graph.leidenDefaultMaximumIterations
        let tolerance = Double(environment["SYNERGRAPH_LEIDEN_TOLERANCE"] ?? "") ?? Graph.leidenDefaultTolerance
        let p = g.leidenCommunities(seed: seed, maximumIterations: iterations, tolerance: tolerance)
        detail = "\t\(p.modularity.map { String(format: "%.4f", $0) } ?? "-")"
    case "components": detail = "\t\(g.connectedComponents().count)"
    default:
        FileHandle.standardError.write(Data("unknown metric \(metric)\n".utf8))
        exit(2)
    }
    print("\(metric)\t\(String(format: "%.3f", seconds(since: t0)))\(detail)")
    exit(0)
}
guard args.count >= 4, let n = Int(args[2]), let m = Int(args[3]) else {
    FileHandle.standardError.write(Data("usage: synergraph-bench METRIC VERTICES EDGES [THREADS] [SEED] [directed]\n".utf8))
    exit(2)
}
let metric = args[1]
let threads = args.count > 4 ? Int(args[4]) ?? 1 : 1
let seed = args.count > 5 ? UInt64(args[5]) ?? 1 : 1
let directed = args.count > 6 && args[6] == "directed"

var rng = SplitMix64(state: seed)
var edges: [Graph.Edge] = []
edges.reserveCapacity(m)
for _ in 0..<m {
    let u = Int32(rng.next() % UInt64(n)), v = Int32(rng.next() % UInt64(n))
    let w = 1 + Double(rng.next() >> 11) / Double(1 << 53) * 9
    edges.append(Graph.Edge(u, v, weight: w))
}
let buildStart = DispatchTime.now()
let graph = Graph(vertexCount: n, edges: edges, directed: directed)
let buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - buildStart.uptimeNanoseconds) / 1e9
print("graph vertices=\(n) edges=\(graph.edgeCount) directed=\(directed) build=\(String(format: "%.3f", buildSeconds))s")

func time(_ name: String, _ body: () throws -> Any) rethrows {
    let start = DispatchTime.now()
    let result = try body()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    _ = result
    print("\(name)\t\(n)\t\(graph.edgeCount)\t\(threads)\t\(String(format: "%.3f", seconds))")
}

let all = metric == "all"
if all || metric == "betweenness" { time("betweenness") { graph.betweennessCentrality(threads: threads) } }
if all || metric == "betweenness-weighted" { time("betweenness-weighted") { graph.betweennessCentrality(weighted: true, threads: threads) } }
if all || metric == "closeness" { time("closeness") { graph.closenessCentrality(threads: threads) } }
if all || metric == "harmonic" { time("harmonic") { graph.harmonicCentrality(threads: threads) } }
if all || metric == "pagerank" { try time("pagerank") { try graph.pageRank() } }
if all || metric == "louvain" { time("louvain") { graph.louvainCommunities(seed: seed) } }
if all || metric == "leiden" { time("leiden") { graph.leidenCommunities(seed: seed) } }
if all || metric == "edges" { time("edge-betweenness") { graph.edgeBetweennessCentrality(threads: threads) } }
if all || metric == "clustering" { time("clustering") { graph.clusteringCoefficients() } }
if all || metric == "cores" { time("core-number") { graph.coreNumbers() } }
