/// The Cochran–Mantel–Haenszel test that a group and the reference group have the same
/// share within every stratum (school), over 2×2 tables of `ShareCounts`, without
/// continuity correction:
///
///     X² = (Σ a_k − Σ E a_k)² / Σ V a_k,   E a_k = r1 c1 / n,   V a_k = r1 r2 c1 c2 / (n² (n − 1))
///
/// with r the row (group) totals and c the column totals of stratum k, referred to
/// χ²(1). Matches statsmodels `StratifiedTable(tables).test_null_odds(correction=False)`
/// and R `mantelhaen.test(x, correct = FALSE)` on a 2×2×K array.
///
/// Strata with fewer than two subjects, or with a group or the reference empty,
/// contribute nothing (their E a = a and V a = 0, as in the tools; R refuses strata of
/// size < 2, so callers of R drop them). When the total variance is 0 (no stratum with
/// both groups and both outcomes) there is no test: statistic and p-value are NaN, as
/// both tools give, and `MultipleTesting` leaves a NaN p-value out.
public struct CochranMantelHaenszelTest: Sendable {
    /// Σ a_k: successes in the group, over the strata used.
    public let observed: Double
    /// Σ E a_k under the null hypothesis.
    public let expected: Double
    /// Σ V a_k.
    public let variance: Double
    /// The chi-square statistic with 1 degree of freedom (NaN when `variance` is 0).
    public let statistic: Double
    /// P(χ²(1) >= statistic) (NaN when `variance` is 0).
    public let pValue: Double
    /// Strata that contributed (both groups present, at least two subjects).
    public let strataUsed: Int
    /// The Mantel–Fleiss criterion (Mantel & Fleiss 1980): how far Σ E a_k lies from the
    /// nearest bound of Σ a_k (Σ max(0, c1 − r2) below, Σ min(r1, c1) above). The chi-square
    /// approximation is trusted only when this is at least 5; with sparse strata (a rare
    /// outcome spread over many small schools) it is not, and the p-value would be far too small.
    public let mantelFleiss: Double

    /// True when the Mantel–Fleiss criterion holds (margin of at least 5).
    public var approximationHolds: Bool { mantelFleiss >= 5 }

    /// Tests the strata. Every stratum's counts must be valid (`ShareCounts.isValid`).
    public init(_ strata: [ShareCounts]) {
        var observed = 0.0, expected = 0.0, variance = 0.0
        var lowest = 0.0, highest = 0.0
        var used = 0
        for stratum in strata {
            precondition(stratum.isValid, "CochranMantelHaenszelTest: successes must lie in 0...total")
            guard stratum.total > 0, stratum.referenceTotal > 0 else { continue }
            let (a, b, c, d, n) = stratum.cells
            used += 1
            observed += a
            expected += (a + b) * (a + c) / n
            variance += (a + b) * (c + d) * (a + c) * (b + d) / (n * n * (n - 1))
            lowest += max(0, (a + c) - (c + d))
            highest += min(a + b, a + c)
        }
        self.mantelFleiss = min(expected - lowest, highest - expected)
        self.observed = observed
        self.expected = expected
        self.variance = variance
        self.strataUsed = used
        if variance > 0 {
            let difference = observed - expected
            statistic = difference * difference / variance
            pValue = ChiSquareDistribution.survivalOneDegree(statistic)
        } else {
            statistic = .nan
            pValue = .nan
        }
    }
}
