/// Normalisation and validation of Norwegian identity numbers (fødselsnummer, D-, H- and
/// synthetic numbers; exports.md §5, privacy.md §1).
///
/// Numbers are validated before they are pseudonymised so that a typo does not silently
/// create a second person. Nothing here reads sex or age out of a number, on purpose.
public enum IdentityNumber {
    /// Strips the separators people and vendors write into numbers: whitespace (also
    /// no-break spaces), dashes and dots. Anything else is kept, so that `classify` can
    /// refuse it rather than have it silently dropped.
    public static func normalize(_ raw: String) -> String {
        // Almost every number arrives as plain digits: nothing to strip, no new String.
        if raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return raw }
        var out = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39:
                out.append(scalar)
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x2007, 0x202F, 0x2009, 0x200A:
                continue
            case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212:  // dashes, minus
                continue
            case 0x2E:
                continue
            default:
                if scalar.properties.isWhitespace { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The kind of a normalised number, or nil when it is not a valid identity number:
    /// not 11 ASCII digits, no plausible day and month once the kind's offset is removed,
    /// or check digits that pass neither the original rule nor the rule from 2032.
    ///
    /// Day and month must form a date that exists in some year (29 February is always
    /// allowed: the century cannot be read reliably from the number).
    public static func classify(_ normalized: String) -> IdentityNumberKind? {
        guard let digits = Digits(normalized), digits.count == 11 else { return nil }
        guard checkDigitRule(digits) != nil else { return nil }
        let day = digits[0] * 10 + digits[1]
        let month = digits[2] * 10 + digits[3]
        let dOffset = day > 40
        let kind: IdentityNumberKind
        let realMonth: Int
        switch month {
        case 1...12:
            kind = dOffset ? .dNumber : .fodselsnummer
            realMonth = month
        case 41...52:
            guard !dOffset else { return nil }  // no D-number is also an H-number
            kind = .hNumber
            realMonth = month - 40
        case 81...92:
            kind = .synthetic
            realMonth = month - 80
        default:
            return nil
        }
        let realDay = dOffset ? day - 40 : day
        guard isPlausible(day: realDay, month: realMonth) else { return nil }
        return kind
    }

    /// Which check-digit rule a normalised number satisfies, or nil when it satisfies
    /// neither (or is not 11 digits). Dates are not looked at here.
    public static func checkDigitRule(_ normalized: String) -> CheckDigitRule? {
        guard let digits = Digits(normalized), digits.count == 11 else { return nil }
        return checkDigitRule(digits)
    }

    static func checkDigitRule(_ d: Digits) -> CheckDigitRule? {
        // K2: always the classic mod-11 over the first ten digits.
        guard let k2 = mod11CheckDigit(d, weights: k2Weights), k2 == d[10] else { return nil }
        // K1: (weighted sum of digits 1–10, K1 weighted 1) mod 11.
        var sum = 0
        for i in 0..<9 { sum += d[i] * k1Weights[i] }
        switch (sum + d[9]) % 11 {
        case 0: return .original
        case 1, 2, 3: return .from2032
        default: return nil
        }
    }

    /// Weights of the first check digit K1 over digits 1–9 (the original rule).
    static let k1Weights = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    /// Weights of the second check digit K2 over digits 1–10.
    static let k2Weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

    /// Classic mod-11 check digit over the leading digits: 11 − (sum mod 11), where a
    /// remainder of 0 gives 0 and a remainder of 1 (digit 10) gives nil (no valid digit).
    static func mod11CheckDigit(_ d: Digits, weights: [Int]) -> Int? {
        var sum = 0
        for i in weights.indices { sum += d[i] * weights[i] }
        let r = sum % 11
        if r == 0 { return 0 }
        if r == 1 { return nil }
        return 11 - r
    }

    private static let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    static func isPlausible(day: Int, month: Int) -> Bool {
        guard (1...12).contains(month) else { return false }
        return day >= 1 && day <= daysInMonth[month - 1]
    }
}
