import Measure
import Publish
import SaksgangCore

/// A report of one municipality with 40 schools, as the browser and section tests read it:
/// every headline figure, the schools' response against target, deviations and data
/// quality, terms, groups, curves, a refused file and the audit's result. Deterministic.
enum FortySchoolsReport {
    static let municipality = "0301"
    static let stems = ["Bjølsen", "Kampen", "Tøyen", "Sagene", "Vahl", "Ullevål", "Lilleborg", "Hasle"]
    static let schools: [(orgnr: String, name: String)] = (0..<40).map { (i: Int) -> (orgnr: String, name: String) in
        let suffix: String = i < 8 ? "" : " \(i / 8 + 1)"
        let name: String = stems[i % 8] + suffix + " skole"
        return (orgnr: String(970_100_000 + i * 7), name: name)
    }

    static func figures() -> [Figure] {
        var out: [Figure] = []
        var seed: UInt64 = 42
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        func share(_ metric: Metric, _ grouping: String, _ group: String, n: Int, category: String? = nil, withheld: Bool = false) {
            if withheld {
                out.append(Figure(metric: metric, statistic: .share, unit: .proportion, grouping: grouping, group: group,
                                  category: category, n: nil, estimate: nil, suppressed: true, suppressionReason: "linked"))
                return
            }
            let p = (0.2 + 0.6 * next())
            out.append(Figure(metric: metric, statistic: .share, unit: .proportion, grouping: grouping, group: group,
                              category: category, n: n, estimate: p, ciLow: max(0, p - 0.15), ciHigh: min(1, p + 0.15)))
        }
        func count(_ metric: Metric, _ grouping: String, _ group: String, _ n: Int, category: String? = nil) {
            let withheld = n > 0 && n < 5
            out.append(Figure(metric: metric, statistic: .count, unit: .cases, grouping: grouping, group: group, category: category,
                              n: withheld ? nil : n, estimate: withheld ? nil : Double(n), suppressed: withheld,
                              suppressionReason: withheld ? "primary" : nil))
        }
        func median(_ metric: Metric, _ unit: FigureUnit, _ grouping: String, _ group: String, n: Int, _ value: Double?) {
            out.append(Figure(metric: metric, statistic: .median, unit: unit, grouping: grouping, group: group, n: n,
                              estimate: value, ciLow: value.map { max(0, $0 - 1) }, ciHigh: value.map { $0 + 1.5 }))
        }
        func groupFigures(_ grouping: String, _ group: String, n: Int) {
            count(.cases, grouping, group, n)
            median(.timeToFirstContact, .workingDays, grouping, group, n: n, [0, 1, 2, 1.5][Int(next() * 4)])
            median(.timeToClosure, .calendarDays, grouping, group, n: n, 60 + (next() * 60).rounded())
            for metric in [Metric.firstContactWithinTarget, .firstMeetingWithinTarget, .investigationWithinTarget,
                           .activityPlanWithinTarget, .ownerNoticeWithinTarget, .resolved, .ethnicityBased] {
                share(metric, grouping, group, n: n)
            }
            share(.closedByReason, grouping, group, n: n, category: "byttet_skole")
        }
        groupFigures("all", "all", n: 1200)
        groupFigures("municipality", municipality, n: 1200)
        for (i, school) in schools.enumerated() {
            let n = 20 + (i * 7) % 23
            groupFigures("school", school.orgnr, n: n)
            for (k, kind) in DeviationKind.allCases.enumerated() { count(.deviations, "school", school.orgnr, (i + k * 3) % 11, category: kind.rawValue) }
        }
        for (k, kind) in DeviationKind.allCases.enumerated() {
            count(.deviations, "all", "all", 120 + k, category: kind.rawValue)
            count(.deviations, "municipality", municipality, 120 + k, category: kind.rawValue)
        }
        for (group, n) in [("none", 700), ("immigrant", 300), ("norwegian_born_to_immigrants", 150), ("one_foreign_born_parent", 46), ("unknown", 4)] {
            if n < 5 { count(.cases, "immigrant_background", group, n); continue }
            groupFigures("immigrant_background", group, n: n)
        }
        for (group, n) in [("2025-spring", 500), ("2024-autumn", 400), ("2024-spring", 300)] { groupFigures("term", group, n: n) }
        for (group, n) in [("no", 900), ("yes", 300)] { groupFigures("ethnicity_based", group, n: n) }
        for reason in ["lost", "byttet_skole", "overgang", "statsforvalter", "annet"] where reason != "byttet_skole" {
            share(.closedByReason, "all", "all", n: 1000, category: reason)
        }
        out.append(Figure(metric: .firstContactWithinTarget, statistic: .difference, unit: .proportion, grouping: "immigrant_background",
                          group: "immigrant", n: 300, estimate: -0.12, ciLow: -0.18, ciHigh: -0.06,
                          comparison: .init(reference: "none", referenceN: 700, pValue: 0.0001, pAdjusted: 0.002, correction: .holm,
                                            flag: true, test: "chi-square")))
        return out
    }

    static func quality() -> [Figure] {
        var out: [Figure] = []
        for (i, school) in schools.enumerated() {
            for (k, field) in [MissingField.knowledge, .immigrantBackground, .events].enumerated() {
                let n = (i + k) % 7 == 0 ? 6 : 0
                out.append(Figure(metric: .missingField, statistic: .count, unit: .cases, grouping: "school", group: school.orgnr,
                                  category: field.rawValue, n: n, estimate: Double(n)))
            }
        }
        out.append(Figure(metric: .missingField, statistic: .count, unit: .cases, grouping: "all", group: "all",
                          category: MissingField.knowledge.rawValue, n: 36, estimate: 36))
        out.append(Figure(metric: .dateError, statistic: .count, unit: .cases, grouping: "all", group: "all",
                          category: "event_before_knowledge", n: 7, estimate: 7))
        return out
    }

    static func curves() -> [SurvivalCurve] {
        func curve(_ metric: Metric, _ unit: FigureUnit, _ grouping: String, _ group: String, n: Int, scale: Double) -> SurvivalCurve {
            var points: [SurvivalCurve.Point] = []
            var atRisk = n
            var s = 1.0
            var t = 0.0
            while atRisk >= 5 {
                let events = max(1, Int(Double(atRisk) * 0.18))
                let censored = Int(t) % 3 == 1 ? 2 : 0
                s *= Double(atRisk - events) / Double(atRisk)
                points.append(.init(time: t, survival: s, lower: max(0.001, s - 0.06), upper: min(0.999, s + 0.06),
                                    atRisk: atRisk, events: events, censored: censored))
                atRisk -= events + censored
                t += scale
            }
            return SurvivalCurve(metric: metric, unit: unit, grouping: grouping, group: group, n: n, points: points)
        }
        return [
            curve(.timeToFirstContact, .workingDays, "all", "all", n: 1200, scale: 1),
            curve(.timeToFirstContact, .workingDays, "immigrant_background", "none", n: 700, scale: 1),
            curve(.timeToFirstContact, .workingDays, "immigrant_background", "immigrant", n: 300, scale: 1.5),
            curve(.timeToFirstContact, .workingDays, "immigrant_background", "norwegian_born_to_immigrants", n: 150, scale: 1),
            curve(.timeToClosure, .calendarDays, "all", "all", n: 1200, scale: 14),
            curve(.timeToClosure, .calendarDays, "immigrant_background", "none", n: 700, scale: 15),
            curve(.timeToClosure, .calendarDays, "immigrant_background", "immigrant", n: 300, scale: 18),
        ]
    }

    static func content(language: ReportLanguage = .bokmal) -> ReportContent {
        ReportContent(
            title: language == .bokmal ? "Oslo kommune – skolemiljøsaker" : "Oslo – school environment cases",
            language: language, asOf: LocalDate(year: 2025, month: 6, day: 20)!, threshold: 5,
            targets: TargetDescription.all(Targets(), language: language), figures: figures(),
            files: [
                FileSummary(name: "smx_0301_20250620.xml.gz", format: "smx", records: 1210, inserted: 1200, updated: 0,
                            duplicates: 0, quarantined: 10),
                FileSummary(name: "smx_0301_20250613.xml.gz", format: "smx", errorReason: "gzip_truncated"),
            ],
            quarantineCount: 11, dataQuality: quality(), curves: curves(),
            schoolNames: Dictionary(uniqueKeysWithValues: schools.map { ($0.orgnr, $0.name) }),
            schoolMunicipalities: Dictionary(uniqueKeysWithValues: schools.map { ($0.orgnr, municipality) }),
            audit: DisclosureAuditSummary(cellsChecked: 5120, cellsWithheld: 212, narrowestWidth: 5, passed: true))
    }
}
