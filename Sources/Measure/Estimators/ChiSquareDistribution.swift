import Foundation

/// The chi-square distribution with one degree of freedom, the null distribution of a
/// two-group log-rank statistic.
public enum ChiSquareDistribution {
    /// P(X > x) for X ~ χ²(1): erfc(√(x/2)), accurate in the far tail (no 1 − cdf
    /// cancellation). 1 for x <= 0; NaN for NaN.
    public static func survivalOneDegree(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 1 }
        return erfc((x / 2).squareRoot())
    }
}
