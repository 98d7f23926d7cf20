/// A duration metric of the catalogue in one of its units: what a case's observation is kept
/// under while it is measured. Numbered once, in catalogue order, so that the metrics that
/// read a case's times (the curves, the deviations, the excluded cases) find them by number
/// instead of by the metric's name. A class: the metrics pass it around for every case, and
/// a reference costs one retain where the value's closures and codes would cost several.
final class DurationSeries: Sendable {
    let number: Int
    let metric: String
    let duration: Metric.Duration
    let unit: FigureUnit

    /// Every duration metric of `Metric.catalogue` in each of its units.
    static let all: [DurationSeries] = Metric.catalogue.flatMap { metric -> [(String, Metric.Duration, FigureUnit)] in
        guard case .duration(let d) = metric.kind else { return [] }
        return d.units.map { (metric.name, d, $0) }
    }.enumerated().map { DurationSeries(number: $0, metric: $1.0, duration: $1.1, unit: $1.2) }

    private struct Key: Hashable {
        var metric: String
        var unit: FigureUnit
    }
    private static let numbers: [Key: Int] = Dictionary(uniqueKeysWithValues: all.map { (Key(metric: $0.metric, unit: $0.unit), $0.number) })

    /// The series of a metric of the catalogue in a unit; nil for any other.
    static func named(_ metric: String, _ unit: FigureUnit) -> DurationSeries? {
        numbers[Key(metric: metric, unit: unit)].map { all[$0] }
    }

    /// The category of `Metric.excludedCases` for a case this series could not use, and why.
    static func excludedCaseCode(_ metric: String, _ unit: FigureUnit, _ gap: ResponseClock.Gap) -> String {
        "\(metric):\(unit.rawValue) x \(gap.rawValue)"
    }

    /// `excludedCaseCode` of this series for each gap, spelled once.
    let excludedCaseCodes: [ResponseClock.Gap: String]

    private init(number: Int, metric: String, duration: Metric.Duration, unit: FigureUnit) {
        self.number = number
        self.metric = metric
        self.duration = duration
        self.unit = unit
        excludedCaseCodes = Dictionary(uniqueKeysWithValues: ResponseClock.Gap.allCases.map { ($0, Self.excludedCaseCode(metric, unit, $0)) })
    }
}
