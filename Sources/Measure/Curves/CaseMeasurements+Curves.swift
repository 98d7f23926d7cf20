extension CaseMeasurements {
    /// The duration metrics whose curves the report draws: first contact and closure.
    public static let curveMetrics: [Metric] = [.timeToFirstContact, .timeToClosure]
    /// The groupings the curves are drawn by.
    public static let curveGroupings: [Grouping] = [.all, .immigrantBackground, .ethnicityBased]

    /// The Kaplan–Meier curves of `metrics` (in each metric's first unit, the unit of its
    /// target and its comparisons) for every group of `groupings` that has observations.
    /// Curves of a school-day series that lacked a school calendar are left out, as their
    /// figures are. Not yet disclosure-controlled.
    public func survivalCurves(metrics chosen: [Metric] = curveMetrics,
                               groupings chosenGroupings: [Grouping] = curveGroupings) -> [SurvivalCurve] {
        var out: [SurvivalCurve] = []
        for grouping in chosenGroupings {
            guard let i = groupings.firstIndex(of: grouping) else { continue }
            let numbers = cellNumbers(i)
            let cells = self.cells(i)
            for group in groups(i) {
                guard let cell = numbers[group].map({ cells[$0] }) else { continue }
                for metric in chosen {
                    guard let m = metrics.firstIndex(of: metric), let s = layout.firstSeries[m], cell.noCalendar[s] == 0,
                          let km = curve(cell, series: s) else { continue }
                    out.append(SurvivalCurve(metric: metric, unit: layout.series[s].unit, grouping: grouping.name, group: group, km))
                }
            }
        }
        return out
    }
}
