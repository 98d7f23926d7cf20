import Measure

/// The primary rule (docs/disclosure.md): no cell of 1 to k−1 cases and no statistic from
/// fewer than k cases is published; a share is withheld when its numerator or its
/// complement (n − numerator) is 1 to k−1; at a school whose case count is below k nothing
/// is published, zero cells included ("no immigrant pupil at this school had a case" is a
/// statement about a small group).
struct PrimaryRule: Sendable {
    var threshold: Int

    func isSmall(_ n: Int) -> Bool { n >= 1 && n < threshold }

    /// Whether the figure is withheld on its own; `schoolTotal` is the case count of the
    /// figure's school when the figure is about one school (or a crossing of one).
    func withholds(_ f: Figure, schoolTotal: Int?) -> Bool {
        if f.statistic.isComparison { return false }
        if let total = schoolTotal, total < threshold { return true }
        guard let n = f.n else { return false }
        if isSmall(n) { return true }
        if let yes = f.numerator, isSmall(yes) || isSmall(n - yes) { return true }
        return false
    }

    /// The school a figure is about, if its grouping is `school` or a crossing that starts with it.
    static func school(of f: Figure) -> String? {
        if f.grouping == "school" { return f.group }
        if f.grouping.hasPrefix("school" + Grouping.crossingSeparator) {
            return Grouping.crossingParts(f.group).first.map(String.init)
        }
        return nil
    }
}
