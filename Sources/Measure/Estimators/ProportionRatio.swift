import Foundation

/// Confidence intervals for the ratio of two independent shares, p1 / p2 (a group against
/// the reference group).
public enum ProportionRatio {
    /// The ratio p1/p2 = (x1/n1)/(x2/n2) with the log (Katz) interval:
    /// exp(log(p1/p2) ± z √(1/x1 − 1/n1 + 1/x2 − 1/n2)).
    /// Matches statsmodels' `confint_proportions_2indep(count1, nobs1, count2, nobs2,
    /// compare="ratio", method="log")` (no 0.5 added: not "log-adjusted").
    ///
    /// Nil when the log interval is undefined: a total <= 0, or no successes in either
    /// group (a ratio of 0 or ∞ has no log; statsmodels then returns NaN/0 limits). The
    /// difference (`ProportionDifference.newcombe`) still describes such a comparison.
    /// Both shares 1 gives the degenerate interval [1, 1], as statsmodels.
    public static func log(successes1: Int, total1: Int, successes2: Int, total2: Int,
                           level: Double = 0.95)
        -> (estimate: Double, lower: Double, upper: Double)?
    {
        guard total1 > 0, total2 > 0, successes1 > 0, successes2 > 0 else { return nil }
        let x1 = Double(successes1), n1 = Double(total1)
        let x2 = Double(successes2), n2 = Double(total2)
        let ratio = (x1 / n1) / (x2 / n2)
        // Each 1/x − 1/n >= 0 for 0 < x <= n; written as (n − x)/(x n) it is exactly 0 at x = n.
        let variance = (n1 - x1) / (x1 * n1) + (n2 - x2) / (x2 * n2)
        let spread = NormalDistribution.twoSidedCriticalValue(level: level) * variance.squareRoot()
        let logRatio = Foundation.log(ratio)
        return (ratio, exp(logRatio - spread), exp(logRatio + spread))
    }
}
