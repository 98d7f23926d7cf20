import Ingest
import SaksgangCore
import XCTest

final class DateFormatTests: XCTestCase {
    func testISOWithOffsetWithoutOffsetAndDateOnly() throws {
        let iso = try DateFormat("iso8601")
        XCTAssertEqual(iso.parse("2025-03-04T10:12:00+01:00")?.description, "2025-03-04T09:12:00Z")
        XCTAssertEqual(iso.parse("2025-06-04T10:12:00+02:00")?.description, "2025-06-04T08:12:00Z")
        XCTAssertEqual(iso.parse("2025-06-04T08:12:00Z")?.description, "2025-06-04T08:12:00Z")
        // No offset: Europe/Oslo, summer time in June.
        XCTAssertEqual(iso.parse("2025-06-04T10:12:00")?.description, "2025-06-04T08:12:00Z")
        XCTAssertEqual(iso.parse("2025-01-04 10:12")?.description, "2025-01-04T09:12:00Z")
        let day = try XCTUnwrap(iso.parse("2025-03-04"))
        XCTAssertFalse(day.hasTime)
        XCTAssertEqual(day.localDate.description, "2025-03-04")
        XCTAssertNil(iso.parse("2025-02-31"))
        XCTAssertNil(iso.parse("2025-02-28T25:00"))
        XCTAssertNil(iso.parse("04.03.2025"))
    }

    func testNorwegianPatternsInLocalTime() throws {
        let f = try DateFormat("dd.MM.yyyy HH:mm")
        // 30 March 2025 is the day summer time starts (02:00 → 03:00).
        XCTAssertEqual(f.parse("29.03.2025 12:00")?.description, "2025-03-29T11:00:00Z")
        XCTAssertEqual(f.parse("30.03.2025 12:00")?.description, "2025-03-30T10:00:00Z")
        XCTAssertEqual(f.parse("26.10.2025 12:00")?.description, "2025-10-26T11:00:00Z")
        XCTAssertNil(f.parse("31.02.2025 10:00"))
        XCTAssertNil(f.parse("1.3.2025 10:00"))
        let d = try DateFormat("dd.MM.yyyy")
        XCTAssertEqual(d.parse("17.05.2025")?.hasTime, false)
        let compact = try DateFormat("yyyyMMdd")
        XCTAssertEqual(compact.parse("20250620")?.localDate.description, "2025-06-20")
        XCTAssertThrowsError(try DateFormat("dd.MM.yy"))
    }
}
