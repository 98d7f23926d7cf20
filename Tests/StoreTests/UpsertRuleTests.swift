import SaksgangCore
import XCTest
@testable import Store

/// The rule both stores apply, on its own: which outcome, whether the incoming case is
/// written, and when the stored case is read.
final class UpsertRuleTests: XCTestCase {
    private func decide(_ incoming: Case, against stored: Case) throws -> (UpsertOutcome, Bool, reads: Int) {
        var reads = 0
        let (outcome, write) = try UpsertRule.decide(incoming, storedLastChanged: stored.lastChanged,
                                                     storedExportTime: stored.exportTime) { () throws(SaksgangError) in
            reads += 1
            return stored
        }
        return (outcome, write, reads)
    }

    func testTheRule() throws {
        let stored = CaseFactory.make(id: "A", lastChanged: 1000, exportTime: 5000, grade: 5)
        let cases: [(String, Case, UpsertOutcome, Bool, Int)] = [
            ("later lastChanged", CaseFactory.make(id: "A", lastChanged: 1001, exportTime: 4000, grade: 6), .updated, true, 0),
            ("earlier lastChanged", CaseFactory.make(id: "A", lastChanged: 999, exportTime: 9000, grade: 6), .stale, false, 0),
            ("the same, the same export", stored, .duplicate, false, 0),
            ("the same, an earlier export", CaseFactory.make(id: "A", lastChanged: 1000, exportTime: 4000, grade: 5), .duplicate, false, 0),
            ("the same, a later export", CaseFactory.make(id: "A", lastChanged: 1000, exportTime: 8000, grade: 5), .duplicate, true, 1),
            ("other content, a later export", CaseFactory.make(id: "A", lastChanged: 1000, exportTime: 8000, grade: 9), .duplicate, false, 1),
        ]
        for (name, incoming, outcome, write, reads) in cases {
            let got = try decide(incoming, against: stored)
            XCTAssertEqual(got.0, outcome, name)
            XCTAssertEqual(got.1, write, name)
            XCTAssertEqual(got.reads, reads, name)
        }
    }

    /// A date-only `lastChanged` sorts before a timed one at the same second, both ways.
    func testADateOnlyTimeIsEarlierThanATimedOneAtTheSameSecond() throws {
        var dateOnly = CaseFactory.make(id: "A", lastChanged: 1000, grade: 1)
        dateOnly.lastChanged.hasTime = false
        let timed = CaseFactory.make(id: "A", lastChanged: 1000, grade: 2)
        XCTAssertEqual(try decide(timed, against: dateOnly).0, .updated)
        XCTAssertEqual(try decide(dateOnly, against: timed).0, .stale)
    }

    /// An error reading the stored case is the upsert's error.
    func testAReadErrorIsThrown() {
        let stored = CaseFactory.make(id: "A", lastChanged: 1000, exportTime: 5000)
        let incoming = CaseFactory.make(id: "A", lastChanged: 1000, exportTime: 6000)
        XCTAssertThrowsError(try UpsertRule.decide(incoming, storedLastChanged: stored.lastChanged,
                                                   storedExportTime: stored.exportTime) { () throws(SaksgangError) -> Case? in
            throw SaksgangError(.store, "cannot read", at: .init(file: "test"))
        })
    }
}
