import SaksgangCore

/// Reads the primitives that `ByteWriter` writes, from borrowed bytes (an SQLite column
/// or an array), checking every length against the end. Running past the end or meeting a
/// value that cannot be is `.store`: the body was truncated or damaged.
struct ByteReader {
    private let base: UnsafeRawPointer?
    private let end: Int
    private(set) var position = 0

    init(_ buffer: UnsafeRawBufferPointer) {
        base = buffer.baseAddress
        end = buffer.count
    }

    var isAtEnd: Bool { position == end }

    func damaged(_ what: String, field: String) -> SaksgangError {
        SaksgangError(.store, "case body \(what)", at: .init(byteOffset: Int64(position), field: field))
    }

    @inline(__always) mutating func byte(_ field: String) throws(SaksgangError) -> UInt8 {
        guard position < end, let base else { throw damaged("truncated", field: field) }
        let b = base.load(fromByteOffset: position, as: UInt8.self)
        position += 1
        return b
    }

    mutating func varint(_ field: String) throws(SaksgangError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte(field)
            if shift == 63 && b > 1 { throw damaged("has an oversized number", field: field) }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    @inline(__always) mutating func signed(_ field: String) throws(SaksgangError) -> Int64 {
        let z = try varint(field)
        return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }

    /// The raw bytes of a length-prefixed string, borrowed.
    mutating func span(_ field: String) throws(SaksgangError) -> UnsafeRawBufferPointer {
        let n = try varint(field)
        guard n <= UInt64(end - position), let base else { throw damaged("truncated", field: field) }
        let span = UnsafeRawBufferPointer(start: base + position, count: Int(n))
        position += Int(n)
        return span
    }

    mutating func string(_ field: String) throws(SaksgangError) -> String {
        String(decoding: try span(field), as: UTF8.self)
    }

    mutating func presence(_ field: String) throws(SaksgangError) -> Bool {
        switch try byte(field) {
        case 0: return false
        case 1: return true
        default: throw damaged("has an invalid presence flag", field: field)
        }
    }

    mutating func optionalString(_ field: String) throws(SaksgangError) -> String? {
        try presence(field) ? try string(field) : nil
    }

    mutating func optionalBool(_ field: String) throws(SaksgangError) -> Bool? {
        switch try byte(field) {
        case 0: return nil
        case 1: return false
        case 2: return true
        default: throw damaged("has an invalid flag", field: field)
        }
    }

    mutating func optionalInt(_ field: String) throws(SaksgangError) -> Int? {
        guard try presence(field) else { return nil }
        let v = try signed(field)
        guard let i = Int(exactly: v) else { throw damaged("has an oversized number", field: field) }
        return i
    }

    mutating func timestamp(_ field: String) throws(SaksgangError) -> Timestamp {
        guard let t = try optionalTimestamp(field) else { throw damaged("lacks a required time", field: field) }
        return t
    }

    mutating func optionalTimestamp(_ field: String) throws(SaksgangError) -> Timestamp? {
        let tag = try byte(field)
        guard tag != 0 else { return nil }
        guard tag <= 2 else { throw damaged("has an invalid time flag", field: field) }
        return Timestamp(seconds: try signed(field), hasTime: tag == 2)
    }

    mutating func count(_ field: String) throws(SaksgangError) -> Int {
        let n = try varint(field)
        // Every element takes at least one byte: a larger count is damage, not a reason to allocate.
        guard n <= UInt64(end - position) else { throw damaged("has an impossible count", field: field) }
        return Int(n)
    }

    mutating func code<C: CanonicalCode>(_ table: CodeTable<C>, _ field: String) throws(SaksgangError) -> C {
        guard let c = table.lookup(try span(field)) else { throw damaged("has an unknown code", field: field) }
        return c
    }

    mutating func optionalCode<C: CanonicalCode>(_ table: CodeTable<C>, _ field: String) throws(SaksgangError) -> C? {
        try presence(field) ? try code(table, field) : nil
    }
}
