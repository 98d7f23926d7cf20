import Disclose
import Foundation
import TestSupport
import XCTest

/// The interval attack by an independent solver (Fixtures/disclosure/attack_lp.py, scipy's
/// HiGHS) on a report Saksgang wrote from generated data with many small cells
/// (Fixtures/disclosure/README.md): its committed results show every withheld cell
/// protected, and the Swift audit (CLP) finds the same intervals from the same tables.
final class AttackFixtureTests: XCTestCase {
    private var report: URL { RepoPaths.fixtures.appendingPathComponent("disclosure/report") }

    private struct Attack: Decodable {
        struct Cell: Decodable {
            var quantity: String, grouping: String, group: String
            var low: Int
            var high: Int?
            var protected: Bool
        }
        var threshold: Int
        var intervals: [Cell]
    }

    private func attack() throws -> Attack {
        try JSONDecoder().decode(Attack.self, from: Data(contentsOf: RepoPaths.fixtures.appendingPathComponent("disclosure/attack_lp.json")))
    }

    func testTheScipyAttackFindsNoWithheldCellPinnedCloserThanK() throws {
        let a = try attack()
        XCTAssertGreaterThan(a.intervals.count, 100, "the fixture has many withheld cells")
        for c in a.intervals {
            XCTAssertTrue(c.high.map { $0 - c.low >= a.threshold || c.low >= a.threshold } ?? true,
                          "\(c.quantity) \(c.grouping)=\(c.group) [\(c.low), \(String(describing: c.high))]")
        }
    }

    func testTheSwiftAuditAgreesWithScipy() throws {
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
