import SaksgangCore

/// Issues synthetic identity numbers of the Tax Administration's test population (month +
/// 80, exports.md §5): fødselsnumre, and D-numbers with day + 40 as well. Every number it
/// issues is unique and has valid check digits; a bit set over (birth date, individual
/// number, kind) keeps them unique in constant memory, so two generated people never share
/// a number by accident.
struct IdentityRegistry {
    /// First birth date the bit set covers; later than `lastDay` is refused.
    private static let firstDay = LocalDate(year: 1940, month: 1, day: 1)!
    private static let dayCount = 100 * 366
    private var used: [UInt64]

    init() {
        used = [UInt64](repeating: 0, count: (Self.dayCount * 1000 * 2 + 63) / 64)
    }

    enum Kind { case fodselsnummer, dNumber }

    /// A new number for a person born on `birth`, with the sex digit matching `female` when
    /// given. Individual numbers follow the century rule (500–999 for 2000–2039, 000–499 for
    /// the 1900s). Moves to the next day when a day's numbers run out.
    mutating func issue(birth: LocalDate, female: Bool?, kind: Kind, random: inout SeededRandom) -> String {
        var date = birth
        while true {
            let (y, _, _) = date.components
            let range = y >= 2000 ? 500...999 : 0...499
            let start = random.int(range)
            let span = range.count
            for step in 0..<span {
                let individual = range.lowerBound + (start - range.lowerBound + step) % span
                if let female, individual % 2 == (female ? 1 : 0) { continue }  // sex digit: even = female
                let slot = slotIndex(date: date, individual: individual, kind: kind)
                if used[slot >> 6] & (1 << UInt64(slot & 63)) != 0 { continue }
                guard let number = Self.number(date: date, individual: individual, kind: kind) else { continue }
                used[slot >> 6] |= 1 << UInt64(slot & 63)
                return number
            }
            date = date.adding(days: 1)
        }
    }

    private func slotIndex(date: LocalDate, individual: Int, kind: Kind) -> Int {
        let day = Int(date.daysSinceEpoch - Self.firstDay.daysSinceEpoch)
        precondition(day >= 0 && day < Self.dayCount, "birth date outside the registry")
        return (day * 1000 + individual) * 2 + (kind == .dNumber ? 1 : 0)
    }

    /// The 11 digits, or nil when a check digit would be 10 (no valid number).
    static func number(date: LocalDate, individual: Int, kind: Kind) -> String? {
        let (y, m, d) = date.components
        var digits = [Int](repeating: 0, count: 11)
        let day = kind == .dNumber ? d + 40 : d
        let month = m + 80
        digits[0] = day / 10; digits[1] = day % 10
        digits[2] = month / 10; digits[3] = month % 10
        digits[4] = (y % 100) / 10; digits[5] = y % 10
        digits[6] = individual / 100; digits[7] = individual / 10 % 10; digits[8] = individual % 10
        guard let k1 = mod11(digits, weights: [3, 7, 6, 1, 8, 9, 4, 5, 2]) else { return nil }
        digits[9] = k1
        guard let k2 = mod11(digits, weights: [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) else { return nil }
        digits[10] = k2
        return String(decoding: digits.map { UInt8(48 + $0) }, as: UTF8.self)
    }

    /// Mod-11 check digit: 11 − (weighted sum mod 11); remainder 0 gives 0, remainder 1 none.
    static func mod11(_ digits: [Int], weights: [Int]) -> Int? {
        var sum = 0
        for i in weights.indices { sum += digits[i] * weights[i] }
        let r = sum % 11
        if r == 0 { return 0 }
        if r == 1 { return nil }
        return 11 - r
    }

    /// A valid organisation number (9 digits starting with 8 or 9, mod-11 check with
    /// weights 3 2 7 6 5 4 3 2).
    static func organisationNumber(random: inout SeededRandom) -> String {
        while true {
            var digits = [Int](repeating: 0, count: 9)
            digits[0] = random.chance(0.5) ? 8 : 9
            for i in 1..<8 { digits[i] = random.int(0...9) }
            guard let check = mod11(digits, weights: [3, 2, 7, 6, 5, 4, 3, 2]) else { continue }
            digits[8] = check
            return String(decoding: digits.map { UInt8(48 + $0) }, as: UTF8.self)
        }
    }
}
