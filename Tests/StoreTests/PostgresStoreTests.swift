import Foundation
import SaksgangCore
import TestSupport
import XCTest
@testable import Store

/// The PostgreSQL store on a real server (`SAKSGANG_TEST_POSTGRES_URL`; skipped without it,
/// failing under CI), each test in a database of its own: the same answers as the SQLite
/// store, files that commit whole or not at all, one run at a time, no secret in an error.
final class PostgresStoreTests: XCTestCase {
    private var database: PostgresTestDatabase!

    override func setUpWithError() throws { database = try PostgresTestDatabase() }
    override func tearDown() { database?.drop() }

    private var address: PostgresAddress { PostgresAddress(database.url)! }

    private func file(_ hash: String, name: String = "smx_4601_20250620.xml.gz") -> IngestedFile {
        IngestedFile(hash: hash, name: name, bytes: 1234, format: "smx", records: 3, inserted: 1, updated: 1,
                     duplicates: 0, quarantined: 1, ingestedAt: Timestamp(seconds: 1_750_410_000), mappingHash: "m1")
    }

    private func all(_ store: any CaseStore) throws -> [Case] {
        var cases: [Case] = []
        try store.forEachCase { cases.append($0) }
        return cases
    }

    /// The same nights of upserts and merged pieces, in files, give the same outcomes, cases,
    /// latest exports and file records on both stores.
    func testUpsertsAndPiecesAgreeWithSQLite() throws {
        let pg = try PostgresStore(address)
        let lite = try SQLiteStore(inMemory: ())
        var rng = SplitMix64(seed: 11)
        let base = (0..<400).map { _ in CaseFactory.random(&rng) }
        for night in 0..<4 {
            for store in [pg, lite] as [any CaseStore] { try store.beginFile() }
            for c in base where rng.next() % 4 != 0 {
                var v = c
                v.lastChanged = Timestamp(seconds: c.lastChanged.seconds + Int64(rng.next() % 3) - 1, hasTime: rng.next() % 3 != 0)
                v.exportTime = Timestamp(seconds: c.exportTime.seconds + Int64(night) * 86_400 * Int64(rng.next() % 2),
                                         hasTime: c.exportTime.hasTime)
                if rng.next() % 5 == 0 {
                    XCTAssertEqual(try pg.replace(v), try lite.replace(v))
                } else {
                    XCTAssertEqual(try pg.upsert(v), try lite.upsert(v))
                }
                XCTAssertEqual(try pg.storedCase(id: v.id, orgnr: v.school.orgnr), try lite.storedCase(id: v.id, orgnr: v.school.orgnr))
            }
            for store in [pg, lite] as [any CaseStore] { try store.commitFile(file("night\(night)")) }
        }
        XCTAssertEqual(try all(pg), try all(lite))
        XCTAssertEqual(try pg.caseCount(), try lite.caseCount())
        XCTAssertEqual(try pg.latestExports(), try lite.latestExports())
        XCTAssertEqual(try pg.ingestedFiles(), try lite.ingestedFiles())
        // Reopened, the store reads its cases' times back and goes on agreeing.
        let reopened = try PostgresStore(address)
        for c in base.prefix(50) { XCTAssertEqual(try reopened.upsert(c), try lite.upsert(c)) }
        XCTAssertEqual(try all(reopened), try all(lite))
    }

    func testRollbackLeavesNothing() throws {
        let store = try PostgresStore(address)
        let kept = CaseFactory.make(id: "A", lastChanged: 10, exportTime: 100, grade: 1)
        try store.beginFile()
        _ = try store.upsert(kept)
        try store.commitFile(file("first"))

        try store.beginFile()
        XCTAssertEqual(try store.upsert(CaseFactory.make(id: "A", lastChanged: 20, exportTime: 200, grade: 2)), .updated)
        XCTAssertEqual(try store.upsert(CaseFactory.make(id: "B", municipality: "0301", lastChanged: 20, exportTime: 200)), .inserted)
        XCTAssertEqual(try store.caseCount(), 2, "the open file sees its own cases")
        store.rollbackFile()

        XCTAssertEqual(try all(store), [kept])
        XCTAssertEqual(try store.latestExports(), ["4601": Timestamp(seconds: 100)])
        XCTAssertEqual(try store.ingestedFiles().map(\.hash), ["first"])
        // The rolled-back update is forgotten: the same case is an update again.
        XCTAssertEqual(try store.upsert(CaseFactory.make(id: "A", lastChanged: 20, exportTime: 200, grade: 2)), .updated)
    }

    /// A run killed in the middle of a big file (its connection gone after part of the file
    /// was sent by COPY) leaves neither the cases nor the file's record.
    func testAFileCutOffMidTransactionLeavesNoPartialFile() throws {
        var store: PostgresStore? = try PostgresStore(address, forRun: true)
        try store!.beginFile()
        for i in 0..<(PostgresStore.batch + 500) {
            _ = try store!.upsert(CaseFactory.make(id: "C\(i)", lastChanged: 1))
        }
        XCTAssertEqual(try store!.caseCount(), PostgresStore.batch + 500)
        store = nil  // the connection closes with the transaction open, as when the process dies

        // The server ends the dead session (and frees its lock) a moment later.
        let after = try PostgresStore(address, forRun: true, wait: true)
        XCTAssertEqual(try after.caseCount(), 0)
        XCTAssertEqual(try after.ingestedFiles(), [])
        XCTAssertEqual(try after.latestExports(), [:])
        XCTAssertEqual(try after.upsert(CaseFactory.make(id: "C1", lastChanged: 1)), .inserted)
    }

    func testFailedCommitRollsBackAndNamesNoValue() throws {
        let store = try PostgresStore(address)
        try store.beginFile()
        try store.commitFile(file("HASHMARKER1"))
        try store.beginFile()
        _ = try store.upsert(CaseFactory.make(id: "CASEMARKER1", lastChanged: 1))
        XCTAssertThrowsError(try store.commitFile(file("HASHMARKER1"))) { error in
            XCTAssertEqual((error as? SaksgangError)?.code, .store)
            XCTAssertFalse(String(describing: error).contains("MARKER"), "\(error)")
        }
        XCTAssertEqual(try store.caseCount(), 0)
        store.rollbackFile()
        try store.beginFile()
        store.rollbackFile()
    }

    func testScansNestAndStopAtTheBodysError() throws {
        for i in 0..<5 { _ = try PostgresStore(address).upsert(CaseFactory.make(id: "C\(i)", lastChanged: 1)) }
        let store = try PostgresStore(address)
        struct Stop: Error {}
        var seen = 0
        XCTAssertThrowsError(try store.forEachCase { _ in
            seen += 1
            if seen == 2 { throw Stop() }
        }) { XCTAssertTrue($0 is Stop) }
        var inner = 0
        try store.forEachCase { _ in try store.forEachCase { _ in inner += 1 } }
        XCTAssertEqual(inner, 25)
    }

    func testRunStateAndKeyIDRoundTrip() throws {
        let store = try PostgresStore(address)
        XCTAssertNil(try store.recordedKeyID())
        try store.recordKeyID("k-1")
        try store.setRunState(.reportState, to: "{\"a\":1}")
        try store.removeCases([CaseKey(id: Pseudonym("none"), orgnr: "1")], settingRunState: .retention, to: "r")
        let reopened = try PostgresStore(address)
        XCTAssertEqual(try reopened.recordedKeyID(), "k-1")
        XCTAssertEqual(try reopened.runState(.reportState), "{\"a\":1}")
        XCTAssertEqual(try reopened.runState(.retention), "r")
        XCTAssertNil(try reopened.runState(.fileIndex))
    }

    /// The advisory lock: a second store opened for a run on the same database is refused
    /// while the first is open, and takes the lock once it is released.
    func testTheRunLockRefusesASecondRun() throws {
        var first: PostgresStore? = try PostgresStore(address, forRun: true)
        XCTAssertThrowsError(try PostgresStore(address, forRun: true)) { error in
            XCTAssertEqual((error as? SaksgangError)?.code, .lockHeld)
            XCTAssertTrue("\(error)".contains("another saksgang run"), "\(error)")
        }
        XCTAssertNotNil(first)
        first = nil
        XCTAssertNoThrow(try PostgresStore(address, forRun: true, wait: true))
    }

    /// A password in the URL never shows: not in the address's description, not in the
    /// error of a failed connection.
    func testThePasswordNeverShows() throws {
        let secret = "S3CRETpw"
        let address = try XCTUnwrap(PostgresAddress("postgresql://someone:\(secret)@127.0.0.1:1/db?password=\(secret)&sslmode=disable"))
        XCTAssertFalse(address.description.contains(secret), address.description)
        XCTAssertTrue(address.description.contains("someone@127.0.0.1:1/db"), address.description)
        XCTAssertThrowsError(try PostgresStore(address)) { error in
            XCTAssertEqual((error as? SaksgangError)?.code, .store)
            XCTAssertFalse("\(error)".contains(secret), "\(error)")
        }
    }
}
