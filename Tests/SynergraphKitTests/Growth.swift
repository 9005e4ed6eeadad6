import Foundation

/// Growth of a reader's work with its input, measured inside one test run: the time of an input of size
/// 8n against one of size n. Linear work gives about 8; quadratic about 64. Each size is run a few times
/// and the fastest run counts (the machine is shared, so the slowest runs measure the neighbours).
enum Growth {
    /// Seconds of the fastest of `runs` calls of `body`.
    static func fastest(runs: Int = 3, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// The times of sizes n and 8n.
    struct Measurement: CustomStringConvertible {
        var small: Double
        var large: Double
        var ratio: Double { large / max(small, 1e-5) }
        var description: String { String(format: "%.1f (%.4f s, then %.4f s)", ratio, small, large) }
    }

    /// time(8n) / time(n), where `make(n)` builds the input and returns the work to time on it.
    static func ratio(_ n: Int, runs: Int = 3, _ make: (Int) -> () -> Void) -> Measurement {
        let small = make(n)
        let large = make(8 * n)
        small()  // warm up (first-use costs: allocations, lazy statics)
        let a = fastest(runs: runs, small)
        let b = fastest(runs: runs, large)
        return Measurement(small: a, large: b)
    }

    /// The bound the tests assert: 8 for linear work, with a margin of 2 for noise and cache effects.
    static let bound = 16.0
}
