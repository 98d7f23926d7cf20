/// Locale-independent number text. Foundation formatters follow the process locale; these
/// functions never do, so a report written on a Norwegian desktop and on a server with
/// `LANG=C` has the same bytes.
enum NumberText {
    /// The machine form for `tables.csv`: up to 7 significant digits, `.` decimals, trailing
    /// zeros dropped (`0.4431818`, `2`, `0.3` for 0.1 + 0.2). Enough for every published
    /// figure, and free of binary floating-point noise. Magnitudes outside 1e-6 … 1e15 fall
    /// back to Swift's shortest round-trip form.
    static func machine(_ value: Double) -> String { machine(value, point: UInt8(ascii: ".")) }

    /// `machine` with another decimal separator (`,` for Excel set to Norwegian).
    static func machine(_ value: Double, point: UInt8) -> String {
        guard value.isFinite else { return "" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        guard magnitude >= 1e-6, magnitude < 1e15 else { return replacingPoint("\(value)", with: point) }
        let exponent = magnitude.log10Floor
        let decimals = max(0, 6 - exponent)
        return fixed(value, decimals: decimals, trimmingZeros: true, point: point)
    }

    /// `value` rounded half away from zero to `decimals` places, with `.` as the separator and
    /// no grouping (`fixed(2, decimals: 1)` is `2.0`). Non-finite values give "".
    /// With `trimmingZeros`, as `trimmed` leaves it (`fixed(2, decimals: 1, trimmingZeros: true)`
    /// is `2`).
    ///
    /// The digits are written into one byte buffer and made a `String` once: through
    /// `String(UInt64)`, padding, `insert` and `trimmed` the table files' numbers were about
    /// 3.5 % of a run's samples at 100,000 cases (`NumberText.machine`).
    static func fixed(_ value: Double, decimals: Int, trimmingZeros: Bool = false,
                      point: UInt8 = UInt8(ascii: ".")) -> String {
        guard value.isFinite else { return "" }
        let decimals = max(0, decimals)
        let scale = power10(decimals)
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else {
            return replacingPoint(trimmingZeros ? trimmed("\(value)") : "\(value)", with: point)
        }
        var n = UInt64(scaled)
        let negative = value < 0 && scaled != 0
        // Written from the back: the decimals, the point, the integer digits, the sign.
        let capacity = decimals + 23
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var start = capacity
            func put(_ byte: UInt8) {
                start -= 1
                buffer[start] = byte
            }
            if decimals > 0 {
                for _ in 0..<decimals {
                    put(UInt8(ascii: "0") + UInt8(n % 10))
                    n /= 10
                }
                put(point)
            }
            repeat {
                put(UInt8(ascii: "0") + UInt8(n % 10))
                n /= 10
            } while n > 0
            if negative { put(UInt8(ascii: "-")) }
            var end = capacity
            if trimmingZeros && decimals > 0 {
                while buffer[end - 1] == UInt8(ascii: "0") { end -= 1 }
                if buffer[end - 1] == point { end -= 1 }
            }
            return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
    }

    /// Drops trailing zeros after a decimal point, and the point itself if nothing follows.
    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = Substring(text)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return String(t)
    }

    /// An ASCII number text with `point` for its `.`.
    private static func replacingPoint(_ text: String, with point: UInt8) -> String {
        point == UInt8(ascii: ".") ? text : String(decoding: text.utf8.map { $0 == UInt8(ascii: ".") ? point : $0 }, as: UTF8.self)
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
