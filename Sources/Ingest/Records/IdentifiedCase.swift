import SaksgangCore

/// A case as the mapping stage builds it: the canonical facts plus the identities that only
/// the pseudonymisation stage may see. Nothing else crosses from ingest to the rest of the
/// pipeline: names, contact data and free text are never mapped at all.
public struct IdentifiedCase: Sendable {
    /// The school's case number (unique within the school).
    public var caseNumber: Sensitive
    public var pupilNationalNumber: Sensitive?
    public var pupilLocalId: Sensitive?
    /// The canonical case. `body.id` and `body.pupil.id` are empty placeholders until
    /// pseudonymisation fills them.
    public var body: Case
    public var position: RecordPosition
    /// Problems that do not reject the record but count as data quality (an event before
    /// knowledge, a missing knowledge time).
    public var warnings: [SaksgangError]

    public init(caseNumber: Sensitive, pupilNationalNumber: Sensitive?, pupilLocalId: Sensitive?,
                body: Case, position: RecordPosition, warnings: [SaksgangError] = []) {
        self.caseNumber = caseNumber
        self.pupilNationalNumber = pupilNationalNumber
        self.pupilLocalId = pupilLocalId
        self.body = body
        self.position = position
        self.warnings = warnings
    }
}
