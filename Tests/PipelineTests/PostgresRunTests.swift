import Foundation
import Logging
import Pipeline
import Pseudonymize
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

    /// `key rotate` on a PostgreSQL store: the store is rebuilt from the archived exports under
    /// the new key in a schema of its own and swapped in by one transaction; the old tables are
    /// kept in the retired schema; the reports are the same; the old key is refused afterwards.
    func testKeyRotationRebuildsThePostgreSQLStoreUnderTheNewKey() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let address = try XCTUnwrap(PostgresAddress(database.url))
        let run = try DemoRun()
        defer { run.remove() }
        try run.run(store: database.url)
        let before = try Data(contentsOf: URL(fileURLWithPath: run.output + "/tables.json"))
        let oldID = try PseudonymKey(contentsOfFile: run.keyPath).id
        var oldIDs = Set<Pseudonym>()
        try PostgresStore(address).forEachCase { oldIDs.insert($0.id) }
        XCTAssertEqual(oldIDs.count, 88)

        let newKeyPath = run.root.appendingPathComponent("new.key").path
        let newKey = try PseudonymKey.create(atPath: newKeyPath)
        let pipeline = try LoadedPipeline.load(
            path: RepoPaths.pipelines.appendingPathComponent("demo.yml").path,
            overrides: .init(input: run.input, output: run.output, state: run.state, key: run.keyPath, store: database.url))
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let rotation = KeyRotation(pipeline: pipeline, newKeyPath: newKeyPath, archive: nil, logger: logger, programVersion: "test")

        // While another run holds the database's lock, rotation stops and changes nothing.
        var held: PostgresStore? = try PostgresStore(address, forRun: true)
        XCTAssertThrowsError(try rotation.run()) { XCTAssertEqual(($0 as? SaksgangError)?.code, .lockHeld) }
        XCTAssertNotNil(held)
        held = nil
        XCTAssertEqual(try PostgresStore(address).recordedKeyID(), oldID)

        // A rebuild that fails (no archive) leaves the live store as it was, and no rebuild schema.
        let missing = KeyRotation(pipeline: pipeline, newKeyPath: newKeyPath, archive: run.root.appendingPathComponent("none").path,
                                  logger: logger, programVersion: "test")
        var failure: SaksgangError?
        for _ in 0..<50 {
            do { _ = try missing.run(); break } catch where error.code == .lockHeld {
                Thread.sleep(forTimeInterval: 0.1)  // the server frees a closed session's lock a moment later
            } catch { failure = error; break }
        }
        XCTAssertEqual(failure?.code, .configuration, "\(String(describing: failure))")
        XCTAssertEqual(try PostgresStore(address).recordedKeyID(), oldID)
        XCTAssertEqual(try PostgresStore(address).caseCount(), 88)
        try assertNoSchema(KeyRotation.rebuildSchema(newKeyID: newKey.id), in: database)

        let outcome = try rotation.run()
        XCTAssertEqual(outcome.oldKeyID, oldID)
        XCTAssertEqual(outcome.newKeyID, newKey.id)
        XCTAssertEqual(outcome.rebuild.casesInStore, 88)
        XCTAssertEqual(outcome.retiredSchema, "saksgang_retired_" + oldID)
        let retiredState = try XCTUnwrap(outcome.retiredState)
        XCTAssertTrue(FileManager.default.fileExists(atPath: retiredState))
        try assertNoSchema(KeyRotation.rebuildSchema(newKeyID: newKey.id), in: database)

        // The live store: the new key's id and 88 cases, none under an old pseudonym.
        let store = try PostgresStore(address)
        XCTAssertEqual(try store.recordedKeyID(), newKey.id)
        var newIDs = Set<Pseudonym>()
        try store.forEachCase { newIDs.insert($0.id) }
        XCTAssertEqual(newIDs.count, 88)
        XCTAssertTrue(newIDs.isDisjoint(with: oldIDs))
        XCTAssertEqual(try store.ingestedFiles().count, 5)
        // The retired schema: the old store whole.
        let retired = try PostgresStore(address, schema: try XCTUnwrap(outcome.retiredSchema))
        XCTAssertEqual(try retired.recordedKeyID(), oldID)
        var retiredIDs = Set<Pseudonym>()
        try retired.forEachCase { retiredIDs.insert($0.id) }
        XCTAssertEqual(retiredIDs, oldIDs)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: run.output + "/tables.json")), before)

        // The nightly run with the old key is now refused; with the new key every file is
        // known and the reports are the same.
        XCTAssertThrowsError(try run.run(store: database.url)) { XCTAssertEqual(($0 as? SaksgangError)?.code, .key) }
        let again = try DemoRun(root: run.root, keyPath: newKeyPath, input: run.input).run(store: database.url)
        XCTAssertEqual(again.casesInStore, 88)
        XCTAssertTrue(again.files.allSatisfy { $0.status == .skipped })
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: run.output + "/tables.json")), before)
    }

    private func assertNoSchema(_ name: String, in database: PostgresTestDatabase, line: UInt = #line) throws {
        XCTAssertNoThrow(try PostgresTestDatabase.execute("""
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '\(name)') THEN
            RAISE EXCEPTION 'schema left behind'; END IF; END $$
            """, on: database.url), "schema \(name) left behind", line: line)
    }
}
