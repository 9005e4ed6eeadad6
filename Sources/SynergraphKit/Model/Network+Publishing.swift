extension Network {
    /// Attribute keys that reach a person directly; an expert who may not be named loses them in exports.
    static let contactAttributeKeys: Set<String> = [
        "name_local", "label", "email", "e-mail", "mail", "phone", "telephone", "mobile", "address",
        "url", "website", "homepage", "orcid", "linkedin", "twitter", "x", "cv",
    ]

    /// The network as an export may show it: every expert who may not be named (``Node/mayBeNamed``)
    /// becomes "Expert N" with the id `expert-N` (the same N as every other output), in the nodes and in
    /// every tie and participation that names them. Their `consent` is kept, so the file reads back as
    /// the same network with the same experts hidden. Their contact attributes (``contactAttributeKeys``)
    /// are dropped, and so is any other attribute or `source_ref` (theirs, or of their ties and
    /// participation) whose text holds their real name or id. With `showAllNames` the network is
    /// returned unchanged.
    ///
    /// - Complexity: O(size of the network × hidden experts' names) for the text checks.
    public func publishable(showAllNames: Bool = false) -> Network {
        guard !showAllNames else { return self }
        var hidden: [String: (id: String, secrets: [String])] = [:]
        for (i, n) in nodes.enumerated() where !n.mayBeNamed {
            var secrets = [n.id.lowercased()]
            let name = n.name.trimmingWhitespace().lowercased()
            if !name.isEmpty { secrets.append(name) }
            hidden[n.id] = (publicID(ofNode: i), secrets)
        }
        guard !hidden.isEmpty else { return self }
        func reveals(_ text: String?, _ secrets: [String]) -> Bool {
            guard let text else { return false }
            let lower = text.lowercased()
            return secrets.contains { $0.count >= 2 && lower.contains($0) }
        }
        func secrets(of ids: String...) -> [String] { ids.flatMap { hidden[$0]?.secrets ?? [] } }

        let newNodes: [Node] = nodes.enumerated().map { i, n in
            guard let h = hidden[n.id] else { return n }
            var m = n
            m.id = h.id
            m.name = displayName(ofNode: i)
            if reveals(m.sourceRef, h.secrets) { m.sourceRef = nil }
            m.attributes = n.attributes.filter { !Self.contactAttributeKeys.contains($0.key.lowercased()) && !reveals($0.value, h.secrets) }
            return m
        }
        let newTies: [Tie] = ties.map { t in
            let s = secrets(of: t.source, t.target)
            guard !s.isEmpty else { return t }
            var u = t
            u.source = hidden[t.source]?.id ?? t.source
            u.target = hidden[t.target]?.id ?? t.target
            if reveals(u.sourceRef, s) { u.sourceRef = nil }
            u.attributes = t.attributes.filter { !reveals($0.value, s) }
            return u
        }
        let newParticipation: [Participation] = participation.map { p in
            guard let h = hidden[p.node] else { return p }
            var q = p
            q.node = h.id
            if reveals(q.sourceRef, h.secrets) { q.sourceRef = nil }
            if reveals(q.role, h.secrets) { q.role = nil }
            return q
        }
        var manifest = self.manifest
        if let hub = manifest.hub, let h = hidden[hub] { manifest.hub = h.id }
        return Network(manifest: manifest, nodes: newNodes, ties: newTies, activities: activities, participation: newParticipation)
    }
}
