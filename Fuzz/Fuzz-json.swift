// libFuzzer entry point for the JSON network form; built by Scripts/fuzz together with SynergraphKit's
// sources.
//
// The input is read by NetworkJSONReader (what `synergraph validate FILE.json` uses) once with the
// default limits and once with tight ones, so that the limit paths are explored too. Besides "no crash,
// no hang", a load that succeeds must pass validation and a refused load must say why.

/// The `json` target (FuzzMain.swift dispatches to it).
func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var tight = ReaderLimits()
    tight.fieldLength = 40
    tight.depth = 4
    tight.records = 20
    tight.attributes = 6
    tight.values = 10
    for limits in [ReaderLimits(), tight] {
        let (network, diagnostics) = NetworkJSONReader.read(bytes, file: "fuzz.json", limits: limits)
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
