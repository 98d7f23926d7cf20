import Measure

/// Disclosure control of the Kaplan–Meier curves the report draws (docs/privacy.md, §3 of
/// the disclosure rules: no curve point from fewer than k cases):
/// - a group's curve is published only when the control published the figure that gives its
///   case count, the metric's median in the same unit for the same group, with the same n
///   (so a curve never stands where the figures of its group were withheld, primary or
///   linked);
/// - each published curve is cut where fewer than k cases remain at risk: no point rests
///   on fewer than k cases.
public struct CurveDisclosure: Sendable {
    public var threshold: Int

    public init(threshold: Int = 5) {
        precondition(threshold >= 2)
        self.threshold = threshold
    }

    /// The curves that may be published, cut at the last time with at least k at risk.
    /// `figures` are the figures after `DisclosureControl`.
    public func apply(_ curves: [SurvivalCurve], figures: [Figure]) -> [SurvivalCurve] {
        var published: [Key: Int] = [:]
        for f in figures where f.statistic == .median && f.comparison == nil && !f.suppressed {
            if let n = f.n { published[Key(metric: f.metric, unit: f.unit, grouping: f.grouping, group: f.group)] = n }
        }
        return curves.compactMap { curve in
            guard curve.n >= threshold,
                  published[Key(metric: curve.metric, unit: curve.unit, grouping: curve.grouping, group: curve.group)] == curve.n
            else { return nil }
            var cut = curve
            cut.points = curve.points.filter { $0.atRisk >= threshold }
            return cut
        }
    }

    private struct Key: Hashable {
        var metric: Metric
        var unit: FigureUnit
        var grouping: String
        var group: String
    }
}
