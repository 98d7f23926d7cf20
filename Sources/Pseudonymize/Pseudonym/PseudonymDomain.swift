/// The kinds of identity that get pseudonyms, each with its own fixed domain prefix so
/// that pseudonyms of different kinds never coincide (privacy.md §1), even for the same
/// string (a case number that happens to equal a local pupil id).
///
/// The MAC input is `"saksgang/v1/<kind>" ‖ NUL ‖ message`. For scoped kinds the message
/// is each scope part followed by NUL, then the value; scope parts are escaped
/// (`\` → `\\`, NUL → `\0`) so that no two different (scope, value) tuples share a
/// message. Realistic scope parts (source names, organisation numbers) contain neither
/// character and appear verbatim. Changing a prefix changes every pseudonym: never do it
/// without a new version label.
enum PseudonymDomain: Int, CaseIterable, Sendable {
    /// A pupil identified by a national identity number (any valid kind).
    case pupil
    /// A pupil identified by a vendor's local id, scoped by source and school.
    case pupilLocal
    /// A guardian identified by a national identity number.
    case guardian
    /// A case identified by its case number, scoped by school.
    case caseNumber

    var label: String {
        switch self {
        case .pupil: return "pupil"
        case .pupilLocal: return "pupil-local"
        case .guardian: return "guardian"
        case .caseNumber: return "case"
        }
    }

    /// The MAC prefix, fixed per domain.
    var prefix: [UInt8] { Self.prefixes[rawValue] }

    private static let prefixes: [[UInt8]] = allCases.map { Array("saksgang/v1/\($0.label)\u{0}".utf8) }
}
