import SaksgangCore

/// Windows-1252 (the encoding of version 2 SMC files) to UTF-8.
///
/// Bytes 0x00–0x7F are ASCII and 0xA0–0xFF equal U+00A0–U+00FF (as in ISO-8859-1); 0x80–0x9F
/// hold typographic characters, € among them. The five bytes Windows-1252 leaves undefined
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D) are `.invalidEncoding`: they never occur in real text,
/// so they mean the file is in some other encoding.
public enum Windows1252 {
    /// Code points for 0x80–0x9F; 0 marks an undefined byte.
    static let high: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// For each byte 0x80–0xFF, its UTF-8 form packed little-endian with the length in the
    /// top byte (0 = undefined); built once so transcoding is a table lookup per byte.
    static let utf8Table: [UInt32] = (0x80...0xFF).map { byte -> UInt32 in
        guard let scalar = scalar(for: UInt8(byte)) else { return 0 }
        var packed: UInt32 = 0
        var length: UInt32 = 0
        for unit in String(Character(scalar)).utf8 {
            packed |= UInt32(unit) << (8 * length)
            length += 1
        }
        return packed | length << 24
    }

    /// The character a byte stands for, or nil for the five undefined bytes.
    public static func scalar(for byte: UInt8) -> Unicode.Scalar? {
        switch byte {
        case 0x80...0x9F:
            let value = high[Int(byte) - 0x80]
            return value == 0 ? nil : Unicode.Scalar(value)
        default:
            return Unicode.Scalar(byte)
        }
    }

    /// True for 0x81, 0x8D, 0x8F, 0x90, 0x9D.
    @inline(__always)
    public static func isUndefined(_ byte: UInt8) -> Bool {
        byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D
    }

    /// The offset of the first undefined byte, if any.
    public static func firstUndefined(in bytes: UnsafeRawBufferPointer) -> Int? {
        bytes.firstIndex(where: { $0 >= 0x80 && isUndefined($0) })
    }

    /// Appends the UTF-8 form of `bytes` to `output`. Throws `.invalidEncoding` with the
    /// byte offset (plus `baseOffset`) at the first undefined byte.
    public static func appendUTF8(of bytes: UnsafeRawBufferPointer, to output: inout [UInt8],
                                  baseOffset: Int64 = 0) throws(SaksgangError) {
        output.reserveCapacity(output.count + bytes.count + bytes.count / 2)
        let table = utf8Table
        do {
            for (offset, byte) in bytes.enumerated() {
                if byte < 0x80 {
                    output.append(byte)
                    continue
                }
                var packed = table[Int(byte) - 0x80]
                let length = packed >> 24
                if length == 0 {
                    let at = baseOffset + Int64(offset)
                    throw SaksgangError(.invalidEncoding,
                                        "byte 0x\(String(byte, radix: 16, uppercase: true)) is undefined in Windows-1252, at byte offset \(at)",
                                        at: .init(byteOffset: at))
                }
                for _ in 0..<length {
                    output.append(UInt8(truncatingIfNeeded: packed))
                    packed >>= 8
                }
            }
        }
    }

    /// Decodes Windows-1252 bytes to a String.
    public static func decode(_ bytes: [UInt8]) throws(SaksgangError) -> String {
        var output: [UInt8] = []
        try bytes.withUnsafeBytes { raw in
            Result { () throws(SaksgangError) in try appendUTF8(of: raw, to: &output) }
        }.get()
        return String(decoding: output, as: UTF8.self)
    }
}
