import Measure
import SaksgangCore

/// Everything a report shows: figures already measured and disclosure-controlled, the
/// targets, and counts about the input files. The report holds nothing else, so it cannot
/// publish anything the earlier stages did not release.
public struct ReportContent: Sendable {
    /// The report's heading, e.g. the pipeline's name.
    public var title: String
    public var language: ReportLanguage
    /// The figures describe the cases as they stood at the end of this day: the latest
    /// export of the night the figures were last renewed (`publication`).
    public var asOf: LocalDate
    /// How often the figures are renewed; the report says so beside `asOf`.
    public var publication: PublicationPeriod = .night
    /// The disclosure threshold k: cells under k cases are withheld (privacy.md §3).
    public var threshold: Int
    public var targets: [TargetDescription]
    /// The published figures, in the order the tables list them.
    public var figures: [Figure]
    public var files: [FileSummary]
    /// Entries of this run's quarantine file; nil when a file's counts are withheld (the
    /// total beside the published files' counts would give them back).
    public var quarantineCount: Int?
    /// Data-quality figures (metrics.md §6): shown in their own section and appended to the
    /// machine tables after `figures`.
    public var dataQuality: [Figure]
    /// School calendars the figures needed and the pipeline does not have
    /// (`kommunenummer-YYYY-YYYY`): their school-day figures are withheld, and the report says so.
    public var missingSchoolCalendars: [String]
    /// Kaplan–Meier curves after `CurveDisclosure`: only those the control let through, each
    /// cut where fewer than k cases remain at risk.
    public var curves: [SurvivalCurve]
    /// School names by organisation number, for the table of schools (public names).
    public var schoolNames: [String: String]
    /// Each school's municipality (kommunenummer) by organisation number, so the table of
    /// schools lists each municipality's schools above its total.
    public var schoolMunicipalities: [String: String]
    /// The disclosure audit's result, stated in the method section when given.
    public var audit: DisclosureAuditSummary?

    public init(title: String, language: ReportLanguage = .bokmal, asOf: LocalDate, threshold: Int,
                targets: [TargetDescription] = [], figures: [Figure], files: [FileSummary] = [],
                quarantineCount: Int? = 0, dataQuality: [Figure] = [], missingSchoolCalendars: [String] = [],
                curves: [SurvivalCurve] = [], schoolNames: [String: String] = [:],
                schoolMunicipalities: [String: String] = [:], audit: DisclosureAuditSummary? = nil) {
        self.title = title
        self.language = language
        self.asOf = asOf
        self.threshold = threshold
        self.targets = targets
        self.figures = figures
        self.files = files
        self.quarantineCount = quarantineCount
        self.dataQuality = dataQuality
        self.missingSchoolCalendars = missingSchoolCalendars
        self.curves = curves
        self.schoolNames = schoolNames
        self.schoolMunicipalities = schoolMunicipalities
        self.audit = audit
    }

    /// The target of a time metric, or of the time metric a within-target share reads.
    func target(for metric: Metric) -> TargetDescription? {
        if let exact = targets.first(where: { $0.metric == metric }) { return exact }
        guard case .withinTarget(let time) = metric.kind else { return nil }
        return targets.first(where: { $0.metric == time })
    }
}
