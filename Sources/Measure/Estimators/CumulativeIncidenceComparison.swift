import Foundation

/// A group's Kaplan–Meier curve against the reference group's at one time t, compared on
/// the share that has had the event by t, F(t) = 1 − S(t) ("share within target",
/// corrected for open cases): difference F1 − F0 and ratio F1 / F0 with Wald intervals
/// from Greenwood's standard errors.
///
/// S(t) is the Kaplan–Meier product Π(1 − d/n) over event times <= t, its standard error
/// se = S(t) √(Σ d/(n(n − d))) (Greenwood; a step with n = d, where S drops to 0,
/// adds 0, as `KaplanMeier`); se of F(t) is the same. Then
///
///     difference  d = F1 − F0,  d ± z √(se1² + se0²)
///     ratio       r = F1 / F0,  exp(log r ± z √(se1²/F1² + se0²/F0²))   (delta method)
///
/// S(t) and se match R `summary(survfit(Surv(time, event) ~ 1, conf.type = "log-log"),
/// times = t, extend = TRUE)` fields `surv` and `std.err` (survival 3.x), and `KaplanMeier`
/// here (except where S(t) = 0: R's std.err is NaN there, Greenwood with the n = d term
/// as 0 gives 0); the intervals are the formulas above on those figures (no tool function
/// compares two curves at a time point). Events at a time come before censorings at that
/// time. Cost: one pass over the count rows up to t, so count tables (one row per day)
/// keep it independent of the number of cases.
public struct CumulativeIncidenceComparison: Sendable {
    /// One curve at time t.
    public struct Point: Sendable, Equatable {
        /// F(t) = 1 − S(t).
        public let incidence: Double
        /// Greenwood's standard error of S(t) (and of F(t)).
        public let standardError: Double
        /// Subjects in the curve.
        public let count: Int
    }

    /// The time compared at.
    public let time: Double
    /// The group's curve at `time`.
    public let group: Point
    /// The reference group's curve at `time`.
    public let reference: Point
    /// F1 − F0 with its interval; nil when both standard errors are 0 (S = 1 in both,
    /// or no variance left: no interval exists) or a group is empty.
    public let difference: (estimate: Double, lower: Double, upper: Double)?
    /// F1 / F0 with its interval on the log scale; nil when F0 = 0 or F1 = 0 (no log) or
    /// the log-scale variance is 0, or a group is empty.
    public let ratio: (estimate: Double, lower: Double, upper: Double)?

    /// Compares count tables (`EventCount` rows ascending by time, one per distinct time).
    public init(group: [EventCount], reference: [EventCount], at time: Double, level: Double = 0.95) {
        EventCount.validate(group, "CumulativeIncidenceComparison")
        EventCount.validate(reference, "CumulativeIncidenceComparison")
        let first = Self.point(group, at: time)
        let second = Self.point(reference, at: time)
        self.time = time
        self.group = first
        self.reference = second
        let z = NormalDistribution.twoSidedCriticalValue(level: level)
        guard first.count > 0, second.count > 0 else {
            difference = nil
            ratio = nil
            return
        }
        let varianceSum = first.standardError * first.standardError
            + second.standardError * second.standardError
        if varianceSum > 0 {
            let estimate = first.incidence - second.incidence
            let spread = z * varianceSum.squareRoot()
            difference = (estimate, estimate - spread, estimate + spread)
        } else {
            difference = nil
        }
        if first.incidence > 0, second.incidence > 0 {
            let relative1 = first.standardError / first.incidence
            let relative0 = second.standardError / second.incidence
            let logVariance = relative1 * relative1 + relative0 * relative0
            if logVariance > 0 {
                let estimate = first.incidence / second.incidence
                let spread = z * logVariance.squareRoot()
                ratio = (estimate, exp(log(estimate) - spread), exp(log(estimate) + spread))
            } else {
                ratio = nil
            }
        } else {
            ratio = nil
        }
    }

    /// Compares observations (tallied into counts first). Every time must be finite.
    public init(group: [SurvivalObservation], reference: [SurvivalObservation], at time: Double,
                level: Double = 0.95)
    {
        self.init(group: EventCount.tally(group), reference: EventCount.tally(reference),
                  at: time, level: level)
    }

    /// S(t) and Greenwood's sum from a count table, as `KaplanMeier` computes them.
    private static func point(_ rows: [EventCount], at time: Double) -> Point {
        let count = rows.reduce(0) { $0 + $1.events + $1.censored }
        var atRisk = count
        var survival = 1.0
        var greenwood = 0.0
        for row in rows {
            guard row.time <= time else { break }
            if row.events > 0 {
                survival *= Double(atRisk - row.events) / Double(atRisk)
                if atRisk > row.events {
                    greenwood += Double(row.events) / (Double(atRisk) * Double(atRisk - row.events))
                }
            }
            atRisk -= row.events + row.censored
        }
        return Point(incidence: 1 - survival, standardError: survival * greenwood.squareRoot(),
                     count: count)
    }
}
