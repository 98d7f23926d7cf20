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

    /// Cases handed across together, with what each adds to the cells. A batch goes round:
    /// once its cases are added it comes back to be filled again, and a case's facts are
    /// collected into the lists of the case that had its place before, so that no case
    /// allocates lists of its own. At most `batchesWaiting` + 2 batches exist.
    private final class Batch: @unchecked Sendable {
        var cases: [Case] = []
        /// `facts[k]` is what `cases[k]` adds; past `cases.count`, lists kept for reuse.
        var facts: [CaseMeasurements.Facts] = []

        init() {
            cases.reserveCapacity(MeasuringScan.batchSize)
            facts.reserveCapacity(MeasuringScan.batchSize)
        }
    }

    private let pipe = BatchPipe<Batch>(capacity: MeasuringScan.batchesWaiting)
    /// Written only by the measuring thread until `done` is signalled; read only after.
    private var measurements: CaseMeasurements
    /// Works out on the store's thread what a case adds.
    private let measurer: CaseMeasurements.Measurer
    private let done = DispatchSemaphore(value: 0)
    /// The batch the store's thread is filling.
    private var filling = Batch()
    /// Batches the measuring thread has added, for the store's thread to fill again.
    private let returnedLock = NSLock()
    private var returned: [Batch] = []
    private var ended = false

    init(_ measurements: CaseMeasurements) {
        self.measurements = measurements
        measurer = measurements.measurer
        let thread = Thread { [self] in
            while let items = pipe.pop() {
                for case .success(let b) in items {
                    for k in b.cases.indices { self.measurements.add(b.cases[k], facts: b.facts[k]) }
                    b.cases.removeAll(keepingCapacity: true)
                    returnedLock.withLock { returned.append(b) }
                }
            }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next case, in the store's order; returns it measured, for the follow-up list.
    func add(_ c: Case) throws -> MeasuredCase {
        let m = measurer.measured(c)
        let k = filling.cases.count
        if k == filling.facts.count { filling.facts.append(CaseMeasurements.Facts()) }
        measurer.collect(m, into: &filling.facts[k])
        filling.cases.append(c)
        if filling.cases.count >= Self.batchSize {
            try pipe.push([.success(filling)])
            filling = returnedLock.withLock { returned.popLast() } ?? Batch()
        }
        return m
    }

    /// Every case was added: waits for the measuring thread and returns what it measured.
    func finish() throws -> CaseMeasurements {
        if !filling.cases.isEmpty { try pipe.push([.success(filling)]) }
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
