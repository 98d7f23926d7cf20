import SaksgangCore

extension RecordBuffer {
    /// A JSON string literal.
    mutating func appendJSON(_ s: String) {
        append(byte: UInt8(ascii: "\""))
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            append(s)
            return append(byte: UInt8(ascii: "\""))
        }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0..<0x20:
                append("\\u00")
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append(byte: hex[Int(b >> 4)])
                append(byte: hex[Int(b & 15)])
            default: append(byte: b)
            }
        }
        append(byte: UInt8(ascii: "\""))
    }

    mutating func appendJSON(_ s: String?) {
        if let s { appendJSON(s) } else { append("null") }
    }

    mutating func appendJSON(_ b: Bool?) {
        guard let b else { return append("null") }
        append(b ? "true" : "false")
    }

    /// A timestamp in SaksgangCore's form (`2025-03-04T09:30:00Z`, or the date).
    /// Written directly, byte for byte the same as `Timestamp.description` (a test checks).
    mutating func appendJSON(_ t: Timestamp?) {
        guard let t else { return append("null") }
        append(byte: UInt8(ascii: "\""))
        if t.hasTime {
            var day = t.seconds / 86_400
            if t.seconds < 0 && t.seconds % 86_400 != 0 { day -= 1 }
            let rest = Int(t.seconds - day * 86_400)
            appendISODate(LocalDate(daysSinceEpoch: Int32(day)))
            append(byte: UInt8(ascii: "T"))
            append(int: rest / 3600, width: 2)
            append(byte: UInt8(ascii: ":"))
            append(int: rest / 60 % 60, width: 2)
            append(byte: UInt8(ascii: ":"))
            append(int: rest % 60, width: 2)
            append(byte: UInt8(ascii: "Z"))
        } else {
            appendISODate(t.localDate)
        }
        append(byte: UInt8(ascii: "\""))
    }

    /// `"key":` (keys are ASCII literals).
    mutating func key(_ k: StaticString) {
        append(byte: UInt8(ascii: "\""))
        append(k)
        append("\":")
    }

    /// A number with up to three decimals.
    mutating func appendJSON(_ d: Double) {
        let scaled = Int((d * 1000).rounded())
        append(int: scaled / 1000)
        append(byte: UInt8(ascii: "."))
        append(int: abs(scaled % 1000), width: 3)
    }
}
