import SaksgangCore

extension Metric {
    // MARK: Cases

    public static let cases = Metric(
        name: "cases", label: Label("Saker", "Cases"),
        definition: Label("Antall saker (skolemiljøsaker) i lageret.", "Number of cases (school-environment cases) in the store."),
        kind: .caseCount,
        headline: Headline(.count, unit: .cases, sentence: Label(
            "Rapporten omfatter {value} om elever som ikke har et trygt og godt skolemiljø.",
            "The report covers {value} about pupils who do not have a safe and good school environment.")))

    // MARK: Response times

    public static let timeToFirstContact = Metric(
        name: "time_to_first_contact", label: Label("Tid til første kontakt med hjemmet", "Time to first contact with the home"),
        definition: Label("Fra skolen fikk kjennskap til første kontakt med hjemmet (kontakt eller møte).",
                          "From the school's knowledge to the first contact with the home (a contact or a meeting)."),
        kind: .duration(Duration(units: [.workingDays, .hours], end: .firstContact, target: { $0.firstContactWorkingDays })),
        headline: Headline(.median, unit: .workingDays, sentence: Label(
            "Halvparten av sakene hadde første kontakt med hjemmet innen {value} etter at skolen fikk vite om saken (median).",
            "Half of the cases had a first contact with the home within {value} of the school knowing (median).")))

    public static let timeToFirstMeeting = Metric(
        name: "time_to_first_meeting", label: Label("Tid til første møte med hjemmet", "Time to first meeting with the home"),
        definition: Label("Fra kjennskap til første møte med hjemmet.", "From knowledge to the first meeting with the home."),
        kind: .duration(Duration(units: [.workingDays], end: .first(.meeting), target: { $0.firstMeetingWorkingDays })))

    public static let timeToInvestigation = Metric(
        name: "time_to_investigation", label: Label("Tid til undersøkelse", "Time to investigation"),
        definition: Label("Fra kjennskap til at skolen startet undersøkelsen.", "From knowledge to the start of the investigation."),
        kind: .duration(Duration(units: [.workingDays], end: .first(.investigation), target: { $0.investigationWorkingDays })))

    public static let timeToActivityPlan = Metric(
        name: "time_to_activity_plan", label: Label("Tid til skriftlig aktivitetsplan", "Time to written activity plan"),
        definition: Label("Fra kjennskap til første skriftlige aktivitetsplan, i skoledager etter kommunens skolerute (og i arbeidsdager).",
                          "From knowledge to the first written activity plan, in school days of the municipality's school calendar (and in working days)."),
        kind: .duration(Duration(units: [.schoolDays, .workingDays], end: .first(.activityPlan), target: { $0.activityPlanSchoolDays })))

    public static let timeToOwnerNotice = Metric(
        name: "time_to_owner_notice", label: Label("Tid til varsel til skoleeier", "Time to notice to the school owner"),
        definition: Label("Fra kjennskap til varsel til skoleeier, i alvorlige saker og saker der en ansatt har krenket.",
                          "From knowledge to notice to the school owner, in serious cases and cases with a staff perpetrator."),
        kind: .duration(Duration(units: [.workingDays], applies: { $0.serious == true || $0.hasStaffPerpetrator },
                                 end: .first(.ownerNotice), target: { $0.ownerNoticeWorkingDays })))

    public static let timeToClosure = Metric(
        name: "time_to_closure", label: Label("Tid til saken ble avsluttet", "Time to closure"),
        definition: Label("Fra kjennskap til saken ble avsluttet, i kalenderdager.", "From knowledge to closing, in calendar days."),
        kind: .duration(Duration(units: [.calendarDays], end: .closing, comparisonTime: 90)),
        headline: Headline(.median, unit: .calendarDays, sentence: Label(
            "Halvparten av sakene var avsluttet innen {value} (median).", "Half of the cases were closed within {value} (median).")))

    // MARK: Within target, read off the curves

    public static let firstContactWithinTarget = Metric(
        name: "first_contact_within_target", label: Label("Første kontakt innen målet", "First contact within target"),
        definition: Label("Andel saker med første kontakt med hjemmet innen skoleeiers mål, lest av Kaplan–Meier-kurven.",
                          "Share of cases with a first contact with the home within the school owner's target, read off the Kaplan–Meier curve."),
        kind: .withinTarget(.timeToFirstContact),
        headline: Headline(.share, unit: .proportion, sentence: Label(
            "{value} av sakene hadde første kontakt med hjemmet innen målet: {target}.",
            "{value} of the cases had a first contact with the home within the target: {target}.")))

    public static let firstMeetingWithinTarget = Metric(
        name: "first_meeting_within_target", label: Label("Første møte innen målet", "First meeting within target"),
        definition: Label("Andel saker med første møte innen målet, lest av kurven.", "Share of cases with a first meeting within the target, read off the curve."),
        kind: .withinTarget(.timeToFirstMeeting))

    public static let investigationWithinTarget = Metric(
        name: "investigation_within_target", label: Label("Undersøkelse innen målet", "Investigation within target"),
        definition: Label("Andel saker der undersøkelsen startet innen målet, lest av kurven.", "Share of cases investigated within the target, read off the curve."),
        kind: .withinTarget(.timeToInvestigation))

    public static let activityPlanWithinTarget = Metric(
        name: "activity_plan_within_target", label: Label("Aktivitetsplan innen målet", "Activity plan within target"),
        definition: Label("Andel saker med skriftlig aktivitetsplan innen målet (skoledager), lest av kurven.",
                          "Share of cases with a written activity plan within the target (school days), read off the curve."),
        kind: .withinTarget(.timeToActivityPlan),
        headline: Headline(.share, unit: .proportion, sentence: Label(
            "{value} av sakene fikk skriftlig aktivitetsplan innen målet: {target}.",
            "{value} of the cases had a written activity plan within the target: {target}.")))

    public static let ownerNoticeWithinTarget = Metric(
        name: "owner_notice_within_target", label: Label("Varsel til skoleeier innen målet", "Owner notified within target"),
        definition: Label("Andel alvorlige saker og saker med ansatt der skoleeier ble varslet innen målet.",
                          "Share of serious and staff cases in which the school owner was notified within the target."),
        kind: .withinTarget(.timeToOwnerNotice))

    public static let closedWithin = Metric(
        name: "closed_within", label: Label("Avsluttet innen", "Closed within"),
        definition: Label("Andel saker avsluttet innen 30, 90 og 180 dager, lest av Kaplan–Meier-kurven.",
                          "Share of cases closed within 30, 90 and 180 days, read off the Kaplan–Meier curve."),
        kind: .reachedBy(.timeToClosure, days: [30, 90, 180]))

    // MARK: How cases end

    public static let resolved = Metric(
        name: "resolved", label: Label("Avsluttede saker som ble løst", "Closed cases resolved"),
        definition: Label("Av avsluttede saker: andel avsluttet som løst. En elev som byttet skole, er ikke en løst sak.",
                          "Of closed cases: the share closed as resolved. A pupil who changed school is not a resolved case."),
        kind: .share(Share { m in m.c.closing.map { $0.reason == .resolved } }),
        headline: Headline(.share, unit: .proportion, sentence: Label(
            "{value} av de avsluttede sakene ble avsluttet som løst.", "{value} of the closed cases were closed as resolved.")))

    public static let closedByReason = Metric(
        name: "closed_by_reason", label: Label("Avsluttet etter årsak", "Closed by reason"),
        definition: Label("Av avsluttede saker: andel etter årsak til avslutning.", "Of closed cases: the share by reason for closing."),
        kind: .categoryShares(Categories(
            ClosingReason.allCases.map { Category(code: $0.rawValue, label: ClosingReason.labels[$0]!) }
                + [Category(code: "unknown", label: Label("Ukjent årsak", "Reason unknown"))]
        ) { m in m.c.closing.map { [$0.reason?.rawValue ?? "unknown"] } }),
        headline: Headline(.share, unit: .proportion, category: ClosingReason.changedSchool.rawValue, sentence: Label(
            "{value} av de avsluttede sakene ble avsluttet fordi eleven byttet skole.",
            "{value} of the closed cases were closed because the pupil changed school.")))

    public static let closedWithoutActivityPlan = Metric(
        name: "closed_without_activity_plan", label: Label("Avsluttet uten aktivitetsplan", "Closed without an activity plan"),
        definition: Label("Av avsluttede saker: andel uten skriftlig aktivitetsplan.", "Of closed cases: the share with no written activity plan."),
        kind: .share(Share { m in m.c.closing.map { _ in m.c.first(.activityPlan) == nil } }))

    public static let reopened = Metric(
        name: "reopened", label: Label("Gjenåpnet", "Reopened"),
        definition: Label("Av saker som er eller har vært avsluttet: andel som ble gjenåpnet.",
                          "Of cases that are or have been closed: the share reopened."),
        kind: .share(Share { m in
            let reopened = m.c.first(.reopened) != nil
            return m.c.closing != nil || reopened ? reopened : nil
        }))

    public static let escalated = Metric(
        name: "escalated", label: Label("Meldt til statsforvalteren", "Taken to the County Governor"),
        definition: Label("Andel saker meldt til statsforvalteren (håndhevingsordningen).",
                          "Share of cases taken to the County Governor (the enforcement scheme)."),
        kind: .share(Share { m in m.c.first(.countyGovernorReported) != nil || m.c.countyGovernorDecision != nil }))

    public static let breach = Metric(
        name: "breach", label: Label("Brudd på aktivitetsplikten", "Breach of the duty to act"),
        definition: Label("Av saker statsforvalteren har avgjort: andel der skolen brøt aktivitetsplikten.",
                          "Of cases the County Governor decided: the share in which the school breached its duty."),
        kind: .share(Share { m in m.c.countyGovernorDecision.map { $0 == .breach } }))

    public static let repeatVictimisation = Metric(
        name: "repeat_victimisation", label: Label("Ny sak innen 12 måneder", "New case within 12 months"),
        definition: Label("Av elever (etter pseudonym) med en avsluttet sak: andel som fikk en ny sak innen 12 måneder etter avslutningen. Eleven telles i gruppene til saken som ble avsluttet først.",
                          "Of pupils (by pseudonym) with a closed case: the share with a new case within 12 months after the closing. A pupil counts in the groups of the case that closed first."),
        kind: .pupilShare)

    // MARK: What kind of case

    public static let ethnicityBased = Metric(
        name: "ethnicity_based", label: Label("Etnisk baserte saker", "Ethnicity-based cases"),
        definition: Label("Andel saker om krenkelser knyttet til etnisitet, religion eller språk.",
                          "Share of cases about harassment based on ethnicity, religion or language."),
        kind: .share(Share { m in m.c.isEthnicityBased }),
        headline: Headline(.share, unit: .proportion, sentence: Label(
            "{value} av sakene gjelder krenkelser knyttet til etnisitet, religion eller språk.",
            "{value} of the cases concern harassment based on ethnicity, religion or language.")))

    public static let reportedBy = Metric(
        name: "reported_by", label: Label("Meldt av", "Made known by"),
        definition: Label("Andel saker etter hvem som gjorde skolen kjent med saken.", "Share of cases by who made the school aware."),
        kind: .categoryShares(Categories(
            (Reporter.allCases.map(\.rawValue) + ["unknown"]).map { Category(code: $0, label: Reporter.labels[$0]!) }
        ) { m in [m.c.reportedBy?.rawValue ?? "unknown"] }))

    // MARK: Cooperation with the home

    public static let minutesSent = Metric(
        name: "minutes_sent", label: Label("Referat sendt etter første møte", "Minutes sent after the first meeting"),
        definition: Label("Av saker med et første møte der det er registrert: andel der referat ble sendt.",
                          "Of cases with a first meeting where it is recorded: the share in which minutes were sent."),
        kind: .share(Share { m in m.c.first(.meeting)?.minutesSent }))

    public static let guardiansInEvaluation = Metric(
        name: "guardians_in_evaluation", label: Label("Foresatte med i evalueringen", "Guardians in the evaluation"),
        definition: Label("Av saker med en evaluering der det er registrert: andel der foresatte medvirket i minst én evaluering.",
                          "Of cases with a recorded evaluation: the share in which the guardians took part in at least one."),
        kind: .share(Share { m in
            let flags = m.c.events.filter { $0.kind == .evaluation }.compactMap(\.guardiansTookPart)
            return flags.isEmpty ? nil : flags.contains(true)
        }))

    public static let longestContactGap = Metric(
        name: "longest_contact_gap", label: Label("Lang tid uten kontakt med hjemmet", "Long stretch without contact with the home"),
        definition: Label("Andel saker med en strekning over målet (skoledager) uten kontakt med hjemmet mens saken var åpen. Bare formater som daterer hver kontakt kan gi dette; ellers «ikke tilgjengelig».",
                          "Share of cases with a stretch longer than the target (school days) without contact with the home while open. Only formats that date every contact can give it; otherwise «not available»."),
        kind: .share(Share { m in
            guard let gap = m.longestContactGap() else { return nil }
            return gap > m.targets.contactGapSchoolDays
        }))

    public static let externalHelp = Metric(
        name: "external_help", label: Label("Hjelp utenfra", "External help"),
        definition: Label("Andel saker der skolen fikk hjelp fra en tjeneste utenfor skolen, etter tjeneste, og «any» for minst én.",
                          "Share of cases with help from a service outside the school, by service, and «any» for at least one."),
        kind: .categoryShares(Categories(
            ExternalService.allCases.map { Category(code: $0.rawValue, label: ExternalService.labels[$0]!) }
                + [Category(code: "any", label: Label("Minst én tjeneste", "Any service"))]
        ) { m in
            let services = m.c.externalServices.map(\.rawValue)
            return services.isEmpty ? [] : services + ["any"]
        }))

    // MARK: Internal control

    public static let deviations = Metric(
        name: "deviations", label: Label("Avvik", "Deviations"),
        definition: Label("Antall saker med avvik: et mål som ikke er nådd (også når fristen er passert uten hendelse), eller et lovpålagt steg som mangler.",
                          "Number of cases with a deviation: a target missed (also when the time has passed without the event), or a legal step missing."),
        kind: .categoryCounts(Categories(DeviationKind.allCases.map { Category(code: $0.rawValue, label: $0.label) }) { m in
            DeviationKind.codes(m)
        }))

    /// The metrics in the report's sections, in order.
    public static let sections: [(section: Section, metrics: [Metric])] = [
        (.response, [.cases, .timeToFirstContact, .firstContactWithinTarget, .timeToFirstMeeting, .firstMeetingWithinTarget,
                     .timeToInvestigation, .investigationWithinTarget, .timeToActivityPlan, .activityPlanWithinTarget]),
        (.notice, [.timeToOwnerNotice, .ownerNoticeWithinTarget, .longestContactGap, .minutesSent, .guardiansInEvaluation]),
        (.outcome, [.timeToClosure, .closedWithin, .resolved, .closedByReason, .closedWithoutActivityPlan, .reopened,
                    .escalated, .breach, .repeatVictimisation]),
        (.kind, [.ethnicityBased, .reportedBy, .externalHelp]),
        (.internalControl, [.deviations]),
    ]

    /// Every metric of the tables, in the order the report shows them.
    public static let catalogue: [Metric] = sections.flatMap(\.metrics)

    /// A part of the report: metrics read together.
    public enum Section: String, Sendable, CaseIterable {
        case response, notice, outcome, kind, internalControl = "internal_control"

        public var label: Label {
            switch self {
            case .response: return Label("Hvor raskt skolen handlet", "How fast the school acted")
            case .notice: return Label("Varsel og samarbeid med hjemmet", "Notice and cooperation with the home")
            case .outcome: return Label("Hvordan sakene endte", "How cases ended")
            case .kind: return Label("Hva slags saker", "What kind of cases")
            case .internalControl: return Label("Avvik (internkontroll)", "Deviations (internal control)")
            }
        }
    }
}

extension ClosingReason {
    static let labels: [ClosingReason: Label] = [
        .resolved: Label("Løst", "Resolved"), .changedSchool: Label("Eleven byttet skole", "The pupil changed school"),
        .transition: Label("Overgang til ny skole (trinn)", "Moved on to a new school level"),
        .countyGovernor: Label("Avgjort hos statsforvalteren", "Decided by the County Governor"), .other: Label("Annet", "Other"),
    ]
}

extension ExternalService {
    static let labels: [ExternalService: Label] = [
        .ppt: Label("PP-tjenesten", "Educational-psychological service"), .schoolNurse: Label("Helsesykepleier", "School nurse"),
        .bup: Label("BUP", "Child and adolescent mental health"), .childWelfare: Label("Barnevernet", "Child welfare"),
        .police: Label("Politiet", "Police"), .other: Label("Annen tjeneste", "Other service"),
    ]
}

// MARK: Data quality

extension Metric {
    public static let missingField = Metric(
        name: "missing_field", label: Label("Saker som mangler et felt", "Cases missing a field"),
        definition: Label("Antall saker som mangler et felt et måltall trenger.", "Number of cases missing a field that a metric needs."),
        kind: .categoryCounts(Categories(MissingField.allCases.map { Category(code: $0.rawValue, label: $0.label) }) { m in
            MissingField.allCases.filter { $0.isMissing(m.c) }.map(\.rawValue)
        }))

    public static let dateError = Metric(
        name: "date_error", label: Label("Saker med datofeil", "Cases with a date error"),
        definition: Label("Antall saker med en hendelse datert før kjennskap eller etter eksporten.",
                          "Number of cases with an event dated before knowledge or after the export."),
        kind: .categoryCounts(Categories(DateError.allCases.map { Category(code: $0.rawValue, label: $0.label) }) { m in
            DateError.allCases.filter { $0.isFound(in: m.c) }.map(\.rawValue)
        }))

    public static let pupilIdentifiedBy = Metric(
        name: "pupil_identified_by", label: Label("Elever etter hvordan de er identifisert", "Pupils by how they were identified"),
        definition: Label("Antall saker etter hvordan eleven er identifisert (fødselsnummer, D-nummer, bare lokal ID …).",
                          "Number of cases by how the pupil was identified (national number, D number, local id only …)."),
        kind: .categoryCounts(Categories(PupilIdentification.allCases.map { Category(code: $0.rawValue, label: $0.label) }) { m in
            [m.c.pupil.identifiedBy.rawValue]
        }))

    public static let excludedCases = Metric(
        name: "excluded_cases", label: Label("Saker et måltall ikke kunne bruke", "Cases a metric could not use"),
        definition: Label("Antall saker et tidsmål ikke kunne bruke, etter måltall og årsak.",
                          "Number of cases a time metric could not use, by metric and reason."),
        kind: .categoryCounts(Categories(
            catalogue.compactMap { metric -> [Category]? in
                guard case .duration(let d) = metric.kind else { return nil }
                return d.units.flatMap { unit in ResponseClock.Gap.allCases.map {
                    let code = DurationSeries.excludedCaseCode(metric.name, unit, $0)
                    return Category(code: code, label: Label(verbatim: code))
                } }
            }.flatMap { $0 }
        ) { m in
            var out: [String] = []
            for series in DurationSeries.all {
                if case .failure(let e)? = m.result(series) { out.append(series.excludedCaseCodes[e.gap]!) }
            }
            return out
        }))

    /// Data-quality metrics, published for all cases, by school and by immigrant background.
    public static let dataQuality: [Metric] = [.missingField, .dateError, .pupilIdentifiedBy, .excludedCases]
}

/// A field a metric needs, missing from a case.
public enum MissingField: String, Sendable, CaseIterable {
    case knowledge, immigrantBackground = "immigrant_background", events, reportedBy = "reported_by", gender, grade

    public var label: Label {
        switch self {
        case .knowledge: return Label("Tidspunkt for kjennskap", "Time of knowledge")
        case .immigrantBackground: return Label("Innvandringsbakgrunn", "Immigrant background")
        case .events: return Label("Ingen hendelser registrert", "No events recorded")
        case .reportedBy: return Label("Hvem som meldte", "Who made it known")
        case .gender: return Label("Kjønn", "Gender")
        case .grade: return Label("Trinn", "Grade")
        }
    }

    func isMissing(_ c: Case) -> Bool {
        switch self {
        case .knowledge: return c.knowledge == nil
        case .immigrantBackground: return c.pupil.immigrantCategory == nil
        case .events: return c.events.isEmpty
        case .reportedBy: return c.reportedBy == nil
        case .gender: return c.pupil.gender == nil
        case .grade: return c.pupil.grade == nil
        }
    }
}

/// A date error in a case: the categories of `date_error`.
public enum DateError: String, Sendable, CaseIterable {
    case eventBeforeKnowledge = "event_before_knowledge", futureDate = "future_date"

    public var label: Label {
        switch self {
        case .eventBeforeKnowledge: return Label("Hendelse før kjennskap", "Event before knowledge")
        case .futureDate: return Label("Dato etter eksporten", "Date after the export")
        }
    }

    func isFound(in c: Case) -> Bool {
        switch self {
        case .eventBeforeKnowledge:
            guard let k = c.knowledge else { return false }
            return c.events.contains { $0.time.isBefore(k) }
        case .futureDate:
            func future(_ t: Timestamp?) -> Bool { t.map { c.exportTime.isBefore($0) } ?? false }
            return c.events.contains { future($0.time) } || future(c.closing?.time) || future(c.knowledge)
        }
    }
}

extension PupilIdentification {
    var label: Label {
        switch self {
        case .nationalNumber: return Label("Fødselsnummer", "National identity number")
        case .dNumber: return Label("D-nummer", "D number")
        case .hNumber: return Label("H-nummer", "H number")
        case .syntheticNumber: return Label("Syntetisk testnummer", "Synthetic test number")
        case .localId: return Label("Bare lokal elev-ID", "Local pupil id only")
        case .none: return Label("Ingen identitet", "No identity")
        }
    }
}
