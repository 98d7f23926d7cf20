import Foundation
@testable import SaksgangCore
import XCTest

final class CalendarTests: XCTestCase {
    func testEasterMatchesPublishedDates() {
        // Published Easter Sundays (Gregorian).
        let known = [(2019, 4, 21), (2020, 4, 12), (2021, 4, 4), (2022, 4, 17), (2023, 4, 9), (2024, 3, 31),
                     (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2030, 4, 21), (2038, 4, 25), (2285, 3, 22)]
        for (y, m, d) in known {
            XCTAssertEqual(NorwegianHolidays.easterSunday(year: y), LocalDate(year: y, month: m, day: d), "\(y)")
        }
    }

    func testHolidaysOf2025() {
        let expected = ["2025-01-01", "2025-04-17", "2025-04-18", "2025-04-21", "2025-05-01", "2025-05-17",
                        "2025-05-29", "2025-06-09", "2025-12-25", "2025-12-26"]
        XCTAssertEqual(NorwegianHolidays.holidays(year: 2025).map(\.description), expected)
    }

    func testADayThatIsTwoHolidaysCountsOnce() {
        // 2027: Whit Monday is 17 May; 2008: Ascension Day is 1 May.
        XCTAssertEqual(NorwegianHolidays.holidays(year: 2027).count, 9)
        XCTAssertEqual(NorwegianHolidays.holidays(year: 2008).count, 9)
        let cal = WorkingDayCalendar()
        XCTAssertEqual(cal.workingDays(from: LocalDate(year: 2027, month: 5, day: 14)!, to: LocalDate(year: 2027, month: 5, day: 18)!), 1)
    }

    func testWorkingDaysCountFromKnowledgeDay() {
        let cal = WorkingDayCalendar()
        func d(_ s: String) -> LocalDate {
            let p = s.split(separator: "-").map { Int($0)! }
            return LocalDate(year: p[0], month: p[1], day: p[2])!
        }
        XCTAssertEqual(cal.workingDays(from: d("2025-03-04"), to: d("2025-03-04")), 0, "same day is 0")
        XCTAssertEqual(cal.workingDays(from: d("2025-03-04"), to: d("2025-03-05")), 1, "next working day is 1")
        XCTAssertEqual(cal.workingDays(from: d("2025-03-07"), to: d("2025-03-10")), 1, "Friday → Monday")
        XCTAssertEqual(cal.workingDays(from: d("2025-03-08"), to: d("2025-03-10")), 1, "Saturday knowledge → Monday")
        // Easter 2025: Wednesday 16 April → Tuesday 22 April skips Maundy Thursday, Good Friday, Easter Monday.
        XCTAssertEqual(cal.workingDays(from: d("2025-04-16"), to: d("2025-04-22")), 1)
        // 16 May (Fri) → 19 May (Mon); 17 May is a Saturday in 2025.
        XCTAssertEqual(cal.workingDays(from: d("2025-05-16"), to: d("2025-05-19")), 1)
        XCTAssertEqual(cal.workingDays(from: d("2025-03-05"), to: d("2025-03-04")), -1)
        XCTAssertEqual(WorkingDayCalendar.calendarDays(from: d("2024-12-31"), to: d("2025-03-01")), 60)
        XCTAssertEqual(cal.workingDays(from: d("2025-02-21"), to: d("2025-03-03")), 6, "a school's winter break is still working days")
    }

    func testLocalDateRoundTripAndWeekday() {
        var day = LocalDate(year: 1999, month: 12, day: 25)!
        for _ in 0..<20_000 {
            let (y, m, dd) = day.components
            XCTAssertEqual(LocalDate(year: y, month: m, day: dd), day)
            day = day.adding(days: 1)
        }
        XCTAssertEqual(LocalDate(year: 2025, month: 6, day: 20)?.weekday, 5)
        XCTAssertNil(LocalDate(year: 2025, month: 2, day: 29))
        XCTAssertNotNil(LocalDate(year: 2024, month: 2, day: 29))
    }

    /// Our Europe/Oslo rule against the system's time zone database, hour by hour over
    /// several years including every switch.
    func testOsloOffsetsAgreeWithTZDatabase() throws {
        let tz = try XCTUnwrap(TimeZone(identifier: "Europe/Oslo"))
        var t: Int64 = 1_577_836_800 // 2020-01-01T00:00Z
        while t < 1_830_297_600 {    // 2028-01-01
            XCTAssertEqual(OsloTime.offset(atUTC: t), Int64(tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t)))), "\(t)")
            t += 1800
        }
    }

    /// The offset takes the year from the mean Gregorian year: in every year from 1700 to 2500
    /// it is summer time from the first second of the year's rule to the last and winter time
    /// on either side (the estimate grows with the time, so that holds in between), at every
    /// hour within five days of each New Year it agrees with the calendar year's rule, and
    /// every six hours from 1900 to 2100.
    func testTheOffsetAgreesWithTheCalendarYearsRule() {
        func byCalendar(_ t: Int64) -> Int64 {
            let year = LocalDate(daysSinceEpoch: Int32(floorDiv(t, 86_400))).year
            let (start, end) = OsloTime.summerTime(year: year)
            return t >= start && t < end ? 7200 : 3600
        }
        for year in 1700...2500 {
            let (start, end) = OsloTime.summerTime(year: year)
            XCTAssertEqual([start - 1, start, end - 1, end].map(OsloTime.offset(atUTC:)), [3600, 7200, 7200, 3600], "\(year)")
            let newYear = Int64(LocalDate(year: year, month: 1, day: 1)!.daysSinceEpoch) * 86_400
            for t in stride(from: newYear - 5 * 86_400, through: newYear + 5 * 86_400, by: 3600)
            where OsloTime.offset(atUTC: t) != byCalendar(t) {
                XCTFail("\(t)")
            }
        }
        let from = Int64(LocalDate(year: 1900, month: 1, day: 1)!.daysSinceEpoch) * 86_400
        let to = Int64(LocalDate(year: 2100, month: 1, day: 1)!.daysSinceEpoch) * 86_400
        for t in stride(from: from, to: to, by: 6 * 3600) where OsloTime.offset(atUTC: t) != byCalendar(t) {
            XCTFail("\(t)")
        }
    }

    func testLocalWallClockToUTC() {
        let day = LocalDate(year: 2025, month: 3, day: 4)!
        XCTAssertEqual(Timestamp(seconds: OsloTime.utcSeconds(date: day, hour: 10, minute: 12, second: 0)).description,
                       "2025-03-04T09:12:00Z")
        let autumn = LocalDate(year: 2025, month: 10, day: 26)!
        // 02:30 happens twice; the earlier (summer-time) instant is taken.
        XCTAssertEqual(Timestamp(seconds: OsloTime.utcSeconds(date: autumn, hour: 2, minute: 30, second: 0)).description,
                       "2025-10-26T00:30:00Z")
        XCTAssertEqual(Timestamp(date: day).localDate, day)
    }
}

final class WorkingDayArithmeticTests: XCTestCase {
    /// The arithmetic count equals walking the days one by one, over ranges up to two years
    /// across every weekday and holiday.
    func testArithmeticEqualsAWalk() {
        let cal = WorkingDayCalendar()
        var rng = SystemRandomNumberGenerator()
        let base = LocalDate(year: 2019, month: 12, day: 20)!
        for _ in 0..<3_000 {
            let a = base.adding(days: Int.random(in: 0...2_500, using: &rng))
            let b = a.adding(days: Int.random(in: -30...800, using: &rng))
            var walk = 0
            if a <= b {
                var d = a.adding(days: 1)
                while d <= b { if cal.isWorkingDay(d) { walk += 1 }; d = d.adding(days: 1) }
            } else {
                var d = b.adding(days: 1)
                while d <= a { if cal.isWorkingDay(d) { walk -= 1 }; d = d.adding(days: 1) }
            }
            XCTAssertEqual(cal.workingDays(from: a, to: b), walk, "\(a) → \(b)")
        }
    }
}
