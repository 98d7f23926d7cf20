import SaksgangCore

/// A byte source over bytes already in memory: for tests and for small inputs such as a
/// mapping's sample. `maxChunk` limits each read, to exercise readers across chunk edges.
public final class MemoryByteSource: ByteSource {
    public let bytes: [UInt8]
    public let maxChunk: Int
    public private(set) var position: Int64 = 0

    public init(_ bytes: [UInt8], maxChunk: Int = .max) {
        self.bytes = bytes
        self.maxChunk = max(1, maxChunk)
    }

    public convenience init(_ text: String, maxChunk: Int = .max) {
        self.init(Array(text.utf8), maxChunk: maxChunk)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SaksgangError) -> Int {
        let start = Int(position)
        let n = min(buffer.count, bytes.count - start, maxChunk)
        guard n > 0, let base = buffer.baseAddress else { return 0 }
        bytes.withUnsafeBytes { base.copyMemory(from: $0.baseAddress! + start, byteCount: n) }
        position += Int64(n)
        return n
    }
}
