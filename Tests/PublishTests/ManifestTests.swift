import Foundation
import Publish
import SaksgangCore
import TestSupport
import XCTest

final class ManifestTests: XCTestCase {
    func manifest(_ inputs: [InputFileRecord]) -> Manifest {
        Manifest(program: .init(name: "saksgang", version: "0.1.0"),
                 pipeline: .init(name: "demo.yml", sha256: String(repeating: "a", count: 64)),
                 keyID: "k-3f2a", threshold: 5, asOf: LocalDate(year: 2025, month: 3, day: 4),
                 inputs: inputs,
                 outputs: [OutputFile(name: "report.html", sha256: String(repeating: "b", count: 64), bytes: 1234)],
                 quarantineFile: "quarantine.jsonl")
    }

    func testReconciliationFlag() {
        let good = InputFileRecord(name: "a.xml", sha256: "x", bytes: 10, format: "smx", status: .ingested,
                                   records: 10, inserted: 6, updated: 1, duplicates: 1, quarantined: 2)
        var bad = good
        bad.inserted = 5
        XCTAssertTrue(good.reconciled)
        XCTAssertFalse(bad.reconciled)
        XCTAssertTrue(manifest([good]).reconciled)
        XCTAssertFalse(manifest([good, bad]).reconciled)
    }

    func testWithheldCountsAreWrittenAsNullAndReadBackWithTheirFlag() throws {
        var record = InputFileRecord(name: "a.csv", sha256: "x", bytes: 1234, format: "smc", status: .ingested,
                                     records: 50, inserted: 49, updated: 1, duplicates: 0, quarantined: 0)
        record.countsWithheld = true
        let data = try JSONEncoder().encode(record)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["bytes", "records", "inserted", "updated", "duplicates", "quarantined"] {
            XCTAssertTrue(object[key] is NSNull, key)
        }
        XCTAssertEqual(object["reconciled"] as? Bool, true)
        let back = try JSONDecoder().decode(InputFileRecord.self, from: data)
        XCTAssertTrue(back.countsWithheld)
        XCTAssertTrue(back.reconciled)
        XCTAssertTrue(FileSummary(back).countsWithheld)
    }

    func testReportLineFromAManifestRecord() {
        let refused = InputFileRecord(name: "b.xml.gz", sha256: "y", bytes: 20, format: "smx", status: .quarantined,
                                      reason: "gzip_truncated")
        XCTAssertEqual(FileSummary(refused).errorReason, "gzip_truncated")
        XCTAssertFalse(FileSummary(refused).skipped)
        let skipped = InputFileRecord(name: "c.xml", sha256: "z", bytes: 30, format: "smx", status: .skipped)
        XCTAssertTrue(FileSummary(skipped).skipped)
        XCTAssertNil(FileSummary(skipped).errorReason)
        let read = InputFileRecord(name: "a.csv", sha256: "x", bytes: 10, format: "smc", status: .ingested,
                                   records: 9, inserted: 5, updated: 1, duplicates: 1, quarantined: 2)
        XCTAssertEqual(FileSummary(read), FileSummary(name: "a.csv", format: "smc", records: 9, inserted: 5, updated: 1,
                                                      duplicates: 1, quarantined: 2))
    }

    func testWritesSortedPrettyJSONThatReadsBack() throws {
        let directory = RepoPaths.temporaryDirectory("saksgang-manifest")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = InputFileRecord(name: "b.csv", sha256: "y", bytes: 20, format: "smc", status: .quarantined,
                                  reason: "gzip_truncated", records: 4, inserted: 0, updated: 0, duplicates: 0,
                                  quarantined: 3)
        let skipped = InputFileRecord(name: "c.xml", sha256: "z", bytes: 30, format: "smx", status: .skipped)
        let original = manifest([bad, skipped])
        let output = try ManifestWriter.write(original, to: directory.path)
        let url = directory.appendingPathComponent("manifest.json")
        let data = try Data(contentsOf: url)
        XCTAssertEqual(output.name, "manifest.json")
        XCTAssertEqual(output.bytes, data.count)
        XCTAssertEqual(output.sha256, try FileHash.sha256(path: url.path))

        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["as_of"] as? String, "2025-03-04")
        XCTAssertEqual(object["key_id"] as? String, "k-3f2a")
        XCTAssertEqual(object["reconciled"] as? Bool, false)
        let inputs = try XCTUnwrap(object["inputs"] as? [[String: Any]])
        XCTAssertEqual(inputs[0]["reconciled"] as? Bool, false)
        XCTAssertEqual(inputs[0]["status"] as? String, "quarantined")
        XCTAssertEqual(inputs[1]["reconciled"] as? Bool, true)
        XCTAssertTrue(inputs[1]["reason"] is NSNull)

        let text = String(decoding: data, as: UTF8.self)
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        XCTAssertEqual(topKeys, topKeys.sorted())
        XCTAssertEqual(topKeys.first, "as_of")
        XCTAssertTrue(text.hasSuffix("}\n"))

        XCTAssertEqual(try JSONDecoder().decode(Manifest.self, from: data), original)
        // Same manifest, same bytes.
        XCTAssertEqual(try ManifestWriter.write(original, to: directory.path), output)
    }

    func testFileHashAgainstKnownDigests() throws {
        let directory = RepoPaths.temporaryDirectory("saksgang-hash")
        defer { try? FileManager.default.removeItem(at: directory) }
        let abc = directory.appendingPathComponent("abc")
        try Data("abc".utf8).write(to: abc)
        XCTAssertEqual(try FileHash.sha256(path: abc.path),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let empty = directory.appendingPathComponent("empty")
        try Data().write(to: empty)
        XCTAssertEqual(try FileHash.sha256(path: empty.path),
                       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // Three buffers' worth: "a" × 3 000 000 (digest from Python's hashlib).
        let large = directory.appendingPathComponent("large")
        try Data(repeating: UInt8(ascii: "a"), count: 3_000_000).write(to: large)
        XCTAssertEqual(try FileHash.sha256(path: large.path), Self.threeMillionA)
        XCTAssertThrowsError(try FileHash.sha256(path: directory.appendingPathComponent("missing").path)) { error in
            XCTAssertEqual((error as? SaksgangError)?.code, .ioError)
        }
    }

    static let threeMillionA = "2a152c894398719c0570f83fac34ac03a0f6e8e474b995c2403aa5434f7b9dd4"
}
