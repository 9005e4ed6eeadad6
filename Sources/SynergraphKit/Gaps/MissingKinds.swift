/// Kinds of partner a target country lacks.
///
/// For each target country C, among the *engaged* actors of the view (``Engagement``; registered but
/// unengaged actors that would fill the gap are named in it and offered first as fillers):
/// - **school**, **civil-society organisation**, **government counterpart**: is one *based in* C? These
///   are national institutions; a foreign school that once ran a workshop in C is not C's school partner.
///   (Severity 0.90 for a school or a government counterpart, 0.80 for a civil-society organisation.)
/// - **government counterpart for each accomplishment**: does a government body based in C work on it
///   (its own tags or an activity it took part in)? Checked when C has a government body at all. (0.85)
/// - **regional agency**: does an agency of `regional` scope *work in* C (see ``ActorProfile``)? Regional
///   bodies are based elsewhere by nature. (0.70)
public struct MissingKinds: Sendable {
    public let gaps: [Gap]

    public init(_ context: GapContext) {
        let scorer = context.scorer
        let p = scorer.profiles
        let view = scorer.view
        let profiles = p.profiles
        let engaged = context.engagement.engaged
        // Regional agencies, once (reading a view's node copies its record: not in the filler scans).
        let regional = (0..<view.vertexCount).map { p[$0].kind == .agency && view.node($0).scope == .regional }
        var out: [Gap] = []
        for c in context.targets {
            let cid = p.countryID[c] ?? -1
            let registered = (0..<view.vertexCount).filter { cid >= 0 && p[$0].homeCountry == cid }
            let based = registered.filter { engaged[$0] }
            let name = Countries.name(c)
            for (kind, label, severity) in [(NodeKind.school, "school of public administration", 0.90),
                                            (.cso, "civil-society organisation", 0.80),
                                            (.government, "government counterpart", 0.90)] {
                guard !based.contains(where: { p[$0].kind == kind }) else { continue }
                let idle = registered.filter { p[$0].kind == kind && !engaged[$0] }
                let fillers = context.fillers(GapKey(.missingKind, c, kind.rawValue), unengaged: idle) { u, v in
                    func local(_ x: Int) -> Bool { cid >= 0 && profiles[x].homeCountry == cid }
                    return (profiles[u].kind == kind && local(v)) || (profiles[v].kind == kind && local(u))
                }
                out.append(Gap(category: .missingKind, severity: severity, country: c, subject: kind.rawValue,
                               title: idle.isEmpty ? "\(name) has no \(label) in the network" : "\(name) has no engaged \(label)",
                               detail: idle.isEmpty ? "No actor of kind \(kind.rawValue) is based in \(name)."
                                   : "No engaged actor of kind \(kind.rawValue) is based in \(name); \(context.unengagedNote(idle)).",
                               actors: [], fillers: fillers, unengaged: idle.map(scorer.publicID)))
            }
            let governments = based.filter { p[$0].kind == .government }
            if !governments.isEmpty {
                for a in Accomplishment.allCases where !governments.contains(where: { p[$0].has(a) }) {
                    let idle = registered.filter { p[$0].kind == .government && !engaged[$0] && p[$0].has(a) }
                    let fillers = context.fillers(GapKey(.missingCounterpart, c, a.rawValue), unengaged: idle) { u, v in
                        func gov(_ x: Int) -> Bool { profiles[x].kind == .government && cid >= 0 && profiles[x].homeCountry == cid }
                        func partner(_ x: Int) -> Bool { profiles[x].kind != .government && profiles[x].has(a) }
                        return (gov(u) && partner(v)) || (gov(v) && partner(u))
                    }
                    var detail = "Its engaged government bodies (\(_GapSupport.names(scorer, governments))) neither list \(a.rawValue) nor took part in an activity on \(a.rawValue)."
                    if !idle.isEmpty { detail += " " + context.unengagedNote(idle) + "." }
                    out.append(Gap(category: .missingCounterpart, severity: 0.85, country: c, subject: a.rawValue,
                                   title: "\(name) has no government counterpart for \(a.rawValue)",
                                   detail: detail, actors: governments.map(scorer.publicID), fillers: fillers, unengaged: idle.map(scorer.publicID)))
                }
            }
            let regionalAll = (0..<view.vertexCount).filter { regional[$0] && cid >= 0 && p[$0].countries.contains(cid) }
            if !regionalAll.contains(where: { engaged[$0] }) {
                let idle = regionalAll
                let fillers = context.fillers(GapKey(.missingKind, c, "regional agency"), unengaged: idle) { u, v in
                    func local(_ x: Int) -> Bool { cid >= 0 && profiles[x].homeCountry == cid && profiles[x].kind != .expert }
                    return (regional[u] && local(v)) || (regional[v] && local(u))
                }
                var detail = "No engaged agency of regional scope is based in \(name), has a recorded tie with a national actor based there, or took part in an activity there."
                if !idle.isEmpty { detail += " " + context.unengagedNote(idle) + "." }
                out.append(Gap(category: .missingKind, severity: 0.70, country: c, subject: "regional agency",
                               title: "no regional agency works in \(name)",
                               detail: detail, actors: [], fillers: fillers, unengaged: idle.map(scorer.publicID)))
            }
        }
        gaps = out
    }
}
