// libFuzzer entry point for the graphml reader; built by Scripts/fuzz together with SynergraphKit's sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? NetworkLoader.load(bytes: bytes, file: "fuzz", form: .graphml)
    return 0
}
