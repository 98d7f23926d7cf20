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
        if let series = DurationSeries.named(metric.name, unit) { return result(series) }
        return d.applies(c) ? clock.observe(d.end, c, asOf: censorAt, unit: unit) : nil
    }

    /// The case's observation of a series of the catalogue, computed on first use.
    func result(_ series: DurationSeries) -> Result<SurvivalObservation, ResponseClock.GapError>? {
        if let known = memo.results[series.number] { return known }
        let d = series.duration
        let r = d.applies(c) ? clock.observe(d.end, c, asOf: censorAt, unit: series.unit) : nil
        memo.results[series.number] = .some(r)
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
    /// By `DurationSeries.number`; nil until computed.
    var results: [Result<SurvivalObservation, ResponseClock.GapError>??] = Array(repeating: nil, count: DurationSeries.all.count)
    var contactGap: Int??
    /// `DeviationKind.kinds`: read by the deviation metric and by the follow-up list.
    var deviations: [DeviationKind]?
}
