import Foundation
import Measure
@testable import Publish
import XCTest

/// The files beside the tables: the JSON Schema and the codebook, generated from the model;
/// the CSV's columns typed as R, pandas and DuckDB read them; the Excel file's labels.
final class ResearcherFilesTests: XCTestCase {
    func testTablesJSONValidatesAgainstItsSchema() throws {
        let report = try WrittenReport(FortySchoolsReport.content())
        defer { report.remove() }
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: try report.data(TablesSchema.fileName)) as? [String: Any])
        let tables = try JSONSerialization.jsonObject(with: try report.data(TablesJSON.fileName))
        let check = JSONSchemaCheck(root: schema)
        XCTAssertEqual(check.validate(tables), [])
        // The check bites: a wrong metric, a string count and an extra key are errors.
        var broken = try XCTUnwrap(tables as? [String: Any])
        var rows = try XCTUnwrap(broken["rows"] as? [[String: Any]])
        rows[0]["metric"] = "no_such_metric"
        rows[0]["n"] = "12"
        rows[0]["extra"] = 1
        broken["rows"] = rows
        XCTAssertEqual(check.validate(broken).count, 3)
    }

    func testCodebookCoversEveryNameInTheTables() throws {
        let content = FortySchoolsReport.content()
        let report = try WrittenReport(content)
        defer { report.remove() }
        let codebook = try report.text(Codebook.fileName)
        struct Tables: Decodable { var rows: [Figure] }
        let rows = try JSONDecoder().decode(Tables.self, from: try report.data(TablesJSON.fileName)).rows
        XCTAssertFalse(rows.isEmpty)
        for field in TablesCSV.header { XCTAssertTrue(codebook.contains("`\(field)`"), field) }
        for row in rows {
            XCTAssertTrue(codebook.contains("`\(row.metric.name)`"), row.metric.name)
            XCTAssertTrue(codebook.contains("`\(row.statistic.rawValue)`"), row.statistic.rawValue)
            XCTAssertTrue(codebook.contains("`\(row.unit.rawValue)`"), row.unit.rawValue)
            XCTAssertTrue(codebook.contains("### `\(row.grouping)`"), row.grouping)
            if let category = row.category { XCTAssertTrue(codebook.contains("`\(category)`"), category) }
            if let test = row.comparison?.test { XCTAssertTrue(codebook.contains("`\(test)`"), test) }
            if Codebook.openGroups[row.grouping] == nil {
                XCTAssertTrue(codebook.contains("`\(row.group)`"), "\(row.grouping) \(row.group)")
            }
        }
        for phrase in ["withheld", "not computable", "open upper bound"] { XCTAssertTrue(codebook.contains(phrase), phrase) }
        // Every code of the model, not only those in tonight's rows.
        for metric in Metric.catalogue + Metric.dataQuality {
            XCTAssertTrue(codebook.contains("`\(metric.name)`"), metric.name)
            for c in metric.categories { XCTAssertTrue(codebook.contains("`\(c.code)`"), c.code) }
        }
    }

    /// R's read.csv, pandas and DuckDB infer a column's type from all its values: a numeric
    /// column must hold only numbers or empty fields, a logical one only true/false or empty.
    func testEveryCSVColumnHasOneType() throws {
        let report = try WrittenReport(FortySchoolsReport.content())
        defer { report.remove() }
        let data = try report.data(TablesCSV.fileName)
        let records = try RFC4180.parse(String(decoding: data.dropFirst(3), as: UTF8.self), separator: ",")
        let header = records[0]
        let integers: Set<String> = ["n", "reference_n"]
        let numbers: Set<String> = ["estimate", "ci_low", "ci_high", "p_value", "p_adjusted"]
        let logicals: Set<String> = ["suppressed", "flag"]
        let number = try NSRegularExpression(pattern: "^-?[0-9]+(\\.[0-9]+)?(e-?[0-9]+)?$")
        for record in records.dropFirst() where record.count > 1 {
            for (name, value) in zip(header, record) where !value.isEmpty {
                if integers.contains(name) { XCTAssertNotNil(Int(value), "\(name)=\(value)") }
                if numbers.contains(name) {
                    XCTAssertEqual(number.numberOfMatches(in: value, range: NSRange(value.startIndex..., in: value)), 1, "\(name)=\(value)")
                    XCTAssertNotNil(Double(value))
                }
                if logicals.contains(name) { XCTAssertTrue(value == "true" || value == "false", "\(name)=\(value)") }
            }
        }
        // Text columns never look like one number in every row (then a reader would type them numeric and drop codes).
        for name in ["group", "category"] {
            let i = header.firstIndex(of: name)!
            let values = records.dropFirst().filter { $0.count > i }.map { $0[i] }.filter { !$0.isEmpty }
            XCTAssertTrue(values.contains { Double($0) == nil }, name)
        }
    }

    func testExcelFileHasBokmalLabelsBesideCodesAndSharesInPercent() throws {
        let report = try WrittenReport(FortySchoolsReport.content())
        defer { report.remove() }
        let data = try report.data(ExcelTablesCSV.fileName)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let records = try RFC4180.parse(String(decoding: data.dropFirst(3), as: UTF8.self), separator: ";")
        let column = Dictionary(uniqueKeysWithValues: records[0].enumerated().map { ($1, $0) })
        let row = try XCTUnwrap(records.first { $0.count > 5 && $0[column["Måltall (kode)"]!] == "ethnicity_based"
            && $0[column["Gruppering (kode)"]!] == "immigrant_background" && $0[column["Gruppe (kode)"]!] == "immigrant" })
        XCTAssertEqual(row[column["Måltall"]!], "Etnisk baserte saker")
        XCTAssertEqual(row[column["Gruppering"]!], "Innvandringsbakgrunn")
        XCTAssertEqual(row[column["Gruppe"]!], "Innvandrere")
        XCTAssertEqual(row[column["Enhet"]!], "prosent")
        let estimate = try XCTUnwrap(Double(row[column["Estimat"]!].replacingOccurrences(of: ",", with: ".")))
        XCTAssertGreaterThan(estimate, 1, "a share in per cent")
        let school = try XCTUnwrap(records.first { $0.count > 5 && $0[column["Gruppering (kode)"]!] == "school" })
        XCTAssertTrue(school[column["Gruppe"]!].hasSuffix("skole"), "schools by name beside the orgnr")
        let difference = try XCTUnwrap(records.first { $0.count > 5 && $0[column["Statistikk (kode)"]!] == "difference" })
        XCTAssertEqual(difference[column["Enhet"]!], "prosentpoeng")
        XCTAssertEqual(difference[column["Estimat"]!], "-12")
    }
}
