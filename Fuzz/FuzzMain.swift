// The libFuzzer entry point of Scripts/fuzz's one fuzzing binary: every target (Fuzz-FORMAT.swift) is
// compiled with SynergraphKit and SynergraphGraphviz into one module, once, and the environment variable
// SYNERGRAPH_FUZZ_TARGET names the target a run exercises (compiling everything with the sanitizers takes
// many minutes, once per binary).

#if canImport(Glibc)
import Glibc
#endif

private let target: String = {
    guard let name = getenv("SYNERGRAPH_FUZZ_TARGET") else { fatalError("set SYNERGRAPH_FUZZ_TARGET (Scripts/fuzz does)") }
    return String(cString: name)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    switch target {
    case "graphml": fuzzGraphML(data, size)
    case "gexf": fuzzGEXF(data, size)
    case "gml": fuzzGML(data, size)
    case "pajek": fuzzPajek(data, size)
    case "dot": fuzzDOT(data, size)
    case "edgelist": fuzzEdgeList(data, size)
    case "folder": fuzzFolder(data, size)
    case "json": fuzzJSON(data, size)
    default: fatalError("unknown fuzz target \(target)")
    }
}

/// The limits every reader target reads each input with: the defaults, then small ones, so that every
/// limit's refusal is explored too.
let fuzzLimits: [ReaderLimits] = {
    var tight = ReaderLimits()
    tight.columns = 6
    tight.lineLength = 200
    tight.fieldLength = 40
    tight.depth = 4
    tight.records = 20
    tight.attributes = 4
    tight.values = 12
    return [ReaderLimits(), tight]
}()
