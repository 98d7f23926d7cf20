import Foundation
import SaksgangCore
import TestSupport
import XCTest
@testable import Store

/// Files, transactions, the key id, reopening and the store file itself.
final class SQLiteStoreFileTests: XCTestCase {
    private var directory: URL!

    override func setUp() { directory = RepoPaths.temporaryDirectory("saksgang-store") }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private var path: String { directory.appendingPathComponent("state/store.sqlite").path }

    private func file(_ hash: String, name: String = "smx_4601_20250620.xml.gz", inserted: Int = 1) -> IngestedFile {
        IngestedFile(hash: hash, name: name, bytes: 1234, format: "smx", records: 3, inserted: inserted, updated: 1,
                     duplicates: 0, quarantined: 1, ingestedAt: Timestamp(seconds: 1_750_410_000))
    }

    func testKeyIDRoundTrip() throws {
        let store = try SQLiteStore(inMemory: ())
        XCTAssertNil(try store.recordedKeyID())
        try store.recordKeyID("k-2025-a1b2")
        XCTAssertEqual(try store.recordedKeyID(), "k-2025-a1b2")
        try store.recordKeyID("k-2026-c3d4")
        XCTAssertEqual(try store.recordedKeyID(), "k-2026-c3d4")
    }

    func testIngestedFileIsFoundByHashAfterCommit() throws {
        let store = try SQLiteStore(inMemory: ())
        XCTAssertNil(try store.ingestedFile(hash: "aa"))
        try store.beginFile()
        _ = try store.upsert(CaseFactory.make(id: "A", lastChanged: 1))
        try store.commitFile(file("aa"))
        try store.beginFile()
        try store.commitFile(file("bb", name: "smc_0301_20250620.csv", inserted: 0))
        XCTAssertEqual(try store.ingestedFile(hash: "aa"), file("aa"))
        XCTAssertEqual(try store.ingestedFile(hash: "bb")?.name, "smc_0301_20250620.csv")
        XCTAssertNil(try store.ingestedFile(hash: "cc"))
        XCTAssertEqual(try store.ingestedFiles().map(\.hash), ["aa", "bb"])
    }

    func testRollbackLeavesNothing() throws {
        let store = try SQLiteStore(inMemory: ())
        let kept = CaseFactory.make(id: "A", lastChanged: 10, exportTime: 100, grade: 1)
        try store.beginFile()
        _ = try store.upsert(kept)
        try store.commitFile(file("first"))

        try store.beginFile()
        XCTAssertEqual(try store.upsert(CaseFactory.make(id: "A", lastChanged: 20, exportTime: 200, grade: 2)), .updated)
        XCTAssertEqual(try store.upsert(CaseFactory.make(id: "B", municipality: "0301", lastChanged: 20,
                                                         exportTime: 200)), .inserted)
        XCTAssertEqual(try store.caseCount(), 2)
        store.rollbackFile()

        var all: [Case] = []
        try store.forEachCase { all.append($0) }
        XCTAssertEqual(all, [kept])
        XCTAssertEqual(try store.latestExports(), ["4601": Timestamp(seconds: 100)])
        XCTAssertEqual(try store.ingestedFiles().map(\.hash), ["first"])

        // The rolled-back raise is really gone: the same export time raises again.
        try store.beginFile()
        _ = try store.upsert(CaseFactory.make(id: "C", lastChanged: 20, exportTime: 200))
        try store.commitFile(file("second"))
        XCTAssertEqual(try store.latestExports(), ["4601": Timestamp(seconds: 200)])
    }

    func testFailedCommitRollsBackAndNamesNoValue() throws {
        let store = try SQLiteStore(inMemory: ())
        try store.beginFile()
        try store.commitFile(file("HASHMARKER1"))
        try store.beginFile()
        _ = try store.upsert(CaseFactory.make(id: "CASEMARKER1", lastChanged: 1))
        XCTAssertThrowsError(try store.commitFile(file("HASHMARKER1"))) { error in
            let e = error as? SaksgangError
            XCTAssertEqual(e?.code, .store)
            XCTAssertFalse(String(describing: error).contains("MARKER"))
        }
        XCTAssertEqual(try store.caseCount(), 0)
        store.rollbackFile()  // harmless after the store rolled back itself
        try store.beginFile()  // and a new file can start
        store.rollbackFile()
    }

    func testTransactionMisuseIsAnError() throws {
        let store = try SQLiteStore(inMemory: ())
        XCTAssertThrowsError(try store.commitFile(file("x")))
        try store.beginFile()
        XCTAssertThrowsError(try store.beginFile())
        store.rollbackFile()
    }

    func testUpsertsStopWhenSQLiteEndedTheFilesTransaction() throws {
        let store = try SQLiteStore(inMemory: ())
        try store.beginFile()
        _ = try store.upsert(CaseFactory.make(id: "A", lastChanged: 1))
        try store.db.execute("ROLLBACK", "test")  // as SQLite does itself on a full disk
        XCTAssertThrowsError(try store.upsert(CaseFactory.make(id: "B", lastChanged: 1)))
        XCTAssertThrowsError(try store.commitFile(file("h")))
        store.rollbackFile()
        XCTAssertEqual(try store.caseCount(), 0)
        XCTAssertEqual(try store.upsert(CaseFactory.make(id: "B", lastChanged: 1)), .inserted)  // autocommit again
    }

    func testReopeningKeepsEverything() throws {
        var rng = SplitMix64(seed: 99)
        var cases = (0..<200).map { _ in CaseFactory.random(&rng) }
        do {
            let store = try SQLiteStore(path: path)
            try store.recordKeyID("k-1")
            try store.beginFile()
            for c in cases { _ = try store.upsert(c) }
            try store.commitFile(file("h1"))
        }
        let store = try SQLiteStore(path: path)
        XCTAssertEqual(try store.schemaVersion(), SQLiteStore.currentSchemaVersion)
        XCTAssertEqual(try store.recordedKeyID(), "k-1")
        XCTAssertEqual(try store.ingestedFiles(), [file("h1")])
        // What a reader gets back is exactly what was stored: the newest version per key.
        var newest: [String: Case] = [:]
        for c in cases {
            let key = c.id.value + "\u{0}" + c.school.orgnr
            if let old = newest[key], !(old.lastChanged < c.lastChanged) { continue }
            newest[key] = c
        }
        cases = Array(newest.values)
        var read: [Case] = []
        try store.forEachCase { read.append($0) }
        XCTAssertEqual(read.count, cases.count)
        XCTAssertEqual(Set(read), Set(cases))
        var expectedExports: [String: Timestamp] = [:]
        for c in cases { expectedExports[c.school.municipality] = max(expectedExports[c.school.municipality] ?? c.exportTime, c.exportTime) }
        XCTAssertEqual(try store.latestExports().count, expectedExports.count)
    }

    /// Cases from a few schools with ids of every kind (empty, non-ASCII, one a prefix of
    /// another), stored over several files.
    private func storeCasesOfFewSchools(_ store: SQLiteStore, seed: UInt64) throws -> Int {
        var rng = SplitMix64(seed: seed)
        let places = [("4601", "974600951"), ("4601", "97460095"), ("0301", "974600951"), ("", ""), ("5001", "Ø1"), ("5001", "O1")]
        let ids = ["", "a", "aa", "ab", "B", "Æ", "Ø", "å", "\u{1F600}", "zz"]
        var keys = Set<String>()
        for f in 0..<3 {
            try store.beginFile()
            for _ in 0..<250 {
                var c = CaseFactory.random(&rng)
                (c.school.municipality, c.school.orgnr) = CaseFactory.pick(places, &rng)
                if rng.next() % 4 == 0 { c.id = Pseudonym(CaseFactory.pick(ids, &rng)) }
                _ = try store.upsert(c)
                keys.insert(c.id.value + "\u{0}" + c.school.orgnr)
            }
            try store.commitFile(file("h\(f)"))
        }
        return keys.count
    }

    /// The (municipality, orgnr, id) of every case in the order SQLite's own ORDER BY gives.
    private func sqliteOrder(_ store: SQLiteStore) throws -> [[String]] {
        let s = try store.db.prepare("SELECT municipality, orgnr, id FROM cases ORDER BY municipality, orgnr, id")
        defer { s.reset() }
        var keys: [[String]] = []
        while try s.step("test") { keys.append([s.string(0), s.string(1), s.string(2)]) }
        return keys
    }

    /// The scan reads school by school from the index and orders each school's cases by id
    /// itself: the order is exactly `ORDER BY municipality, orgnr, id` (BINARY collation), for
    /// empty, non-ASCII and prefix ids, and every stored case comes once.
    func testTheScanOrdersCasesByPlaceAndId() throws {
        let store = try SQLiteStore(path: path)
        let stored = try storeCasesOfFewSchools(store, seed: 7)
        var scanned: [[String]] = []
        try store.forEachCase { scanned.append([$0.school.municipality, $0.school.orgnr, $0.id.value]) }
        XCTAssertEqual(scanned.count, stored)
        XCTAssertEqual(scanned, try sqliteOrder(store))
        // A scan inside a scan (its own statement) gives the same order.
        var inner: [[String]] = []
        var outer = 0
        try store.forEachCase { _ in
            outer += 1
            if outer == 1 { try store.forEachCase { inner.append([$0.school.municipality, $0.school.orgnr, $0.id.value]) } }
        }
        XCTAssertEqual(inner, scanned)
        // Schools past the limit of rows held are read by a query of their own: same order,
        // whether some schools (a limit between the smallest school's bytes and the largest's)
        // or all of them (none) are.
        let sizes = try store.db.prepare("SELECT sum(length(municipality) + length(orgnr) + length(CAST(id AS BLOB)) + length(body)) AS n "
                                         + "FROM cases GROUP BY municipality, orgnr ORDER BY n")
        var bytes: [Int] = []
        while try sizes.step("test") { bytes.append(Int(sizes.int64(0))) }
        sizes.reset()
        XCTAssertLessThan(bytes.first!, bytes.last!)
        for limit in [(bytes.first! + bytes.last!) / 2, 0] {
            store.schoolRowsLimit = limit
            var alone: [[String]] = []
            try store.forEachCase { alone.append([$0.school.municipality, $0.school.orgnr, $0.id.value]) }
            XCTAssertEqual(alone, scanned, "limit \(limit)")
        }
    }

    /// A store of schema version 2 (the index by place with the id in it) is migrated when
    /// opened: the index by school replaces it, and the scan gives the same cases in the same order.
    func testAVersionTwoStoreGetsTheIndexBySchool() throws {
        var before: [[String]] = []
        do {
            let store = try SQLiteStore(path: path)
            _ = try storeCasesOfFewSchools(store, seed: 8)
            try store.db.execute("""
                BEGIN; DROP INDEX cases_by_school; CREATE INDEX cases_by_place ON cases(municipality, orgnr, id);
                UPDATE meta SET value = '2' WHERE key = 'schema_version'; COMMIT;
                """, "test")
            XCTAssertEqual(try store.schemaVersion(), 2)
            before = try sqliteOrder(store)
        }
        let store = try SQLiteStore(path: path)
        XCTAssertEqual(try store.schemaVersion(), 3)
        let index = try store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL ORDER BY name")
        var names: [String] = []
        while try index.step("test") { names.append(index.string(0)) }
        index.reset()
        XCTAssertEqual(names, ["cases_by_school"])
        var scanned: [[String]] = []
        try store.forEachCase { scanned.append([$0.school.municipality, $0.school.orgnr, $0.id.value]) }
        XCTAssertEqual(scanned, before)
        XCTAssertFalse(scanned.isEmpty)
    }

    func testSchemaVersionIsRecordedAndANewerOneIsRefused() throws {
        do {
            let store = try SQLiteStore(path: path)
            XCTAssertEqual(try store.schemaVersion(), SQLiteStore.currentSchemaVersion)
            try store.db.execute("UPDATE meta SET value = '\(SQLiteStore.currentSchemaVersion + 1)' WHERE key = 'schema_version'", "test")
        }
        XCTAssertThrowsError(try SQLiteStore(path: path)) { error in
            XCTAssertEqual((error as? SaksgangError)?.code, .store)
            XCTAssertTrue(String(describing: error).contains("schema version \(SQLiteStore.currentSchemaVersion + 1)"))
        }
    }

    /// A reading is (file hash, mapping hash): the mapping version is kept per file, files
    /// recorded before it was kept adopt the current one, and forgetting a mapping's readings
    /// drops its cases and files in one transaction, leaving other formats alone.
    func testMappingHashesAreKeptAndAMappingsReadingsCanBeForgotten() throws {
        let store = try SQLiteStore(path: path)
        try store.beginFile()
        _ = try store.upsert(CaseFactory.make(id: "A", lastChanged: 1))
        try store.commitFile(file("h1"))
        XCTAssertEqual(try store.ingestedFile(hash: "h1")?.mappingHash, "")
        try store.adoptMappingHash("m1", format: "smx")
        XCTAssertEqual(try store.ingestedFile(hash: "h1")?.mappingHash, "m1")
        try store.beginFile()
        var other = CaseFactory.make(id: "B", lastChanged: 1)
        other.source = "smc"
        _ = try store.upsert(other)
        var f = file("h2")
        f.format = "smc"
        f.mappingHash = "m2"
        try store.commitFile(f)
        XCTAssertEqual(try store.ingestedFile(hash: "h2")?.mappingHash, "m2")
        let before = try store.caseCount()
        try store.forgetReadings(format: "smx")
        XCTAssertNil(try store.ingestedFile(hash: "h1"))
        XCTAssertNotNil(try store.ingestedFile(hash: "h2"))
        XCTAssertLessThan(try store.caseCount(), before)
        var sources = Set<String>()
        try store.forEachCase { sources.insert($0.source) }
        XCTAssertEqual(sources, ["smc"])
    }

    func testStoreFilesAreOwnerOnly() throws {
        let store = try SQLiteStore(path: path)
        try store.beginFile()
        _ = try store.upsert(CaseFactory.make(id: "A", lastChanged: 1))
        try store.commitFile(file("h"))
        for suffix in ["", "-wal", "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path + suffix)
            XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, "store\(suffix)")
        }
        let dir = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("state").path)
        XCTAssertEqual((dir[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        XCTAssertFalse(store.db.isInTransaction)
    }

    func testJournalIsWALAndSynchronousFull() throws {
        let store = try SQLiteStore(path: path)
        let journal = try store.db.prepare("PRAGMA journal_mode")
        XCTAssertTrue(try journal.step("test"))
        XCTAssertEqual(journal.string(0), "wal")
        journal.reset()
        let sync = try store.db.prepare("PRAGMA synchronous")
        XCTAssertTrue(try sync.step("test"))
        XCTAssertEqual(sync.int64(0), 2)  // FULL
        sync.reset()
    }
}
