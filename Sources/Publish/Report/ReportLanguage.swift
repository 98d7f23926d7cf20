/// The language a report is written in. Machine tables (`tables.csv`, `tables.json`) are the
/// same in every language; only the HTML and the Excel headers change.
public enum ReportLanguage: String, Sendable, Codable, CaseIterable {
    case bokmal = "nb"
    case english = "en"
}
