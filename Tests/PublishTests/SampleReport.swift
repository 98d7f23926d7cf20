import Measure
import Publish
import SaksgangCore

/// Report content for the tests: the metrics the Measure stage produces, overall and by
/// immigrant background (one group withheld), plus a grouping and a metric the report has
/// no words for.
enum SampleReport {
    static let asOf = LocalDate(year: 2025, month: 3, day: 4)!

    static func figures() -> [Figure] {
        var out: [Figure] = []
        func add(_ grouping: String, _ group: String, cases: Int, firstContact: (Double, Double, Double)?,
                 within: (Double, Double, Double)?, closure: (Double, Double, Double?)?,
                 ethnicity: (Double, Double, Double)?) {
            out.append(Figure(metric: .cases, statistic: .count, unit: .cases, grouping: grouping, group: group,
                              n: cases, estimate: Double(cases)))
            out.append(Figure(metric: .ethnicityBased, statistic: .share, unit: .proportion, grouping: grouping,
                              group: group, n: cases, estimate: ethnicity?.0, ciLow: ethnicity?.1, ciHigh: ethnicity?.2))
            out.append(Figure(metric: .timeToFirstContact, statistic: .median, unit: .workingDays,
                              grouping: grouping, group: group, n: cases, estimate: firstContact?.0,
                              ciLow: firstContact?.1, ciHigh: firstContact?.2))
            out.append(Figure(metric: .firstContactWithinTarget, statistic: .share, unit: .proportion,
                              grouping: grouping, group: group, n: cases, estimate: within?.0, ciLow: within?.1,
                              ciHigh: within?.2))
            out.append(Figure(metric: .timeToClosure, statistic: .median, unit: .calendarDays,
                              grouping: grouping, group: group, n: cases, estimate: closure?.0, ciLow: closure?.1,
                              ciHigh: closure?.2))
        }
        add("all", "all", cases: 88, firstContact: (2, 1, 3), within: (39.0 / 88, 0.34, 0.55),
            closure: (45, 38, 52), ethnicity: (0.125, 0.07, 0.21))
        add("immigrant_background", "none", cases: 51, firstContact: (1, 1, 2), within: (0.5490196, 0.41, 0.68),
            closure: (41, 33, 50), ethnicity: (0.0784314, 0.03, 0.18))
        add("immigrant_background", "immigrant", cases: 22, firstContact: (3, 2, 5), within: (0.3181818, 0.16, 0.53),
            closure: (58, 40, nil), ethnicity: (0.2272727, 0.1, 0.43))
        add("immigrant_background", "norwegian_born_to_immigrants", cases: 11, firstContact: (2.5, 1, 6),
            within: (0.3636364, 0.15, 0.65), closure: (49, 30, 80), ethnicity: (0.1818182, 0.05, 0.48))
        add("immigrant_background", "unknown", cases: 0, firstContact: nil, within: nil, closure: nil, ethnicity: nil)
        // one_foreign_born_parent: four cases, below k = 5: withheld in every figure.
        for metric: (Metric, Statistic, FigureUnit) in [(.cases, .count, .cases), (.ethnicityBased, .share, .proportion),
                       (.timeToFirstContact, .median, .workingDays),
                       (.firstContactWithinTarget, .share, .proportion),
                       (.timeToClosure, .median, .calendarDays)] {
            out.append(Figure(metric: metric.0, statistic: metric.1, unit: metric.2, grouping: "immigrant_background",
                              group: "one_foreign_born_parent", n: nil, estimate: nil, suppressed: true,
                              suppressionReason: "withheld"))
        }
        add("ethnicity_based", "no", cases: 77, firstContact: (2, 1, 3), within: (0.45, 0.34, 0.56),
            closure: (44, 37, 51), ethnicity: (0, 0, 0.05))
        add("ethnicity_based", "yes", cases: 11, firstContact: (3, 1, 7), within: (0.36, 0.15, 0.65),
            closure: (60, 31, 99), ethnicity: (1, 0.74, 1))
        out.append(Figure(metric: .timeToActivityPlan, statistic: .median, unit: .schoolDays,
                          grouping: "gender", group: "J", n: 40, estimate: 4.5, ciLow: 3, ciHigh: 6))
        out.append(Figure(metric: .timeToActivityPlan, statistic: .median, unit: .schoolDays,
                          grouping: "gender", group: "G", n: 48, estimate: 5, ciLow: 4, ciHigh: 7))
        return out
    }

    static func content(language: ReportLanguage = .bokmal, title: String = "Demo kommune") -> ReportContent {
        ReportContent(
            title: title, language: language, asOf: asOf, threshold: 5,
            targets: [TargetDescription(metric: .timeToFirstContact, text: "samme eller neste arbeidsdag")],
            figures: figures(),
            files: [
                FileSummary(name: "visma-2025-03-03.smx.xml.gz", format: "smx", records: 60, inserted: 55, updated: 2,
                            duplicates: 1, quarantined: 2),
                FileSummary(name: "ist-2025-03-04.csv", format: "smc", records: 33, inserted: 31, updated: 0,
                            duplicates: 0, quarantined: 2),
                FileSummary(name: "visma-2025-03-02.smx.xml.gz", format: "smx", skipped: true),
                FileSummary(name: "broken.smx.xml.gz", format: "smx", errorReason: "gzip_truncated"),
            ],
            quarantineCount: 4,
            dataQuality: [
                Figure(metric: .missingField, statistic: .count, unit: .cases, grouping: "all",
                       group: "all", category: "knowledge", n: 2, estimate: 2),
            ])
    }
}
