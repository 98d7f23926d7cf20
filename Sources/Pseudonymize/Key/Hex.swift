/// Lower-case hex of bytes, for key ids and for writing new key files.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func lower<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
