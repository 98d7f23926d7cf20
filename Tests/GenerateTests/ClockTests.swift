import Foundation
@testable import Generate
import SaksgangCore
import XCTest

/// Knowledge on school days in school hours, events on working days in working hours, and
/// the written offsets follow Europe/Oslo summer time.
final class ClockTests: XCTestCase {
    let run = GeneratedRun.standard

    func testKnowledgeAndEventsFollowTheClock() throws {
        let clock = SchoolClock(first: LocalDate(year: 2023, month: 8, day: 1)!, last: LocalDate(year: 2025, month: 6, day: 20)!)
        let calendar = WorkingDayCalendar()
        var checked = 0
        for c in try run.truthCases() {
            let k = Self.local(c["true_knowledge"] as! String)
            XCTAssertTrue(clock.isSchoolDay(k.date), "knowledge on a school day")
            XCTAssertTrue((8 * 60...15 * 60 + 30).contains(k.minute), "knowledge in school hours")
            let faults = c["faults"] as! [String]
            for e in c["events"] as! [[String: Any]] {
                let time = e["time"] as! String
                guard time.count > 10 else { continue }  // date-only
                let t = Self.local(time)
                XCTAssertTrue(calendar.isWorkingDay(t.date), "event on a working day")
                XCTAssertTrue((8 * 60..<16 * 60).contains(t.minute), "event in working hours")
                if faults.isEmpty { XCTAssertGreaterThanOrEqual(time, c["true_knowledge"] as! String) }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 10_000)
    }

    /// Offsets in SMX are +01:00 in winter and +02:00 in summer, switching on the last
    /// Sundays of March and October.
    func testSMXOffsetsFollowSummerTime() throws {
        var offsets = Set<String>()
        for name in run.files("smx_") {
            for sak in SMXDocument.parse(try Gunzip.contents(of: run.url(name)).bytes).cases {
                for e in sak.events {
                    let t = e["tidspunkt"]!
                    guard t.count > 10 else { continue }
                    let instant = FormatAgreementTests.isoInstant(t)
                    let offset = OsloTime.offset(atUTC: instant)
                    XCTAssertTrue(t.hasSuffix(offset == 7200 ? "+02:00" : "+01:00"))
                    offsets.insert(String(t.suffix(6)))
                }
            }
        }
        XCTAssertEqual(offsets, ["+01:00", "+02:00"])
    }

    func testClockStaysInWorkingHours() {
        let clock = SchoolClock(first: LocalDate(year: 2024, month: 8, day: 1)!, last: LocalDate(year: 2025, month: 6, day: 20)!)
        // Thursday 17 April 2025 is Maundy Thursday: 0.5 working days after Wednesday 15:00
        // is Tuesday 22 April (Good Friday, Easter Monday and the weekend skipped).
        let wednesday = SchoolClock.instant(LocalDate(year: 2025, month: 4, day: 16)!, minute: 15 * 60)
        let t = SchoolClock.local(clock.afterWorkingDays(wednesday, 0.5))
        XCTAssertEqual(t.date, LocalDate(year: 2025, month: 4, day: 22)!)
        XCTAssertEqual(t.minute, 11 * 60)
        XCTAssertFalse(clock.isSchoolDay(LocalDate(year: 2025, month: 7, day: 1)!), "summer holiday")
    }

    static func local(_ iso: String) -> (date: LocalDate, minute: Int) {
        let p = iso.prefix(19).split(whereSeparator: { "-T:".contains($0) }).map { Int($0)! }
        let d = LocalDate(year: p[0], month: p[1], day: p[2])!
        return SchoolClock.local(Int64(d.daysSinceEpoch) * 86_400 + Int64(p[3] * 3600 + p[4] * 60))
    }
}
