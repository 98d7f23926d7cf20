import SaksgangCore

/// A date or date-time format of a mapping file: `iso8601` (with or without offset, or a
/// date only), or a pattern of `yyyy`, `MM`, `dd`, `HH`, `mm`, `ss` and literal characters
/// read as local Europe/Oslo time. Parsing works on UTF-8 bytes: no Foundation formatter
/// per field.
public enum DateFormat: Sendable, Equatable {
    case iso8601
    case pattern([Token])

    public enum Token: Sendable, Equatable {
        case year, month, day, hour, minute, second
        case literal(UInt8)
    }

    public init(_ text: String) throws(SaksgangError) {
        if text.lowercased() == "iso8601" {
            self = .iso8601
            return
        }
        var tokens: [Token] = []
        let b = Array(text.utf8)
        var i = 0
        func run(_ c: UInt8, _ n: Int) -> Bool {
            i + n <= b.count && b[i..<(i + n)].allSatisfy { $0 == c }
        }
        while i < b.count {
            if run(UInt8(ascii: "y"), 4) { tokens.append(.year); i += 4 }
            else if run(UInt8(ascii: "M"), 2) { tokens.append(.month); i += 2 }
            else if run(UInt8(ascii: "d"), 2) { tokens.append(.day); i += 2 }
            else if run(UInt8(ascii: "H"), 2) { tokens.append(.hour); i += 2 }
            else if run(UInt8(ascii: "m"), 2) { tokens.append(.minute); i += 2 }
            else if run(UInt8(ascii: "s"), 2) { tokens.append(.second); i += 2 }
            else if b[i] >= 0x80 || (b[i] >= UInt8(ascii: "a") && b[i] <= UInt8(ascii: "z"))
                || (b[i] >= UInt8(ascii: "A") && b[i] <= UInt8(ascii: "Z")) {
                throw SaksgangError(.mapping, "date format '\(text)' has an unknown letter pattern")
            } else { tokens.append(.literal(b[i])); i += 1 }
        }
        guard tokens.contains(.year), tokens.contains(.month), tokens.contains(.day) else {
            throw SaksgangError(.mapping, "date format '\(text)' needs yyyy, MM and dd")
        }
        self = .pattern(tokens)
    }

    /// The timestamp, or nil when the value does not fit the format or names a date or
    /// time that does not exist.
    public func parse(_ value: String) -> Timestamp? {
        var copy = value
        return copy.withUTF8 { parse($0) }
    }

    /// `parse` of a value's UTF-8 bytes.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        switch self {
        case .iso8601: return DateFormat.parseISO(bytes)
        case .pattern(let tokens): return DateFormat.parse(bytes, tokens)
        }
    }

    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ n: Int) -> Int? {
        guard i + n <= b.count else { return nil }
        var v = 0
        for k in i..<(i + n) {
            let d = Int(b[k]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            v = v * 10 + d
        }
        i += n
        return v
    }

    private static func make(_ y: Int, _ mo: Int, _ d: Int, _ h: Int?, _ mi: Int, _ s: Int, offset: Int?) -> Timestamp? {
        guard let date = LocalDate(year: y, month: mo, day: d) else { return nil }
        guard let h else { return Timestamp(date: date) }
        guard (0...23).contains(h), (0...59).contains(mi), (0...59).contains(s) else { return nil }
        if let offset {
            let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(h * 3600 + mi * 60 + s)
            return Timestamp(seconds: local - Int64(offset))
        }
        return Timestamp(seconds: OsloTime.utcSeconds(date: date, hour: h, minute: mi, second: s))
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> Timestamp? {
        var i = 0
        var y = 0, mo = 0, d = 0, mi = 0, s = 0
        var h: Int?
        for t in tokens {
            switch t {
            case .year: guard let v = digits(b, &i, 4) else { return nil }; y = v
            case .month: guard let v = digits(b, &i, 2) else { return nil }; mo = v
            case .day: guard let v = digits(b, &i, 2) else { return nil }; d = v
            case .hour: guard let v = digits(b, &i, 2) else { return nil }; h = v
            case .minute: guard let v = digits(b, &i, 2) else { return nil }; mi = v
            case .second: guard let v = digits(b, &i, 2) else { return nil }; s = v
            case .literal(let c): guard i < b.count, b[i] == c else { return nil }; i += 1
            }
        }
        guard i == b.count else { return nil }
        return make(y, mo, d, h, mi, s, offset: nil)
    }

    /// `2025-03-04`, `2025-03-04T10:12`, `2025-03-04T10:12:00`, with optional fraction and
    /// `Z` or `±hh:mm`/`±hhmm`; a space may stand for `T`. No offset: Europe/Oslo.
    static func parseISO(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var i = 0
        guard let y = digits(b, &i, 4), i < b.count, b[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let mo = digits(b, &i, 2), i < b.count, b[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let d = digits(b, &i, 2) else { return nil }
        if i == b.count { return make(y, mo, d, nil, 0, 0, offset: nil) }
        guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let h = digits(b, &i, 2), i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard let mi = digits(b, &i, 2) else { return nil }
        var s = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            guard let v = digits(b, &i, 2) else { return nil }
            s = v
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                let start = i
                while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
                if i == start { return nil }
            }
        }
        if i == b.count { return make(y, mo, d, h, mi, s, offset: nil) }
        if b[i] == UInt8(ascii: "Z") {
            return i + 1 == b.count ? make(y, mo, d, h, mi, s, offset: 0) : nil
        }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
        let sign = b[i] == UInt8(ascii: "+") ? 1 : -1
        i += 1
        guard let oh = digits(b, &i, 2) else { return nil }
        if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
        guard let om = digits(b, &i, 2), i == b.count, oh <= 14, om < 60 else { return nil }
        return make(y, mo, d, h, mi, s, offset: sign * (oh * 3600 + om * 60))
    }
}
