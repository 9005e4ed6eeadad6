// libFuzzer entry point for the network folder form (manifest.json and the CSV tables); built by
// Scripts/fuzz together with SynergraphKit's sources.
//
// The input is the folder's files one after another, separated by lines `--next--`, in this order:
// manifest.json, nodes.csv, ties.csv, activities.csv, participation.csv (fewer parts: the later files
// are missing). They are read by NetworkFolderReader, the reader `synergraph validate FOLDER` uses (the
// loader hands it each file's bytes), once with the default limits and once with tight ones, so that
// the limit paths are explored too. Besides "no crash, no hang", a load that succeeds must hold only
// nodes, ties and participations that the validator accepts, and a refused load must say why.

/// The `folder` target (FuzzMain.swift dispatches to it).
func fuzzFolder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let all = Array(UnsafeBufferPointer(start: data, count: size))
    let names = ["manifest.json", "nodes.csv", "ties.csv", "activities.csv", "participation.csv"]
    let parts = split(all, by: Array("\n--next--\n".utf8))
    var files: [String: [UInt8]] = [:]
    for (name, part) in zip(names, parts) { files[name] = part }
    var tight = ReaderLimits()
    tight.columns = 6
    tight.lineLength = 200
    tight.fieldLength = 40
    tight.depth = 3
    tight.records = 20
    tight.attributes = 3
    tight.values = 10
    for limits in [ReaderLimits(), tight] {
        let (network, diagnostics) = NetworkFolderReader.read(displayPath: "fuzz", limits: limits) { files[$0] }
        let errors = diagnostics.filter { $0.severity == .error }
        if let network {
            precondition(errors.isEmpty, "a network was loaded despite errors")
            precondition(NetworkValidator.check(network).allSatisfy { $0.severity != .error }, "a loaded network fails validation")
        } else {
            precondition(!errors.isEmpty, "nothing was loaded, and no error says why")
        }
    }
    return 0
}

private func split(_ hay: [UInt8], by needle: [UInt8]) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var start = 0
    var i = 0
    while i + needle.count <= hay.count {
        if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) {
            parts.append(Array(hay[start..<i]))
            i += needle.count
            start = i
        } else {
            i += 1
        }
    }
    parts.append(Array(hay[start...]))
    return parts
}
