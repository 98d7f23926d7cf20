import Measure
import SaksgangCore

/// The research extract (docs/extract.md): one row per case with pseudonyms, codes and
/// durations in days from knowledge, and no date, school, name, number or free text. Cases
/// are added as the store streams them; `release()` makes the rows k-anonymous over the
/// quasi-identifiers (municipality, school year and term, grade band, gender, immigrant
/// background, Sami, national minority, country region) and gives them in pseudonym order,
/// so that the order of the rows says nothing about schools.
///
/// Groups and durations are the report's own: the codes of `Grouping` and the clock of
/// `MeasuredCase`, so a researcher's figures over the extract agree with the report's.
package struct ResearchExtract: Sendable {
    package let k: Int
    package let clock: ResponseClock
    package let asOf: [String: Timestamp]
    /// Global recoding stops once no more than this share of the cases is left in classes
    /// smaller than k (the rest goes to local suppression).
    package var tolerance = 0.02
    package private(set) var cases = 0
    private var rows: [Row] = []

    struct Row: Sendable {
        var caseID: String
        var pupilID: String
        /// Original values, in the order of `quasiIdentifierNames`.
        var quasi: [String]
        /// In the order of `attributeColumns`.
        var attributes: [String]
    }

    package init(k: Int, clock: ResponseClock, asOf: [String: Timestamp]) {
        self.k = k
        self.clock = clock
        self.asOf = asOf
    }

    // MARK: Columns

    /// The quasi-identifiers, in the order of the records given to `KAnonymity`. `term`
    /// carries the school year and the term (`2024-autumn`); its first generalisation keeps
    /// the school year only.
    static let quasiIdentifierNames = ["municipality", "term", "grade_band", "gender", "immigrant_background", "sami",
                                       "national_minority", "country_region"]

    package static let identifierColumns = [
        ExtractColumn("case_id", .pseudonym, "The case: keyed pseudonym of the case number within its school (the same in every extract and run under the same key)."),
        ExtractColumn("pupil_id", .pseudonym, "The pupil: keyed pseudonym of the identity number (or of the local pupil id); links the cases of one pupil. Empty when the export identified the pupil by nothing usable."),
    ]

    package static let quasiIdentifierColumns = [
        ExtractColumn("municipality", .code, quasiIdentifier: true, "Kommunenummer of the school's municipality (4 digits, leading zero kept); `other` for the municipalities with too few cases of their own."),
        ExtractColumn("school_year", .code, quasiIdentifier: true, "School year (1 August – 31 July) of the day the school knew (else of the day the case was registered): `2024-2025`; `unknown`."),
        ExtractColumn("term", .code, quasiIdentifier: true, "Term of the same day: `2024-autumn` (August–December), `2025-spring` (January–July); `unknown`."),
        ExtractColumn("grade_band", .code, quasiIdentifier: true, "`1-4`, `5-7`, `8-10`, `vg` (upper secondary), `unknown`; generalised: `1-7`, `8-13`."),
        ExtractColumn("gender", .code, quasiIdentifier: true, "`J` girl, `G` boy, `A` other, `unknown`; generalised: `other_or_unknown` for `A` and `unknown`."),
        ExtractColumn("immigrant_background", .code, quasiIdentifier: true, "`none` (SSB category A, G), `immigrant` (B), `norwegian_born_to_immigrants` (C), `one_foreign_born_parent` (E, F), `unknown`."),
        ExtractColumn("sami", .code, quasiIdentifier: true, "The pupil is Sami: `yes`, `no`, `unknown`."),
        ExtractColumn("national_minority", .code, quasiIdentifier: true, "`none`, `kvensk`, `jodisk`, `skogfinsk`, `rom`, `romani`; generalised: `any`."),
        ExtractColumn("country_region", .code, quasiIdentifier: true, "World region of the country background (docs/extract.md, \"Country regions\"), never the country; generalised: `norway`, `country_group_1`, `country_group_2`, `unknown`."),
    ]

    /// The duration columns: for each of the report's clocks, calendar and working days.
    static let durationUnits: [(FigureUnit, String)] = [(.calendarDays, "days"), (.workingDays, "working_days")]

    package static let attributeColumns: [ExtractColumn] = {
        var columns = [
            ExtractColumn("reported_by", .code, "Who made the case known: `elev`, `foresatt`, `ansatt`, `medelev`, `annen`; empty when unknown."),
            ExtractColumn("serious", .boolean, "Serious case (to be notified to the school owner); empty when unknown."),
            ExtractColumn("perpetrator", .code, "Who did it: `elev`, `ansatt`, `ukjent`, `flere`; empty when not recorded."),
            ExtractColumn("perpetrator_count", .integer, "How many did it; empty when not recorded."),
            ExtractColumn("staff_perpetrator", .boolean, "A member of staff did it (the report's `staff_perpetrator` grouping)."),
            ExtractColumn("several_perpetrators", .boolean, "More than one did it (the report's `several_perpetrators` grouping); empty when unknown."),
            ExtractColumn("ethnicity_based", .boolean, "Violation of kind `etnisitet`, `religion` or `sprak`."),
        ]
        for kind in ViolationKind.allCases {
            columns.append(ExtractColumn("violation_\(kind.rawValue)", .boolean, "The case records a violation of kind `\(kind.rawValue)`."))
        }
        columns += [
            ExtractColumn("home_contact_count", .integer, "Contacts with the home as the export counts them; empty when not given."),
            ExtractColumn("external_help", .boolean, "A service outside the school was involved (PPT, school nurse, BUP, child welfare, police, other)."),
            ExtractColumn("escalated", .boolean, "Taken to the County Governor (the enforcement scheme)."),
            ExtractColumn("breach", .boolean, "The County Governor found a breach of the duty to act; empty when there is no decision."),
            ExtractColumn("reopened", .boolean, "The case was reopened after a closing."),
            ExtractColumn("closing_reason", .code, "`lost` (resolved), `byttet_skole`, `overgang`, `statsforvalter`, `annet`, `unknown` (closed, reason not given); empty while open."),
            ExtractColumn("open", .boolean, "The case was open at the extract's as-of time (its municipality's latest export)."),
            ExtractColumn("follow_up_days", .integer, "Calendar days from knowledge to the closing, or, for an open case, to the as-of time: the time at which a case without an event is censored."),
            ExtractColumn("follow_up_working_days", .integer, "The same in working days (Monday–Friday less Norwegian public holidays)."),
        ]
        for metric in MeasuredCase.durationMetrics {
            for (unit, suffix) in durationUnits {
                let what = unit == .calendarDays ? "Calendar days" : "Working days"
                columns.append(ExtractColumn("\(metric.name)_\(suffix)", .integer,
                    "\(what) from knowledge to the event of `\(metric.name)` (\(metric.definition.english)) An event on the day of knowledge is 0. Empty when the event has not happened (censored at `follow_up_\(suffix)`), when the clock does not apply to the case, or when `clock_problem` is set."))
            }
        }
        columns.append(ExtractColumn("clock_problem", .code, "Why durations are missing although events may exist: `no_knowledge` (no knowledge time: no clock), `event_before_knowledge` (an event or the closing dated before knowledge: that duration is left empty); empty when none."))
        return columns
    }()

    /// Every column, in the order of the CSV.
    package static var columns: [ExtractColumn] { identifierColumns + quasiIdentifierColumns + attributeColumns }

    // MARK: Adding cases

    package mutating func add(_ c: Case) {
        cases += 1
        let m = MeasuredCase.measuring(c, clock: clock, asOf: asOf)
        let quasi = [
            Grouping.municipality.group(c),
            Grouping.term.group(c),
            Grouping.gradeBand.group(c),
            Grouping.gender.group(c),
            Grouping.immigrantBackground.group(c),
            Grouping.sami.group(c),
            Grouping.nationalMinority.group(c),
            CountryRegion(country: c.pupil.countryBackground).rawValue,
        ]
        var a: [String] = [
            c.reportedBy?.rawValue ?? "",
            Self.bool(c.serious),
            c.perpetrator?.rawValue ?? "",
            c.perpetratorCount.map(String.init) ?? "",
            Self.bool(c.hasStaffPerpetrator),
            Self.yesNo(Grouping.severalPerpetrators.group(c)),
            Self.bool(c.isEthnicityBased),
        ]
        let kinds = Set(c.violations)
        for kind in ViolationKind.allCases { a.append(Self.bool(kinds.contains(kind))) }
        let reopened = c.first(.reopened) != nil
        a += [
            c.homeContactCount.map(String.init) ?? "",
            Self.bool(!c.externalServices.isEmpty),
            Self.bool(c.first(.countyGovernorReported) != nil || c.countyGovernorDecision != nil),
            Self.bool(c.countyGovernorDecision.map { $0 == .breach }),
            Self.bool(reopened),
            c.closing.map { $0.reason?.rawValue ?? "unknown" } ?? "",
        ]
        // Follow-up: the clock to closing, which an open case reaches only as a censoring.
        let followUp = Self.durationUnits.map { m.observation(.timeToClosure, unit: $0.0) }
        a.append(followUp[0].map { Self.bool(!$0.event) } ?? Self.bool(c.closing == nil))
        for o in followUp { a.append(o.map { Self.days($0.time) } ?? "") }
        var problem: ResponseClock.Gap?
        for metric in MeasuredCase.durationMetrics {
            for (unit, _) in Self.durationUnits {
                if let gap = m.gap(metric, unit: unit), problem == nil || gap == .noKnowledge { problem = gap }
                guard let o = m.observation(metric, unit: unit), o.event else { a.append(""); continue }
                a.append(Self.days(o.time))
            }
        }
        a.append(problem?.rawValue ?? "")
        rows.append(Row(caseID: c.id.value, pupilID: c.pupil.id?.value ?? "", quasi: quasi, attributes: a))
    }

    static func bool(_ b: Bool?) -> String { b.map { $0 ? "TRUE" : "FALSE" } ?? "" }
    static func yesNo(_ code: String) -> String { code == "yes" ? "TRUE" : code == "no" ? "FALSE" : "" }
    static func days(_ t: Double) -> String { String(Int(t.rounded())) }

    // MARK: Release

    /// The released extract: the rows in the order of `columns`, the check's result, and the
    /// number of cases added (rows + suppressed records).
    package struct Release: Sendable {
        package var columns: [ExtractColumn]
        package var rows: [[String]]
        package var report: KAnonymity.Report
        package var cases: Int
    }

    /// The k-anonymity of the quasi-identifiers, with the hierarchies and the order of
    /// docs/extract.md ("Generalisation").
    package func anonymity() -> KAnonymity {
        var perMunicipality: [String: Int] = [:]
        for r in rows { perMunicipality[r.quasi[0], default: 0] += 1 }
        let municipalityMinimum = Self.municipalityMinimum(k: k)
        let small = Set(perMunicipality.filter { $0.value < municipalityMinimum }.keys)
        let qis = [
            KAnonymity.QuasiIdentifier("municipality", levels: [
                KAnonymity.Level("municipalities with fewer than \(municipalityMinimum) cases as other") { small.contains($0) ? "other" : $0 },
            ]),
            KAnonymity.QuasiIdentifier("term", levels: [KAnonymity.Level("school year", Self.schoolYear(ofTerm:))]),
            KAnonymity.QuasiIdentifier("grade_band", levels: [KAnonymity.Level("1-7 and 8-13") { band in
                switch band {
                case "1-4", "5-7": return "1-7"
                case "8-10", "vg": return "8-13"
                default: return band
                }
            }]),
            KAnonymity.QuasiIdentifier("gender", levels: [KAnonymity.Level("other and unknown together") { g in
                g == Gender.other.rawValue || g == "unknown" ? "other_or_unknown" : g
            }]),
            KAnonymity.QuasiIdentifier("immigrant_background"),
            KAnonymity.QuasiIdentifier("sami"),
            KAnonymity.QuasiIdentifier("national_minority", levels: [KAnonymity.Level("any national minority") { $0 == "none" ? $0 : "any" }]),
            KAnonymity.QuasiIdentifier("country_region", levels: [KAnonymity.Level("country group") {
                (CountryRegion(rawValue: $0) ?? .unknown).countryGroup
            }]),
        ]
        return KAnonymity(
            k: k, quasiIdentifiers: qis,
            plan: [.init("country_region", level: 1), .init("national_minority", level: 1), .init("gender", level: 1),
                   .init("term", level: 1), .init("grade_band", level: 1), .init("municipality", level: 1)],
            suppressionOrder: ["country_region", "national_minority", "gender", "grade_band", "term", "municipality", "sami",
                               "immigrant_background"],
            suppressLast: ["sami", "immigrant_background"], tolerance: tolerance)
    }

    /// A municipality keeps its own code only with at least 20·k cases.
    package static func municipalityMinimum(k: Int) -> Int { 20 * k }

    /// `2024-autumn` and `2025-spring` → `2024-2025`; anything else unchanged.
    static func schoolYear(ofTerm term: String) -> String {
        let parts = term.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]) else { return term }
        switch parts[1] {
        case "autumn": return "\(year)-\(year + 1)"
        case "spring": return "\(year - 1)-\(year)"
        default: return term
        }
    }

    /// Generalises and suppresses, then gives the rows sorted by case pseudonym.
    package func release() -> Release {
        let outcome = anonymity().anonymise(rows.map(\.quasi))
        var out: [[String]] = []
        out.reserveCapacity(rows.count)
        for (row, released) in zip(rows, outcome.records) {
            guard let q = released else { continue }
            // The time quasi-identifier becomes two columns: the school year and the term.
            let time = q[1]
            let schoolYear = time == KAnonymity.suppressed ? time : Self.schoolYear(ofTerm: time)
            let term = time == schoolYear && time != "unknown" ? KAnonymity.suppressed : time
            out.append([row.caseID, row.pupilID, q[0], schoolYear, term] + q[2...] + row.attributes)
        }
        out.sort { $0[0] < $1[0] }
        var report = outcome.report
        report.quasiIdentifiers = Self.quasiIdentifierColumns.map(\.name)
        return Release(columns: Self.columns, rows: out, report: report, cases: cases)
    }
}
