import Foundation
import SaksgangCore

/// Hands batches of items from a producing thread to a consuming one, in order, so that two
/// stages of work run on different cores. Ingest chains two: raw records from the reading
/// thread (decompression, parsing) to the mapping thread, mapped cases from there to the
/// caller's thread (pseudonymising, storing); the measure stage's scan hands each stored case
/// with what it adds to the cells to the thread that adds it (`MeasuringScan`). Bounded: a
/// slow consumer stops its producer instead of filling memory.
package final class BatchPipe<Item>: @unchecked Sendable {
    package typealias Batch = [Result<Item, SaksgangError>]

    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var head = 0
    private let capacity: Int
    private var finished = false
    private var cancelled = false
    private var producerDone = false
    package private(set) var failure: Error?
    package private(set) var warnings: [SaksgangError] = []

    package struct Cancelled: Error {}

    package init(capacity: Int = 16) { self.capacity = capacity }

    /// Waits while the pipe is full; throws `Cancelled` once the consumer has given up.
    package func push(_ batch: Batch) throws {
        guard !batch.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        while queue.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        queue.append(batch)
        condition.broadcast()
    }

    /// The reader is done, with the file's warnings or the error that ended it.
    package func finish(warnings: [SaksgangError], error: Error?) {
        condition.lock()
        self.warnings = warnings
        if !(error is Cancelled) { failure = error }
        finished = true
        producerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or nil when the reader has finished and everything was taken.
    package func pop() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count && !finished { condition.wait() }
        guard head < queue.count else { return nil }
        let batch = queue[head]
        queue[head] = []
        head += 1
        if head > 64 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return batch
    }

    /// The consumer gives up: the reader stops at its next push.
    package func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    package func waitUntilProducerDone() {
        condition.lock()
        while !producerDone { condition.wait() }
        condition.unlock()
    }
}

/// Moves a value that is used by one thread at a time across a thread boundary.
struct Handoff<Value>: @unchecked Sendable {
    let value: Value
}
