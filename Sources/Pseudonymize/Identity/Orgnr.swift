/// Norwegian organisation numbers (organisasjonsnummer), which identify schools. They are
/// public and may be printed.
public enum Orgnr {
    static let weights = [3, 2, 7, 6, 5, 4, 3, 2]

    /// True when the string is exactly 9 ASCII digits whose last digit is the mod-11 check
    /// digit over the first eight with weights 3 2 7 6 5 4 3 2 (remainder 0 gives 0,
    /// remainder 1 makes the number invalid). Separators are not accepted: normalise
    /// first with `Orgnr.normalize`.
    public static func isValid(_ orgnr: String) -> Bool {
        guard let d = Digits(orgnr), d.count == 9 else { return false }
        guard let check = IdentityNumber.mod11CheckDigit(d, weights: weights) else { return false }
        return check == d[8]
    }

    /// The number with whitespace, dashes and dots removed ("974 760 673" → "974760673").
    public static func normalize(_ raw: String) -> String { IdentityNumber.normalize(raw) }
}
