// libFuzzer entry point for the gexf reader; built by Scripts/fuzz together with SynergraphKit's sources.

/// The `gexf` target (FuzzMain.swift dispatches to it).
func fuzzGEXF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for limits in [ReaderLimits(), tightLimits] {
        _ = try? NetworkLoader.load(bytes: bytes, file: "fuzz", form: .gexf, options: LoadOptions(limits: limits))
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
