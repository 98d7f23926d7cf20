import Foundation
import Pipeline
import Pseudonymize
import SaksgangCore
import Store
import TestSupport
import XCTest

/// The walking skeleton end to end over the bundled demo exports.
final class DemoRunTests: XCTestCase {
    func testDemoRunStoresEveryRecordAndCountsMatchTheFixtures() throws {
        let run = try DemoRun()
        defer { run.remove() }
        let outcome = try run.run()
        XCTAssertTrue(outcome.allStored, "\(outcome.files)")
        XCTAssertEqual(outcome.casesInStore, 88)
        for f in outcome.files {
            XCTAssertEqual(f.status, .ingested, f.name)
            XCTAssertTrue(f.reconciles, f.name)
        }
        // The later delta updates the case from the earlier one instead of duplicating it.
        let later = try XCTUnwrap(outcome.files.first { $0.name == "smc_5001_20250620.csv" })
        XCTAssertEqual(later.updated, 1)
        XCTAssertEqual(later.inserted, 10)

        let rows = try run.rows()
        let oracle = try DemoOracle()
        for (group, expected) in oracle.groups {
            let grouping = group == "all" ? "all" : "immigrant_background"
            let row = try XCTUnwrap(DemoRun.row(rows, "cases", "count", grouping, group), group)
            // Disclosure control may withhold a group (docs/disclosure.md); a published one is right.
            if row["suppressed"] as? Bool == true { XCTAssertNil(row["n"] as? Int); continue }
            XCTAssertEqual(row["n"] as? Int, expected["cases"] as? Int, group)
        }
        let unknown = DemoRun.row(rows, "cases", "count", "immigrant_background", "unknown")
        if unknown?["suppressed"] as? Bool != true { XCTAssertEqual(unknown?["n"] as? Int, 0) }
        for f in ["report.html", "tables.csv", "tables.json", "tabeller-excel.csv", "manifest.json", "internal/quarantine.jsonl"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: run.output + "/" + f), f)
        }
    }

    /// Kaplan–Meier medians and their intervals equal what R's survival computed from the same
    /// durations (midpoint where a curve is flat at 0.5; Fixtures/oracle/make_survival_oracle.R),
    /// the share within target what lifelines computed (Fixtures/make_demo.py, committed output).
    func testKaplanMeierFiguresEqualROnTheDemo() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        let rows = try run.rows()
        let oracle = try DemoOracle()
        let survival = try DemoSurvivalOracle()
        var compared = 0
        for (group, expected) in oracle.groups {
            let grouping = group == "all" ? "all" : "immigrant_background"
            for (metric, key, unit) in [("time_to_first_contact", "time_to_first_contact_working_days", "working_days"),
                                        ("time_to_closure", "time_to_closure_calendar_days", "calendar_days"),
                                        ("time_to_activity_plan", "time_to_activity_plan_working_days", "working_days"),
                                        ("time_to_first_meeting", "time_to_first_meeting_working_days", "working_days")] {
                let e = try XCTUnwrap(expected[key] as? [String: Any])
                let r = try XCTUnwrap(survival.medians[group]?[key], "\(group) \(key) in survival_r.json")
                let row = try XCTUnwrap(DemoRun.row(rows, metric, "median", grouping, group, unit: unit))
                if row["suppressed"] as? Bool == true { continue }
                XCTAssertEqual(row["n"] as? Int, e["n"] as? Int, "\(metric) \(group)")
                XCTAssertEqual(r["n"] as? Int, e["n"] as? Int, "\(metric) \(group) same durations in R")
                XCTAssertEqual(r["events"] as? Int, e["events"] as? Int, "\(metric) \(group) same durations in R")
                XCTAssertEqual(row["estimate"] as? Double, r["median"] as? Double, "\(metric) \(group) median")
                XCTAssertEqual(row["ci_low"] as? Double, r["median_lower"] as? Double, "\(metric) \(group) ci_low")
                XCTAssertEqual(row["ci_high"] as? Double, r["median_upper"] as? Double, "\(metric) \(group) ci_high")
                compared += 1
            }
            let share = try XCTUnwrap(DemoRun.row(rows, "first_contact_within_target", "share", grouping, group))
            let e = try XCTUnwrap(expected["time_to_first_contact_working_days"] as? [String: Any])
            if share["suppressed"] as? Bool != true {
                XCTAssertEqual(try XCTUnwrap(share["estimate"] as? Double), try XCTUnwrap(e["share_by_1"] as? Double), accuracy: 1e-9, group)
            }
            let eth = try XCTUnwrap(DemoRun.row(rows, "ethnicity_based", "share", grouping, group))
            if eth["suppressed"] as? Bool != true {
                XCTAssertEqual(try XCTUnwrap(eth["estimate"] as? Double),
                               Double(expected["ethnicity_based"] as! Int) / Double(expected["cases"] as! Int), accuracy: 1e-12)
            }
        }
        // Disclosure control withholds the medians of small groups and their complements (docs/disclosure.md).
        XCTAssertGreaterThanOrEqual(compared, 4)
    }

    /// Shares of closed cases: resolved (Wilson interval against statsmodels) and closed
    /// without a written activity plan.
    func testClosingSharesEqualTheOracle() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        let rows = try run.rows()
        for (group, expected) in try DemoOracle().groups {
            let grouping = group == "all" ? "all" : "immigrant_background"
            let closed = try XCTUnwrap(expected["closed"] as? Int)
            let resolved = try XCTUnwrap(DemoRun.row(rows, "resolved", "share", grouping, group))
            let without = try XCTUnwrap(DemoRun.row(rows, "closed_without_activity_plan", "share", grouping, group))
            if closed < 5 {
                XCTAssertEqual(resolved["suppressed"] as? Bool, true, group)
                continue
            }
            // A share whose numerator or complement is below k is withheld too (docs/disclosure.md).
            if resolved["suppressed"] as? Bool == true || without["suppressed"] as? Bool == true { continue }
            XCTAssertEqual(resolved["n"] as? Int, closed, group)
            XCTAssertEqual(try XCTUnwrap(resolved["estimate"] as? Double), Double(expected["resolved"] as! Int) / Double(closed), accuracy: 1e-12)
            let ci = try XCTUnwrap(expected["resolved_wilson"] as? [Double])
            XCTAssertEqual(try XCTUnwrap(resolved["ci_low"] as? Double), ci[0], accuracy: 1e-9, group)
            XCTAssertEqual(try XCTUnwrap(resolved["ci_high"] as? Double), ci[1], accuracy: 1e-9, group)
            XCTAssertEqual(try XCTUnwrap(without["estimate"] as? Double),
                           Double(expected["closed_without_activity_plan"] as! Int) / Double(closed), accuracy: 1e-12)
        }
    }

    func testSecondRunWithNothingNewSkipsEverythingAndWritesTheSameReports() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        let first = try ["report.html", "tables.csv", "tables.json", "tabeller-excel.csv"].map {
            try Data(contentsOf: URL(fileURLWithPath: run.output + "/" + $0))
        }
        let again = try run.run()
        XCTAssertTrue(again.nothingNew)
        XCTAssertTrue(again.files.allSatisfy { $0.status == .skipped })
        let second = try ["report.html", "tables.csv", "tables.json", "tabeller-excel.csv"].map {
            try Data(contentsOf: URL(fileURLWithPath: run.output + "/" + $0))
        }
        XCTAssertEqual(first, second)
    }

    func testPseudonymsAreStableUnderOneKeyAndDifferUnderAnother() throws {
        let a = try DemoRun()
        defer { a.remove() }
        try a.run()
        let b = try DemoRun(keyPath: a.keyPath)
        defer { b.remove() }
        try b.run()
        let c = try DemoRun()
        defer { c.remove() }
        try c.run()
        func ids(_ r: DemoRun) throws -> (cases: Set<String>, pupils: Set<String>) {
            let store = try SQLiteStore(path: r.state + "/store.sqlite")
            var cases = Set<String>(), pupils = Set<String>()
            try store.forEachCase { cases.insert($0.id.value); if let p = $0.pupil.id { pupils.insert(p.value) } }
            return (cases, pupils)
        }
        let (ia, ib, ic) = (try ids(a), try ids(b), try ids(c))
        XCTAssertEqual(ia.cases.count, 88)
        XCTAssertEqual(ia.cases, ib.cases)
        XCTAssertEqual(ia.pupils, ib.pupils)
        XCTAssertTrue(ia.cases.isDisjoint(with: ic.cases))
        XCTAssertTrue(ia.pupils.isDisjoint(with: ic.pupils))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a.output + "/tables.json")),
                       try Data(contentsOf: URL(fileURLWithPath: c.output + "/tables.json")),
                       "figures do not depend on the key")
    }

    func testAnotherKeyOnTheSameStoreIsRefused() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run()
        let otherKey = run.root.appendingPathComponent("other.key").path
        try PseudonymKey.create(atPath: otherKey)
        let other = DemoRun(root: run.root, keyPath: otherKey, input: run.input)
        XCTAssertThrowsError(try other.run()) { error in
            XCTAssertEqual((error as? SaksgangError)?.code, .key)
            XCTAssertTrue("\(error)".contains("counted twice"))
        }
    }
}

extension DemoRun {
    init(root: URL, keyPath: String, input: String) {
        self.root = root
        self.keyPath = keyPath
        self.input = input
    }
}
