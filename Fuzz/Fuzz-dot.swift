// libFuzzer entry point for the DOT reader (Graphviz's parser behind SynergraphGraphviz's DOTReader);
// built by Scripts/fuzz together with SynergraphKit's and SynergraphGraphviz's sources as one module.
// Graphviz itself is not instrumented: coverage guides the fuzzer through the Swift side only, and
// AddressSanitizer sees cgraph's memory only through the allocator it intercepts.

/// The `dot` target (FuzzMain.swift dispatches to it).
func fuzzDOT(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for limits in [ReaderLimits(), tightLimits] {
        _ = DOTReader.read(bytes, file: "fuzz", options: LoadOptions(limits: limits))
    }
    return 0
}

/// Small limits, so that every limit's refusal is explored too.
private let tightLimits: ReaderLimits = {
    var l = ReaderLimits()
    l.columns = 6
    l.lineLength = 200
    l.fieldLength = 40
    l.depth = 4
    l.records = 20
    l.attributes = 4
    l.values = 12
    return l
}()
