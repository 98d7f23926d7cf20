import SaksgangCore

/// Appends the primitives of the case encoding to a byte buffer: LEB128 varints, zigzag
/// for signed values, length-prefixed UTF-8 for strings.
///
/// The buffer is its own memory, not an `[UInt8]`: an array asks the runtime whether its
/// storage is uniquely referenced on every append, which was about a third of encoding a
/// case on the ingesting thread (a case is some forty appends, an SMX case with its events
/// hundreds). Not copyable, so that the memory has one owner.
struct ByteWriter: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are written.
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// A copy of the bytes written.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    /// The bytes written, borrowed for the length of `body`.
    func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Empties the buffer and keeps its memory, for the next value.
    mutating func clear() { count = 0 }

    /// Room for `n` more bytes.
    @inline(__always) private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }

    @inline(__always) mutating func byte(_ b: UInt8) {
        reserve(1)
        start[count] = b
        count += 1
    }

    @inline(__always) mutating func varint(_ value: UInt64) {
        reserve(10)
        var v = value
        while v >= 0x80 {
            start[count] = UInt8(truncatingIfNeeded: v) | 0x80
            count += 1
            v >>= 7
        }
        start[count] = UInt8(v)
        count += 1
    }

    /// Zigzag keeps small negative numbers short.
    @inline(__always) mutating func signed(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Writes the string's length and UTF-8; returns where the UTF-8 lies in the bytes written.
    @discardableResult
    mutating func string(_ s: String) -> Range<Int> {
        var s = s
        return s.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            reserve(utf8.count)
            if let source = utf8.baseAddress { (start + count).update(from: source, count: utf8.count) }
            count += utf8.count
            return count - utf8.count ..< count
        }
    }

    /// Absent as 0; present as 1 and the string.
    mutating func optionalString(_ s: String?) {
        guard let s else { return byte(0) }
        byte(1)
        string(s)
    }

    /// One byte: 0 nil, 1 false, 2 true.
    @inline(__always) mutating func optionalBool(_ b: Bool?) {
        byte(b.map { $0 ? 2 : 1 } ?? 0)
    }

    mutating func optionalInt(_ i: Int?) {
        guard let i else { return byte(0) }
        byte(1)
        signed(Int64(i))
    }

    /// A tag byte (1 date only, 2 with time of day) and the seconds.
    @inline(__always) mutating func timestamp(_ t: Timestamp) {
        byte(t.hasTime ? 2 : 1)
        signed(t.seconds)
    }

    /// As `timestamp`, with tag 0 for absent.
    mutating func optionalTimestamp(_ t: Timestamp?) {
        guard let t else { return byte(0) }
        timestamp(t)
    }

    /// A code by its canonical raw string (stable when enum cases are reordered or added).
    @inline(__always) mutating func code<C: CanonicalCode>(_ c: C) { string(c.rawValue) }

    mutating func optionalCode<C: CanonicalCode>(_ c: C?) {
        guard let c else { return byte(0) }
        byte(1)
        code(c)
    }
}
