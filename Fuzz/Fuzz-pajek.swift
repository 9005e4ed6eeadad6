// libFuzzer entry point for the pajek reader; built by Scripts/fuzz together with SynergraphKit's sources.

/// The `pajek` target (FuzzMain.swift dispatches to it).
func fuzzPajek(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for limits in fuzzLimits {
        _ = try? NetworkLoader.load(bytes: bytes, file: "fuzz", form: .pajek, options: LoadOptions(limits: limits))
    }
    return 0
}
