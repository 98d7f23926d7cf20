import Foundation

/// The log-rank test that two survival curves are equal (two groups, 1 degree of freedom),
/// as lifelines' `logrank_test`: at each distinct event time the events of group A are
/// compared with their expectation under a common hazard, with the hypergeometric
/// variance Σ n_A n_B d (n − d) / (n² (n − 1)); the statistic (O_A − E_A)² / V is referred
/// to χ²(1). When V = 0 (no events, or no overlap at risk) the statistic is 0 and the
/// p-value 1, as lifelines reports.
public struct LogRankTest: Sendable {
    /// Events observed in group A.
    public let observedA: Int
    /// Events expected in group A under the null hypothesis.
    public let expectedA: Double
    /// Events observed in group B.
    public let observedB: Int
    /// Events expected in group B under the null hypothesis.
    public let expectedB: Double
    /// Variance of O_A − E_A under the null hypothesis.
    public let variance: Double
    /// The chi-square statistic with 1 degree of freedom.
    public let statistic: Double
    /// P(χ²(1) >= statistic).
    public let pValue: Double

    /// Compares group A with group B. Every time must be finite. The arithmetic is
    /// `StratifiedLogRankTest`'s with one stratum (the same figures, from count tables).
    public init(_ groupA: [SurvivalObservation], _ groupB: [SurvivalObservation]) {
        precondition((groupA + groupB).allSatisfy { $0.time.isFinite },
                     "LogRankTest: observation time must be finite")
        let test = StratifiedLogRankTest(group: EventCount.tally(groupA), reference: EventCount.tally(groupB))
        observedA = test.observed
        expectedA = test.expected
        observedB = test.observedReference
        expectedB = test.expectedReference
        variance = test.variance
        statistic = test.statistic
        pValue = test.pValue
    }
}
