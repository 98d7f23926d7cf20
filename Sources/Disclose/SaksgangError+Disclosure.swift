import SaksgangCore

extension SaksgangError.Code {
    /// A withheld cell can be pinned closer than its protection interval: nothing is published.
    public static let disclosureAuditFailed = SaksgangError.Code(rawValue: "disclosure_audit_failed")
    /// The linear-programming solver of the audit did not finish.
    public static let disclosureSolver = SaksgangError.Code(rawValue: "disclosure_solver")
}
