import TestSupport
import SaksgangCore
import XCTest
import Store

/// The upsert rules: the later `lastChanged` wins, never a second row for a key, and every
/// upsert raises its municipality's latest export.
final class SQLiteStoreUpsertTests: XCTestCase {
    private var store: SQLiteStore!

    override func setUpWithError() throws { store = try SQLiteStore(inMemory: ()) }

    private func stored() throws -> [Case] {
        var all: [Case] = []
        try store.forEachCase { all.append($0) }
        return all
    }

    func testInsertThenLaterVersionUpdates() throws {
        let first = CaseFactory.make(id: "A", lastChanged: 1000, grade: 5)
        XCTAssertEqual(try store.upsert(first), .inserted)
        let later = CaseFactory.make(id: "A", lastChanged: 2000, grade: 6)
        XCTAssertEqual(try store.upsert(later), .updated)
        XCTAssertEqual(try stored(), [later])
        XCTAssertEqual(try store.caseCount(), 1)
    }

    func testEarlierVersionIsStaleAndKeepsTheNewer() throws {
        let newer = CaseFactory.make(id: "A", lastChanged: 2000, grade: 6)
        XCTAssertEqual(try store.upsert(newer), .inserted)
        XCTAssertEqual(try store.upsert(CaseFactory.make(id: "A", lastChanged: 1999, grade: 5)), .stale)
        XCTAssertEqual(try stored(), [newer])
    }

    func testEqualLastChangedIsDuplicateAndKeepsTheStored() throws {
        let original = CaseFactory.make(id: "A", lastChanged: 1000, exportTime: 5000, grade: 5)
        _ = try store.upsert(original)
        XCTAssertEqual(try store.upsert(original), .duplicate)
        // Different content at the same lastChanged: the stored version stays, export time included.
        let conflicting = CaseFactory.make(id: "A", lastChanged: 1000, exportTime: 9000, grade: 9)
        XCTAssertEqual(try store.upsert(conflicting), .duplicate)
        XCTAssertEqual(try stored(), [original])
        XCTAssertEqual(try store.caseCount(), 1)
    }

    func testDuplicateWithOnlyALaterExportRaisesTheExportTime() throws {
        _ = try store.upsert(CaseFactory.make(id: "A", lastChanged: 1000, exportTime: 5000))
        let reExported = CaseFactory.make(id: "A", lastChanged: 1000, exportTime: 8000)
        XCTAssertEqual(try store.upsert(reExported), .duplicate)
        XCTAssertEqual(try stored(), [reExported])
        // An older export of the same content lowers nothing.
        XCTAssertEqual(try store.upsert(CaseFactory.make(id: "A", lastChanged: 1000, exportTime: 6000)), .duplicate)
        XCTAssertEqual(try stored().first?.exportTime.seconds, 8000)
    }

    func testTimedLastChangedIsLaterThanDateOnlyAtTheSameSecond() throws {
        var dateOnly = CaseFactory.make(id: "A", lastChanged: 1000, grade: 1)
        dateOnly.lastChanged.hasTime = false
        let timed = CaseFactory.make(id: "A", lastChanged: 1000, grade: 2)
        XCTAssertEqual(try store.upsert(dateOnly), .inserted)
        XCTAssertEqual(try store.upsert(timed), .updated)
        XCTAssertEqual(try store.upsert(dateOnly), .stale)
        XCTAssertEqual(try stored(), [timed])
    }

    func testKeyIsIdAndOrgnr() throws {
        XCTAssertEqual(try store.upsert(CaseFactory.make(id: "A", orgnr: "111111111", lastChanged: 1)), .inserted)
        XCTAssertEqual(try store.upsert(CaseFactory.make(id: "A", orgnr: "222222222", lastChanged: 1)), .inserted)
        XCTAssertEqual(try store.upsert(CaseFactory.make(id: "B", orgnr: "111111111", lastChanged: 1)), .inserted)
        XCTAssertEqual(try store.caseCount(), 3)
    }

    func testManyVersionsInAnyOrderLeaveOneRowWithTheLatest() throws {
        var rng = SplitMix64(seed: 42)
        var versions = (1...40).map { CaseFactory.make(id: "K\($0 % 4)", lastChanged: Int64($0), grade: $0) }
        versions.shuffle(using: &rng)
        var outcomes: [UpsertOutcome: Int] = [:]
        for v in versions { outcomes[try store.upsert(v), default: 0] += 1 }
        XCTAssertEqual(outcomes[.inserted], 4)
        XCTAssertEqual(try store.caseCount(), 4)
        XCTAssertEqual(try stored().map(\.pupil.grade), [40, 37, 38, 39])  // ids K0, K1, K2, K3
        XCTAssertEqual(outcomes.values.reduce(0, +), 40)
    }

    func testScanOrderIsMunicipalityOrgnrId() throws {
        let keys = [("5001", "900000001", "b"), ("0301", "900000002", "a"), ("4601", "800000001", "z"),
                    ("0301", "900000001", "c"), ("0301", "900000001", "a"), ("4601", "800000001", "m")]
        for (m, o, id) in keys.reversed() {
            _ = try store.upsert(CaseFactory.make(id: id, orgnr: o, municipality: m, lastChanged: 1))
        }
        XCTAssertEqual(try stored().map { "\($0.school.municipality)/\($0.school.orgnr)/\($0.id)" }, [
            "0301/900000001/a", "0301/900000001/c", "0301/900000002/a",
            "4601/800000001/m", "4601/800000001/z", "5001/900000001/b",
        ])
    }

    func testScanStopsAtTheBodysErrorAndCanRunAgain() throws {
        for i in 0..<5 { _ = try store.upsert(CaseFactory.make(id: "C\(i)", lastChanged: 1)) }
        struct Stop: Error {}
        var seen = 0
        XCTAssertThrowsError(try store.forEachCase { _ in
            seen += 1
            if seen == 2 { throw Stop() }
        }) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(seen, 2)
        var inner = 0
        try store.forEachCase { _ in try store.forEachCase { _ in inner += 1 } }
        XCTAssertEqual(inner, 25)
    }

    func testCoverageIsRaisedByEveryUpsertAndNeverLowered() throws {
        _ = try store.upsert(CaseFactory.make(id: "A", municipality: "4601", lastChanged: 10, exportTime: 100))
        _ = try store.upsert(CaseFactory.make(id: "B", municipality: "0301", lastChanged: 10, exportTime: 50))
        XCTAssertEqual(try store.latestExports(), ["4601": Timestamp(seconds: 100), "0301": Timestamp(seconds: 50)])
        // A stale upsert still brings a later export of the municipality.
        XCTAssertEqual(try store.upsert(CaseFactory.make(id: "A", municipality: "4601", lastChanged: 5, exportTime: 300)),
                       .stale)
        XCTAssertEqual(try store.latestExports()["4601"], Timestamp(seconds: 300))
        // An earlier export lowers nothing.
        _ = try store.upsert(CaseFactory.make(id: "C", municipality: "4601", lastChanged: 10, exportTime: 200))
        XCTAssertEqual(try store.latestExports()["4601"], Timestamp(seconds: 300))
        // A timed export is later than a date-only one at the same second.
        var dateOnly = CaseFactory.make(id: "D", municipality: "5001", lastChanged: 1, exportTime: 400)
        dateOnly.exportTime.hasTime = false
        _ = try store.upsert(dateOnly)
        XCTAssertEqual(try store.latestExports()["5001"], dateOnly.exportTime)
        _ = try store.upsert(CaseFactory.make(id: "E", municipality: "5001", lastChanged: 1, exportTime: 400))
        XCTAssertEqual(try store.latestExports()["5001"], Timestamp(seconds: 400, hasTime: true))
    }
}
