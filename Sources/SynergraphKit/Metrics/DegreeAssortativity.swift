extension Graph {
    /// Degree assortativity, `nx.degree_assortativity_coefficient(G)`: the Pearson correlation, over all
    /// arcs `u → v` (both directions of each undirected edge), of the degree at the tail with the degree at
    /// the head. Directed graphs pair the tail's out-degree with the head's in-degree (NetworkX's default
    /// `x="out", y="in"`). Unweighted.
    ///
    /// `nil` when undefined: no edges, or zero variance on either side (e.g. regular graphs, where NetworkX
    /// returns NaN).
    /// - Complexity: O(V + E).
    /// - Reference: M. E. J. Newman, "Mixing patterns in networks", Physical Review E 67:026126, 2003.
    ///   doi:10.1103/PhysRevE.67.026126
    public func degreeAssortativity() -> Double? {
        let outDegree = isDirected ? outDegrees() : degrees()
        let inDegree = isDirected ? inDegrees() : outDegree
        var count = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
        for u in 0..<vertexCount {
            let x = Double(outDegree[u])
            for v in neighbours(of: u) {
                let y = Double(inDegree[Int(v)])
                count += 1; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y
            }
        }
        guard count > 0 else { return nil }
        let mx = sx / count, my = sy / count
        let varX = sxx / count - mx * mx, varY = syy / count - my * my
        let denominator = (varX * varY).squareRoot()
        guard denominator > 0, denominator.isFinite else { return nil }
        return (sxy / count - mx * my) / denominator
    }
}
