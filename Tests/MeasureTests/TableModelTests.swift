import Foundation
import Measure
import SaksgangCore
import TestSupport
import XCTest

/// The typed table model: every metric of the catalogue over every grouping, with every
/// statistic its declaration promises; comparison rows with their fields; the clocks in
/// hours (across summer time) and school days (a missing calendar withholds, never replaces).
final class TableModelTests: XCTestCase {
    static let export = Timestamp(seconds: OsloTime.utcSeconds(date: day(2025, 6, 20), hour: 6, minute: 0, second: 0))

    static func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    static func at(_ date: LocalDate, _ hour: Int, _ minute: Int = 0) -> Timestamp {
        Timestamp(seconds: OsloTime.utcSeconds(date: date, hour: hour, minute: minute, second: 0))
    }

    /// A case of a given background whose first contact came `contactDays` after knowledge.
    static func makeCase(_ i: Int, school: String = "974600951", municipality: String = "4601",
                         category: ImmigrantCategory? = .a, knowledge: Timestamp, contact: Timestamp?,
                         closing: Closing? = nil, events: [Event] = [], ethnic: Bool = false) -> Case {
        var evs = events
        if let contact { evs.append(Event(kind: .homeContact, time: contact)) }
        var c = Case(id: Pseudonym("c\(i)"), source: "smx", school: School(orgnr: school, municipality: municipality),
                     lastChanged: export, exportTime: export, serious: i % 3 == 0,
                     pupil: Pupil(id: Pseudonym("p\(i)"), identifiedBy: .syntheticNumber, gender: i % 2 == 0 ? .girl : .boy,
                                  grade: 1 + i % 13, immigrantCategory: category, sami: i % 7 == 0, minorityLanguage: i % 5 == 0),
                     guardianNeedsInterpreter: i % 4 == 0, knowledge: knowledge, reportedBy: Reporter.allCases[i % 5],
                     violations: ethnic ? [.ethnicity] : [.verbal], perpetrator: i % 11 == 0 ? .staff : .pupil,
                     perpetratorCount: 1 + i % 2, events: evs, closing: closing)
        c.normalize()
        return c
    }

    /// A mixed population: two schools, every immigrant category, open and closed cases.
    static func population(_ n: Int, seed: UInt64 = 7) -> [Case] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { i in
            let start = day(2024, 9, 2).adding(days: Int(rng.next() % 200))
            let knowledge = at(start, 9)
            let contact = rng.next() % 5 == 0 ? nil : at(start.adding(days: Int(rng.next() % 6)), 10)
            let closed = rng.next() % 2 == 0
            let closing = closed ? Closing(time: at(start.adding(days: 10 + Int(rng.next() % 90)), 12),
                                           reason: ClosingReason.allCases[Int(rng.next() % 5)]) : nil
            let meeting = Event(kind: .meeting, time: at(start.adding(days: Int(rng.next() % 8)), 13), minutesSent: rng.next() % 2 == 0)
            let plan = Event(kind: .activityPlan, time: at(start.adding(days: 3 + Int(rng.next() % 10)), 14))
            return makeCase(i, school: i % 2 == 0 ? "974600951" : "974600952",
                            category: ImmigrantCategory.allCases[Int(rng.next() % 6)], knowledge: knowledge,
                            contact: contact, closing: closing, events: [meeting, plan], ethnic: rng.next() % 4 == 0)
        }
    }

    func measured(_ cases: [Case], clock: ResponseClock = ResponseClock(schoolCalendars: AllWorkingDays())) -> [Figure] {
        var m = CaseMeasurements(clock: clock, asOf: ["4601": Self.export])
        for c in cases { m.add(c) }
        return m.figures(threshold: 5)
    }

    /// School days equal working days: a calendar with no holidays, for tests of the model.
    struct AllWorkingDays: SchoolDayCounting {
        func schoolDays(municipality: String, from: LocalDate, to: LocalDate) -> Int? {
            WorkingDayCalendar().workingDays(from: from, to: to)
        }
    }

    func testNamesAreUniqueAndFoundAgain() {
        let names = (Metric.catalogue + Metric.dataQuality).map(\.name)
        XCTAssertEqual(Set(names).count, names.count)
        for name in names { XCTAssertEqual(Metric.named(name)?.name, name) }
        let groupings = Grouping.standard.map(\.name)
        XCTAssertEqual(Set(groupings).count, groupings.count)
        XCTAssertTrue(groupings.contains("immigrant_background x ethnicity_based"))
        XCTAssertTrue(groupings.contains("school x immigrant_background"))
    }

    /// Every metric × grouping × statistic (× category) of the declarations is in the tables,
    /// for every group the data has.
    func testEveryMetricGroupingAndStatisticIsPublished() {
        let cases = Self.population(300)
        let figures = measured(cases)
        struct Key: Hashable { var metric: String, statistic: Statistic, unit: FigureUnit, grouping: String, group: String, category: String? }
        let keys = Set(figures.filter { $0.comparison == nil }.map {
            Key(metric: $0.metric.name, statistic: $0.statistic, unit: $0.unit, grouping: $0.grouping, group: $0.group, category: $0.category)
        })
        for grouping in Grouping.standard {
            let groups = Set(cases.map(grouping.group)).union(grouping.groups)
            for group in groups {
                for metric in Metric.catalogue {
                    if case .pupilShare = metric.kind, !grouping.isPupilGrouping { continue }
                    let categories: [String?] = metric.categories.isEmpty ? [nil] : metric.categories.map(\.code)
                    for (statistic, unit) in metric.columns {
                        for category in categories {
                            XCTAssertTrue(keys.contains(Key(metric: metric.name, statistic: statistic, unit: unit, grouping: grouping.name,
                                                            group: group, category: category)),
                                          "\(metric.name) \(statistic) \(unit) \(grouping.name) \(group) \(category ?? "")")
                        }
                    }
                }
            }
        }
        // Repeat victimisation counts pupils, in the groupings of pupils and places only.
        XCTAssertTrue(figures.contains { $0.metric == .repeatVictimisation && $0.grouping == "sami" && $0.group == "yes" })
        XCTAssertFalse(figures.contains { $0.metric == .repeatVictimisation && $0.grouping == "ethnicity_based" })
        // Data quality for all cases and each school.
        XCTAssertTrue(figures.contains { $0.metric == .missingField && $0.grouping == "school" && $0.category == "knowledge" })
        XCTAssertFalse(figures.contains { $0.metric == .missingField && $0.grouping == "gender" })
    }

    func testComparisonRowsCarryTheirFieldsAndOneCorrection() throws {
        let figures = measured(Self.population(400))
        let comparisons = figures.filter { $0.statistic.isComparison }
        XCTAssertFalse(comparisons.isEmpty)
        for f in comparisons {
            let c = try XCTUnwrap(f.comparison)
            XCTAssertEqual(c.correction, .holm)
            XCTAssertEqual(f.unit, .proportion)
            if let p = c.pValue, let q = c.pAdjusted { XCTAssertGreaterThanOrEqual(q, p - 1e-15) }
            XCTAssertEqual(c.flag, (c.pAdjusted ?? 1) < 0.05 && (f.n ?? 0) >= 5 && c.referenceN >= 5)
            let grouping = try XCTUnwrap(Grouping.named(f.grouping))
            XCTAssertEqual(grouping.reference(for: f.group), c.reference)
        }
        // Pooled and within schools, for curves and shares.
        XCTAssertTrue(comparisons.contains { $0.metric == .firstContactWithinTarget && $0.comparison?.stratifiedBy == nil
            && $0.comparison?.test == "log-rank" })
        XCTAssertTrue(comparisons.contains { $0.metric == .firstContactWithinTarget && $0.comparison?.stratifiedBy == "school"
            && $0.comparison?.test == "stratified log-rank" })
        XCTAssertTrue(comparisons.contains { $0.metric == .ethnicityBased && $0.comparison?.stratifiedBy == "school"
            && $0.comparison?.test == "cochran-mantel-haenszel" })
        XCTAssertTrue(comparisons.contains { $0.grouping == "immigrant_background x ethnicity_based"
            && $0.group == "immigrant x yes" && $0.comparison?.reference == "none x yes" })
        // A grouping is not compared on the metric that defines it (a tautology, p = 0).
        XCTAssertFalse(comparisons.contains { $0.metric == .ethnicityBased && $0.grouping.contains("ethnicity_based") })
        XCTAssertFalse(comparisons.contains { $0.metric == .reportedBy && $0.grouping.contains("reported_by") })
        // Benjamini–Hochberg when asked, for the whole family.
        var m = CaseMeasurements(asOf: ["4601": Self.export])
        for c in Self.population(100) { m.add(c) }
        XCTAssertTrue(m.figures(threshold: 5, correction: .benjaminiHochberg).compactMap(\.comparison).allSatisfy { $0.correction == .benjaminiHochberg })
    }

    /// Hours count instants: knowledge on the Saturday before summer time starts and a
    /// contact at the same clock time on the Monday after is 47 hours, not 48.
    func testHoursAcrossSummerTimeAndOnlyWhereBothEndsHaveATime() throws {
        let knowledge = Self.at(Self.day(2025, 3, 29), 12)             // 11:00 UTC
        let contact = Self.at(Self.day(2025, 3, 31), 12)               // 10:00 UTC: 47 hours later
        let autumnKnowledge = Self.at(Self.day(2025, 10, 25), 12)      // 10:00 UTC
        let autumnContact = Self.at(Self.day(2025, 10, 27), 12)        // 11:00 UTC: 49 hours later
        let dateOnly = Timestamp(date: Self.day(2025, 3, 31))
        let clock = ResponseClock()
        let a = Self.makeCase(1, knowledge: knowledge, contact: contact)
        let b = Self.makeCase(2, knowledge: autumnKnowledge, contact: autumnContact)
        let c = Self.makeCase(3, knowledge: knowledge, contact: dateOnly)
        XCTAssertEqual(try clock.observe(.firstContact, a, asOf: Self.export, unit: .hours).get().time, 47)
        XCTAssertEqual(try clock.observe(.firstContact, b, asOf: Self.export, unit: .hours).get().time, 49)
        XCTAssertEqual(try clock.observe(.firstContact, a, asOf: Self.export, unit: .workingDays).get().time, 1)
        guard case .failure(let e) = clock.observe(.firstContact, c, asOf: Self.export, unit: .hours) else {
            return XCTFail("a date-only contact has no hours")
        }
        XCTAssertEqual(e.gap, .noTimeOfDay)
        let figures = measured([a, b, c])
        let hours = try XCTUnwrap(figures.first { $0.metric == .timeToFirstContact && $0.unit == .hours && $0.statistic == .median && $0.grouping == "all" })
        XCTAssertEqual(hours.n, 2)
        XCTAssertEqual(hours.estimate, 48)   // R's midpoint: the curve is flat at 0.5 between 47 and 49
    }

    /// Without a school calendar the school-day figures are withheld (empty), never given in
    /// working days, and the cases are counted as excluded for that reason.
    func testMissingSchoolCalendarWithholdsSchoolDayFigures() throws {
        let cases = Self.population(50)
        let figures = measured(cases, clock: ResponseClock())
        let plan = try XCTUnwrap(figures.first { $0.metric == .timeToActivityPlan && $0.unit == .schoolDays && $0.statistic == .median && $0.grouping == "all" })
        XCTAssertNil(plan.estimate)
        XCTAssertNil(plan.n)
        let within = try XCTUnwrap(figures.first { $0.metric == .activityPlanWithinTarget && $0.grouping == "all" })
        XCTAssertNil(within.estimate)
        let working = try XCTUnwrap(figures.first { $0.metric == .timeToActivityPlan && $0.unit == .workingDays && $0.statistic == .median && $0.grouping == "all" })
        XCTAssertNotNil(working.estimate)
        let excluded = try XCTUnwrap(figures.first { $0.metric == .excludedCases && $0.grouping == "all"
            && $0.category == "time_to_activity_plan:school_days x no_school_calendar" })
        XCTAssertEqual(excluded.n, cases.count)
    }

    /// The within-target share is the Kaplan–Meier curve read at the target: open cases count
    /// until the export, not as misses.
    func testWithinTargetIsReadOffTheCurve() throws {
        let d = Self.day(2025, 6, 2)
        let cases = [
            Self.makeCase(1, knowledge: Self.at(d, 9), contact: Self.at(d, 11)),                 // 0 days
            Self.makeCase(2, knowledge: Self.at(d, 9), contact: Self.at(d.adding(days: 1), 9)),  // 1
            Self.makeCase(3, knowledge: Self.at(d, 9), contact: Self.at(d.adding(days: 3), 9)),  // 3
            Self.makeCase(4, knowledge: Self.at(Self.day(2025, 6, 19), 9), contact: nil),        // open, censored at 1
        ]
        let figures = measured(cases)
        let within = try XCTUnwrap(figures.first { $0.metric == .firstContactWithinTarget && $0.grouping == "all" })
        // S(1) = (1 − 1/4)(1 − 1/3) = 0.5: half within the target of one working day.
        XCTAssertEqual(try XCTUnwrap(within.estimate), 0.5, accuracy: 1e-12)
        XCTAssertEqual(within.n, 4)
    }

    /// Deviations count missed targets and missing legal steps per school.
    func testDeviationsAreCountedByKind() throws {
        let d = Self.day(2025, 5, 5)
        let late = Self.makeCase(1, knowledge: Self.at(d, 9), contact: Self.at(d.adding(days: 7), 9),
                                 events: [Event(kind: .measure, time: Self.at(d.adding(days: 1), 9))])
        let fine = Self.makeCase(2, knowledge: Self.at(d, 9), contact: Self.at(d, 10),
                                 events: [Event(kind: .activityPlan, time: Self.at(d.adding(days: 1), 9))])
        let figures = measured([late, fine])
        func count(_ kind: DeviationKind) -> Int? {
            figures.first { $0.metric == .deviations && $0.grouping == "school" && $0.category == kind.rawValue }?.n
        }
        XCTAssertEqual(count(.firstContactLate), 1)
        XCTAssertEqual(count(.noActivityPlan), 1)
        XCTAssertEqual(count(.activityPlanLate), 1)
    }

    /// A date after the export is found in an event, the closing or the knowledge alike; an
    /// event before knowledge is a date error of its own.
    func testDateErrorsAreCountedByKind() throws {
        let d = Self.day(2025, 5, 5), after = Self.at(Self.day(2025, 6, 21), 9)
        let cases = [
            Self.makeCase(1, knowledge: Self.at(d, 9), contact: Self.at(d.adding(days: -1), 9)),
            Self.makeCase(2, knowledge: Self.at(d, 9), contact: after),
            Self.makeCase(3, knowledge: Self.at(d, 9), contact: Self.at(d, 10), closing: Closing(time: after, reason: .resolved)),
            Self.makeCase(4, knowledge: after, contact: nil),
            Self.makeCase(5, knowledge: Self.at(d, 9), contact: Self.at(d, 10)),
        ]
        let figures = measured(cases)
        func count(_ error: DateError) -> Int? {
            figures.first { $0.metric == .dateError && $0.grouping == "all" && $0.category == error.rawValue }?.n
        }
        XCTAssertEqual(count(.eventBeforeKnowledge), 1)
        XCTAssertEqual(count(.futureDate), 3)
    }

    /// Figures round-trip through JSON with the contract's keys.
    /// A pupil with a new case 100 days after a closed one is a repeat; one whose next case
    /// came 400 days later is not; a pupil with no closed case is not counted.
    func testRepeatVictimisationCountsPupils() throws {
        let d = Self.day(2024, 1, 8)
        func pupilCase(_ i: Int, pupil: String, start: LocalDate, closedAfter: Int?) -> Case {
            var c = Self.makeCase(i, knowledge: Self.at(start, 9), contact: nil,
                                  closing: closedAfter.map { Closing(time: Self.at(start.adding(days: $0), 9), reason: .resolved) })
            c.pupil.id = Pseudonym(pupil)
            return c
        }
        let cases = [
            pupilCase(1, pupil: "A", start: d, closedAfter: 30), pupilCase(2, pupil: "A", start: d.adding(days: 130), closedAfter: nil),
            pupilCase(3, pupil: "B", start: d, closedAfter: 30), pupilCase(4, pupil: "B", start: d.adding(days: 430), closedAfter: nil),
            pupilCase(5, pupil: "C", start: d, closedAfter: nil),
        ]
        let figure = try XCTUnwrap(measured(cases).first { $0.metric == .repeatVictimisation && $0.grouping == "all" })
        XCTAssertEqual(figure.n, 2)
        XCTAssertEqual(figure.estimate, 0.5)
    }

    func testFigureEncodesEveryKeyAndDecodesBack() throws {
        let figures = measured(Self.population(60))
        let data = try JSONEncoder().encode(figures)
        let back = try JSONDecoder().decode([Figure].self, from: data)
        XCTAssertEqual(back.count, figures.count)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: JSONEncoder().encode(figures[0])) as? [String: Any])
        for key in ["metric", "statistic", "unit", "grouping", "group", "n", "estimate", "ci_low", "ci_high", "suppressed",
                    "category", "reference", "p_value", "p_adjusted", "correction", "flag", "stratified_by"] {
            XCTAssertTrue(object.keys.contains(key), key)
        }
    }

    /// The parts of a crossing are the ones Foundation's `components(separatedBy:)` gives,
    /// on ASCII (split on the bytes) and other texts alike.
    func testCrossingPartsAreFoundationsComponents() {
        let texts = ["", "a", "a x b", "974600951 x none", "a x b x c", "a x x b", "a  x  b", " x ", " x  x ", "x x x", "ax b",
                     "a xb", "a x ", " x a", "a\r\n x b", "é x ø", "a x \u{301}b", "a\u{301} x b", "立 x 场", "a x b\u{301}"]
        for text in texts {
            XCTAssertEqual(Grouping.crossingParts(text).map(String.init), text.components(separatedBy: Grouping.crossingSeparator),
                           text.debugDescription)
        }
    }
}
