// libFuzzer entry point for the DOT reader (Graphviz's parser behind SynergraphGraphviz's DOTReader);
// built by Scripts/fuzz together with SynergraphKit's and SynergraphGraphviz's sources as one module.
// Graphviz itself is not instrumented: coverage guides the fuzzer through the Swift side only, and
// AddressSanitizer sees cgraph's memory only through the allocator it intercepts.

/// The `dot` target (FuzzMain.swift dispatches to it).
func fuzzDOT(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for limits in fuzzLimits {
        _ = DOTReader.read(bytes, file: "fuzz", options: LoadOptions(limits: limits))
    }
    return 0
}
