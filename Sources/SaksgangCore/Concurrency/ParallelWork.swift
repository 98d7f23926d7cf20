import Foundation

/// Independent pieces of work spread over the machine's cores, for the stages after the
/// store has been read (the figures of each grouping, the blocks of the disclosure audit, the
/// report beside the internal files): each piece runs once, on whichever thread is free, and
/// the results come back in the pieces' order, so the output is the same as one thread's,
/// whatever the number of cores.
///
/// The calling thread takes part; at most `threads - 1` others are started, each with the
/// same 8 MiB stack as the measuring scan's thread (Foundation's default is smaller).
public enum ParallelWork {
    /// The threads `map` uses by default: the cores the process may run on, at least 1 and at
    /// most 8 (the pieces are a few dozen at most, and each thread may take a heap arena of
    /// its own, which the run's peak memory pays for).
    public static var threads: Int { min(8, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    /// `body(0)`, …, `body(count - 1)`, run on up to `threads` threads, in index order.
    /// Pieces are taken in index order, so put the longest first where it is known.
    public static func map<T>(_ count: Int, threads: Int = ParallelWork.threads,
                              _ body: (Int) -> T) -> [T] {
        guard count > 1, threads > 1 else { return (0..<count).map(body) }
        return withoutActuallyEscaping(body) { body in
            let work = Pieces<T>(count: count, body: body)
            let helpers = min(threads, count) - 1
            let finished = DispatchSemaphore(value: 0)
            for _ in 0..<helpers {
                let thread = Thread { work.drain(); finished.signal() }
                thread.stackSize = 8 << 20
                thread.start()
            }
            work.drain()
            for _ in 0..<helpers { finished.wait() }
            // The threads may outlive this call by a moment: they must not hold `body` then.
            work.body = nil
            return work.results()
        }
    }

    /// `first` and `second` at the same time; returns both results.
    public static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        var a: A?
        var b: B?
        _ = map(2) { k -> Void in if k == 0 { a = first() } else { b = second() } }
        return (a!, b!)
    }

    /// `map` for pieces that throw: every piece runs; the first error by index is thrown.
    public static func map<T, E: Error>(_ count: Int, threads: Int = ParallelWork.threads,
                                        throwing body: (Int) throws(E) -> T) throws(E) -> [T] {
        let results: [Result<T, E>] = map(count, threads: threads) { k in Result { () throws(E) -> T in try body(k) } }
        return try results.map { r throws(E) -> T in try r.get() }
    }

    /// The pieces and their results, shared by the threads that take them. Each slot is
    /// written by the one thread that took its index and read only after every thread is done.
    private final class Pieces<T>: @unchecked Sendable {
        let count: Int
        var body: ((Int) -> T)?
        private var next = 0
        private let lock = NSLock()
        private let slots: UnsafeMutablePointer<T?>

        init(count: Int, body: @escaping (Int) -> T) {
            self.count = count
            self.body = body
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil, count: count)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        func drain() {
            guard let body else { return }
            while true {
                let k: Int = lock.withLock { defer { next += 1 }; return next }
                guard k < count else { return }
                slots[k] = body(k)
            }
        }

        func results() -> [T] { (0..<count).map { slots[$0]! } }
    }
}
