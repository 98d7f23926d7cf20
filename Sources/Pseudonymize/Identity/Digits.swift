/// The ASCII digits of a string as small integers, or nil if any character is not one.
/// Only ASCII 0–9 count: other Unicode digits are not identity-number digits.
///
/// Identity numbers (11 digits) and organisation numbers (9) are classified once per
/// record, so the digits of strings up to 16 bytes are kept inline, without an allocation.
struct Digits {
    private var inline: (UInt64, UInt64) = (0, 0)
    private var spilled: [UInt8]?
    let count: Int

    init?(_ text: String) {
        let n = text.utf8.count
        count = n
        if n > 16 {
            var values: [UInt8] = []
            values.reserveCapacity(n)
            for byte in text.utf8 {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                values.append(byte &- 0x30)
            }
            spilled = values
            return
        }
        var i = 0
        for byte in text.utf8 {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let value = UInt64(byte &- 0x30) << UInt64((i & 7) * 8)
            if i < 8 { inline.0 |= value } else { inline.1 |= value }
            i += 1
        }
    }

    subscript(i: Int) -> Int {
        precondition(i >= 0 && i < count, "digit index out of range")
        if let spilled { return Int(spilled[i]) }
        let word = i < 8 ? inline.0 : inline.1
        return Int((word >> UInt64((i & 7) * 8)) & 0xFF)
    }
}
