// libFuzzer entry point for CSV edge lists and nodes tables; built by Scripts/fuzz together with
// SynergraphKit's sources.
//
// The input is an edge list, optionally followed by a line `--nodes--` and a nodes table. Besides "no
// crash, no hang", it checks the two edge-list readers against each other: where the fast reader
// (EdgeListGraphReader, what `synergraph metrics` uses for plain lists) is allowed to read a file, it
// must succeed exactly when the model reader (EdgeListReader, with --encoding utf8 as the fast reader
// reads) does, with the same node ids in the same order.

/// The `edgelist` target (FuzzMain.swift dispatches to it).
func fuzzEdgeList(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let all = Array(UnsafeBufferPointer(start: data, count: size))
    let marker = Array("\n--nodes--\n".utf8)
    var edges = all
    var nodes: EdgeListReader.NodesTable?
    if let at = firstIndex(of: marker, in: all) {
        edges = Array(all[..<at])
        nodes = EdgeListReader.NodesTable(bytes: Array(all[(at + marker.count)...]), file: "nodes.csv")
    }
    for encoding in [TextEncodingChoice.auto, .latin1] {
        _ = EdgeListReader.read(edges, file: "edges.csv", name: "fuzz", options: LoadOptions(encoding: encoding), nodesTable: nodes)
    }
    _ = EdgeListReader.read(edges, file: "edges.csv", name: "fuzz", options: LoadOptions(limits: fuzzLimits[1]), nodesTable: nodes)
    if EdgeListReader.isPlain(head: edges, complete: true) {
        for limits in fuzzLimits {
            let (network, diagnostics) = EdgeListReader.read(edges, file: "edges.csv", name: "fuzz", options: LoadOptions(encoding: .utf8, limits: limits))
            let modelOK = network != nil && !diagnostics.contains { $0.severity == .error }
            let fast: EdgeListGraph?
            do throws(LoadFailure) {
                fast = try EdgeListGraphReader.read(bytes: edges, file: "edges.csv", name: "fuzz", limits: limits)
            } catch {
                fast = nil
                // Both refuse: with the same first error (the fast reader stops at CSV-level problems as the model reader does).
                if !modelOK, let first = error.diagnostics.first, first.problem == .tooLarge {
                    precondition(diagnostics.contains(first), "the readers disagree on the limit exceeded")
                }
            }
            precondition(modelOK == (fast != nil), "the readers disagree on whether the list is valid")
            if let network, let fast { precondition(fast.ids == network.nodes.map(\.id), "the readers disagree on the nodes") }
        }
    }
    return 0
}

private func firstIndex(of needle: [UInt8], in hay: [UInt8]) -> Int? {
    guard hay.count >= needle.count else { return nil }
    for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
    return nil
}
