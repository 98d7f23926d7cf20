import Foundation
@testable import Generate
import SaksgangCore
import XCTest

/// The byte-level writers: quoting, escaping, encodings and the truth timestamp form.
final class RecordTextTests: XCTestCase {
    func testCSVQuotingFollowsRFC4180() {
        var b = RecordBuffer()
        b.appendCSVField("plain", lineEnding: [0x0D, 0x0A])
        b.append(";")
        b.appendCSVField("a;b \"c\"\nd", lineEnding: [0x0D, 0x0A])
        XCTAssertEqual(String(decoding: b.bytes, as: UTF8.self), "plain;\"a;b \"\"c\"\"\r\nd\"")
    }

    func testXMLEscaping() {
        var b = RecordBuffer()
        b.appendXMLEscaped("<Tom & \"Jerry\">", lineEnding: [0x0A])
        XCTAssertEqual(String(decoding: b.bytes, as: UTF8.self), "&lt;Tom &amp; &quot;Jerry&quot;&gt;")
    }

    func testLatin1WritesReferencesBeyondIt() {
        var out: [UInt8] = []
        let lost = TextEncoding.iso88591.encode(Array("Máret Šimmá ø".utf8), into: &out, xml: true)
        XCTAssertEqual(lost, 0)
        XCTAssertEqual(out, [0x4D, 0xE1] + Array("ret &#x160;imm".utf8) + [0xE1, 0x20, 0xF8])
    }

    func testWindows1252() {
        var out: [UInt8] = []
        XCTAssertEqual(TextEncoding.windows1252.encode(Array("Žukauskas Åse €".utf8), into: &out, xml: false), 0)
        XCTAssertEqual(String(data: Data(out), encoding: .windowsCP1252), "Žukauskas Åse €")
        out = []
        XCTAssertEqual(TextEncoding.windows1252.encode(Array("Čuđet".utf8), into: &out, xml: false), 2, "č and đ do not fit")
        XCTAssertTrue(TextEncoding.fitsWindows1252("Sæther Šimmá"))
        XCTAssertFalse(TextEncoding.fitsWindows1252("Ŋuolga"))
    }

    func testTruthTimestampsMatchSaksgangCore() {
        for t in [Timestamp(seconds: 1_741_079_520), Timestamp(seconds: 1_751_000_000),
                  Timestamp(date: LocalDate(year: 2025, month: 3, day: 30)!)] {
            var b = RecordBuffer()
            b.appendJSON(t)
            XCTAssertEqual(String(decoding: b.bytes, as: UTF8.self), "\"\(t.description)\"")
        }
    }

    func testSMXTimesCarryTheOsloOffset() {
        var b = RecordBuffer()
        b.appendISO(Timestamp(seconds: OsloTime.utcSeconds(date: LocalDate(year: 2025, month: 3, day: 4)!, hour: 10, minute: 12, second: 0)))
        b.append(" ")
        b.appendNorwegian(Timestamp(seconds: OsloTime.utcSeconds(date: LocalDate(year: 2025, month: 6, day: 2)!, hour: 8, minute: 5, second: 0)))
        XCTAssertEqual(String(decoding: b.bytes, as: UTF8.self), "2025-03-04T10:12:00+01:00 02.06.2025 08:05")
    }

    func testOrganisationNumbersAndIdentityNumbersAreValid() {
        var r = SeededRandom(seed: 9)
        var registry = IdentityRegistry()
        for _ in 0..<200 {
            let orgnr = IdentityRegistry.organisationNumber(random: &r)
            let d = orgnr.compactMap(\.wholeNumberValue)
            let sum = zip(d, [3, 2, 7, 6, 5, 4, 3, 2]).map { $0 * $1 }.reduce(0, +) % 11
            XCTAssertEqual(sum == 0 ? 0 : 11 - sum, d[8])
            let birth = LocalDate(year: 2012, month: 2, day: 29)!
            let n = registry.issue(birth: birth, female: true, kind: .dNumber, random: &r)
            XCTAssertTrue(n.hasPrefix("69821"), "D-number: day + 40, month + 80")
            XCTAssertEqual(n.compactMap(\.wholeNumberValue)[8] % 2, 0, "even sex digit for a girl")
            XCTAssertTrue(IdentityNumberTests.checkDigitsValid(n.compactMap(\.wholeNumberValue)))
        }
    }
}
