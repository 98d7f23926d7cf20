import Ingest
import Pseudonymize
import SaksgangCore

/// The boundary where identities end: an `IdentifiedCase` from the mapping stage becomes a
/// `Case` carrying pseudonyms only. The case number is keyed within its school, the pupil by
/// a valid national number or else by the vendor's local id within source and school.
public struct CasePseudonymization {
    let pseudonymizer: Pseudonymizer

    public init(pseudonymizer: Pseudonymizer) { self.pseudonymizer = pseudonymizer }

    /// The pseudonymous case, and a data-quality note when the pupil's number was invalid.
    public func apply(_ identified: IdentifiedCase) -> (Case, SaksgangError?) {
        var c = identified.body
        let school = c.school.orgnr
        c.id = pseudonymizer.caseID(caseNumber: identified.caseNumber.revealed, school: school)
        let pupil = pseudonymizer.resolvePupil(nationalNumber: identified.pupilNationalNumber,
                                               localId: identified.pupilLocalId, source: c.source, school: school)
        c.pupil.id = pupil.pseudonym
        c.pupil.identifiedBy = pupil.identifiedBy
        let note = pupil.problem.map {
            SaksgangError($0, "the pupil's identity number fails validation; the pupil is identified by \(pupil.identifiedBy.rawValue)",
                          at: .init(line: identified.position.line, byteOffset: identified.position.byteOffset,
                                    elementPath: identified.position.elementPath, record: identified.position.record,
                                    field: "pupil_national_number"))
        }
        return (c, note)
    }
}
