import Foundation

/// A small mutex for caches shared across threads.
final class SpinLock: @unchecked Sendable {
    private let m = NSLock()
    func lock() { m.lock() }
    func unlock() { m.unlock() }
}
