import Foundation
@testable import Pipeline
import SaksgangCore
import Store
import TestSupport
import XCTest

/// `retention: { closed_cases_days: N }`: cases closed more than N days before the night's
/// as-of date leave the store and the reports, and the manifest says how many, the same
/// after a rerun (the count is kept in the store, not recounted).
final class RetentionTests: XCTestCase {
    /// A retention period that removes about half of the demo's closed cases, and how many.
    private func halfOfTheClosedCases(_ run: DemoRun) throws -> (days: Int, closedBefore: LocalDate, removed: Int) {
        let store = try SQLiteStore(path: run.state + "/" + SQLiteStore.fileName)
        let asOf = try XCTUnwrap(try store.latestExports().values.max()).localDate
        var closings: [LocalDate] = []
        try store.forEachCase { if let t = $0.closing?.time { closings.append(t.localDate) } }
        closings.sort()
        let middle = closings[closings.count / 2]
        let days = Int(asOf.daysSinceEpoch - middle.daysSinceEpoch)
        let closedBefore = asOf.adding(days: -days)
        return (days, closedBefore, closings.filter { $0 < closedBefore }.count)
    }

    /// A retention period that removes only the earliest closed cases (1 to 4 of them).
    private func theEarliestClosedCases(_ run: DemoRun) throws -> (days: Int, removed: Int) {
        let store = try SQLiteStore(path: run.state + "/" + SQLiteStore.fileName)
        let asOf = try XCTUnwrap(try store.latestExports().values.max()).localDate
        var closings: [LocalDate] = []
        try store.forEachCase { if let t = $0.closing?.time { closings.append(t.localDate) } }
        closings.sort()
        // The first closing day after the earliest: cases closed before it are removed.
        let cut = try XCTUnwrap(closings.first { $0 > closings[0] })
        let days = Int(asOf.daysSinceEpoch - cut.daysSinceEpoch)
        return (days, closings.filter { $0 < cut }.count)
    }

    private func manifest(_ directory: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/manifest.json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testClosedCasesPastTheRetentionPeriodAreRemovedAndCounted() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        XCTAssertNil(try manifest(run.output)["retention"], "no retention key without a retention period")
        let expected = try halfOfTheClosedCases(run)
        XCTAssertGreaterThan(expected.removed, 0)

        let output = run.root.appendingPathComponent("kept-out").path
        let state = run.root.appendingPathComponent("kept-state").path
        let outcome = try run.run(output: output, state: state, retentionDays: expected.days)
        XCTAssertEqual(outcome.casesInStore, 88 - expected.removed)
        XCTAssertEqual(try SQLiteStore(path: state + "/" + SQLiteStore.fileName).caseCount(), 88 - expected.removed)
        let retention = try XCTUnwrap(try manifest(output)["retention"] as? [String: Any])
        XCTAssertEqual(retention["removed_cases"] as? Int, expected.removed)
        XCTAssertEqual(retention["closed_cases_days"] as? Int, expected.days)
        XCTAssertEqual(retention["closed_before"] as? String, expected.closedBefore.description)

        // Run again with the reports forgotten (as after a kill between the removal and the
        // publishing): nothing more to remove, and the same manifest and reports, byte for byte.
        let first = try PostgresRunTests.reportNames.map { try Data(contentsOf: URL(fileURLWithPath: output + "/" + $0)) }
        try SQLiteStore(path: state + "/" + SQLiteStore.fileName).setRunState(.reportState, to: "")
        try run.run(output: output, state: state, retentionDays: expected.days)
        XCTAssertEqual(try PostgresRunTests.reportNames.map { try Data(contentsOf: URL(fileURLWithPath: output + "/" + $0)) }, first)
    }

    /// The count is a count of cases: from 1 to k−1 it is withheld (null), like a file's
    /// counts (docs/disclosure.md, "Files").
    func testASmallNumberOfRemovedCasesIsWithheld() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        let expected = try theEarliestClosedCases(run)
        XCTAssertTrue((1..<5).contains(expected.removed), "\(expected.removed)")
        let output = run.root.appendingPathComponent("kept-out").path
        let outcome = try run.run(output: output, state: run.root.appendingPathComponent("kept-state").path,
                                  retentionDays: expected.days)
        XCTAssertEqual(outcome.casesInStore, 88 - expected.removed)
        let retention = try XCTUnwrap(try manifest(output)["retention"] as? [String: Any])
        XCTAssertTrue(retention["removed_cases"] is NSNull, "\(retention)")
        XCTAssertEqual(retention["closed_cases_days"] as? Int, expected.days)
    }

    func testRetentionOnPostgreSQLGivesTheSameReportsAsOnSQLite() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        let expected = try halfOfTheClosedCases(run)
        let sqliteOutput = run.root.appendingPathComponent("sqlite-out").path
        try run.run(output: sqliteOutput, state: run.root.appendingPathComponent("sqlite-state").path, retentionDays: expected.days)
        let pgOutput = run.root.appendingPathComponent("pg-out").path
        let outcome = try run.run(output: pgOutput, state: run.root.appendingPathComponent("pg-state").path, store: database.url,
                                  retentionDays: expected.days)
        XCTAssertEqual(outcome.casesInStore, 88 - expected.removed)
        for name in PostgresRunTests.reportNames {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: sqliteOutput + "/" + name)),
                           try Data(contentsOf: URL(fileURLWithPath: pgOutput + "/" + name)), name)
        }
    }

    func testThePipelineFileNamesTheStoreAndTheRetentionPeriod() throws {
        let text = """
            name: pooled
            input: in
            output: out
            state: state
            key: k.key
            mappings: []
            store: "postgresql://saksgang@db.example:5432/saksgang"
            retention:
              closed_cases_days: 1825
            """
        XCTAssertEqual(PipelineFileCheck.problems(yaml: text, file: "p.yml"), [])
        let misspelt = text.replacingOccurrences(of: "closed_cases_days", with: "closed_days")
        XCTAssertThrowsError(try PipelineFileCheck.check(yaml: misspelt, file: "p.yml")) { error in
            XCTAssertEqual((error as? SaksgangError)?.location.line, 9)
            XCTAssertEqual((error as? SaksgangError)?.location.field, "closed_days")
        }

        let directory = RepoPaths.temporaryDirectory("saksgang-pipeline")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("pooled.yml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let loaded = try LoadedPipeline.load(path: path)
        XCTAssertEqual(loaded.store.description, "postgresql://saksgang@db.example:5432/saksgang")
        XCTAssertEqual(loaded.retentionDays, 1825)
        // --store wins over the file; a store that is not a PostgreSQL URL is refused
        // without repeating it (it may hold a password).
        XCTAssertEqual(try LoadedPipeline.load(path: path, overrides: .init(store: "postgres://other@h/db")).store.description,
                       "postgres://other@h/db")
        XCTAssertThrowsError(try LoadedPipeline.load(path: path, overrides: .init(store: "mysql://u:SECRETPW@h/db"))) { error in
            XCTAssertEqual((error as? SaksgangError)?.code, .configuration)
            XCTAssertFalse("\(error)".contains("SECRETPW"))
        }
        // Without a store, the SQLite file in the state folder.
        let embedded = directory.appendingPathComponent("embedded.yml").path
        try Data(text.replacingOccurrences(of: "store: \"postgresql://saksgang@db.example:5432/saksgang\"\n", with: "").utf8)
            .write(to: URL(fileURLWithPath: embedded))
        XCTAssertEqual(try LoadedPipeline.load(path: embedded, overrides: .init(state: "/srv/state")).store,
                       .sqlite(stateDirectory: "/srv/state"))
    }
}
