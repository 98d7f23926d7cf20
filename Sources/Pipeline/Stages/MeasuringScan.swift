import Foundation
import Ingest
import Measure
import SaksgangCore

/// The measure stage's pass over every stored case, on two threads. The store's thread reads
/// and decodes each case, works out its durations on the school calendars and what it adds to
/// a cell (`CaseMeasurements.Measurer`, which depends on the case alone), and does the rest
/// of the run's per-case work (retention, the follow-up list, the school directory); a second
/// thread adds the case to the cells of its groups. The two halves take about the same time
/// (Benchmarks/README.md, "Throughput"). Cases cross in the store's order, in bounded
/// batches, so the measurements are the ones a single thread would make.
///
/// Use: `add` each case on one thread, then `finish` for the measurements. After an error,
/// `abandon` lets the second thread end before the error goes on.
final class MeasuringScan: @unchecked Sendable {
    /// Cases handed across at a time, and batches waiting at most.
    static let batchSize = 256
    static let batchesWaiting = 8

    private typealias Item = (c: Case, facts: CaseMeasurements.Facts)
    private let pipe = BatchPipe<Item>(capacity: MeasuringScan.batchesWaiting)
    /// Written only by the measuring thread until `done` is signalled; read only after.
    private var measurements: CaseMeasurements
    /// Works out on the store's thread what a case adds.
    private let measurer: CaseMeasurements.Measurer
    private let done = DispatchSemaphore(value: 0)
    private var batch: BatchPipe<Item>.Batch = []
    private var ended = false

    init(_ measurements: CaseMeasurements) {
        self.measurements = measurements
        measurer = measurements.measurer
        batch.reserveCapacity(Self.batchSize)
        let thread = Thread { [self] in
            while let items = pipe.pop() {
                for case .success(let item) in items { self.measurements.add(item.c, facts: item.facts) }
            }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next case, in the store's order; returns it measured, for the follow-up list.
    func add(_ c: Case) throws -> MeasuredCase {
        let m = measurer.measured(c)
        batch.append(.success((c, measurer.facts(of: m))))
        if batch.count >= Self.batchSize {
            try pipe.push(batch)
            batch.removeAll(keepingCapacity: true)
        }
        return m
    }

    /// Every case was added: waits for the measuring thread and returns what it measured.
    func finish() throws -> CaseMeasurements {
        try pipe.push(batch)
        batch = []
        end()
        return measurements
    }

    /// The pass stopped part-way: the measuring thread is let go, its measurements dropped.
    func abandon() {
        pipe.cancel()
        end()
    }

    private func end() {
        guard !ended else { return }
        ended = true
        pipe.finish(warnings: [], error: nil)
        done.wait()
    }
}
