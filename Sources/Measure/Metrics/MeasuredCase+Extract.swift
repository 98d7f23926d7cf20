import SaksgangCore

/// A case measured one at a time, for a stage that writes cases rather than figures (the
/// research extract): the same clock, the same censoring at the municipality's latest
/// export and the same groupings as the report's figures, so that a researcher's own
/// Kaplan–Meier curve over the extract is the report's curve.
extension MeasuredCase {
    /// The case as `CaseMeasurements.add` measures it: open cases censored at the latest
    /// export of the case's municipality (`asOf`), else at the case's own export.
    package static func measuring(_ c: Case, clock: ResponseClock, targets: Targets = Targets(),
                                  asOf: [String: Timestamp]) -> MeasuredCase {
        MeasuredCase(c: c, clock: clock, targets: targets, censorAt: asOf[c.school.municipality] ?? c.exportTime)
    }

    /// Why the case gives no observation of a duration metric in a unit; nil when it gives
    /// one or the metric does not apply to the case.
    package func gap(_ metric: Metric, unit: FigureUnit) -> ResponseClock.Gap? {
        if case .failure(let e)? = result(metric, unit: unit) { return e.gap }
        return nil
    }

    /// True when the duration metric applies to the case (notice to the school owner: only
    /// serious cases and cases with a staff perpetrator).
    package func applies(_ metric: Metric) -> Bool {
        guard case .duration(let d) = metric.kind else { return false }
        return d.applies(c)
    }

    /// The duration metrics of the report, in its order: the events a case's clock runs to.
    package static var durationMetrics: [Metric] {
        Metric.catalogue.filter { if case .duration = $0.kind { return true } else { return false } }
    }
}
