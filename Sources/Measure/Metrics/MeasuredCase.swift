import SaksgangCore

/// A case as the metrics see it: the case, and what measuring it needs (clock, targets, the
/// time at which an open case is censored). Observations are computed once per case and
/// shared by the metrics that read them (the times, the deviations, the excluded cases).
public struct MeasuredCase: Sendable {
    public let c: Case
    public let clock: ResponseClock
    public let targets: Targets
    public let censorAt: Timestamp
    let memo: ObservationMemo

    init(c: Case, clock: ResponseClock, targets: Targets, censorAt: Timestamp) {
        self.c = c
        self.clock = clock
        self.targets = targets
        self.censorAt = censorAt
        memo = ObservationMemo()
    }

    /// The case's observation of a duration metric in a unit: nil when the metric does not
    /// apply, otherwise the observation or why there is none.
    func result(_ metric: Metric, unit: FigureUnit) -> Result<SurvivalObservation, ResponseClock.GapError>? {
        guard case .duration(let d) = metric.kind else { return nil }
        let key = ObservationMemo.Key(metric: metric.name, unit: unit)
        if let known = memo.results[key] { return known }
        let r: Result<SurvivalObservation, ResponseClock.GapError>? =
            d.applies(c) ? clock.observe(d.end, c, asOf: censorAt, unit: unit) : nil
        memo.results[key] = .some(r)
        return r
    }

    /// The case's observation of a duration metric in a unit (nil: not applicable or not
    /// measurable).
    public func observation(_ metric: Metric, unit: FigureUnit) -> SurvivalObservation? {
        try? result(metric, unit: unit)?.get()
    }
}

/// What a case's metrics share while it is measured: one case, one thread, then dropped.
final class ObservationMemo: @unchecked Sendable {
    struct Key: Hashable {
        var metric: String
        var unit: FigureUnit
    }
    var results: [Key: Result<SurvivalObservation, ResponseClock.GapError>?] = [:]
    var contactGap: Int??
}
