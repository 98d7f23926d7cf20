/// RFC 4648 base32 in lower case without padding: the text form of pseudonyms. Lower
/// case and no padding keep them short, case-insensitive-safe, and free of characters
/// that need escaping in CSV, JSON, file names or URLs.
enum Base32 {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    static func encode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Written straight into the String's storage: one allocation per pseudonym, not two.
        String(unsafeUninitializedCapacity: (bytes.count * 8 + 4) / 5) { out in
            var n = 0
            var buffer: UInt32 = 0
            var bits = 0
            for byte in bytes {
                buffer = buffer << 8 | UInt32(byte)
                bits += 8
                while bits >= 5 {
                    bits -= 5
                    out[n] = alphabet[Int((buffer >> UInt32(bits)) & 0x1F)]
                    n += 1
                }
                buffer &= (1 << UInt32(bits)) - 1
            }
            if bits > 0 {
                out[n] = alphabet[Int((buffer << UInt32(5 - bits)) & 0x1F)]
                n += 1
            }
            return n
        }
    }

    static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { encode($0) }
    }
}
