/// The UTF-8 byte order mark that version 3 SMC files (and many Windows tools) put first.
/// It is a signature, not data: readers strip it and take it to mean UTF-8.
public enum ByteOrderMark {
    public static let utf8: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// 3 if `bytes` starts with the UTF-8 BOM, else 0.
    public static func utf8Length(at bytes: UnsafeRawBufferPointer) -> Int {
        guard bytes.count >= 3 else { return 0 }
        return bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// `bytes` without a leading UTF-8 BOM.
    public static func strippingUTF8<C: Collection<UInt8>>(_ bytes: C) -> C.SubSequence {
        bytes.starts(with: utf8) ? bytes.dropFirst(3) : bytes[...]
    }
}
