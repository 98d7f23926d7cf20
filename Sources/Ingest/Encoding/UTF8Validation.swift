import SaksgangCore

/// Strict UTF-8 validation (Unicode Table 3-7: no overlong forms, no surrogates, nothing
/// above U+10FFFF). Invalid text is refused rather than repaired with U+FFFD, because a
/// silently replaced character in an identity or a code would change what gets matched.
public enum UTF8Validation {
    /// The verdict on a buffer that may end in the middle of a sequence.
    public enum Outcome: Equatable, Sendable {
        case valid
        /// The sequence starting at this offset is invalid.
        case invalid(at: Int)
        /// The buffer ends inside a sequence that starts at this offset (all bytes so far fit).
        case incomplete(at: Int)
    }

    /// The verdict on the sequence that starts at one byte.
    public enum Sequence: Equatable, Sendable {
        case valid(length: Int)
        case invalid
        case incomplete
    }

    /// Checks the sequence starting at `offset` (an ASCII byte is a valid sequence of 1).
    @inline(__always)
    public static func sequence(at offset: Int, in bytes: UnsafeRawBufferPointer) -> Sequence {
        let lead = bytes[offset]
        if lead < 0x80 { return .valid(length: 1) }
        let trailing: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: trailing = 1
        case 0xE0: trailing = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: trailing = 2
        case 0xED: trailing = 2; high = 0x9F
        case 0xF0: trailing = 3; low = 0x90
        case 0xF1...0xF3: trailing = 3
        case 0xF4: trailing = 3; high = 0x8F
        default: return .invalid
        }
        for k in 1...trailing {
            guard offset + k < bytes.count else { return .incomplete }
            let byte = bytes[offset + k]
            if k == 1 {
                if byte < low || byte > high { return .invalid }
            } else if byte < 0x80 || byte > 0xBF {
                return .invalid
            }
        }
        return .valid(length: trailing + 1)
    }

    /// Checks `bytes`, with a fast path over runs of ASCII eight bytes at a time.
    public static func check(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        guard let base = bytes.baseAddress else { return .valid }
        let count = bytes.count
        var i = 0
        while i < count {
            while i + 8 <= count
                && base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            while i < count && base.load(fromByteOffset: i, as: UInt8.self) < 0x80 { i += 1 }
            guard i < count else { break }
            switch sequence(at: i, in: bytes) {
            case .valid(let length): i += length
            case .invalid: return .invalid(at: i)
            case .incomplete: return .incomplete(at: i)
            }
        }
        return .valid
    }

    /// Throws `.invalidEncoding` naming the byte offset of the first invalid (or cut-off)
    /// sequence; `baseOffset` is added to it.
    public static func validate(_ bytes: UnsafeRawBufferPointer, baseOffset: Int64 = 0)
        throws(SaksgangError)
    {
        switch check(bytes) {
        case .valid:
            return
        case .invalid(let at):
            throw SaksgangError(.invalidEncoding, "invalid UTF-8 sequence at byte offset \(baseOffset + Int64(at))",
                                at: .init(byteOffset: baseOffset + Int64(at)))
        case .incomplete(let at):
            throw SaksgangError(.invalidEncoding, "UTF-8 sequence cut off by the end of the data at byte offset \(baseOffset + Int64(at))",
                                at: .init(byteOffset: baseOffset + Int64(at)))
        }
    }

    /// Validates and decodes `bytes` as strict UTF-8.
    public static func decode(_ bytes: [UInt8]) throws(SaksgangError) -> String {
        let outcome = bytes.withUnsafeBytes { check($0) }
        if outcome != .valid {
            try bytes.withUnsafeBytes { raw in Result { () throws(SaksgangError) in try validate(raw) } }.get()
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
