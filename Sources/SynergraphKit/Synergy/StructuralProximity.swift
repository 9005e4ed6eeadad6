import Foundation

/// Structural proximity of two actors, in [0, 1]: how close they already are through shared partners.
///
/// The Adamic–Adar index `AA(a, b) = Σ_{z ∈ N(a) ∩ N(b)} 1 / ln deg(z)` over the shared neighbours `z`
/// of the simple undirected view (ties and, by default, co-participation), mapped to [0, 1] by
/// `S = 1 − exp(−AA)`. A shared partner with few partners of its own counts more than a shared hub
/// that knows everyone. The map is monotone and needs no maximum over other pairs, so a pair's score does
/// not change when unrelated pairs are added. (A shared neighbour has degree ≥ 2, so ln deg ≥ ln 2.)
///
/// - Example: a and b share one partner of degree 2 (AA = 1/ln 2 ≈ 1.443) and one of degree 4
///   (1/ln 4 ≈ 0.721): AA ≈ 2.164, S ≈ 0.885.
/// - Complexity: O(deg a + deg b) by merging sorted neighbour rows.
/// - Reference: L. A. Adamic and E. Adar, "Friends and neighbors on the Web", Social Networks
///   25(3):211–230, 2003. doi:10.1016/S0378-8733(03)00009-1
public enum StructuralProximity {
    public static func score(adamicAdar: Double) -> Double { 1 - exp(-adamicAdar) }
}

extension Graph {
    /// The Adamic–Adar index of `a` and `b` (see ``StructuralProximity``); directions are ignored only
    /// in the sense that the undirected graph's rows are used as they are.
    public func adamicAdar(_ a: Int, _ b: Int) -> Double {
        var i = offsets[a], j = offsets[b]
        let ie = offsets[a + 1], je = offsets[b + 1]
        var s = 0.0
        while i < ie, j < je {
            let x = targets[i], y = targets[j]
            if x == y {
                s += 1 / log(Double(degree(of: Int(x))))
                i += 1; j += 1
            } else if x < y { i += 1 } else { j += 1 }
        }
        return s
    }

    /// The neighbours `a` and `b` share, ascending.
    public func sharedNeighbours(_ a: Int, _ b: Int) -> [Int] {
        var i = offsets[a], j = offsets[b]
        let ie = offsets[a + 1], je = offsets[b + 1]
        var out: [Int] = []
        while i < ie, j < je {
            let x = targets[i], y = targets[j]
            if x == y { out.append(Int(x)); i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
        }
        return out
    }

    /// Whether `b` is a neighbour of `a` (binary search in the sorted row).
    public func hasEdge(_ a: Int, _ b: Int) -> Bool {
        var lo = offsets[a], hi = offsets[a + 1]
        let t = Int32(b)
        while lo < hi {
            let mid = (lo + hi) / 2
            if targets[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo < offsets[a + 1] && targets[lo] == t
    }
}
