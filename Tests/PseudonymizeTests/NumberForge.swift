/// An independent little generator of identity numbers for the tests, written from
/// exports.md §5 and Skatteetaten's note on the 2032 rule rather than from the code under
/// test. Numbers are built at run time from date digits, so no real-looking ordinary
/// fødselsnummer is ever committed as a literal.
enum NumberForge {
    enum Offset { case none, d, h, synthetic, syntheticD }

    static let w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    static let w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

    /// The nine leading digits: day and month with the offset applied, year, individual.
    static func stem(day: Int, month: Int, year: Int, individual: Int, offset: Offset) -> [Int] {
        var dd = day, mm = month
        switch offset {
        case .none: break
        case .d: dd += 40
        case .h: mm += 40
        case .synthetic: mm += 80
        case .syntheticD: dd += 40; mm += 80
        }
        let text = pad(dd) + pad(mm) + pad(year) + pad3(individual)
        return text.map { Int(String($0))! }
    }

    /// The K1 digits for which (S + K1) mod 11 equals `residue`; at most one.
    static func k1(for stem: [Int], residue: Int) -> Int? {
        let s = zip(stem, w1).map(*).reduce(0, +)
        for k in 0...9 where (s + k) % 11 == residue { return k }
        return nil
    }

    /// The K2 digit over ten digits, or nil when the remainder is 1.
    static func k2(for ten: [Int]) -> Int? {
        let r = zip(ten, w2).map(*).reduce(0, +) % 11
        if r == 0 { return 0 }
        if r == 1 { return nil }
        return 11 - r
    }

    /// A full number whose K1 gives `residue` (0 = the original rule, 1–3 = only the 2032
    /// rule, 4–10 = neither) and whose K2 is correct; nil when no such digits exist.
    static func number(day: Int, month: Int, year: Int, individual: Int, offset: Offset = .none,
                       residue: Int = 0) -> String? {
        let s = stem(day: day, month: month, year: year, individual: individual, offset: offset)
        guard let k1 = k1(for: s, residue: residue) else { return nil }
        guard let k2 = k2(for: s + [k1]) else { return nil }
        return (s + [k1, k2]).map(String.init).joined()
    }

    /// The first individual number from `start` upwards that yields a number.
    static func first(day: Int, month: Int, year: Int, offset: Offset = .none, residue: Int = 0,
                      from start: Int = 100) -> String {
        for i in start..<1000 {
            if let n = number(day: day, month: month, year: year, individual: i, offset: offset,
                              residue: residue) { return n }
        }
        fatalError("no number for the given date")
    }

    /// The same number with its last digit replaced.
    static func withLastDigit(_ n: String, _ digit: Int) -> String { String(n.dropLast()) + String(digit) }

    private static func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    private static func pad3(_ v: Int) -> String { v < 10 ? "00\(v)" : v < 100 ? "0\(v)" : "\(v)" }
}
