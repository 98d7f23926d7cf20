import Foundation
import Pipeline
import TestSupport
import XCTest

/// What the operator relies on between nights: the monitoring file, reports that repair
/// themselves, and a file changed in place being read again.
final class NightlyOperationTests: XCTestCase {
    func testMetricsFileCountsTheRun() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        let text = try String(contentsOfFile: run.state + "/saksgang.prom", encoding: .utf8)
        XCTAssertTrue(text.contains("saksgang_files{pipeline=\"demo\",status=\"ingested\"} 5"), text)
        XCTAssertTrue(text.contains("saksgang_records{pipeline=\"demo\"} 89"), text)
        XCTAssertTrue(text.contains("saksgang_quarantined_records{pipeline=\"demo\"} 0"), text)
        XCTAssertTrue(text.contains("saksgang_cases{pipeline=\"demo\"} 88"), text)
        XCTAssertTrue(text.contains("# TYPE saksgang_last_success_timestamp_seconds gauge"))
        try run.run()
        let again = try String(contentsOfFile: run.state + "/saksgang.prom", encoding: .utf8)
        XCTAssertTrue(again.contains("saksgang_files{pipeline=\"demo\",status=\"skipped\"} 5"), again)
    }

    /// Nothing new, but a report was removed or damaged: the reports are written again,
    /// the same bytes as before.
    func testDamagedReportsAreRebuiltOnANightWithNothingNew() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        let html = run.output + "/report.html"
        let tables = run.output + "/tables.json"
        let original = try Data(contentsOf: URL(fileURLWithPath: tables))
        try FileManager.default.removeItem(atPath: html)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: tables))
        let outcome = try run.run()
        XCTAssertTrue(outcome.files.allSatisfy { $0.status == .skipped })
        XCTAssertTrue(FileManager.default.fileExists(atPath: html))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: tables)), original)
    }

    /// A vendor re-sends a file under the same name with new content: it is hashed again
    /// (not trusted from the index) and ingested; the unchanged files are skipped.
    func testAFileChangedInPlaceIsReadAgain() throws {
        let input = RepoPaths.temporaryDirectory("saksgang-input")
        defer { try? FileManager.default.removeItem(at: input) }
        let demo = RepoPaths.fixtures.appendingPathComponent("demo")
        for name in try FileManager.default.contentsOfDirectory(atPath: demo.path) {
            try FileManager.default.copyItem(at: demo.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        let run = try DemoRun(input: input.path)
        defer { run.remove() }
        try run.run()
        // The later SMC delta again, with one more character in a school name.
        let path = input.appendingPathComponent("smc_5001_20250620.csv").path
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let name = Array("Lademoen skole".utf8)
        let at = try XCTUnwrap(bytes.range(of: Data(name)))
        bytes.replaceSubrange(at, with: Data("Lademoen skole2".utf8))
        try bytes.write(to: URL(fileURLWithPath: path))
        let outcome = try run.run()
        let changed = try XCTUnwrap(outcome.files.first { $0.name == "smc_5001_20250620.csv" })
        XCTAssertEqual(changed.status, .ingested)
        XCTAssertTrue(changed.reconciles)
        XCTAssertEqual(outcome.files.filter { $0.status == .skipped }.count, 4)
        XCTAssertEqual(outcome.casesInStore, 88, "a re-sent file updates, never duplicates")
    }
}
