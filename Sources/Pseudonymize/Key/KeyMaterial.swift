import CSaksgangCrypto

/// Secret bytes in memory that the process owns alone: one allocation, never copied into
/// Swift arrays that could linger, wiped when the last reference goes.
final class KeyMaterial: @unchecked Sendable {
    // Immutable after init; only read through `withBytes`.
    private let buffer: UnsafeMutableRawBufferPointer

    init(copying bytes: UnsafeRawBufferPointer) {
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        buffer.copyMemory(from: bytes)
    }

    deinit {
        if let base = buffer.baseAddress { saksgang_cleanse(base, buffer.count) }
        buffer.deallocate()
    }

    var count: Int { buffer.count }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(buffer))
    }
}
