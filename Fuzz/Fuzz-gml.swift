// libFuzzer entry point for the gml reader; built by Scripts/fuzz together with SynergraphKit's sources.

/// The `gml` target (FuzzMain.swift dispatches to it).
func fuzzGML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for limits in fuzzLimits {
        _ = try? NetworkLoader.load(bytes: bytes, file: "fuzz", form: .gml, options: LoadOptions(limits: limits))
    }
    return 0
}
