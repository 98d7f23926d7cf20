import Foundation

extension KaplanMeier {
    /// Slack when asking whether a curve has come down to a threshold. The running
    /// product carries rounding of order 1e-14 at most; a curve that is exactly 0.5 in
    /// theory (4 events of 8) must count as having reached 0.5, whichever way it rounded.
    /// (lifelines has no such slack and computes S as exp(Σ log), so for 8 uncensored
    /// times it gets S = 0.5000000000000001 at the 4th and reports the 5th time as the
    /// median; we report the 4th, the exact answer. Fixtures/oracle records the cases.)
    static let thresholdSlack = 1e-12

    /// The median time to event: the smallest observed time t with S(t) <= 0.5
    /// (lifelines' convention; R instead averages two times when S sits exactly at 0.5).
    /// Nil when the curve never comes down to 0.5 (too much censoring, too few events).
    public var median: Double? { quantile(0.5) }

    /// The time by which a share `p` has had the event: the smallest observed time t with
    /// S(t) <= 1 − p (p = 0.5 median, 0.75 "p75", 0.9 "p90"). Nil when never reached.
    /// lifelines: `qth_survival_time(1 - p, kmf.survival_function_)`. `p` must lie in (0, 1).
    public func quantile(_ p: Double) -> Double? {
        precondition(p > 0 && p < 1, "KaplanMeier.quantile: p must lie strictly between 0 and 1")
        let threshold = 1 - p
        return steps.first { $0.survival <= threshold + Self.thresholdSlack }?.time
    }

    /// The confidence interval of the median by inverting the pointwise log-log bands
    /// (the Brookmeyer–Crowley idea with the log-log band as test): the lower limit is
    /// the first time the lower band reaches 0.5, the upper limit the first time the
    /// upper band does. This is exactly lifelines'
    /// `median_survival_times(kmf.confidence_interval_)`. A nil limit means the band
    /// never reaches 0.5 within the data: the limit is beyond the last observed time
    /// (lifelines: inf). Both nil when nobody had the event.
    public func medianConfidenceInterval(level: Double = 0.95) -> (lower: Double?, upper: Double?) {
        quantileConfidenceInterval(0.5, level: level)
    }

    /// The confidence interval of `quantile(p)` by the same band inversion as
    /// `medianConfidenceInterval`: first times the lower and upper log-log bands come
    /// down to 1 − p.
    public func quantileConfidenceInterval(_ p: Double, level: Double = 0.95)
        -> (lower: Double?, upper: Double?)
    {
        precondition(p > 0 && p < 1,
                     "KaplanMeier.quantileConfidenceInterval: p must lie strictly between 0 and 1")
        let threshold = 1 - p + Self.thresholdSlack
        let z = NormalDistribution.twoSidedCriticalValue(level: level)
        var lower: Double?
        var upper: Double?
        for step in steps {
            let band = Self.logLogBand(step, z: z)
            if lower == nil, band.lower <= threshold { lower = step.time }
            if upper == nil, band.upper <= threshold { upper = step.time; break }
        }
        return (lower, upper)
    }
}
