import Measure

/// A local target as the report states it: the metric and the target in plain words.
public struct TargetDescription: Sendable, Equatable {
    public var metric: Metric
    /// The target in plain words, in the report's language ("samme eller neste arbeidsdag").
    public var text: String
    /// The target in the metric's first unit (1 for "the same or the next working day").
    public var value: Int?

    public init(metric: Metric, text: String, value: Int? = nil) {
        self.metric = metric
        self.text = text
        self.value = value
    }

    /// Every target of the catalogue's time metrics, in words.
    public static func all(_ targets: Targets, language: ReportLanguage) -> [TargetDescription] {
        Metric.catalogue.compactMap { metric in
            guard case .duration(let d) = metric.kind, let target = d.target?(targets) else { return nil }
            return TargetDescription(metric: metric, text: words(target, unit: d.units[0], language: language), value: target)
        }
    }

    /// "samme arbeidsdag", "samme eller neste arbeidsdag", "innen 5 skoledager".
    static func words(_ n: Int, unit: FigureUnit, language: ReportLanguage) -> String {
        let one = language == .bokmal ? unit.singular.bokmal : unit.singular.english
        let many = language == .bokmal ? unit.label.bokmal : unit.label.english
        switch (language, n) {
        case (.bokmal, 0): return "samme \(one)"
        case (.bokmal, 1): return "samme eller neste \(one)"
        case (.bokmal, _): return "innen \(n) \(many)"
        case (.english, 0): return "the same \(one)"
        case (.english, 1): return "the same or the next \(one)"
        case (.english, _): return "within \(n) \(many)"
        }
    }
}
