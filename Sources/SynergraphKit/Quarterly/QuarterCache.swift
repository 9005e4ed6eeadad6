import Foundation

/// A per-quarter memo shared by the copies of an extras value that a batch's workers hold, so a
/// report needed by a quarter's section and by the next quarter's diff is computed once.
final class QuarterCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Quarter: Value] = [:]

    /// The value for `quarter`, computed by `make` the first time.
    func value(for quarter: Quarter, _ make: () -> Value) -> Value {
        lock.lock()
        if let v = values[quarter] {
            lock.unlock()
            return v
        }
        lock.unlock()
        let v = make()
        lock.lock()
        defer { lock.unlock() }
        if let existing = values[quarter] { return existing }
        values[quarter] = v
        return v
    }
}
