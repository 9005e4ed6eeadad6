import Dispatch
import Foundation

/// Raw views of one direction of a ``Graph``'s CSR arrays, for inner loops without bounds checks or ARC.
///
/// Only valid inside ``Graph/_withArcs(reversed:_:)``.
@usableFromInline
struct _Arcs {
    @usableFromInline let offsets: UnsafeBufferPointer<Int>
    @usableFromInline let targets: UnsafeBufferPointer<Int32>
    @usableFromInline let weights: UnsafeBufferPointer<Double>
    @usableFromInline let vertexCount: Int
}

extension Graph {
    /// Calls `body` with raw views of the out-arcs (`reversed == false`) or in-arcs (`reversed == true`).
    @usableFromInline
    func _withArcs<R>(reversed: Bool, _ body: (_Arcs) throws -> R) rethrows -> R {
        let o = reversed ? inOffsets : offsets
        let t = reversed ? inSources : targets
        let w = reversed ? inWeights : weights
        return try o.withUnsafeBufferPointer { op in
            try t.withUnsafeBufferPointer { tp in
                try w.withUnsafeBufferPointer { wp in
                    try body(_Arcs(offsets: op, targets: tp, weights: wp, vertexCount: vertexCount))
                }
            }
        }
    }

    /// Arc lengths `1 / weight` aligned with the out-arcs (or in-arcs), the project's convention for
    /// weighted path metrics (NetworkX called with an edge attribute `distance = 1 / weight`).
    /// Arcs whose weight is not positive and finite get length `+infinity` and are never traversed.
    func _inverseWeightLengths(reversed: Bool) -> [Double] {
        (reversed ? inWeights : weights).map { w in w > 0 && w.isFinite ? 1 / w : .infinity }
    }
}

/// The number of worker threads used when a caller does not say: every active processor.
public var defaultMetricThreadCount: Int { ProcessInfo.processInfo.activeProcessorCount }

/// Fixed, thread-count-independent chunking of a range of source vertices, and a runner that spreads the
/// chunks over worker threads.
///
/// Determinism: the chunk boundaries depend only on the number of sources and the length of one
/// partial-result buffer, never on the number of threads. Each chunk processes its sources in ascending
/// order into its own partial buffer; the caller then adds the partial buffers in chunk order. The floating
/// point operations, and so the bits of the result, are therefore the same for any thread count.
struct _SourceChunks {
    /// Upper bound on the number of chunks (enough to balance load on any sensible core count).
    static let maximumChunkCount = 64
    /// Upper bound on the memory used by all partial buffers together, in bytes.
    static let partialBudgetBytes = 512 << 20

    let sourceCount: Int
    let chunkCount: Int

    /// - Parameters:
    ///   - sourceCount: number of sources, processed as `0..<sourceCount`.
    ///   - partialLength: number of `Double`s in one chunk's partial buffer (0 if the caller keeps none).
    init(sourceCount: Int, partialLength: Int) {
        self.sourceCount = sourceCount
        var chunks = min(Self.maximumChunkCount, max(sourceCount, 1))
        if partialLength > 0 {
            let affordable = Self.partialBudgetBytes / (partialLength * MemoryLayout<Double>.stride)
            chunks = max(1, min(chunks, affordable))
        }
        self.chunkCount = chunks
    }

    /// The sources of chunk `c`: an even split of `0..<sourceCount`.
    func range(of c: Int) -> Range<Int> {
        (sourceCount * c / chunkCount)..<(sourceCount * (c + 1) / chunkCount)
    }

    /// Runs `work(worker, chunk)` for every chunk on `threads` workers; worker `t` takes chunks
    /// `t, t + threads, t + 2·threads, …`. `makeWorker(t)` builds the per-worker scratch state once.
    /// `progress`, when given, advances by one after each chunk.
    func run<Worker>(threads: Int, progress: WorkProgress? = nil, makeWorker: (Int) -> Worker, _ work: (inout Worker, Int) -> Void) {
        let workers = max(1, min(threads, chunkCount))
        if workers == 1 {
            var state = makeWorker(0)
            for c in 0..<chunkCount {
                work(&state, c)
                progress?.advance()
            }
            return
        }
        let chunkCount = self.chunkCount
        withoutActuallyEscaping(makeWorker) { make in
            withoutActuallyEscaping(work) { body in
                // The closures only touch per-worker state and disjoint per-chunk rows; Dispatch's
                // `@Sendable` requirement cannot see that, hence the unchecked box.
                let box = _UncheckedSendableBox(value: (make, body))
                DispatchQueue.concurrentPerform(iterations: workers) { t in
                    let (make, body) = box.value
                    var state = make(t)
                    var c = t
                    while c < chunkCount {
                        body(&state, c)
                        progress?.advance()
                        c += workers
                    }
                }
            }
        }
    }
}

/// Carries non-`Sendable` values into a `@Sendable` closure whose safety the caller has checked by hand.
struct _UncheckedSendableBox<Value>: @unchecked Sendable {
    let value: Value
}

/// A flat block of `count × length` doubles: one partial-sum row per chunk, reduced in chunk order.
final class _PartialSums: @unchecked Sendable {
    let rows: Int
    let length: Int
    let base: UnsafeMutablePointer<Double>

    init(rows: Int, length: Int) {
        self.rows = rows
        self.length = length
        base = .allocate(capacity: max(1, rows * length))
        base.initialize(repeating: 0, count: max(1, rows * length))
    }

    deinit { base.deallocate() }

    func row(_ r: Int) -> UnsafeMutablePointer<Double> { base + r * length }

    /// `Σ_r row(r)[i]`, added in row order 0, 1, 2, … so the bits do not depend on who filled which row.
    func reducedInOrder() -> [Double] {
        var out = [Double](repeating: 0, count: length)
        out.withUnsafeMutableBufferPointer { o in
            for r in 0..<rows {
                let p = row(r)
                for i in 0..<length { o[i] += p[i] }
            }
        }
        return out
    }
}
