import SaksgangCore

extension Grouping {
    static let yesNoLabels: [String: Label] = [
        "no": Label("Nei", "No"), "yes": Label("Ja", "Yes"), "unknown": Label("Ukjent", "Unknown"),
    ]

    public static let all = Grouping(name: "all", label: Label("Alle saker", "All cases"), groups: ["all"],
                                     groupLabels: ["all": Label("Alle saker", "All cases")]) { _ in "all" }

    public static let immigrantBackground = Grouping(
        name: "immigrant_background", label: Label("Innvandringsbakgrunn", "Immigrant background"),
        groups: ImmigrantGroup.allCases.map(\.rawValue),
        groupLabels: [
            "none": Label("Ingen innvandrerbakgrunn", "No immigrant background"),
            "immigrant": Label("Innvandrere", "Immigrants"),
            "norwegian_born_to_immigrants": Label("Norskfødte med innvandrerforeldre", "Norwegian-born to immigrant parents"),
            "one_foreign_born_parent": Label("Én utenlandsfødt forelder", "One foreign-born parent"),
            "unknown": Label("Ukjent", "Unknown"),
        ], reference: ImmigrantGroup.none.rawValue
    ) { $0.pupil.immigrantGroup.rawValue }

    public static let sami = Grouping(
        name: "sami", label: Label("Samisk tilhørighet", "Sami"), groups: ["no", "yes", "unknown"],
        groupLabels: ["no": Label("Ikke samisk", "Not Sami"), "yes": Label("Samisk", "Sami"), "unknown": Label("Ukjent", "Unknown")],
        reference: "no") { yesNo($0.pupil.sami) }

    public static let nationalMinority = Grouping(
        name: "national_minority", label: Label("Nasjonal minoritet", "National minority"),
        groups: ["none"] + NationalMinority.allCases.map(\.rawValue),
        groupLabels: [
            "none": Label("Ingen nasjonal minoritet", "No national minority"), "kvensk": Label("Kvener/norskfinner", "Kvens/Norwegian Finns"),
            "jodisk": Label("Jøder", "Jews"), "skogfinsk": Label("Skogfinner", "Forest Finns"), "rom": Label("Rom", "Roma"),
            "romani": Label("Romanifolk/tatere", "Romani/Tater"),
        ], reference: "none") { $0.pupil.nationalMinority?.rawValue ?? "none" }

    public static let minorityLanguage = Grouping(
        name: "minority_language", label: Label("Minoritetsspråklig elev", "Minority-language pupil"),
        groups: ["no", "yes", "unknown"], groupLabels: yesNoLabels, reference: "no") { yesNo($0.pupil.minorityLanguage) }

    public static let interpreter = Grouping(
        name: "interpreter", label: Label("Foresatte trenger tolk", "Guardian needs an interpreter"),
        groups: ["no", "yes", "unknown"], groupLabels: yesNoLabels, reference: "no") { yesNo($0.guardianNeedsInterpreter) }

    public static let ethnicityBased = Grouping(
        name: "ethnicity_based", label: Label("Etnisk basert krenkelse", "Ethnicity-based harassment"), groups: ["no", "yes"],
        groupLabels: ["no": Label("Ikke etnisk basert", "Not ethnicity-based"),
                      "yes": Label("Etnisk basert (etnisitet, religion, språk)", "Ethnicity-based (ethnicity, religion, language)")],
        reference: "no", definingMetric: .ethnicityBased) { $0.isEthnicityBased ? "yes" : "no" }

    /// Reference: the guardians made it known (the most common reporter in the exports).
    public static let reportedBy = Grouping(
        name: "reported_by", label: Label("Meldt av", "Made known by"),
        groups: Reporter.allCases.map(\.rawValue) + ["unknown"], groupLabels: Reporter.labels,
        reference: Reporter.guardian.rawValue, definingMetric: .reportedBy) { $0.reportedBy?.rawValue ?? "unknown" }

    public static let staffPerpetrator = Grouping(
        name: "staff_perpetrator", label: Label("Ansatt har krenket", "Staff perpetrator"), groups: ["no", "yes"],
        groupLabels: yesNoLabels, reference: "no") { $0.hasStaffPerpetrator ? "yes" : "no" }

    public static let severalPerpetrators = Grouping(
        name: "several_perpetrators", label: Label("Flere som krenket", "Several perpetrators"), groups: ["no", "yes", "unknown"],
        groupLabels: yesNoLabels, reference: "no"
    ) { c in
        if c.perpetrator == .several { return "yes" }
        guard let n = c.perpetratorCount else { return "unknown" }
        return n > 1 ? "yes" : "no"
    }

    /// Reference: boys (G), the larger group in the exports.
    public static let gender = Grouping(
        name: "gender", label: Label("Kjønn", "Gender"), groups: Gender.allCases.map(\.rawValue) + ["unknown"],
        groupLabels: ["J": Label("Jente", "Girl"), "G": Label("Gutt", "Boy"), "A": Label("Annet", "Other"), "unknown": Label("Ukjent", "Unknown")],
        reference: Gender.boy.rawValue) { $0.pupil.gender?.rawValue ?? "unknown" }

    /// Reference: grades 5–7.
    public static let gradeBand = Grouping(
        name: "grade_band", label: Label("Trinn", "Grade band"), groups: ["1-4", "5-7", "8-10", "vg", "unknown"],
        groupLabels: ["1-4": Label("1.–4. trinn", "Grades 1–4"), "5-7": Label("5.–7. trinn", "Grades 5–7"),
                      "8-10": Label("8.–10. trinn", "Grades 8–10"), "vg": Label("Videregående", "Upper secondary"),
                      "unknown": Label("Ukjent", "Unknown")],
        reference: "5-7"
    ) { c in
        guard let g = c.pupil.grade else { return "unknown" }
        switch g {
        case 1...4: return "1-4"
        case 5...7: return "5-7"
        case 8...10: return "8-10"
        case 11...13: return "vg"
        default: return "unknown"
        }
    }

    /// Schools by organisasjonsnummer.
    public static let school = Grouping(name: "school", label: Label("Skole", "School"), groups: []) { $0.school.orgnr }

    /// Municipalities by kommunenummer.
    public static let municipality = Grouping(name: "municipality", label: Label("Kommune", "Municipality"), groups: []) {
        $0.school.municipality
    }

    /// The school year (1 August – 31 July) of the day the school knew: `2024-2025`.
    public static let schoolYear = Grouping(name: "school_year", label: Label("Skoleår", "School year"), groups: []) { c in
        guard let day = (c.knowledge ?? c.registered)?.localDate else { return "unknown" }
        return SchoolTerm(day).schoolYear
    }

    /// The term of the day the school knew: `2024-autumn` (August–December), `2025-spring`.
    public static let term = Grouping(name: "term", label: Label("Halvår", "Term"), groups: []) { c in
        guard let day = (c.knowledge ?? c.registered)?.localDate else { return "unknown" }
        return SchoolTerm(day).code
    }

    /// The export format (mapping) that delivered the case: recording practice differs by
    /// vendor, so data quality is given per format as well as per school.
    public static let source = Grouping(name: "source", label: Label("Eksportformat", "Export format"), groups: []) { $0.source }

    /// Every grouping of the tables, in reading order.
    public static let standard: [Grouping] = [
        .all, .immigrantBackground, .sami, .nationalMinority, .minorityLanguage, .interpreter, .ethnicityBased,
        .reportedBy, .staffPerpetrator, .severalPerpetrators, .gender, .gradeBand, .school, .municipality,
        .schoolYear, .term, .source,
        immigrantBackground.crossed(with: .ethnicityBased), immigrantBackground.crossed(with: .reportedBy),
        school.crossed(with: .immigrantBackground),
    ]

    /// Finds a grouping of `standard` by its machine name.
    public static func named(_ name: String) -> Grouping? { byName[name] }
    /// `standard` by machine name (the first of a name, as a search would find it): looked
    /// up for every row of the tables and every cell of disclosure control.
    private static let byName = Dictionary(standard.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}

/// A school term: autumn (August–December) or spring (January–July).
public struct SchoolTerm: Sendable, Hashable {
    public let year: Int
    public let isAutumn: Bool

    public init(_ day: LocalDate) {
        let (y, m, _) = day.components
        year = y
        isAutumn = m >= 8
    }

    /// `2024-autumn`, `2025-spring`.
    public var code: String { "\(year)-\(isAutumn ? "autumn" : "spring")" }
    /// `2024-2025`.
    public var schoolYear: String { isAutumn ? "\(year)-\(year + 1)" : "\(year - 1)-\(year)" }
    /// "høsten 2024", "autumn 2024".
    public var label: Label { isAutumn ? Label("høsten \(year)", "autumn \(year)") : Label("våren \(year)", "spring \(year)") }
}

extension Reporter {
    static let labels: [String: Label] = [
        "elev": Label("Eleven selv", "The pupil"), "foresatt": Label("Foreldre/foresatte", "Parents/guardians"),
        "ansatt": Label("Ansatt", "Staff"), "medelev": Label("Medelev", "Another pupil"), "annen": Label("Andre", "Others"),
        "unknown": Label("Ukjent", "Unknown"),
    ]
}
