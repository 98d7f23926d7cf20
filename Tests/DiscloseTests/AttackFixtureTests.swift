import Disclose
import Foundation
import TestSupport
import XCTest

/// The interval attack by an independent solver (Fixtures/disclosure/attack_lp.py, scipy's
/// HiGHS) on a report Saksgang wrote from generated data with many small cells
/// (Fixtures/disclosure/README.md): its committed results show every withheld cell
/// protected, the Swift audit (CLP) finds the same intervals, and across two
/// nights (one case added) neither night's withheld cells nor the new case are given away.
final class AttackFixtureTests: XCTestCase {
    private var report: URL { RepoPaths.fixtures.appendingPathComponent("disclosure/report") }

    private func attack(_ name: String = "attack_lp.json") throws -> ScipyAttack { try ScipyAttack.fixture(name) }

    func testTheScipyAttackFindsNoWithheldCellPinnedCloserThanK() throws {
        let a = try attack()
        XCTAssertGreaterThan(a.intervals.count, 100, "the fixture has many withheld cells")
        for c in a.intervals {
            XCTAssertTrue(c.protected, "\(c.quantity) \(c.grouping)=\(c.group) [\(c.low), \(String(describing: c.high))]")
        }
    }

    /// Saksgang's exact audit (CLP) over the same relations as scipy's attack (HiGHS): the
    /// same interval for every withheld cell.
    func testTheSwiftAuditFindsScipysIntervals() throws {
        let a = try attack()
        let audit = try WrittenReportAudit.audit(outputDirectory: report.path, exact: true)
        XCTAssertTrue(audit.passed)
        let swift = Dictionary(uniqueKeysWithValues: audit.intervals.map { ("\($0.quantity)|\($0.grouping)|\($0.group)", $0) })
        XCTAssertEqual(swift.count, a.intervals.count)
        for c in a.intervals {
            let s = try XCTUnwrap(swift["\(c.quantity)|\(c.grouping)|\(c.group)"], c.quantity)
            XCTAssertEqual(s.low, c.low, "\(c.quantity) \(c.grouping)=\(c.group)")
            XCTAssertEqual(s.high, c.high, "\(c.quantity) \(c.grouping)=\(c.group)")
        }
    }

    /// Two nights, one case added: scipy's attack holding both reports pins no withheld
    /// cell of either night and no change of a cell to 1 or more (which would place the new
    /// case in a group).
    func testTwoNightsGiveNeitherAWithheldCellNorTheNewCaseAway() throws {
        let a = try attack("attack_two_nights.json")
        XCTAssertTrue(a.intervals.contains { $0.quantity.hasPrefix("previous:") }, "last night's withheld cells are attacked again")
        for c in a.intervals {
            XCTAssertTrue(c.protected, "\(c.quantity) \(c.grouping)=\(c.group) [\(c.low), \(String(describing: c.high))]")
        }
        XCTAssertGreaterThan(a.changesChecked ?? 0, 100)
        for c in a.changes ?? [] {
            XCTAssertFalse(c.revealing, "the change of \(c.quantity) \(c.grouping)=\(c.group) is pinned to [\(c.low ?? -1), \(c.high ?? -1)]")
        }
        // The new case's group at the first night and now: not both published.
        let night2 = RepoPaths.fixtures.appendingPathComponent("disclosure/report-night2")
        let audit = try WrittenReportAudit.audit(outputDirectory: night2.path)
        XCTAssertTrue(audit.passed)
    }

    /// Publishing one withheld cell (at a value the tables allow) pins another: the audit fails.
    func testATamperedCopyFailsTheAudit() throws {
        let copy = RepoPaths.temporaryDirectory("saksgang-audit-tamper")
        defer { try? FileManager.default.removeItem(at: copy) }
        for f in ["tables.json", "audit.json"] {
            try FileManager.default.copyItem(at: report.appendingPathComponent(f), to: copy.appendingPathComponent(f))
        }
        let audit = try WrittenReportAudit.audit(outputDirectory: report.path)
        // A withheld case count of a school: publish it at its lowest possible value.
        let target = try XCTUnwrap(audit.intervals.first { $0.quantity == "cases" && $0.grouping == "school" })
        let url = copy.appendingPathComponent("tables.json")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let needle = "\"group\":\"\(target.group)\",\"grouping\":\"school\",\"metric\":\"cases\""
        let i = try XCTUnwrap(lines.firstIndex { $0.contains(needle) && $0.contains("\"suppressed\":true") })
        lines[i] = lines[i].replacingOccurrences(of: "\"estimate\":null", with: "\"estimate\":\(target.low)")
            .replacingOccurrences(of: "\"n\":null", with: "\"n\":\(target.low)")
            .replacingOccurrences(of: "\"suppressed\":true", with: "\"suppressed\":false")
            .replacingOccurrences(of: "\"suppression_reason\":\"withheld\"", with: "\"suppression_reason\":null")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let tampered = try WrittenReportAudit.audit(outputDirectory: copy.path)
        XCTAssertFalse(tampered.passed, "one more published school total pins a withheld cell")
    }
}
