import Pseudonymize
import SaksgangCore

/// Forward lookup for the key holder (privacy.md §1): the pseudonym of a known case number,
/// identity number or local id, to follow up a case that a report or the quarantine file
/// names. Nobody can go the other way.
public struct ForwardLookup {
    public enum Kind: String, CaseIterable, Sendable {
        case caseNumber = "case", pupil, localId = "local-id", guardian
    }

    let pseudonymizer: Pseudonymizer

    public init(key: PseudonymKey) {
        pseudonymizer = Pseudonymizer(key: key)
    }

    /// The pseudonym, or an error naming what was missing or invalid (never the value).
    public func pseudonym(of value: Sensitive, kind: Kind, school: String?, source: String?) throws(SaksgangError) -> Pseudonym {
        switch kind {
        case .caseNumber:
            guard let school else { throw SaksgangError(.configuration, "a case number needs the school's organisation number (--school)") }
            return pseudonymizer.caseID(caseNumber: value, school: school)
        case .pupil, .guardian:
            let normalized = IdentityNumber.normalize(value.revealed)
            guard IdentityNumber.classify(normalized) != nil else {
                throw SaksgangError(.invalidIdentity, "the number fails validation")
            }
            return kind == .pupil ? pseudonymizer.pupil(nationalNumber: normalized) : pseudonymizer.guardian(nationalNumber: normalized)
        case .localId:
            guard let school, let source else {
                throw SaksgangError(.configuration, "a local id needs the school (--school) and the source mapping (--source)")
            }
            return pseudonymizer.pupil(localId: value, source: source, school: school)
        }
    }
}
