import Foundation
import Measure
import SaksgangCore

/// Reads the publication record that `PreviousPublication.encodedBytes()` writes, straight
/// from its bytes: the figures and the truth (the bulk of it) field by field, the audit through
/// `JSONDecoder`. Every night after the first reads the record back before its control, and
/// `JSONDecoder` over every figure was about a fifth of such a night's samples at 100,000
/// cases (Benchmarks/README.md, "Third round").
///
/// It reads JSON in general (any key order, unknown keys skipped, escapes, numbers with
/// exponents), but returns nil rather than guess: on anything it does not expect (a missing
/// key, an unknown metric, a number where a string belongs), the caller decodes the record
/// with `JSONDecoder`, which then decides. Tests hold its result equal to `JSONDecoder`'s.
struct PublicationReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    /// The record in `data`, or nil when it is not one this reader knows how to read.
    static func read(_ data: Data) -> PreviousPublication? {
        data.withUnsafeBytes { raw in
            var reader = PublicationReader(bytes: raw.bindMemory(to: UInt8.self))
            guard let record = reader.publication() else { return nil }
            reader.space()
            return reader.i == reader.bytes.count ? record : nil
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: The record

    private mutating func publication() -> PreviousPublication? {
        var asOf: String?, threshold: Int?, figures: [Figure]?, truth: [String: Int]?, audit: AuditReport?
        let ok = object { key, r in
            switch key {
            case "as_of": return Self.set(&asOf, r.string())
            case "threshold": return Self.set(&threshold, r.int())
            case "figures": return Self.set(&figures, r.array { $0.figure() })
            case "truth": return Self.set(&truth, r.counts())
            case "audit": return Self.set(&audit, r.audit())
            default: return r.skip()
            }
        }
        guard ok, let asOf, let threshold, let figures, let truth, let audit else { return nil }
        return PreviousPublication(asOf: asOf, threshold: threshold, figures: figures, truth: truth, audit: audit)
    }

    private mutating func figure() -> Figure? {
        var metric: Metric?, statistic: Statistic?, unit: FigureUnit?, grouping: String?, group: String?
        var category: String?, n: Int?, estimate: Double?, ciLow: Double?, ciHigh: Double?
        var suppressed: Bool?, reason: String?
        var reference: String?, referenceN: Int?, pValue: Double?, pAdjusted: Double?, correction: Figure.Correction?
        var flag: Bool?, stratifiedBy: String?, test: String?
        // A key may come with null: it is then absent (decodeIfPresent), as for JSONDecoder.
        let ok = object { key, r in
            if r.null() { return true }
            switch key {
            case "metric": return Self.set(&metric, r.string().flatMap(Metric.named))
            case "statistic": return Self.set(&statistic, r.string().flatMap(Statistic.init(rawValue:)))
            case "unit": return Self.set(&unit, r.string().flatMap(FigureUnit.init(rawValue:)))
            case "grouping": return Self.set(&grouping, r.string())
            case "group": return Self.set(&group, r.string())
            case "category": return Self.set(&category, r.string())
            case "n": return Self.set(&n, r.int())
            case "estimate": return Self.set(&estimate, r.double())
            case "ci_low": return Self.set(&ciLow, r.double())
            case "ci_high": return Self.set(&ciHigh, r.double())
            case "suppressed": return Self.set(&suppressed, r.bool())
            case "suppression_reason": return Self.set(&reason, r.string())
            case "reference": return Self.set(&reference, r.string())
            case "reference_n": return Self.set(&referenceN, r.int())
            case "p_value": return Self.set(&pValue, r.double())
            case "p_adjusted": return Self.set(&pAdjusted, r.double())
            case "correction": return Self.set(&correction, r.string().flatMap(Figure.Correction.init(rawValue:)))
            case "flag": return Self.set(&flag, r.bool())
            case "stratified_by": return Self.set(&stratifiedBy, r.string())
            case "test": return Self.set(&test, r.string())
            default: return r.skip()
            }
        }
        guard ok, let metric, let statistic, let unit, let grouping, let group, let suppressed else { return nil }
        var f = Figure(metric: metric, statistic: statistic, unit: unit, grouping: grouping, group: group, category: category,
                       n: n, estimate: estimate, ciLow: ciLow, ciHigh: ciHigh, suppressed: suppressed, suppressionReason: reason)
        if let reference {
            f.comparison = Figure.Comparison(reference: reference, referenceN: referenceN ?? 0, pValue: pValue, pAdjusted: pAdjusted,
                                             correction: correction ?? .holm, flag: flag ?? false, stratifiedBy: stratifiedBy,
                                             test: test ?? "")
        }
        return f
    }

    /// Keeps a value read into `field`; false when there was none to read.
    private static func set<T>(_ field: inout T?, _ value: T?) -> Bool {
        field = value
        return value != nil
    }

    /// An object of whole numbers by key.
    private mutating func counts() -> [String: Int]? {
        var out: [String: Int] = [:]
        let ok = object { key, r in
            guard let v = r.int() else { return false }
            out[key] = v
            return true
        }
        return ok ? out : nil
    }

    /// The audit: its bytes through `JSONDecoder` (a small part of the record).
    private mutating func audit() -> AuditReport? {
        space()
        let start = i
        guard skip() else { return nil }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
        return try? JSONDecoder().decode(AuditReport.self, from: Data(buffer: slice))
    }

    // MARK: JSON

    private mutating func space() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        space()
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        space()
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
        i += n
        return true
    }

    /// `{ "key": value, … }`, each value read by `value` (false: not read, the object fails).
    private mutating func object(_ value: (String, inout PublicationReader) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = string(), take(UInt8(ascii: ":")), value(key, &self) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    private mutating func array<T>(_ element: (inout PublicationReader) -> T?) -> [T]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var out: [T] = []
        if take(UInt8(ascii: "]")) { return out }
        repeat {
            guard let e = element(&self) else { return nil }
            out.append(e)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? out : nil
    }

    private mutating func null() -> Bool { literal("null") }

    private mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 { i += 1 }
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "\"") {
            i += 1
            return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)]), as: UTF8.self)
        }
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            switch b {
            case UInt8(ascii: "\""):
                return String(validating: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard i < bytes.count else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard literal("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: return nil
                }
            default:
                guard b >= 0x20 else { return nil }
                out.append(b)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            i += 1
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v << 4 | UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v << 4 | UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v << 4 | UInt32(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        return v
    }

    /// The bytes of a number as JSON writes one: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    /// Anything else (`+5`, `012`, `1.`) is not a number here, as it is not for `JSONDecoder`.
    private mutating func number() -> Substring? {
        space()
        let start = i
        func digits() -> Int {
            let from = i
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            return i - from
        }
        func at(_ c: Character) -> Bool { i < bytes.count && bytes[i] == UInt8(ascii: c.unicodeScalars.first!) }
        if at("-") { i += 1 }
        if at("0") { i += 1 } else if digits() == 0 { return nil }
        if at(".") {
            i += 1
            guard digits() > 0 else { return nil }
        }
        if at("e") || at("E") {
            i += 1
            if at("+") || at("-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        return Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    private mutating func int() -> Int? { number().flatMap { Int($0) } }

    private mutating func double() -> Double? { number().flatMap { Double($0) } }

    /// Passes over one value of any kind.
    private mutating func skip() -> Bool {
        space()
        guard i < bytes.count else { return false }
        switch bytes[i] {
        case UInt8(ascii: "{"): return object { _, r in r.skip() }
        case UInt8(ascii: "["): return array { r in r.skip() ? () : nil } != nil
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return bool() != nil
        case UInt8(ascii: "n"): return null()
        default: return number() != nil
        }
    }
}
