import Foundation
import SaksgangCore
import TestSupport
import XCTest
import Store

/// privacy.md §2 for the store. A test that searches the store file for personal values it
/// never gave the store proves nothing; instead: (1) the store has no way to receive a
/// personal value, because no Store source mentions `Sensitive` (the only type that carries
/// one) — every API takes pseudonymised `Case`s, file names, hashes and counts; (2) what it
/// keeps is exactly what it was given, read back field for field, and the raw file bytes
/// hold the given pseudonyms (so a byte search of the file, as privacy tests of the whole
/// run do, sees the stored data); (3) its errors carry no bound value.
final class StorePrivacyTests: XCTestCase {
    func testNoStoreSourceTakesOrRevealsASensitiveValue() throws {
        let sources = RepoPaths.root.appendingPathComponent("Sources/Store").resolvingSymlinksInPath()
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        XCTAssertGreaterThan(files.count, 5, "the Store sources were not found")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            // Doc comments may name it; code may not.
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("///") }
            for line in code {
                XCTAssertFalse(line.contains("Sensitive"), "\(file.lastPathComponent) uses Sensitive")
                XCTAssertFalse(line.contains(".revealed"), "\(file.lastPathComponent) reveals a Sensitive value")
            }
        }
    }

    func testStoredCasesRoundTripExactlyAndAreInTheRawFile() throws {
        let directory = RepoPaths.temporaryDirectory("saksgang-store-privacy")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("store.sqlite").path
        var rng = SplitMix64(seed: 2025)
        var given: [Case] = []
        for i in 0..<300 {
            var c = CaseFactory.random(&rng)
            c.id = Pseudonym("PSEUDOCASE\(i)X")  // unique keys: every case is kept as given
            given.append(c)
        }
        let store = try SQLiteStore(path: path)
        try store.beginFile()
        for c in given { XCTAssertEqual(try store.upsert(c), .inserted) }
        try store.commitFile(IngestedFile(hash: "h", name: "smx_4601_20250620.xml.gz", bytes: 1, format: "smx",
                                          records: 300, inserted: 300, updated: 0, duplicates: 0, quarantined: 0,
                                          ingestedAt: CaseFactory.june20))
        var read: [Case] = []
        try store.forEachCase { read.append($0) }
        XCTAssertEqual(read.count, given.count)
        XCTAssertEqual(Set(read), Set(given))

        // Raw bytes, while open: the data sits in the -wal until a checkpoint.
        var raw = Data()
        for suffix in ["", "-wal"] {
            if let d = FileManager.default.contents(atPath: path + suffix) { raw.append(d) }
        }
        for i in [0, 150, 299] {
            XCTAssertNotNil(raw.range(of: Data("PSEUDOCASE\(i)X".utf8)), "stored pseudonym not found in the file")
        }
    }
}
