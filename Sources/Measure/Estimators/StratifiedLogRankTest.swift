/// The stratified log-rank test that a group's survival curve equals the reference
/// group's within every stratum (school), 1 degree of freedom: in each stratum, at each
/// distinct event time, the group's events are compared with their expectation under a
/// common hazard, with the hypergeometric variance n1 n0 d (n − d) / (n² (n − 1)) (as
/// `LogRankTest`); O − E and the variances are summed over times and strata, and
/// X² = (Σ O − Σ E)² / Σ V is referred to χ²(1).
///
/// Matches R `survdiff(Surv(time, event) ~ group + strata(school))` (survival 3.x,
/// rho = 0): `chisq` and its p-value `pchisq(chisq, 1, lower.tail = FALSE)`, with
/// `obs`/`exp` summed over strata. With one stratum it is the ordinary two-group
/// log-rank test (R `survdiff(Surv(time, event) ~ group)`, lifelines `logrank_test`),
/// computed from counts. Events at a time come before censorings at that time.
///
/// A stratum where either group is empty, or without events, contributes nothing. When
/// the total variance is 0 the statistic is 0 and the p-value 1, as `LogRankTest`
/// (and R, which reports chisq 0 then).
public struct StratifiedLogRankTest: Sendable {
    /// One stratum: count tables of the group and the reference, each ascending by time
    /// with one row per distinct time.
    public struct Stratum: Sendable, Hashable {
        public var group: [EventCount]
        public var reference: [EventCount]

        public init(group: [EventCount], reference: [EventCount]) {
            self.group = group
            self.reference = reference
        }

        /// Tallies observations into the two count tables. Every time must be finite.
        public init(group: [SurvivalObservation], reference: [SurvivalObservation]) {
            self.init(group: EventCount.tally(group), reference: EventCount.tally(reference))
        }
    }

    /// Events observed in the group, over all strata.
    public let observed: Int
    /// Events expected in the group under the null hypothesis, summed over strata.
    public let expected: Double
    /// Events observed in the reference group.
    public let observedReference: Int
    /// Events expected in the reference group.
    public let expectedReference: Double
    /// Variance of Σ (O − E), summed over strata.
    public let variance: Double
    /// The chi-square statistic with 1 degree of freedom.
    public let statistic: Double
    /// P(χ²(1) >= statistic).
    public let pValue: Double
    /// Strata with subjects in both groups.
    public let strataUsed: Int

    /// Tests the strata.
    public init(_ strata: [Stratum]) {
        var observed = 0, observedReference = 0
        var expected = 0.0, expectedReference = 0.0, variance = 0.0
        var used = 0
        for stratum in strata {
            EventCount.validate(stratum.group, "StratifiedLogRankTest")
            EventCount.validate(stratum.reference, "StratifiedLogRankTest")
            var atRisk1 = stratum.group.reduce(0) { $0 + $1.events + $1.censored }
            var atRisk0 = stratum.reference.reduce(0) { $0 + $1.events + $1.censored }
            let stratumObserved = stratum.group.reduce(0) { $0 + $1.events }
            let stratumObservedReference = stratum.reference.reduce(0) { $0 + $1.events }
            observed += stratumObserved
            observedReference += stratumObservedReference
            guard atRisk1 > 0, atRisk0 > 0 else {
                // One group alone: its events are all expected (O = E), no variance.
                expected += Double(stratumObserved)
                expectedReference += Double(stratumObservedReference)
                continue
            }
            used += 1
            // Merge the two tables in time order.
            var i = 0, j = 0
            let rows1 = stratum.group, rows0 = stratum.reference
            while i < rows1.count || j < rows0.count {
                let time = min(i < rows1.count ? rows1[i].time : .infinity,
                               j < rows0.count ? rows0[j].time : .infinity)
                var events1 = 0, removed1 = 0, events0 = 0, removed0 = 0
                if i < rows1.count, rows1[i].time == time {
                    events1 = rows1[i].events
                    removed1 = rows1[i].events + rows1[i].censored
                    i += 1
                }
                if j < rows0.count, rows0[j].time == time {
                    events0 = rows0[j].events
                    removed0 = rows0[j].events + rows0[j].censored
                    j += 1
                }
                let events = events1 + events0
                if events > 0 {
                    let n1 = Double(atRisk1), n0 = Double(atRisk0)
                    let n = n1 + n0
                    let d = Double(events)
                    expected += d * n1 / n
                    expectedReference += d * n0 / n
                    if n > 1 { variance += n1 * n0 * d * (n - d) / (n * n * (n - 1)) }
                }
                atRisk1 -= removed1
                atRisk0 -= removed0
                if atRisk1 == 0 || atRisk0 == 0 {
                    // One group has left the stratum: the other's later events have E = O
                    // and add no variance.
                    while i < rows1.count { expected += Double(rows1[i].events); i += 1 }
                    while j < rows0.count { expectedReference += Double(rows0[j].events); j += 1 }
                }
            }
        }
        self.observed = observed
        self.expected = expected
        self.observedReference = observedReference
        self.expectedReference = expectedReference
        self.variance = variance
        self.strataUsed = used
        let difference = Double(observed) - expected
        self.statistic = variance > 0 ? difference * difference / variance : 0
        self.pValue = ChiSquareDistribution.survivalOneDegree(statistic)
    }

    /// The unstratified two-group log-rank test from count tables (one stratum).
    public init(group: [EventCount], reference: [EventCount]) {
        self.init([Stratum(group: group, reference: reference)])
    }
}
