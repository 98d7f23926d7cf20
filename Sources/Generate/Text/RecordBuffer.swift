/// The UTF-8 bytes of one record (an SMX `Sak`, an SMC row, a truth line) being assembled.
/// Appending bytes directly, instead of interpolating strings, is what lets a million cases
/// be written in well under a minute.
struct RecordBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    @inline(__always) mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func append(_ s: String) {
        var copy = s
        copy.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func append(byte: UInt8) { bytes.append(byte) }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// A non-negative integer, zero-padded to `width` digits.
    mutating func append(int value: Int, width: Int = 1) {
        if value >= 0 && value < 10 && width <= 1 {
            return bytes.append(UInt8(48 + value))
        }
        if value >= 0 && value < 100 && width == 2 {
            bytes.append(UInt8(48 + value / 10))
            return bytes.append(UInt8(48 + value % 10))
        }
        var v = value
        if v < 0 {
            bytes.append(UInt8(ascii: "-"))
            v = -v
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[n] = UInt8(48 + v % 10)
                v /= 10
                n += 1
            } while v > 0
            while n < width && n < 20 {
                raw[n] = 48
                n += 1
            }
            for i in stride(from: n - 1, through: 0, by: -1) { bytes.append(raw[i]) }
        }
    }

    /// XML character data or attribute value: `&`, `<`, `>`, `"` escaped; line breaks in
    /// text are written as `lineEnding`.
    mutating func appendXMLEscaped(_ s: String, lineEnding: [UInt8]) {
        if !s.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == 0x0A }) {
            return append(s)
        }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\""): append("&quot;")
            case 0x0A: bytes.append(contentsOf: lineEnding)
            default: bytes.append(b)
            }
        }
    }

    /// A CSV field as RFC 4180 writes it: quoted when it holds the separator, a quote, a
    /// comma or a line break; quotes doubled; line breaks written as `lineEnding`.
    mutating func appendCSVField(_ s: String, lineEnding: [UInt8]) {
        var needsQuotes = false
        for b in s.utf8 where b == UInt8(ascii: ";") || b == UInt8(ascii: "\"") || b == UInt8(ascii: ",")
            || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
            append(s)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): append("\"\"")
            case 0x0A: bytes.append(contentsOf: lineEnding)
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
