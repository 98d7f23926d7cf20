import Foundation

extension KaplanMeier {
    /// Pointwise confidence interval of S(t) by the log-log ("exponential Greenwood")
    /// transform, lifelines' default: with v = log S(t) and σ² = Σ d/(n(n−d)),
    /// lower = S^exp(+z σ/|v|), upper = S^exp(−z σ/|v|), z the two-sided normal critical
    /// value. The interval always lies in [0, 1]. Where S(t) = 1 (no event yet) it is
    /// [1, 1] (lifelines fills its 0/0 with 1.0); where S(t) = 0 it is [0, 0].
    public func confidenceInterval(at time: Double, level: Double = 0.95)
        -> (lower: Double, upper: Double)
    {
        guard let step = step(at: time) else { return (1, 1) }
        return Self.logLogBand(step, z: NormalDistribution.twoSidedCriticalValue(level: level))
    }

    /// The share that has had the event by time t, 1 − S(t), with the log-log interval of
    /// S(t) turned over: (1 − upper, 1 − lower). This is "share within target" (first
    /// contact within a day, closed within 30/90/180 days) corrected for open cases.
    public func cumulativeIncidence(at time: Double, level: Double = 0.95)
        -> (estimate: Double, lower: Double, upper: Double)
    {
        let band = confidenceInterval(at: time, level: level)
        return (1 - survival(at: time), 1 - band.upper, 1 - band.lower)
    }

    /// The log-log band at one step, in lifelines' arithmetic.
    static func logLogBand(_ step: Step, z: Double) -> (lower: Double, upper: Double) {
        let s = step.survival
        if s >= 1 { return (1, 1) }
        if s <= 0 { return (0, 0) }
        let v = log(s)
        let spread = z * step.greenwoodSum.squareRoot() / v   // negative for z > 0
        let logMinusV = log(-v)
        return (exp(-exp(logMinusV - spread)), exp(-exp(logMinusV + spread)))
    }
}
