// libFuzzer entry point for the gexf reader; built by Scripts/fuzz together with SynergraphKit's sources.

/// The `gexf` target (FuzzMain.swift dispatches to it).
func fuzzGEXF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for limits in fuzzLimits {
        _ = try? NetworkLoader.load(bytes: bytes, file: "fuzz", form: .gexf, options: LoadOptions(limits: limits))
    }
    return 0
}
