import Foundation
import Generate
import Pipeline
import Publish
import SaksgangCore
import TestSupport
import XCTest

/// The research extract of generated data, end to end: generate exports, run the demo
/// pipeline under the committed synthetic fixture key, write the extract. It is k-anonymous,
/// holds no personal value, no date and no school, reconciles with the store, and equals the
/// committed fixture that pycanon checked (Fixtures/extract; make_fixture.sh makes it the same
/// way, check_kanonymity.py writes pycanon_result.json).
final class ResearchExtractTests: XCTestCase {
    static let fixtures = RepoPaths.fixtures.appendingPathComponent("extract")
    static let cases = 1500
    static let seed: UInt64 = 20251128

    struct Extract {
        let root: URL
        let exports: URL
        let run: DemoRun
        let outcome: NightlyRun.Outcome
        let summary: ResearchExtractRun.Summary
        let csv: URL
        let truth: [String: Any]
        let threshold: Int
        var check: URL { root.appendingPathComponent("extract.kanonymity.json") }
        var codebook: URL { root.appendingPathComponent("extract.codebook.md") }
    }

    nonisolated(unsafe) static var shared: Extract?

    static func extract() throws -> Extract {
        if let shared { return shared }
        let root = RepoPaths.temporaryDirectory("saksgang-extract")
        let exports = root.appendingPathComponent("exports")
        _ = try ExportGenerator(options: GeneratorOptions(cases: cases, seed: seed, outputDirectory: exports)).run()
        // The committed synthetic key, copied to a file only the owner can read (the pipeline
        // refuses any other).
        let key = root.appendingPathComponent("fixture.key")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("fixture-key.hex"), to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        let run = try DemoRun(input: exports.path, keyPath: key.path)
        let outcome = try run.run(logLevel: .info)
        let pipeline = try LoadedPipeline.load(path: RepoPaths.pipelines.appendingPathComponent("demo.yml").path,
                                               overrides: .init(state: run.state))
        let csv = root.appendingPathComponent("extract.csv")
        let summary = try ResearchExtractRun(pipeline: pipeline).write(to: csv.path)
        let truth = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: exports.appendingPathComponent("truth.json"))) as? [String: Any])
        let e = Extract(root: root, exports: exports, run: run, outcome: outcome, summary: summary, csv: csv, truth: truth,
                        threshold: pipeline.threshold)
        shared = e
        return e
    }

    override class func tearDown() {
        if let shared {
            shared.run.remove()
            try? FileManager.default.removeItem(at: shared.root)
        }
        shared = nil
        super.tearDown()
    }

    /// The header and rows (no field of the extract needs quoting: codes, numbers, pseudonyms).
    static func table(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertFalse(text.contains("\""), "a quoted field")
        XCTAssertFalse(text.hasPrefix("\u{FEFF}"), "a byte-order mark")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.last, "", "the last line ends with a line break")
        lines.removeLast()
        let header = lines.removeFirst().components(separatedBy: ",")
        let rows = lines.map { $0.components(separatedBy: ",") }
        for row in rows { XCTAssertEqual(row.count, header.count) }
        return (header, rows)
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    func testEveryQuasiIdentifierCombinationHoldsAtLeastK() throws {
        let e = try Self.extract()
        let (header, rows) = try Self.table(e.csv)
        let check = try Self.json(e.check)
        let k = try XCTUnwrap(check["k"] as? Int)
        XCTAssertEqual(k, e.threshold)
        let qis = try XCTUnwrap(check["quasi_identifier_columns"] as? [String])
        XCTAssertEqual(qis, ["municipality", "school_year", "term", "grade_band", "gender", "immigrant_background", "sami",
                             "national_minority", "country_region"])
        let columns = qis.map { header.firstIndex(of: $0)! }
        var classes: [[String]: Int] = [:]
        for row in rows { classes[columns.map { row[$0] }, default: 0] += 1 }
        XCTAssertGreaterThanOrEqual(classes.values.min() ?? 0, k)
        XCTAssertEqual(check["equivalence_classes"] as? Int, classes.count)
        XCTAssertEqual(check["smallest_class"] as? Int, classes.values.min())
        XCTAssertEqual(check["k_anonymous"] as? Bool, true)
        // No country, only regions and groups.
        let region = header.firstIndex(of: "country_region")!
        for row in rows { XCTAssertNotEqual(row[region].count, 2, "a country code") }
    }

    func testEveryCaseIsARowOrCountedAsSuppressed() throws {
        let e = try Self.extract()
        let (header, rows) = try Self.table(e.csv)
        let check = try Self.json(e.check)
        XCTAssertTrue(e.outcome.allStored)
        XCTAssertEqual(e.summary.cases, e.outcome.casesInStore)
        XCTAssertEqual(rows.count + e.summary.recordsSuppressed, e.outcome.casesInStore)
        XCTAssertEqual(check["cases"] as? Int, e.outcome.casesInStore)
        XCTAssertEqual(check["rows"] as? Int, rows.count)
        XCTAssertEqual(check["reconciles"] as? Bool, true)
        let ids = rows.map { $0[header.firstIndex(of: "case_id")!] }
        XCTAssertEqual(Set(ids).count, rows.count, "a case twice")
        XCTAssertEqual(ids, ids.sorted(), "rows in pseudonym order, not school order")
        // Open cases: no closure, a follow-up time; durations never beyond what a clock allows.
        let open = header.firstIndex(of: "open")!, closure = header.firstIndex(of: "time_to_closure_days")!
        let followUp = header.firstIndex(of: "follow_up_days")!, problem = header.firstIndex(of: "clock_problem")!
        for row in rows where row[problem].isEmpty {
            XCTAssertTrue(["TRUE", "FALSE"].contains(row[open]))
            XCTAssertFalse(row[followUp].isEmpty)
            if row[open] == "TRUE" { XCTAssertEqual(row[closure], "") } else { XCTAssertEqual(row[closure], row[followUp]) }
        }
        XCTAssertTrue(rows.contains { $0[open] == "TRUE" } && rows.contains { $0[open] == "FALSE" })
    }

    func testTheExtractHoldsNoPersonalValueNoSchoolAndNoDate() throws {
        let e = try Self.extract()
        let files = [e.csv.path, e.check.path, e.codebook.path]
        let values = try XCTUnwrap(e.truth["personal_values"] as? [String])
        XCTAssertGreaterThan(values.count, 5_000)
        let hits = try LeakScanner(values: values).scan(files)
        XCTAssertEqual(hits.count, 0, "personal values leaked: \(hits.prefix(10))")
        // Schools are public, but the extract names none: no organisation number, no school name.
        let schools = (e.truth["municipalities"] as? [[String: Any]] ?? []).flatMap { ($0["schools"] as? [[String: Any]]) ?? [] }
        let orgnrs = schools.compactMap { $0["orgnr"] as? String }, names = schools.compactMap { $0["name"] as? String }
        XCTAssertFalse(orgnrs.isEmpty)
        XCTAssertEqual(try LeakScanner(values: orgnrs + names).scan(files).count, 0, "a school is named")
        // No dates or times in any form the exports or the model use (pseudonyms aside: base32
        // may hold a run of digits).
        let (header, rows) = try Self.table(e.csv)
        let patterns = [#"\d{4}-\d{2}-\d{2}"#, #"\d{1,2}\.\d{1,2}\.\d{4}"#, #"\d{2}:\d{2}"#, #"\d{5,}"#, #"\d/\d"#]
        let checked = header.indices.filter { !header[$0].hasSuffix("_id") }
        for row in rows {
            for i in checked where row[i].contains(where: \.isNumber) && row[i].count > 4 {
                for pattern in patterns {
                    XCTAssertNil(row[i].range(of: pattern, options: .regularExpression), "a date-like value in \(header[i])")
                }
            }
        }
        XCTAssertFalse(header.contains { $0.contains("date") || $0.contains("school") && $0 != "school_year" || $0.contains("orgnr") })
    }

    /// The committed fixture is what the current code makes from the same generated data, and
    /// pycanon's committed verdict is about exactly these bytes.
    func testTheCommittedExtractIsCurrentAndPycanonFoundItKAnonymous() throws {
        let e = try Self.extract()
        for name in ["extract.csv", "extract.kanonymity.json", "extract.codebook.md"] {
            let made = try Data(contentsOf: e.root.appendingPathComponent(name))
            let committed = try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
            XCTAssertTrue(made == committed, "\(name) is stale: run sh Fixtures/extract/make_fixture.sh, then check_kanonymity.py")
        }
        let pycanon = try Self.json(Self.fixtures.appendingPathComponent("pycanon_result.json"))
        let committed = try Data(contentsOf: Self.fixtures.appendingPathComponent("extract.csv"))
        XCTAssertEqual(pycanon["extract_sha256"] as? String, FileHash.sha256(data: committed),
                       "pycanon_result.json is about another extract: run check_kanonymity.py")
        let k = try XCTUnwrap(pycanon["k"] as? Int)
        XCTAssertGreaterThanOrEqual(k, e.threshold)
        XCTAssertEqual(pycanon["k_required"] as? Int, e.threshold)
        XCTAssertEqual(pycanon["k_anonymous"] as? Bool, true)
        XCTAssertEqual(pycanon["agrees_with_saksgang_check"] as? Bool, true)
        let check = try Self.json(Self.fixtures.appendingPathComponent("extract.kanonymity.json"))
        XCTAssertEqual(pycanon["quasi_identifiers"] as? [String], check["quasi_identifier_columns"] as? [String])
        XCTAssertEqual(pycanon["rows"] as? Int, check["rows"] as? Int)
    }

    func testTheCommandRefusesAStateFolderWithoutAStore() throws {
        let root = RepoPaths.temporaryDirectory("saksgang-extract-empty")
        defer { try? FileManager.default.removeItem(at: root) }
        let pipeline = try LoadedPipeline.load(path: RepoPaths.pipelines.appendingPathComponent("demo.yml").path,
                                               overrides: .init(state: root.path))
        XCTAssertThrowsError(try ResearchExtractRun(pipeline: pipeline).write(to: root.appendingPathComponent("x.csv").path)) {
            XCTAssertEqual(($0 as? SaksgangError)?.code, .configuration)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("store.sqlite").path), "a store was created")
    }
}
