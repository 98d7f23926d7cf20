import SaksgangCore
import TestSupport
import XCTest

final class SchoolCalendarTests: XCTestCase {
    private func d(_ s: String) -> LocalDate {
        let p = s.split(separator: "-").map { Int($0)! }
        return LocalDate(year: p[0], month: p[1], day: p[2])!
    }

    private func holiday(_ name: String, _ a: String, _ b: String) -> SchoolCalendar.Holiday {
        SchoolCalendar.Holiday(name: name, dates: d(a)...d(b))
    }

    /// Oslo-like calendars for 2024–25 and 2025–26.
    private func oslo2024() -> SchoolCalendar {
        SchoolCalendar(municipality: "0301", schoolYear: SchoolYear(startYear: 2024),
                       terms: [d("2024-08-19")...d("2024-12-20"), d("2025-01-03")...d("2025-06-20")],
                       holidays: [holiday("høstferie", "2024-09-30", "2024-10-04"),
                                  holiday("planleggingsdag", "2024-11-15", "2024-11-15"),
                                  holiday("vinterferie", "2025-02-24", "2025-02-28"),
                                  holiday("påskeferie", "2025-04-14", "2025-04-21")])
    }

    private func oslo2025() -> SchoolCalendar {
        SchoolCalendar(municipality: "0301", schoolYear: SchoolYear(startYear: 2025),
                       terms: [d("2025-08-18")...d("2025-12-19"), d("2026-01-05")...d("2026-06-19")],
                       holidays: [holiday("høstferie", "2025-09-29", "2025-10-03"),
                                  holiday("vinterferie", "2026-02-16", "2026-02-20"),
                                  holiday("påskeferie", "2026-03-30", "2026-04-06")])
    }

    private func calendars() throws -> SchoolCalendars {
        try SchoolCalendars([oslo2025(), oslo2024()])
    }

    func testSchoolYear() {
        XCTAssertEqual(SchoolYear(containing: d("2024-08-01")), SchoolYear(startYear: 2024))
        XCTAssertEqual(SchoolYear(containing: d("2025-07-31")), SchoolYear(startYear: 2024))
        XCTAssertEqual(SchoolYear(containing: d("2025-08-01")), SchoolYear(startYear: 2025))
        XCTAssertEqual(SchoolYear("2024-2025"), SchoolYear(startYear: 2024))
        XCTAssertNil(SchoolYear("2024-2026"))
        XCTAssertNil(SchoolYear("24-25"))
        XCTAssertEqual(SchoolYear(startYear: 2024).description, "2024-2025")
    }

    func testSameDayIsZeroAndNextSchoolDayIsOne() throws {
        let c = try calendars()
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2025-03-04"), to: d("2025-03-04")), 0)
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2025-03-04"), to: d("2025-03-05")), 1)
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2025-03-07"), to: d("2025-03-10")), 1, "Friday → Monday")
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2025-03-08"), to: d("2025-03-10")), 1, "Saturday knowledge → Monday")
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2025-03-08"), to: d("2025-03-09")), 0, "a weekend")
    }

    func testReversedSpanIsNegative() throws {
        let c = try calendars()
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2025-03-05"), to: d("2025-03-04")), -1)
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2024-10-07"), to: d("2024-09-27")), -1, "back across the autumn break")
    }

    func testAcrossAutumnBreak() throws {
        let c = try calendars()
        // Friday 27 Sep 2024 → Monday 7 Oct: the week 40 break costs five working days.
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2024-09-27"), to: d("2024-10-07")), 1)
        XCTAssertEqual(WorkingDayCalendar().workingDays(from: d("2024-09-27"), to: d("2024-10-07")), 6)
        // Knowledge during the break: the first school day after it is 1.
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2024-10-01"), to: d("2024-10-07")), 1)
        XCTAssertEqual(c.isSchoolDay(municipality: "0301", d("2024-10-02")), false)
        XCTAssertEqual(c.isSchoolDay(municipality: "0301", d("2024-10-07")), true)
        // A planning day is a day off for pupils.
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2024-11-14"), to: d("2024-11-18")), 1)
    }

    func testAcrossChristmasAndNewYear() throws {
        let c = try calendars()
        // Last day of the autumn term (Fri 20 Dec 2024) → Fri 3 Jan 2025, first day of spring term.
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2024-12-20"), to: d("2025-01-03")), 1)
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2024-12-19"), to: d("2025-01-06")), 3)
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2024-12-23"), to: d("2025-01-02")), 0)
    }

    func testAcrossSummerAndTheSchoolYearBoundary() throws {
        let c = try calendars()
        // Last day (Fri 20 June 2025) → first day of the next year (Mon 18 Aug 2025).
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2025-06-20"), to: d("2025-08-18")), 1)
        // Knowledge in the summer, event in the next year's first week.
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2025-07-10"), to: d("2025-08-22")), 5)
        // 16 June 2025 (Mon) → 19 Aug 2025 (Tue): 17–20 June and 18–19 Aug.
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2025-06-16"), to: d("2025-08-19")), 6)
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2025-06-23"), to: d("2025-08-15")), 0)
    }

    func testAcrossEasterAndWinterBreak() throws {
        let c = try calendars()
        // Fri 11 April 2025 → Tue 22 April: the Easter week (Mon–Wed holidays, Thu–Fri and
        // Easter Monday public holidays).
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2025-04-11"), to: d("2025-04-22")), 1)
        XCTAssertEqual(c.schoolDays(municipality: "0301", from: d("2025-02-21"), to: d("2025-03-03")), 1, "winter break")
    }

    func testAMissingYearIsNilAndNamed() throws {
        let c = try calendars()
        XCTAssertEqual(c.missing, [])
        // 2023–24 has no calendar: a span that touches it is withheld, even on the same day.
        XCTAssertNil(c.schoolDays(municipality: "0301", from: d("2024-06-03"), to: d("2024-08-26")))
        XCTAssertNil(c.schoolDays(municipality: "0301", from: d("2024-06-03"), to: d("2024-06-03")))
        XCTAssertNil(c.schoolDays(municipality: "0301", from: d("2026-09-01"), to: d("2026-06-01")), "reversed into 2026–27")
        // Another municipality with no calendar at all.
        XCTAssertNil(c.schoolDays(municipality: "4601", from: d("2025-03-04"), to: d("2025-03-05")))
        XCTAssertNil(c.isSchoolDay(municipality: "4601", d("2025-03-04")))
        XCTAssertEqual(c.missingSchoolYears(municipality: "0301", from: d("2023-09-01"), to: d("2026-09-01")),
                       [SchoolYear(startYear: 2023), SchoolYear(startYear: 2026)])
        XCTAssertEqual(c.missing.map(\.description), ["0301-2023-2024", "0301-2026-2027", "4601-2024-2025"])
        // Copies share the record (one per run).
        let copy = c
        XCTAssertNil(copy.schoolDays(municipality: "5001", from: d("2025-03-04"), to: d("2025-03-05")))
        XCTAssertEqual(c.missing.count, 4)
        XCTAssertEqual(SchoolCalendars().schoolDays(municipality: "0301", from: d("2025-03-04"), to: d("2025-03-05")), nil)
    }

    func testAGapBetweenYearsIsNil() throws {
        var later = oslo2024()
        later.schoolYear = SchoolYear(startYear: 2026)
        later.terms = [d("2026-08-17")...d("2027-06-18")]
        later.holidays = []
        let c = try SchoolCalendars([oslo2024(), later])
        XCTAssertNotNil(c.schoolDays(municipality: "0301", from: d("2024-09-02"), to: d("2025-06-02")))
        XCTAssertNotNil(c.schoolDays(municipality: "0301", from: d("2026-09-02"), to: d("2027-06-02")))
        XCTAssertNil(c.schoolDays(municipality: "0301", from: d("2025-06-02"), to: d("2026-09-02")), "spans the missing 2025–26")
        XCTAssertNil(c.schoolDays(municipality: "0301", from: d("2025-09-02"), to: d("2025-09-03")), "inside the missing year")
        XCTAssertNil(c.isSchoolDay(municipality: "0301", d("2025-09-02")))
        XCTAssertEqual(c.isSchoolDay(municipality: "0301", d("2026-09-02")), true)
        XCTAssertEqual(c.missing.map(\.description), ["0301-2025-2026"])
    }

    func testValidation() {
        func fails(_ c: SchoolCalendar, field: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertThrowsError(try c.validate(), file: file, line: line) { error in
                XCTAssertEqual((error as? SaksgangError)?.location.field, field, "\(error)", file: file, line: line)
            }
        }
        XCTAssertNoThrow(try oslo2024().validate())
        var c = oslo2024(); c.municipality = "301"; fails(c, field: "municipality")
        c = oslo2024(); c.terms = []; fails(c, field: "terms")
        c = oslo2024(); c.terms[0] = d("2024-07-19")...d("2024-12-20"); fails(c, field: "terms[0]")
        c = oslo2024(); c.terms[1] = d("2024-12-02")...d("2025-06-20"); fails(c, field: "terms[1]")
        c = oslo2024(); c.holidays.append(holiday("sommer", "2025-07-01", "2025-08-10")); fails(c, field: "holidays[4]")
        c = oslo2024(); c.holidays[0].name = " "; fails(c, field: "holidays[0].name")
        XCTAssertThrowsError(try SchoolCalendars([oslo2024(), oslo2024()]))
    }

    /// The O(1) count equals a walk over the days with `SchoolCalendar.isSchoolDay`.
    func testPrefixSumsAgreeWithAWalk() throws {
        let cals = [oslo2024(), oslo2025()]
        let c = try SchoolCalendars(cals)
        func isSchoolDay(_ x: LocalDate) -> Bool {
            cals.contains { $0.schoolYear == SchoolYear(containing: x) && $0.isSchoolDay(x) }
        }
        var rng = SplitMix64(seed: 0x5C40_0125)
        let first = d("2024-08-01"), days = 730
        for _ in 0..<2_000 {
            let a = first.adding(days: Int.random(in: 0..<days, using: &rng))
            let b = first.adding(days: Int.random(in: 0..<days, using: &rng))
            var walk = 0
            var x = min(a, b).adding(days: 1)
            while x <= max(a, b) { if isSchoolDay(x) { walk += 1 }; x = x.adding(days: 1) }
            XCTAssertEqual(c.schoolDays(municipality: "0301", from: a, to: b), a <= b ? walk : -walk, "\(a) → \(b)")
        }
        XCTAssertEqual(c.missing, [])
    }
}
