import Foundation

/// Confidence intervals for a single share (successes out of a total).
public enum ProportionInterval {
    /// The Wilson score interval for successes/total, clipped to [0, 1] — statsmodels'
    /// `proportion_confint(method="wilson")`. Unlike the Wald interval it behaves at 0 and
    /// at total (0 of 10 gives [0, 0.278], not [0, 0]) and in small groups.
    /// With total <= 0 every field is NaN (no share exists); with successes outside
    /// 0...total the result is meaningless, so callers must pass counts.
    public static func wilson(successes: Int, total: Int, level: Double = 0.95)
        -> (estimate: Double, lower: Double, upper: Double)
    {
        guard total > 0 else { return (.nan, .nan, .nan) }
        let n = Double(total)
        let share = Double(successes) / n
        let z = NormalDistribution.twoSidedCriticalValue(level: level)
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (share + z2 / (2 * n)) / denominator
        let halfWidth = z * (share * (1 - share) / n + z2 / (4 * n * n)).squareRoot() / denominator
        // At 0 and at total the limit is exactly 0 or 1 in theory; rounding would leave 1e-17.
        let lower = successes <= 0 ? 0 : min(max(center - halfWidth, 0), 1)
        let upper = successes >= total ? 1 : min(max(center + halfWidth, 0), 1)
        return (share, lower, upper)
    }
}
