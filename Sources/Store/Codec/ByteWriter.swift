import SaksgangCore

/// Appends the primitives of the case encoding to a byte buffer: LEB128 varints, zigzag
/// for signed values, length-prefixed UTF-8 for strings.
struct ByteWriter {
    var bytes: [UInt8]

    init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer and keeps its storage, for the next value.
    mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    @inline(__always) mutating func byte(_ b: UInt8) { bytes.append(b) }

    @inline(__always) mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Zigzag keeps small negative numbers short.
    @inline(__always) mutating func signed(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
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
