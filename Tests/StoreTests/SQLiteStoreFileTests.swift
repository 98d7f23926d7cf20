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
