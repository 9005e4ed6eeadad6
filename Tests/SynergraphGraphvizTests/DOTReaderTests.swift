import Foundation
import SynergraphKit
import Testing

@testable import SynergraphGraphviz

/// DOT through Graphviz's own parser: files from Graphviz and NetworkX, clusters, HTML labels,
/// strictness, direction, errors with lines, hostile nesting, and the writer's round trip.
@Suite struct DOTReaderTests {
    private func read(_ text: String, file: String = "t.dot") -> (Network?, [Diagnostic]) {
        DOTReader.read(Array(text.utf8), file: file)
    }

    private func network(_ text: String) throws -> Network {
        let (network, diagnostics) = read(text)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        return try #require(network)
    }

    private func attribute(_ attributes: Attributes, _ key: String) -> String? {
        attributes.first { $0.key == key }?.value
    }

    /// Written by Graphviz 2.43's `dot -Tdot` (laid out: `bb`, `pos`, `width`, `\N` default label)
    /// from a three-node graph with a cluster and an HTML label.
    static let writtenByGraphviz = #"""
        digraph G {
        	graph [bb="0,0,126,236.74"];
        	node [label="\N"];
        	subgraph cluster_0 {
        		graph [bb="8,81.74,118,228.74",
        			label=hub,
        			lheight=0.21,
        			lp="63,217.24",
        			lwidth=0.39
        		];
        		a	[height=0.5,
        			label=UNPOG,
        			pos="63,179.74",
        			width=1.3179];
        		b	[height=0.5,
        			pos="63,107.74",
        			width=0.75];
        		a -> b	[pos="e,63,125.84 63,161.44 63,153.72 63,144.45 63,135.85",
        			weight=2];
        	}
        	c	[height=0.74639,
        		label=<Seoul<BR/>office>,
        		pos="63,26.87",
        		width=1.0999];
        	b -> c	[pos="e,63,53.953 63,89.626 63,82.137 63,73.046 63,64.168"];
        }

        """#

    @Test func readsWhatGraphvizWrites() throws {
        let n = try network(Self.writtenByGraphviz)
        #expect(n.nodes.map(\.id) == ["a", "b", "c"])
        #expect(n.nodes.map(\.name) == ["UNPOG", "b", "Seoul office"])
        #expect(attribute(n.nodes[0].attributes, "cluster") == "cluster_0")
        #expect(attribute(n.nodes[0].attributes, "pos") == "63,179.74")
        #expect(attribute(n.nodes[2].attributes, "cluster") == nil)
        #expect(attribute(n.nodes[2].attributes, "html_label") == "Seoul<BR/>office")
        #expect(n.ties.map { "\($0.source)>\($0.target)" } == ["a>b", "b>c"])
        #expect(n.ties[0].weight == 2)
        #expect(n.ties.allSatisfy { n.isDirected($0) })
        #expect(n.manifest.title == "G")
    }

    /// Written by NetworkX 3.6.1 `nx.nx_pydot.write_dot` (pydot 4.0.1): a MultiDiGraph with edge keys,
    /// and a Graph, which pydot writes as `strict graph`.
    static let writtenByNetworkX = """
        digraph "partners" {
        unpog [label="UN Project Office on Governance", kind=agency, country=KOR];
        nasc [label="Nepal Administrative Staff College", type=school];
        "exp 1" [kind=expert];
        unpog -> nasc [key=0, weight=4, kind=partnership, since="2023-01-12"];
        unpog -> nasc [key=1, weight=2, kind=funding];
        "exp 1" -> nasc [key=0, label=affiliation];
        }
        """

    @Test func readsWhatNetworkXWrites() throws {
        let n = try network(Self.writtenByNetworkX)
        #expect(n.nodes.map(\.id) == ["unpog", "nasc", "exp 1"])
        #expect(n.nodes.map(\.kind) == [.agency, .school, .expert])
        #expect(n.nodes[0].country == "KOR")
        #expect(n.nodes[1].name == "Nepal Administrative Staff College")
        #expect(n.ties.map(\.kind) == ["partnership", "funding", "tie"])
        #expect(n.ties.map(\.weight) == [4, 2, 1])
        #expect(n.ties[0].since == Day(iso: "2023-01-12"))
        #expect(n.ties.map { attribute($0.attributes, "key") } == ["0", "1", "0"])
        #expect(attribute(n.ties[2].attributes, "label") == "affiliation")
        #expect(n.manifest.title == "partners")

        let undirected = try network("strict graph {\n1;\n2;\n3;\n1 -- 2 [weight=0.5];\n2 -- 3;\n}\n")
        #expect(undirected.ties.count == 2)
        #expect(undirected.ties.allSatisfy { !undirected.isDirected($0) })
    }

    @Test func clustersAndSubgraphsBecomeAttributes() throws {
        let n = try network("""
            graph {
              subgraph cluster_asia { label="Asia"
                subgraph "cluster seoul" { a }
                b
              }
              subgraph team { a c }
              { rank=same; d }
              a -- d
            }
            """)
        let byID = Dictionary(uniqueKeysWithValues: n.nodes.map { ($0.id, $0) })
        #expect(attribute(byID["a"]!.attributes, "cluster") == "cluster_asia;cluster seoul")
        #expect(attribute(byID["a"]!.attributes, "subgraph") == "team")
        #expect(attribute(byID["b"]!.attributes, "cluster") == "cluster_asia")
        #expect(attribute(byID["c"]!.attributes, "subgraph") == "team")
        #expect(byID["d"]!.attributes.isEmpty)
    }

    @Test func labelsBecomeNames() throws {
        let n = try network(#"""
            digraph G {
              a [label=<<TABLE><TR><TD><B>Bold</B> &amp; co</TD></TR><TR><TD>line&#32;two</TD></TR></TABLE>>]
              b [label="first\nsecond\l"]
              c [label="\N (\G)"]
              d [label="back\\slash"]
              e
            }
            """#)
        #expect(n.nodes.map(\.name) == ["Bold & co line two", "first second", "c (G)", "back\\slash", "e"])
        #expect(attribute(n.nodes[0].attributes, "html_label")?.hasPrefix("<TABLE>") == true)
    }

    @Test func strictMergesRepeatedEdges() throws {
        let (network, diagnostics) = read("strict digraph { a -> b [x=1]; a -> b [x=2, y=3]; b -> a }")
        let n = try #require(network)
        #expect(n.ties.count == 2)
        #expect(n.ties[0].attributes.map { "\($0.key)=\($0.value)" } == ["x=2", "y=3"])
        #expect(diagnostics.contains { $0.problem == .duplicateRecord && $0.severity == .warning })
        // Not strict: every statement is a tie.
        #expect(try self.network("digraph { a -> b; a -> b; b -> a }").ties.count == 3)
    }

    @Test func directionFollowsTheGraphKind() throws {
        let d = try network("digraph { a -> b }")
        #expect(d.ties.allSatisfy { d.isDirected($0) })
        let u = try network("graph { a -- b }")
        #expect(u.ties.allSatisfy { !u.isDirected($0) })
        #expect(u.ties.map(\.source) == ["a"])
    }

    @Test func syntaxErrorsCarryGraphvizsLine() throws {
        let (network, diagnostics) = read("digraph {\n  a -> b\n\n  c -> ;\n}\n", file: "bad.dot")
        #expect(network == nil)
        #expect(diagnostics.map(\.description) == ["bad.dot:4: error: Graphviz: syntax error near ';'"])
        // The same again: nothing of one read is left in cgraph's scanner for the next.
        #expect(read("digraph {\n  a -> b\n\n  c -> ;\n}\n", file: "bad.dot").1.map(\.description) == ["bad.dot:4: error: Graphviz: syntax error near ';'"])
        #expect(read("", file: "e.dot").1.map(\.description) == ["e.dot:1: error: there is no DOT graph in the file"])
    }

    @Test func onlyTheFirstGraphIsReadAndNothingLeaksIntoTheNext() throws {
        let (first, diagnostics) = read("graph { a -- b }\ngraph { c }\n")
        #expect(try #require(first).nodes.map(\.id) == ["a", "b"])
        #expect(diagnostics.map(\.description) == ["t.dot:2: warning: the file holds more after its first graph; only the first graph is read"])
        // cgraph's scanner used to hand the leftover `graph { c }` to the next read.
        #expect(try network("digraph { x -> y }").nodes.map(\.id) == ["x", "y"])
        #expect(try network("digraph { x } // a comment\n# another\n/* and */\n").nodes.map(\.id) == ["x"])
    }

    @Test func deepNestingIsRefusedBeforeGraphviz() throws {
        let depth = 10_000
        let text = "digraph {\n" + String(repeating: "subgraph {", count: depth) + "x" + String(repeating: "}", count: depth) + "}\n"
        let (network, diagnostics) = read(text, file: "deep.dot")
        #expect(network == nil)
        #expect(diagnostics.map(\.description) == ["deep.dot:2: error: subgraphs are nested more than 100 deep (limit depth=100); raise it with --limit depth=200"])
        // Braces inside strings, HTML labels and comments do not count.
        let quoted = "digraph { a [label=\"" + String(repeating: "{", count: 500) + "\\\"\"] b [label=<" + String(repeating: "{", count: 500) + ">] /* {{{ */ }"
        #expect(try self.network(quoted).nodes.count == 2)
        // Exactly at the limit is read.
        let edge = "digraph {" + String(repeating: "subgraph {", count: DOTReader.maximumNesting - 1) + "x" + String(repeating: "}", count: DOTReader.maximumNesting)
        #expect(try self.network(edge).nodes.map(\.id) == ["x"])
    }

    @Test func fileAttributesAreKeptAsText() throws {
        let n = try network(#"digraph { a [shape=epsf, shapefile="/etc/passwd", image="/etc/hosts"]; a -> b [URL="javascript:x"] }"#)
        #expect(attribute(n.nodes[0].attributes, "shapefile") == "/etc/passwd")
        #expect(attribute(n.nodes[0].attributes, "image") == "/etc/hosts")
        #expect(attribute(n.ties[0].attributes, "URL") == "javascript:x")
    }

    @Test func hostileBytesAreErrorsNotCrashes() {
        #expect(read("digraph { a\u{0} }").1.map(\.problem) == [.badSyntax])
        #expect(DOTReader.read([0xFF, 0xFE, 0x64, 0x00], file: "u.dot").1.map(\.problem) == [.invalidEncoding])
        let bom = DOTReader.read([0xEF, 0xBB, 0xBF] + Array("graph { a }".utf8), file: "b.dot")
        #expect(bom.0?.nodes.map(\.id) == ["a"])
    }

    /// The loader's side (registration, `.dot` paths) is tested through the command in
    /// ConvertCLITests: registering here would change what SynergraphKit's tests in this process see.
    @Test func theLoaderDetectsDOTByContent() {
        #expect(NetworkLoader.detectForm(content: Array("/* c */\ndigraph G {".utf8)) == .dot)
        #expect(NetworkLoader.detectForm(content: Array("strict graph {".utf8)) == .dot)
        #expect(NetworkLoader.detectForm(content: Array("graph \"x y\" {".utf8)) == .dot)
        #expect(NetworkLoader.detectForm(content: Array(Self.writtenByNetworkX.utf8)) == .dot)
        #expect(NetworkLoader.detectForm(content: Array("graph [\n node [ id 1 ]\n]".utf8)) == .gml)
        #expect(NetworkForm(extension: "gv") == .dot)
    }

    @Test func writesAndReadsBackTheSameNetwork() throws {
        let original = try BundledNetwork.load().network
        let extra = Network(
            manifest: Manifest(name: "odd", title: "Odd \"names\"", directedTieKinds: ["funding"]),
            nodes: [Node(id: "graph", name: "back\\slash \\N and\nnewline", kind: .agency, attributes: [("note", "a \"quote\" <b> \\\""), ("cluster", "x"), ("end", "trailing\\")]),
                    Node(id: "-1", name: "minus one", kind: .school, sdgs: [4, 16]), Node(id: "a\\", name: "\\", kind: .cso)],
            ties: [Tie(source: "graph", target: "-1", kind: "funding", weight: 0.125, attributes: [("label", "l")]),
                   Tie(source: "graph", target: "-1", kind: "partnership", directed: false),
                   Tie(source: "-1", target: "-1", kind: "membership"), Tie(source: "a\\", target: "graph", kind: "x\\\"y")])
        for network in [original, extra] {
            let bytes = try DOTWriter.bytes(network)
            #expect(try DOTWriter.bytes(network) == bytes)
            let (back, diagnostics) = DOTReader.read(bytes, file: "\(network.manifest.name).dot")
            #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
            let read = try #require(back)
            #expect(read.manifest == network.manifest)
            // cgraph's writer decides the order (DOTWriter): nodes in any order, ties by source, then target,
            // in the network's node order, attributes by name.
            func sorted(_ a: Attributes) -> Attributes { a.sorted { $0.key < $1.key } }
            let nodes = network.nodes.map { n in var n = n; n.attributes = sorted(n.attributes); return n }
            #expect(read.nodes.sorted { $0.id < $1.id } == nodes.sorted { $0.id < $1.id })
            let rank = Dictionary(uniqueKeysWithValues: network.nodes.enumerated().map { ($1.id, $0) })
            let expected = network.ties.enumerated()
                .sorted {
                    (rank[$0.element.source]!, rank[$0.element.target]!, $0.offset) < (rank[$1.element.source]!, rank[$1.element.target]!, $1.offset)
                }
                .map { t in var t = t.element; t.attributes = sorted(t.attributes); return t }
            #expect(read.ties == expected)
            #expect(read.ties.map { read.isDirected($0) } == expected.map { network.isDirected($0) })
        }
    }
}
