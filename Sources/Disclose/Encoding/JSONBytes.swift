import Foundation

/// JSON appended as UTF-8 to a byte array, with exactly the bytes Foundation's `JSONEncoder`
/// writes on Linux (swift-foundation): strings escape `"`, `\`, `/` (unless slashes are left
/// alone), `\b \f \n \r \t` and the other control characters as `\u00xx` (lower-case hex);
/// a `Double` is its `description` without a trailing `.0`, an `Int` its decimal digits;
/// `sortedKeys` orders keys by their UTF-8 bytes; pretty printing indents by two spaces and
/// writes `"key" : value`.
///
/// Why not `JSONEncoder`: the publication record and `tables.json` carry every figure and
/// every count cell, and encoding them through `Encodable` (a tree of boxed values per
/// figure, then a writer pass) was ≥ 18 % of a run's samples at 100,000 cases
/// (Benchmarks/README.md, "Throughput"). The writers of those files call this directly in
/// their keys' sorted order; tests compare their bytes with `JSONEncoder`'s.
package struct JSONBytes {
    package private(set) var bytes: [UInt8] = []
    /// `/` written as `\/` (the encoder's default) or as it is (`.withoutEscapingSlashes`).
    package let escapesSlashes: Bool
    /// `.prettyPrinted`: one key or element per line, two spaces per level.
    package let pretty: Bool
    private var indent = 0
    /// Per open container: true until its first element is written.
    private var first: [Bool] = []

    package init(escapesSlashes: Bool = true, pretty: Bool = false, capacity: Int = 0) {
        self.escapesSlashes = escapesSlashes
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// Hands the bytes over (the buffer is left empty), for writing or appending elsewhere.
    package mutating func take() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    // MARK: Raw output

    /// Bytes written as they are (structure, or JSON already formatted).
    package mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    package mutating func raw(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    // MARK: Containers

    package mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    package mutating func endObject() {
        close()
        bytes.append(UInt8(ascii: "}"))
    }

    package mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        open()
    }

    package mutating func endArray() {
        close()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Starts a member of the open object: separator, indentation, the key and the colon.
    package mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        colon()
    }

    /// A key that may need escaping (a dictionary's key).
    package mutating func key(_ name: String) {
        separate()
        string(name)
        colon()
    }

    /// Starts an element of the open array.
    package mutating func element() {
        separate()
    }

    // MARK: Values

    package mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    package mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    package mutating func int(_ value: Int) {
        if value == 0 { bytes.append(UInt8(ascii: "0")); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var magnitude = value.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    package mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// A finite number as `JSONEncoder` writes it; a number that is not finite cannot be
    /// written (the encoder refuses it too).
    package mutating func double(_ value: Double) throws(NotFinite) {
        guard value.isFinite else { throw NotFinite() }
        var text = value.description
        text.withUTF8 { utf8 in
            let whole = utf8.count >= 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0")
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<(whole ? utf8.count - 2 : utf8.count)]))
        }
    }

    package mutating func double(_ value: Double?) throws(NotFinite) {
        if let value { try double(value) } else { null() }
    }

    package mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    package mutating func bool(_ value: Bool?) {
        if let value { bool(value) } else { null() }
    }

    package mutating func null() {
        raw("null")
    }

    /// A number that is not finite: JSON has none, and the encoder throws for one.
    package struct NotFinite: Error {}

    /// Keys in the order `JSONEncoder` with `.sortedKeys` writes them (by UTF-8 bytes).
    /// The bytes are compared with `memcmp` where both are contiguous (native strings):
    /// the generic `lexicographicallyPrecedes` over the UTF-8 views was about 1.3 % of a run's
    /// samples at 100,000 cases, sorting the publication record's cells.
    package static func sortedKeys<S: Sequence>(_ keys: S) -> [String] where S.Element == String {
        keys.sorted { a, b in
            let fast = a.utf8.withContiguousStorageIfAvailable { x in
                b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                    let common = min(x.count, y.count)
                    if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                        let order = memcmp(p, q, common)
                        if order != 0 { return order < 0 }
                    }
                    return x.count < y.count
                }
            }
            return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
        }
    }

    // MARK: Layout

    private mutating func open() {
        first.append(true)
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            indent += 1
        }
    }

    private mutating func close() {
        first.removeLast()
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            indent -= 1
            writeIndent()
        }
    }

    private mutating func separate() {
        if first[first.count - 1] {
            first[first.count - 1] = false
        } else {
            bytes.append(UInt8(ascii: ","))
            if pretty { bytes.append(UInt8(ascii: "\n")) }
        }
        if pretty { writeIndent() }
    }

    private mutating func colon() {
        if pretty { raw(" : ") } else { bytes.append(UInt8(ascii: ":")) }
    }

    private mutating func writeIndent() {
        for _ in 0..<indent { bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: " ")) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var mark = 0
        for i in 0..<utf8.count {
            let byte = utf8[i]
            let escape: (UInt8, UInt8)?
            switch byte {
            case UInt8(ascii: "\""): escape = (UInt8(ascii: "\\"), UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): escape = (UInt8(ascii: "\\"), UInt8(ascii: "\\"))
            case UInt8(ascii: "/") where escapesSlashes: escape = (UInt8(ascii: "\\"), UInt8(ascii: "/"))
            case 0x08: escape = (UInt8(ascii: "\\"), UInt8(ascii: "b"))
            case 0x0C: escape = (UInt8(ascii: "\\"), UInt8(ascii: "f"))
            case 0x0A: escape = (UInt8(ascii: "\\"), UInt8(ascii: "n"))
            case 0x0D: escape = (UInt8(ascii: "\\"), UInt8(ascii: "r"))
            case 0x09: escape = (UInt8(ascii: "\\"), UInt8(ascii: "t"))
            case 0x00...0x1F: escape = nil
            default: continue
            }
            if i > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<i])) }
            mark = i + 1
            if let escape {
                bytes.append(escape.0)
                bytes.append(escape.1)
            } else {
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]])
            }
        }
        if utf8.count > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...])) }
    }
}
