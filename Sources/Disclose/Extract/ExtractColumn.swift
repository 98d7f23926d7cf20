/// A column of the research extract: its name (the CSV header, a contract with researchers),
/// the type its values load as, and its meaning. The codebook beside the extract and
/// docs/extract.md are written from these.
package struct ExtractColumn: Sendable, Hashable {
    package enum Kind: String, Sendable {
        /// A keyed pseudonym (text).
        case pseudonym
        /// A code from a code list (text).
        case code
        /// `TRUE` or `FALSE` (as R writes and reads them; pandas and DuckDB read them too).
        case boolean
        /// A whole number.
        case integer
    }

    package let name: String
    package let kind: Kind
    /// True for a quasi-identifier: a value `*` means it was suppressed for k-anonymity.
    package let quasiIdentifier: Bool
    package let meaning: String

    package init(_ name: String, _ kind: Kind, quasiIdentifier: Bool = false, _ meaning: String) {
        self.name = name
        self.kind = kind
        self.quasiIdentifier = quasiIdentifier
        self.meaning = meaning
    }
}
