import Foundation

extension KaplanMeier {
    /// Pointwise confidence interval of S(t) by the log-log ("exponential Greenwood")
    /// transform, as R's `survfit(..., conf.type = "log-log")`: with v = log S(t) and
    /// σ² = Σ d/(n(n−d)) (σ is R's `std.err`, the standard error of log S),
    /// lower = S^exp(+z σ/|v|), upper = S^exp(−z σ/|v|), z the two-sided normal critical
    /// value. The interval lies in (0, 1).
    ///
    /// Nil limits where the log-log transform is undefined, exactly where R reports NA:
    /// S(t) = 1 (no event yet, including times before the first observation; log(−log 1)
    /// is −∞) and S(t) = 0 (the step where everyone left at risk had the event, n == d,
    /// where R's Greenwood term d/(n(n−d)) and so its std.err is infinite). R's
    /// `summary.survfit` prints 1/1 before the first observation (from a time-0 row it
    /// inserts); the survfit columns, which `quantile.survfit` reads, are NA, and so is this.
    public func confidenceInterval(at time: Double, level: Double = 0.95)
        -> (lower: Double?, upper: Double?)
    {
        guard let step = step(at: time) else { return (nil, nil) }
        return Self.logLogBand(step, z: NormalDistribution.twoSidedCriticalValue(level: level))
    }

    /// The share that has had the event by time t, 1 − S(t), with the log-log interval of
    /// S(t) turned over: (1 − upper, 1 − lower), nil where that interval is (S(t) = 1 or 0;
    /// see `confidenceInterval(at:level:)`). This is "share within target" (first contact
    /// within a day, closed within 30/90/180 days) corrected for open cases.
    public func cumulativeIncidence(at time: Double, level: Double = 0.95)
        -> (estimate: Double, lower: Double?, upper: Double?)
    {
        let band = confidenceInterval(at: time, level: level)
        return (1 - survival(at: time), band.upper.map { 1 - $0 }, band.lower.map { 1 - $0 })
    }

    /// The log-log band at one step, in R's arithmetic (`survival:::survfit_confint`):
    /// se2 = z·σ/log S; lower = exp(−exp(log(−log S) − se2)), upper = exp(−exp(log(−log S) + se2)).
    /// Nil at S = 1 and S = 0, where R gives NA.
    static func logLogBand(_ step: Step, z: Double) -> (lower: Double?, upper: Double?) {
        let s = step.survival
        if s >= 1 || s <= 0 { return (nil, nil) }
        let v = log(s)
        let spread = z * step.greenwoodSum.squareRoot() / v   // negative for z > 0
        let logMinusV = log(-v)
        return (exp(-exp(logMinusV - spread)), exp(-exp(logMinusV + spread)))
    }
}
