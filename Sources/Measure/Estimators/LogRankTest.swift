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

    /// Compares group A with group B. Every time must be finite.
    public init(_ groupA: [SurvivalObservation], _ groupB: [SurvivalObservation]) {
        precondition((groupA + groupB).allSatisfy { $0.time.isFinite },
                     "LogRankTest: observation time must be finite")
        let pooled = (groupA.map { ($0, true) } + groupB.map { ($0, false) })
            .sorted { $0.0.time < $1.0.time }
        var atRiskA = groupA.count
        var atRiskB = groupB.count
        var observedA = 0
        var observedB = 0
        var expectedA = 0.0
        var expectedB = 0.0
        var variance = 0.0
        var index = 0
        while index < pooled.count {
            let time = pooled[index].0.time
            var eventsA = 0, eventsB = 0, removedA = 0, removedB = 0
            while index < pooled.count, pooled[index].0.time == time {
                let (observation, inA) = pooled[index]
                if inA {
                    removedA += 1
                    if observation.event { eventsA += 1 }
                } else {
                    removedB += 1
                    if observation.event { eventsB += 1 }
                }
                index += 1
            }
            let events = eventsA + eventsB
            if events > 0 {
                let n = Double(atRiskA + atRiskB)
                let d = Double(events)
                expectedA += d * Double(atRiskA) / n
                expectedB += d * Double(atRiskB) / n
                if n > 1 {
                    variance += Double(atRiskA) * Double(atRiskB) * d * (n - d) / (n * n * (n - 1))
                }
                observedA += eventsA
                observedB += eventsB
            }
            atRiskA -= removedA
            atRiskB -= removedB
        }
        self.observedA = observedA
        self.expectedA = expectedA
        self.observedB = observedB
        self.expectedB = expectedB
        self.variance = variance
        let difference = Double(observedA) - expectedA
        self.statistic = variance > 0 ? difference * difference / variance : 0
        self.pValue = ChiSquareDistribution.survivalOneDegree(statistic)
    }
}
