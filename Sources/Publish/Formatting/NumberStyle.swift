/// How numbers read in a report's language: "2,0" and "44 %" in bokmål, "2.0" and "44%" in
/// English. Built on `NumberText`, so it never depends on the machine's locale.
struct NumberStyle: Sendable {
    var decimalSeparator: String
    /// Between groups of three digits in the integer part (a no-break space in bokmål).
    var groupSeparator: String
    /// Integers with fewer digits than this are not grouped (Norwegian writes 1234 but 12 345).
    var groupFromDigits: Int
    /// The minus sign for readers (U+2212 in typeset text).
    var minus: String
    /// Between a percentage and its sign ("44 %" in bokmål, "44%" in English).
    var percentSpace: String

    static let bokmal = NumberStyle(decimalSeparator: ",", groupSeparator: "\u{00A0}", groupFromDigits: 5,
                                    minus: "\u{2212}", percentSpace: "\u{00A0}")
    static let english = NumberStyle(decimalSeparator: ".", groupSeparator: ",", groupFromDigits: 4,
                                     minus: "\u{2212}", percentSpace: "")

    /// A number with a fixed count of decimals: `decimal(2, decimals: 1)` is "2,0".
    func decimal(_ value: Double, decimals: Int) -> String {
        let plain = NumberText.fixed(value, decimals: decimals)
        guard !plain.isEmpty else { return "" }
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        var text = grouped(String(parts[0]))
        if parts.count > 1 { text += decimalSeparator + parts[1] }
        return negative ? minus + text : text
    }

    /// A time as a reader says it: one decimal where it has one, none where it is whole
    /// ("2", "2,5", "0"; never "2,0" or "0,0").
    func short(_ value: Double) -> String {
        let text = decimal(value, decimals: 1)
        let zero = decimalSeparator + "0"
        guard text.hasSuffix(zero) else { return text }
        let whole = String(text.dropLast(zero.count))
        return whole == minus + "0" ? "0" : whole
    }

    func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? minus : "") + grouped(digits)
    }

    /// A proportion (0…1) as a whole percentage: 0.4431818 → "44 %".
    func percent(_ proportion: Double) -> String {
        percentNumber(proportion) + percentSpace + "%"
    }

    /// A proportion as a whole percentage without the sign ("44"), for ranges.
    func percentNumber(_ proportion: Double) -> String {
        decimal(proportion * 100, decimals: 0)
    }

    /// A value with as many decimals as it needs (up to 7 significant digits), for figures
    /// of units the report does not know.
    func general(_ value: Double) -> String {
        let plain = NumberText.machine(value)
        guard !plain.isEmpty else { return "" }
        guard !plain.contains("e") else { return plain }
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        var text = grouped(String(parts[0]))
        if parts.count > 1 { text += decimalSeparator + parts[1] }
        return negative ? minus + text : text
    }

    private func grouped(_ digits: String) -> String {
        guard digits.count >= groupFromDigits else { return digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += groupSeparator }
            out.append(ch)
        }
        return out
    }
}
