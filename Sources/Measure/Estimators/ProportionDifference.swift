import Foundation

/// Confidence intervals for the difference of two independent shares, p1 − p2
/// (a group against the reference group).
public enum ProportionDifference {
    /// Newcombe's hybrid score interval (Newcombe 1998, method 10), from the two Wilson
    /// intervals (l1, u1) and (l2, u2):
    /// lower = d − √((p1 − l1)² + (u2 − p2)²), upper = d + √((u1 − p1)² + (p2 − l2)²).
    /// Matches statsmodels' `confint_proportions_2indep(method="newcomb", compare="diff")`.
    /// NaN in every field when either total is <= 0.
    public static func newcombe(successes1: Int, total1: Int, successes2: Int, total2: Int,
                                level: Double = 0.95)
        -> (estimate: Double, lower: Double, upper: Double)
    {
        guard total1 > 0, total2 > 0 else { return (.nan, .nan, .nan) }
        let first = ProportionInterval.wilson(successes: successes1, total: total1, level: level)
        let second = ProportionInterval.wilson(successes: successes2, total: total2, level: level)
        let difference = first.estimate - second.estimate
        let below = ((first.estimate - first.lower) * (first.estimate - first.lower)
            + (second.upper - second.estimate) * (second.upper - second.estimate)).squareRoot()
        let above = ((first.upper - first.estimate) * (first.upper - first.estimate)
            + (second.estimate - second.lower) * (second.estimate - second.lower)).squareRoot()
        return (difference, difference - below, difference + above)
    }
}
