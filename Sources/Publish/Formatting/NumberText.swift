/// Locale-independent number text. Foundation formatters follow the process locale; these
/// functions never do, so a report written on a Norwegian desktop and on a server with
/// `LANG=C` has the same bytes.
enum NumberText {
    /// The machine form for `tables.csv`: up to 7 significant digits, `.` decimals, trailing
    /// zeros dropped (`0.4431818`, `2`, `0.3` for 0.1 + 0.2). Enough for every published
    /// figure, and free of binary floating-point noise. Magnitudes outside 1e-6 … 1e15 fall
    /// back to Swift's shortest round-trip form.
    static func machine(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        guard magnitude >= 1e-6, magnitude < 1e15 else { return "\(value)" }
        let exponent = magnitude.log10Floor
        let decimals = max(0, 6 - exponent)
        return trimmed(fixed(value, decimals: decimals))
    }

    /// `value` rounded half away from zero to `decimals` places, with `.` as the separator and
    /// no grouping (`fixed(2, decimals: 1)` is `2.0`). Non-finite values give "".
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "" }
        let scale = power10(decimals)
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return "\(value)" }
        var digits = String(UInt64(scaled))
        if decimals > 0 {
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        let isZero = scaled == 0
        return value < 0 && !isZero ? "-" + digits : digits
    }

    /// Drops trailing zeros after a decimal point, and the point itself if nothing follows.
    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = Substring(text)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return String(t)
    }

    private static func power10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<max(0, n) { p *= 10 }
        return p
    }
}

private extension Double {
    /// The decimal exponent of a positive finite value (1234 → 3, 0.05 → -2). Found by
    /// scaling rather than `log10`, so no C math import; a value a hair under a power of ten
    /// may come out one lower, which only adds a digit that trimming removes.
    var log10Floor: Int {
        var m = self
        var e = 0
        while m >= 10 { m /= 10; e += 1 }
        while m < 1 { m *= 10; e -= 1 }
        return e
    }
}
