/// The ASCII digits of a string as small integers, or nil if any character is not one.
/// Only ASCII 0–9 count: other Unicode digits are not identity-number digits.
struct Digits {
    private let values: [Int]

    init?(_ text: String) {
        var values: [Int] = []
        values.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            values.append(Int(byte - 0x30))
        }
        self.values = values
    }

    var count: Int { values.count }
    subscript(i: Int) -> Int { values[i] }
}
