import Foundation
import Measure
@testable import Publish
import XCTest

final class MachineTablesTests: XCTestCase {
    static let header = ["metric", "statistic", "unit", "grouping", "group", "n", "estimate", "ci_low", "ci_high",
                         "suppressed", "category", "reference", "reference_n", "p_value", "p_adjusted", "correction", "flag",
                         "stratified_by", "test", "suppression_reason"]

    func testTablesCSVParsesBackToTheSameRows() throws {
        var content = SampleReport.content()
        // Cells that need quoting, and a value with float noise.
        content.figures.append(Figure(metric: .reportedBy, statistic: .share, unit: .proportion,
                                      grouping: "school", group: "Skole \"Nord\", avd. 2", n: 12,
                                      estimate: 0.1 + 0.2, ciLow: 0.0000123456789, ciHigh: 1234.5678912))
        let report = try WrittenReport(content)
        defer { report.remove() }
        let data = try report.data("tables.csv")
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("\r\n"))
        let records = try RFC4180.parse(text)
        XCTAssertEqual(records.first, Self.header)
        let rows = content.figures + content.dataQuality
        XCTAssertEqual(records.count - 1, rows.count)
        for (record, figure) in zip(records.dropFirst(), rows) {
            XCTAssertEqual(record.count, Self.header.count)
            let expected = figure.published
            XCTAssertEqual(Array(record[0..<5]), [expected.metric.name, expected.statistic.rawValue, expected.unit.rawValue,
                                                  expected.grouping, expected.group])
            XCTAssertEqual(record[5], expected.n.map(String.init) ?? "")
            for (cell, value) in zip(record[6...8], [expected.estimate, expected.ciLow, expected.ciHigh]) {
                if let value {
                    let parsed = try XCTUnwrap(Double(cell), "not a number: \(cell)")
                    XCTAssertEqual(parsed, value, accuracy: abs(value) * 1e-6)
                } else {
                    XCTAssertEqual(cell, "")
                }
            }
            XCTAssertEqual(record[9], expected.suppressed ? "true" : "false")
            XCTAssertEqual(record[10], expected.category ?? "")
            XCTAssertEqual(record.last, expected.suppressionReason ?? "")
        }
        // No binary noise: 0.1 + 0.2 is written as 0.3.
        let noisy = try XCTUnwrap(records.first { $0[3] == "school" })
        XCTAssertEqual(Array(noisy[6...8]), ["0.3", "0.00001234568", "1234.568"])
        // 39/88 with seven significant digits.
        let within = try XCTUnwrap(records.first { $0[0] == "first_contact_within_target" && $0[3] == "all" })
        XCTAssertEqual(within[6], "0.4431818")
    }

    func testTablesJSONHasEveryKeyInEveryRow() throws {
        let content = SampleReport.content()
        let report = try WrittenReport(content)
        defer { report.remove() }
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: try report.data("tables.json")) as? [String: Any])
        XCTAssertEqual(object["schema"] as? String, "saksgang.tables/1")
        XCTAssertEqual(object["as_of"] as? String, "2025-03-04")
        XCTAssertEqual(object["threshold"] as? Int, 5)
        let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, content.figures.count + content.dataQuality.count)
        for row in rows {
            XCTAssertEqual(Set(row.keys), Set(Self.header))
        }
        let withheld = try XCTUnwrap(rows.first { $0["group"] as? String == "one_foreign_born_parent" })
        XCTAssertEqual(withheld["suppressed"] as? Bool, true)
        XCTAssertTrue(withheld["estimate"] is NSNull)
        XCTAssertTrue(withheld["n"] is NSNull)
        // And the rows decode back into figures.
        struct Tables: Decodable { var rows: [Figure] }
        let decoded = try JSONDecoder().decode(Tables.self, from: try report.data("tables.json"))
        XCTAssertEqual(decoded.rows, (content.figures + content.dataQuality).map(\.published))
    }

    func testExcelFileIsSemicolonSeparatedWithDecimalCommasAndDefusedFormulas() throws {
        var content = SampleReport.content()
        content.figures = [
            Figure(metric: .timeToFirstContact, statistic: .difference, unit: .workingDays, grouping: "school",
                   group: "=HYPERLINK(\"http://x\";\"y\")", n: 12, estimate: -0.5, ciLow: -1.25, ciHigh: 0.25),
            Figure(metric: .cases, statistic: .count, unit: .cases, grouping: "@SUM", group: "+1", category: "-x", n: 3,
                   estimate: nil, suppressed: true, suppressionReason: "withheld"),
        ]
        content.dataQuality = []
        let report = try WrittenReport(content)
        defer { report.remove() }
        let data = try report.data("tabeller-excel.csv")
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let records = try RFC4180.parse(String(decoding: data.dropFirst(3), as: UTF8.self), separator: ";")
        XCTAssertEqual(Array(records[0][0...1]), ["Måltall", "Måltall (kode)"])
        let column = Dictionary(uniqueKeysWithValues: records[0].enumerated().map { ($1, $0) })
        func value(_ row: Int, _ name: String) -> String { records[row][column[name]!] }
        XCTAssertEqual(value(1, "Måltall"), "Tid til første kontakt med hjemmet")
        XCTAssertEqual(value(1, "Måltall (kode)"), "time_to_first_contact")
        XCTAssertEqual(value(1, "Gruppe (kode)"), "'=HYPERLINK(\"http://x\";\"y\")")
        XCTAssertEqual(value(1, "Gruppe"), "'=HYPERLINK(\"http://x\";\"y\")")
        XCTAssertEqual(["Antall saker", "Estimat", "95 % KI nedre", "95 % KI øvre", "Skjult"].map { value(1, $0) },
                       ["12", "-0,5", "-1,25", "0,25", "nei"])
        XCTAssertEqual(value(1, "Enhet"), "arbeidsdager")
        XCTAssertEqual(value(2, "Gruppering (kode)"), "'@SUM")
        XCTAssertEqual(value(2, "Gruppe (kode)"), "'+1")
        XCTAssertEqual(value(2, "Kategori (kode)"), "'-x")
        XCTAssertEqual(["Antall saker", "Estimat", "95 % KI nedre", "95 % KI øvre", "Skjult"].map { value(2, $0) }, ["", "", "", "", "ja"])
        XCTAssertEqual(records[2].last, "withheld")
    }

    func testMachineNumbersAreLocaleFreeAndWithoutNoise() {
        XCTAssertEqual(NumberText.machine(39.0 / 88), "0.4431818")
        XCTAssertEqual(NumberText.machine(2), "2")
        XCTAssertEqual(NumberText.machine(0.1 + 0.2), "0.3")
        XCTAssertEqual(NumberText.machine(-0.5), "-0.5")
        XCTAssertEqual(NumberText.machine(1234567.891), "1234568")
        XCTAssertEqual(NumberText.machine(9.99999999), "10")
        XCTAssertEqual(NumberText.machine(0.001), "0.001")
        XCTAssertEqual(NumberText.machine(-0.0), "0")
        XCTAssertEqual(NumberText.machine(.infinity), "")
        XCTAssertEqual(NumberText.fixed(2.25, decimals: 1), "2.3")
        XCTAssertEqual(NumberText.fixed(-0.04, decimals: 1), "0.0")
        XCTAssertEqual(NumberText.fixed(0.05, decimals: 2), "0.05")
    }

    /// The byte-built numbers are the Strings they replaced: `String(UInt64)` padded, the
    /// point inserted, zeros trimmed, and for Excel every `.` replaced by `,`.
    func testNumbersWrittenAsBytesAreTheStringsTheyReplaced() {
        func fixed(_ value: Double, decimals: Int) -> String {
            guard value.isFinite else { return "" }
            var scale = 1.0
            for _ in 0..<max(0, decimals) { scale *= 10 }
            let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
            guard scaled < 9.0e18 else { return "\(value)" }
            var digits = String(UInt64(scaled))
            if decimals > 0 {
                if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
                digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
            }
            return value < 0 && scaled != 0 ? "-" + digits : digits
        }
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.05, 0.0049999, 9.5, 99.95, 1e-7, 1e-6, 123456.789, 1e14, 9.99e14, 1e15,
                                1e18, 5e18, 1e19, -1e19, 2.5e-3, -2.5e-3, 1 / 3, -2 / 3, .infinity, -.infinity, .nan,
                                .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        for _ in 0..<2000 {
            let exponent = Double(Int.random(in: -9...16, using: &generator))
            values.append(Double.random(in: -1...1, using: &generator) * pow(10, exponent))
        }
        for value in values {
            for decimals in [-1, 0, 1, 2, 3, 6, 12] {
                let plain = fixed(value, decimals: decimals)
                XCTAssertEqual(NumberText.fixed(value, decimals: decimals), plain, "\(value) to \(decimals)")
                XCTAssertEqual(NumberText.fixed(value, decimals: decimals, trimmingZeros: true), NumberText.trimmed(plain),
                               "\(value) to \(decimals), trimmed")
            }
            XCTAssertEqual(NumberText.machine(value, point: UInt8(ascii: ",")),
                           NumberText.machine(value).replacingOccurrences(of: ".", with: ","), "\(value)")
        }
    }
}
