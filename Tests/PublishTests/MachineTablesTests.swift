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
}
