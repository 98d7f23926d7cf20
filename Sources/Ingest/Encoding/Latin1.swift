/// ISO-8859-1 to UTF-8: every byte is the code point of the same value, so it cannot fail.
/// Older SMX files declare ISO-8859-1 (libxml2 decodes those itself); this is for any other
/// reader that meets it.
public enum Latin1 {
    /// Appends the UTF-8 form of `bytes` to `output`.
    public static func appendUTF8(of bytes: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        output.reserveCapacity(output.count + bytes.count + bytes.count / 2)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                output.append(0xC0 | byte >> 6)
                output.append(0x80 | byte & 0x3F)
            }
        }
    }

    /// Decodes ISO-8859-1 bytes to a String.
    public static func decode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        bytes.withUnsafeBytes { appendUTF8(of: $0, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }
}
