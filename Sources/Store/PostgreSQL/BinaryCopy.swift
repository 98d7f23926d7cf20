/// Rows in PostgreSQL's binary COPY format, for `COPY … FROM STDIN (FORMAT binary)`: a
/// signature, then per row a field count and each field as a length and its bytes (network
/// byte order), then a trailer. Binary, so bytes and text need no escaping.
struct BinaryCopy {
    private(set) var bytes: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00] + [0, 0, 0, 0] + [0, 0, 0, 0]
    private(set) var rows = 0

    mutating func row(fields: Int16) {
        append(UInt16(bitPattern: fields))
        rows += 1
    }

    mutating func text(_ s: String) {
        let utf8 = s.utf8
        append(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func int64(_ n: Int64) {
        append(UInt32(8))
        append(UInt64(bitPattern: n))
    }

    mutating func bool(_ b: Bool) {
        append(UInt32(1))
        bytes.append(b ? 1 : 0)
    }

    mutating func blob(_ b: [UInt8]) {
        append(UInt32(b.count))
        bytes.append(contentsOf: b)
    }

    /// The bytes to send, ending with the trailer.
    func finished() -> [UInt8] { bytes + [0xFF, 0xFF] }

    private mutating func append<T: FixedWidthInteger>(_ n: T) {
        withUnsafeBytes(of: n.bigEndian) { bytes.append(contentsOf: $0) }
    }
}
