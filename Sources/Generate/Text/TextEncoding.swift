/// The character encodings vendors write (exports.md §1): SMX in UTF-8 or ISO-8859-1, SMC in
/// UTF-8 with a byte-order mark or in Windows-1252. Records are assembled in UTF-8 and
/// transcoded on their way to the file.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 BOM"
    /// ISO-8859-1. In XML, characters beyond it (Sami č, đ, ŋ, š, ŧ, ž) are written as
    /// numeric character references, which is valid XML and what such vendors do.
    case iso88591 = "ISO-8859-1"
    case windows1252 = "Windows-1252"

    /// The name declared in the XML prolog.
    var xmlName: String { self == .iso88591 ? "ISO-8859-1" : "UTF-8" }

    /// Bytes at the very start of the file.
    var preamble: [UInt8] { self == .utf8BOM ? [0xEF, 0xBB, 0xBF] : [] }

    /// Transcodes UTF-8 `input` into `output`. Returns the number of characters that could
    /// not be encoded and were written as `?` (only possible in Windows-1252; names for such
    /// files are chosen to fit, so this stays 0).
    func encode(_ input: [UInt8], into output: inout [UInt8], xml: Bool) -> Int {
        switch self {
        case .utf8, .utf8BOM:
            output.append(contentsOf: input)
            return 0
        case .iso88591, .windows1252:
            var fast = true
            for b in input where b >= 0x80 {
                fast = false
                break
            }
            if fast {
                output.append(contentsOf: input)
                return 0
            }
            var lost = 0
            var i = 0
            let n = input.count
            while i < n {
                let b0 = input[i]
                var v: UInt32
                if b0 < 0x80 {
                    output.append(b0)
                    i += 1
                    continue
                } else if b0 < 0xE0 {
                    v = UInt32(b0 & 0x1F) << 6 | UInt32(input[i + 1] & 0x3F)
                    i += 2
                } else if b0 < 0xF0 {
                    v = UInt32(b0 & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F)
                    i += 3
                } else {
                    v = UInt32(b0 & 0x07) << 18 | UInt32(input[i + 1] & 0x3F) << 12 | UInt32(input[i + 2] & 0x3F) << 6
                        | UInt32(input[i + 3] & 0x3F)
                    i += 4
                }
                if v >= 0xA0 && v <= 0xFF {
                    output.append(UInt8(v))
                } else if self == .windows1252, let b = Self.windows1252Extra[v] {
                    output.append(b)
                } else if xml {
                    output.append(contentsOf: Array("&#x\(String(v, radix: 16, uppercase: true));".utf8))
                } else {
                    output.append(UInt8(ascii: "?"))
                    lost += 1
                }
            }
            return lost
        }
    }

    /// True when every character of `s` has a byte in Windows-1252.
    static func fitsWindows1252(_ s: String) -> Bool {
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 || (v >= 0xA0 && v <= 0xFF) || windows1252Extra[v] != nil { continue }
            return false
        }
        return true
    }

    /// The printable characters Windows-1252 puts in 0x80–0x9F.
    static let windows1252Extra: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86,
        0x2021: 0x87, 0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C,
        0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95,
        0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
