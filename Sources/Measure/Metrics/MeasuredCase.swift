import SaksgangCore

/// A case as the metrics see it: the case, and what measuring it needs (clock, targets, the
/// time at which an open case is censored).
public struct MeasuredCase: Sendable {
    public let c: Case
    public let clock: ResponseClock
    public let targets: Targets
    public let censorAt: Timestamp

    /// The case's observation on a duration metric's clock in a unit (nil: not applicable
    /// or not measurable).
    public func observation(_ d: Metric.Duration, unit: FigureUnit) -> SurvivalObservation? {
        guard d.applies(c) else { return nil }
        return try? clock.observe(d.end, c, asOf: censorAt, unit: unit).get()
    }
}
