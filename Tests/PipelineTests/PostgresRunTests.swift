import Foundation
import Pipeline
import SaksgangCore
import Store
import TestSupport
import XCTest

/// Whole nights on a PostgreSQL store (`SAKSGANG_TEST_POSTGRES_URL`; skipped without it,
/// failing under CI), each in a database of its own: the same reports as on SQLite, one run
/// at a time per database whichever machine starts it, and a killed run that resumes to the
/// uninterrupted reports.
final class PostgresRunTests: XCTestCase {
    override class func tearDown() {
        GeneratedNightTests.cleanUp()
        super.tearDown()
    }

    static let reportNames = ["tables.json", "tables.csv", "report.html", "tabeller-excel.csv", "manifest.json", "internal/quarantine.jsonl"]

    private func assertSameReports(_ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for name in Self.reportNames {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a + "/" + name)),
                           try Data(contentsOf: URL(fileURLWithPath: b + "/" + name)), name, file: file, line: line)
        }
    }

    func testTheDemoGivesByteIdenticalReportsOnPostgreSQLAndSQLite() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        let pgOutput = run.root.appendingPathComponent("pg-out").path
        let pgState = run.root.appendingPathComponent("pg-state").path
        let outcome = try run.run(output: pgOutput, state: pgState, store: database.url)
        XCTAssertEqual(outcome.casesInStore, 88)
        try assertSameReports(run.output, pgOutput)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pgState + "/" + SQLiteStore.fileName), "no SQLite file beside")
        // A second night with nothing new skips every file, from the database's records.
        let again = try run.run(output: pgOutput, state: pgState, store: database.url)
        XCTAssertTrue(again.files.allSatisfy { $0.status == .skipped })
        try assertSameReports(run.output, pgOutput)
    }

    /// 10,000 generated cases (both export formats, repeat cases, updates): the same bytes.
    func testAGeneratedNightGivesByteIdenticalReportsOnPostgreSQLAndSQLite() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let night = try GeneratedNightTests.night()
        let root = RepoPaths.temporaryDirectory("saksgang-pg-night")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out").path
        let outcome = try night.run.run(output: output, state: root.appendingPathComponent("state").path, store: database.url,
                                        logLevel: .info)
        XCTAssertEqual(outcome.casesInStore, night.outcome.casesInStore)
        try assertSameReports(night.run.output, output)
    }

    /// Two machines (two state folders) on one database: while one run holds the database's
    /// advisory lock, the other is refused with the lock error, and runs once it is free.
    func testASecondRunOnTheSameDatabaseIsRefused() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let run = try DemoRun()
        defer { run.remove() }
        var held: PostgresStore? = try PostgresStore(XCTUnwrap(PostgresAddress(database.url)), forRun: true)
        XCTAssertThrowsError(try run.run(store: database.url)) { error in
            XCTAssertEqual((error as? SaksgangError)?.code, .lockHeld)
            XCTAssertTrue("\(error)".contains("another saksgang run"), "\(error)")
        }
        XCTAssertNotNil(held)
        held = nil
        // The server frees a closed session's lock a moment later.
        var outcome: NightlyRun.Outcome?
        for _ in 0..<50 where outcome == nil {
            do { outcome = try run.run(store: database.url) } catch let e as SaksgangError where e.code == .lockHeld {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        XCTAssertEqual(outcome?.casesInStore, 88, "runs once the lock is free")
    }

    /// `kill -9` during ingestion, then a complete run: the reports of an uninterrupted run.
    func testKilledRunsResumeToTheUninterruptedReports() throws {
        let saksgang = try SaksgangExecutable()
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let night = try GeneratedNightTests.night()
        let root = RepoPaths.temporaryDirectory("saksgang-pg-crash")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out").path
        let arguments = ["run", RepoPaths.pipelines.appendingPathComponent("demo.yml").path, "--input", night.exports.path,
                         "--output", output, "--state", root.appendingPathComponent("state").path, "--key", night.run.keyPath,
                         "--store", database.url, "--wait", "--quiet"]
        var killed = 0
        for delay in [0.5, 1.5] {
            if try saksgang.kill(arguments, after: delay) { killed += 1 }
        }
        XCTAssertGreaterThan(killed, 0, "no run was killed: the test proved nothing")
        XCTAssertEqual(try saksgang.run(arguments), 0)
        for name in ["tables.json", "tables.csv", "report.html", "tabeller-excel.csv"] {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: output + "/" + name)),
                           try Data(contentsOf: URL(fileURLWithPath: night.run.output + "/" + name)), name)
        }
    }
}
