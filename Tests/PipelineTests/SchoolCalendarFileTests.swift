import Foundation
import Pipeline
import SaksgangCore
import TestSupport
import XCTest

final class SchoolCalendarFileTests: XCTestCase {
    private var directory: URL!

    override func setUp() {
        directory = RepoPaths.temporaryDirectory("saksgang-calendars")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func d(_ s: String) -> LocalDate {
        let p = s.split(separator: "-").map { Int($0)! }
        return LocalDate(year: p[0], month: p[1], day: p[2])!
    }

    private let good = """
        municipality: "0301"
        school_year: "2024-2025"
        terms:
          - { first_day: 2024-08-19, last_day: 2024-12-20 }
          - { first_day: 2025-01-03, last_day: 2025-06-20 }
        holidays:
          - { name: høstferie, from: 2024-09-30, to: 2024-10-04 }
          - { name: planleggingsdag, from: 2024-11-15 }

        """

    @discardableResult
    private func write(_ text: String, as name: String = "0301-2024-2025.yml") throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testAGoodFile() throws {
        let path = try write(good)
        let c = try SchoolCalendarFiles.load(file: path)
        XCTAssertEqual(c.municipality, "0301")
        XCTAssertEqual(c.schoolYear, SchoolYear(startYear: 2024))
        XCTAssertEqual(c.terms, [d("2024-08-19")...d("2024-12-20"), d("2025-01-03")...d("2025-06-20")])
        XCTAssertEqual(c.holidays.map(\.name), ["høstferie", "planleggingsdag"])
        XCTAssertEqual(c.holidays[1].dates, d("2024-11-15")...d("2024-11-15"), "a day without `to`")
        // Unquoted, the kommunenummer keeps its leading zero too: the text is read as written.
        try write(good.replacingOccurrences(of: "\"0301\"", with: "0301"))
        let all = try SchoolCalendarFiles.load(directory: directory.path)
        XCTAssertEqual(all.calendars.map(\.municipality), ["0301"])
        XCTAssertEqual(all.schoolDays(municipality: "0301", from: d("2024-09-27"), to: d("2024-10-07")), 1)
        XCTAssertEqual(all.schoolDays(municipality: "0301", from: d("2024-11-14"), to: d("2024-11-18")), 1)
    }

    /// Each mistake names the file, the field and (where the YAML has it) the line.
    func testErrorsNameFileFieldAndLine() throws {
        let cases: [(name: String, text: String, field: String?, line: Int?)] = [
            ("4601-2024-2025.yml", good, "municipality", nil),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: "\"0301\"", with: "\"301\""), "municipality", 1),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: "\"2024-2025\"", with: "\"2024-2026\""), "school_year", 2),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: "2024-08-19", with: "2024-08-32"), "terms[0].first_day", 4),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: "2024-08-19", with: "19.08.2024"), "terms[0].first_day", 4),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: "2024-08-19", with: "2024-07-19"), "terms[0]", 4),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: "2025-01-03", with: "2024-12-02"), "terms[1]", 5),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: "last_day: 2025-06-20", with: "last_day: 2024-12-31"), "terms[1].last_day", 5),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: "to: 2024-10-04", with: "to: 2024-09-27"), "holidays[0].to", 7),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: "from: 2024-11-15", with: "from: 2025-08-01"), "holidays[1]", 8),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: "name: planleggingsdag, ", with: ""), "holidays[1].name", 8),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: "holidays:", with: "holiday:"), "holiday", 6),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: ", last_day: 2024-12-20", with: ", last: 2024-12-20"), "terms[0].last", 4),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: "terms:", with: "termer:"), "termer", 3),
            ("0301-2024-2025.yml", good.replacingOccurrences(of: "  - { first_day: 2025", with: "  - { first_day: [2025"), nil, 0),
            ("0301-2024-2025.yml", good + "terms: []\n", nil, 0),
        ]
        for c in cases {
            try? FileManager.default.removeItem(at: directory)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = try write(c.text, as: c.name)
            XCTAssertThrowsError(try SchoolCalendarFiles.load(directory: directory.path), "\(c.field ?? "yaml")") { error in
                guard let e = error as? SaksgangError else { return XCTFail("\(error)") }
                XCTAssertEqual(e.code, .configuration)
                XCTAssertEqual(e.location.file, path, "\(e)")
                if let field = c.field { XCTAssertEqual(e.location.field, field, "\(e)") }
                // 0: somewhere (a YAML syntax error is found where the parser gives up).
                if c.line == 0 { XCTAssertNotNil(e.location.line, "\(e)") } else { XCTAssertEqual(e.location.line, c.line, "\(e)") }
                if let line = c.line, line > 0 { XCTAssertTrue(e.message.contains("line \(line), column "), "\(e)") }
            }
        }
    }

    func testAMisnamedOrDuplicateFileIsAnError() throws {
        try write(good)
        try write(good, as: "0301-2024-2025.yaml")
        XCTAssertThrowsError(try SchoolCalendarFiles.load(directory: directory.path)) { error in
            XCTAssertEqual((error as? SaksgangError)?.location.field, "school_year", "\(error)")
        }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("0301-2024-2025.yaml"))
        try write(good, as: "oslo.yml")
        XCTAssertThrowsError(try SchoolCalendarFiles.load(directory: directory.path)) { error in
            XCTAssertEqual((error as? SaksgangError)?.location.file?.hasSuffix("oslo.yml"), true, "\(error)")
        }
        // Other files are left alone.
        try FileManager.default.removeItem(at: directory.appendingPathComponent("oslo.yml"))
        try "notes".write(to: directory.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try SchoolCalendarFiles.load(directory: directory.path).calendars.count, 1)
    }

    /// The pipeline file's `calendars` key, relative to the pipeline file; absent means none.
    func testThePipelineLoadsItsCalendars() throws {
        let calendars = directory.appendingPathComponent("calendars")
        try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
        try good.write(to: calendars.appendingPathComponent("0301-2024-2025.yml"), atomically: true, encoding: .utf8)
        let base = "name: t\ninput: in\noutput: out\nstate: state\nkey: k.key\nmappings: []\n"
        let with = directory.appendingPathComponent("with.yml"), without = directory.appendingPathComponent("without.yml")
        let wrong = directory.appendingPathComponent("wrong.yml")
        try (base + "calendars: \"calendars\"\n").write(to: with, atomically: true, encoding: .utf8)
        try base.write(to: without, atomically: true, encoding: .utf8)
        try (base + "calendars: \"kalendere\"\n").write(to: wrong, atomically: true, encoding: .utf8)

        let loaded = try LoadedPipeline.load(path: with.path)
        XCTAssertEqual(loaded.config.calendars, "calendars")
        XCTAssertEqual(loaded.schoolCalendars.calendars.count, 1)
        XCTAssertEqual(loaded.schoolCalendars.schoolDays(municipality: "0301", from: d("2024-09-27"), to: d("2024-10-07")), 1)
        XCTAssertTrue(try LoadedPipeline.load(path: without.path).schoolCalendars.isEmpty)
        XCTAssertThrowsError(try LoadedPipeline.load(path: wrong.path)) { error in
            XCTAssertEqual((error as? SaksgangError)?.location.field, "calendars", "\(error)")
        }
    }

    /// The bundled calendars cover every municipality of the demo, test and generated data
    /// for the school years they touch.
    func testTheBundledCalendarsCoverTheData() throws {
        let loaded = try LoadedPipeline.load(path: RepoPaths.pipelines.appendingPathComponent("demo.yml").path)
        let c = loaded.schoolCalendars
        XCTAssertEqual(c.municipalities, ["0301", "1103", "1804", "4601", "5001", "5501", "5610"])
        for m in c.municipalities {
            XCTAssertNotNil(c.schoolDays(municipality: m, from: d("2023-08-01"), to: d("2026-07-31")), m)
            // Each year has 180–195 school days (the Norwegian norm is 190).
            for year in 2023...2025 {
                let y = SchoolYear(startYear: year)
                let n = try XCTUnwrap(c.schoolDays(municipality: m, from: y.firstDay, to: y.lastDay))
                XCTAssertTrue((180...195).contains(n), "\(m) \(y): \(n) school days")
            }
        }
        XCTAssertEqual(c.missing, [])
    }
}
