/// A 2×2 table as counts: successes out of a total in a group and in the reference group
/// it is compared with. Row 1 is the group, row 2 the reference; column 1 the successes:
///
///     group       successes            total − successes
///     reference   referenceSuccesses   referenceTotal − referenceSuccesses
///
/// (statsmodels `Table2x2` / `StratifiedTable` and R `mantelhaen.test` read a table with
/// this orientation as [[a, b], [c, d]].) One per school for the stratified comparisons.
public struct ShareCounts: Sendable, Hashable {
    /// Successes in the group.
    public var successes: Int
    /// Size of the group.
    public var total: Int
    /// Successes in the reference group.
    public var referenceSuccesses: Int
    /// Size of the reference group.
    public var referenceTotal: Int

    public init(successes: Int, total: Int, referenceSuccesses: Int, referenceTotal: Int) {
        self.successes = successes
        self.total = total
        self.referenceSuccesses = referenceSuccesses
        self.referenceTotal = referenceTotal
    }

    /// True when the counts make a table: every total >= 0 and 0 <= successes <= total.
    public var isValid: Bool {
        total >= 0 && referenceTotal >= 0
            && (0...max(total, 0)).contains(successes)
            && (0...max(referenceTotal, 0)).contains(referenceSuccesses)
    }

    /// Cells as doubles: a, b (group), c, d (reference), and n = a + b + c + d.
    var cells: (a: Double, b: Double, c: Double, d: Double, n: Double) {
        let a = Double(successes), b = Double(total - successes)
        let c = Double(referenceSuccesses), d = Double(referenceTotal - referenceSuccesses)
        return (a, b, c, d, a + b + c + d)
    }
}
