import SaksgangCore

/// Every word the HTML report shows, in one place per language. Codes the report does not
/// know are shown as they are (their machine name), so a new metric or grouping appears in
/// the report before anyone writes its label here.
struct ReportStrings: Sendable {
    var htmlLanguage: String
    var numbers: NumberStyle
    var monthNames: [String]
    /// "4. mars 2025" / "4 March 2025".
    var dateFormat: @Sendable (_ day: Int, _ month: String, _ year: Int) -> String

    // Page frame
    var kicker: String
    var asOf: @Sendable (_ date: String) -> String
    var footer: String

    // Headline
    var headlineTitle: String
    var casesLabel: String
    var casesSentence: @Sendable (_ count: String) -> String
    var firstContactSentence: @Sendable (_ value: String) -> String
    var closureSentence: @Sendable (_ value: String) -> String
    var withinTargetSentence: @Sendable (_ value: String, _ target: String?) -> String
    var ethnicitySentence: @Sendable (_ value: String) -> String
    var interval: @Sendable (_ range: String) -> String
    var withheldHeadline: @Sendable (_ k: String) -> String
    var notAvailableHeadline: String
    var medianNotReached: String

    // Tables
    var tablesTitle: String
    var tablesIntro: String
    var byGrouping: @Sendable (_ grouping: String) -> String
    var groupColumn: String
    var totalRow: String
    var withheldMark: String
    var withheldWord: String
    var withheldFootnote: @Sendable (_ k: String) -> String
    var notAvailableMark: String
    var notAvailableFootnote: String

    // Charts
    var chartCaptionMedian: String
    var chartCaptionShare: String
    var chartReference: @Sendable (_ value: String) -> String
    var chartNoFigure: String
    var chartTitle: @Sendable (_ metric: String, _ grouping: String) -> String
    var chartAxisTime: @Sendable (_ unit: String) -> String
    var chartAxisShare: String

    // Input files
    var filesTitle: String
    var fileColumns: [String]
    var fileIngested: String
    var fileSkipped: String
    var fileRefused: @Sendable (_ reason: String) -> String
    var fileNotReconciled: String
    var noFiles: String
    var quarantineSentence: @Sendable (_ count: String) -> String
    var noQuarantine: String

    // Data quality
    var qualityTitle: String
    var qualityIntro: String
    var qualityColumns: [String]

    // Notes
    var notesTitle: String
    var notesClock: String
    var notesDays: String
    var notesKaplanMeier: String
    var notesInterval: String
    var notesDisclosure: @Sendable (_ k: String) -> String
    var notesTargets: String
    var notesTables: String

    // Codes
    var metricLabels: [String: String]
    var statisticWords: [String: String]
    var unitWords: [String: String]
    var groupingTitles: [String: String]
    var groupLabels: [String: [String: String]]

    static func forLanguage(_ language: ReportLanguage) -> ReportStrings {
        switch language {
        case .bokmal: return .bokmal
        case .english: return .english
        }
    }

    func date(_ date: LocalDate) -> String {
        let (y, m, d) = date.components
        return dateFormat(d, monthNames[m - 1], y)
    }

    /// The label of a metric/statistic pair, or its machine name.
    func metricLabel(metric: String, statistic: String) -> String {
        metricLabels["\(metric)/\(statistic)"] ?? "\(metric) · \(statistic)"
    }

    /// The label of a metric named without its statistic (as targets name it).
    func metricLabel(metric: String) -> String {
        for statistic in ["median", "share", "count"] {
            if let label = metricLabels["\(metric)/\(statistic)"] { return label }
        }
        return metric
    }

    func statisticWord(_ statistic: String) -> String { statisticWords[statistic] ?? statistic }

    func groupingTitle(_ grouping: String) -> String {
        if let title = groupingTitles[grouping] { return title }
        let parts = grouping.components(separatedBy: " x ")
        guard parts.count > 1 else { return grouping }
        return parts.map { groupingTitles[$0] ?? $0 }.joined(separator: " × ")
    }

    /// The label of a group; a crossing (`immigrant x yes` in `immigrant_background x
    /// ethnicity_based`) is labelled part by part.
    func groupLabel(grouping: String, group: String) -> String {
        if let label = groupLabels[grouping]?[group] { return label }
        let groupings = grouping.components(separatedBy: " x ")
        let groups = group.components(separatedBy: " x ")
        guard groupings.count > 1, groupings.count == groups.count else { return group }
        return zip(groupings, groups).map { groupLabels[$0]?[$1] ?? $1 }.joined(separator: " × ")
    }

    func unitWord(_ unit: String) -> String { unitWords[unit] ?? unit }
}
