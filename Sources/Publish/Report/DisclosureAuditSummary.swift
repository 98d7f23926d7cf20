/// The result of the disclosure audit of this report, as the method section states it:
/// how many cells were checked and withheld, the narrowest interval an attacker could pin a
/// withheld cell to from everything published beside it, and whether every interval is at
/// least as wide as required.
public struct DisclosureAuditSummary: Sendable, Equatable, Codable {
    public var cellsChecked: Int
    public var cellsWithheld: Int
    /// The narrowest protection interval found, in cases (nil when nothing was withheld).
    public var narrowestWidth: Double?
    public var passed: Bool

    public init(cellsChecked: Int, cellsWithheld: Int, narrowestWidth: Double?, passed: Bool) {
        self.cellsChecked = cellsChecked
        self.cellsWithheld = cellsWithheld
        self.narrowestWidth = narrowestWidth
        self.passed = passed
    }
}
