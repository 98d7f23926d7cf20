/// What kind of Norwegian identity number a valid 11-digit number is (exports.md §5).
///
/// Deliberately nothing more: the kind says how a pupil was identified, never who they
/// are. Sex and age are not derivable here, and numbers issued from 2032 no longer carry
/// them reliably anyway.
public enum IdentityNumberKind: String, Sendable, Hashable, CaseIterable {
    /// An ordinary fødselsnummer.
    case fodselsnummer
    /// A D-number: 4 added to the first digit (people without a fødselsnummer).
    case dNumber
    /// An H-number (help number): 4 added to the third digit (month + 40).
    case hNumber
    /// A synthetic number of the Tax Administration's test population: 8 added to the
    /// third digit (month + 80), as a fødselsnummer or as a D-number (day + 40 as well).
    case synthetic
}
