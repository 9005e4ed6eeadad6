// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Synergraph",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SynergraphKit", targets: ["SynergraphKit"]),
        .library(name: "SynergraphGraphviz", targets: ["SynergraphGraphviz"]),
        .executable(name: "synergraph", targets: ["synergraph"]),
        .executable(name: "synergraph-graphviz-worker", targets: ["synergraph-graphviz-worker"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        // The zip archive of .xlsx workbooks (Docs/workbooks.md).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The engine: model, loading, validation, graph, metrics, analysis. No ArgumentParser; its only C
        // is libxml2's SAX2 parser, behind SafeXML (Docs/formats.md).
        .target(
            name: "SynergraphKit",
            dependencies: [
                "CLibXML2",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The atlas's script and stylesheet are embedded as Swift source (Scripts/embed-atlas-assets).
            exclude: ["Atlas/Assets"]
        ),
        // libxml2's SAX2 push parser (the same library Foundation's XMLParser wraps), for SafeXML.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Graphviz's C API, through one shim header.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // The only Swift code that calls Graphviz.
        .target(
            name: "SynergraphGraphviz",
            dependencies: ["SynergraphKit", "CGraphviz"]
        ),
        // One Graphviz render per process, for layouts that are only deterministic in a fresh
        // process (fdp, sfdp) and for renders with a time limit. Installed next to `synergraph`.
        .executableTarget(
            name: "synergraph-graphviz-worker",
            dependencies: ["SynergraphGraphviz"]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "synergraph",
            dependencies: [
                "SynergraphKit",
                "SynergraphGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Hidden timing tool for the metrics engine (Docs/metrics.md); not a product.
        .executableTarget(
            name: "synergraph-bench",
            dependencies: ["SynergraphKit"]
        ),
        .testTarget(
            name: "SynergraphKitTests",
            // ZIPFoundation builds the hostile workbooks (zip bombs and the like) at test time.
            dependencies: ["SynergraphKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SynergraphGraphvizTests",
            // The worker is a dependency so `swift test` builds it next to the test runner.
            dependencies: ["SynergraphGraphviz", "SynergraphKit", "synergraph-graphviz-worker"]
        ),
        .testTarget(name: "SynergraphCLITests", dependencies: ["synergraph", "synergraph-graphviz-worker", "SynergraphKit"]),
    ],
    swiftLanguageModes: [.v6]
)
