import Measure
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
    /// How often the figures are renewed (after `asOf`).
    var renewed: @Sendable (_ period: PublicationPeriod) -> String
    var missingCalendars: @Sendable (_ list: String) -> String
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
    var fileCountsWithheld: String
    var quarantineUncounted: String

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

    /// A model text in this language.
    func text(_ label: Label) -> String { htmlLanguage == "nb" ? label.bokmal : label.english }

    func metricLabel(_ metric: Metric) -> String { text(metric.label) }

    func statisticWord(_ statistic: Statistic) -> String { text(statistic.label) }

    func unitWord(_ unit: FigureUnit) -> String { text(unit.label) }

    /// The title of a grouping by its machine name (a crossing part by part).
    func groupingTitle(_ name: String) -> String {
        Grouping.named(name).map { text($0.label) } ?? name
    }

    /// The label of a group; a code without words (an orgnr) as it is.
    func groupLabel(grouping: String, group: String) -> String {
        if grouping == Grouping.term.name, let term = TermCode(group) { return text(term.label) }
        if group == "unknown" { return text(Label("Ukjent", "Unknown")) }
        return Grouping.named(grouping)?.label(of: group).map(text) ?? group
    }

    /// The label of a metric's category.
    func categoryLabel(_ metric: Metric, _ code: String) -> String {
        metric.categories.first { $0.code == code }.map { text($0.label) } ?? code
    }
}
