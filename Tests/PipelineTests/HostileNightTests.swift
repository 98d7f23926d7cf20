import Foundation
import Pipeline
import SaksgangCore
import TestSupport
import XCTest

/// A night whose export folder holds the demo exports beside every hostile and broken file
/// of Fixtures/hostile/: each broken file is quarantined whole with its reason, each bad
/// record is listed, the rest of the night is processed and every good case is counted.
final class HostileNightTests: XCTestCase {
    /// Files refused as a whole, and why.
    static let quarantinedFiles: [String: String] = [
        "smx_9101_20250620.xml.gz": "gzip_truncated",
        "smx_9102_20250620.xml.gz": "gzip_corrupt",
        "smx_9103_20250620.xml.gz": "gzip_corrupt",
        "smx_9104_20250620.xml.gz": "gzip_corrupt",
        "smx_9106_20250620.xml.gz": "gzip_too_large",
        "smx_9107_20250620.xml.gz": "empty_file",
        "smx_9201_20250620.xml": "xml_doctype_refused",
        "smx_9202_20250620.xml": "xml_doctype_refused",
        "smx_9203_20250620.xml": "xml_doctype_refused",
        "smx_9204_20250620.xml": "xml_doctype_refused",
        "smx_9205_20250620.xml": "xml_doctype_refused",
        "smx_9206_20250620.xml": "xml_too_deep",
        "smx_9207_20250620.xml": "xml_malformed",
        "smx_9208_20250620.xml": "invalid_encoding",
        "smx_9209_20250620.xml": "xml_wrong_root",
        "smx_9210_20250620.xml": "xml_doctype_refused",
        "smx_9211_20250620.xml": "empty_file",
        "smc_9301_20250620.csv": "csv_wrong_delimiter",
        "smc_9302_20250620.csv": "csv_missing_column",
        "smc_9304_20250620.csv": "csv_unbalanced_quote",
        "smc_9305_20250620.csv": "nul_byte",
        "smc_9306_20250620.csv.gz": "csv_field_too_large",
        "smc_9308_20250620.csv": "empty_file",
        "smc_9309_20250620.csv": "invalid_encoding",
    ]

    /// Hostile files that are ingested: (records read, stored as new, quarantined records).
    static let ingestedFiles: [String: (records: Int, inserted: Int, quarantined: Int)] = [
        "smc_9105_20250620.csv.gz": (12, 12, 0),  // three gzip members, all read
        "smc_9303_20250620.csv": (3, 3, 0),       // an unknown column: a warning
        "smc_9307_20250620.csv": (0, 0, 0),       // header only
        "smc_9401_20250620.csv": (4, 3, 1),       // 31.02
        "smx_9402_20250620.xml": (3, 2, 1),       // 2025-02-31
        "smx_9403_20250620.xml": (3, 3, 0),       // event before knowledge, after export: warnings
        "smc_9404_20250620.csv": (5, 2, 3),       // three unknown codes
        "smx_9405_20250620.xml": (3, 3, 0),       // two invalid identity numbers: warnings
        "smx_9406_20250620.xml": (3, 2, 1),       // the same case twice
        "smx_9407_20250620.xml": (3, 1, 2),       // two unknown codes
    ]

    /// Record-level rejects: file → reason codes, in file order.
    static let rejectedRecords: [String: [String]] = [
        "smc_9401_20250620.csv": ["invalid_date"],
        "smx_9402_20250620.xml": ["invalid_date"],
        "smc_9404_20250620.csv": ["unknown_code", "unknown_code", "unknown_code"],
        "smx_9406_20250620.xml": ["duplicate_case_in_file"],
        "smx_9407_20250620.xml": ["unknown_code", "unknown_code"],
    ]

    /// Stored records (and one file shape) flagged: file → warning codes.
    static let warnings: [String: [String]] = [
        "smc_9303_20250620.csv": ["mapping"],
        "smx_9403_20250620.xml": ["event_before_knowledge", "event_after_export"],
        "smx_9405_20250620.xml": ["invalid_identity_number", "invalid_identity_number"],
    ]

    static let demoCases = 88

    private func night() throws -> (DemoRun, NightlyRun.Outcome) {
        let input = RepoPaths.temporaryDirectory("saksgang-hostile-input")
        let fm = FileManager.default
        for folder in ["demo", "hostile"] {
            let dir = RepoPaths.fixtures.appendingPathComponent(folder)
            for name in try fm.contentsOfDirectory(atPath: dir.path) where name.hasPrefix("smx_") || name.hasPrefix("smc_") {
                try fm.copyItem(at: dir.appendingPathComponent(name), to: input.appendingPathComponent(name))
            }
        }
        let run = try DemoRun(input: input.path)
        return (run, try run.run())
    }

    private func json(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func testAHostileNightQuarantinesTheBrokenAndCountsEveryGoodCase() throws {
        let (run, outcome) = try night()
        defer { run.remove(); try? FileManager.default.removeItem(atPath: run.input) }
        XCTAssertEqual(Set(Self.quarantinedFiles.keys).intersection(Self.ingestedFiles.keys), [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: run.input + "/smx_9501_20250620.xml.part"))

        // Every good case: the 88 of the demo and the good records of the hostile files.
        let hostileGood = Self.ingestedFiles.values.reduce(0) { $0 + $1.inserted }
        XCTAssertEqual(hostileGood, 31)
        XCTAssertEqual(outcome.casesInStore, Self.demoCases + hostileGood)
        let all = try XCTUnwrap(DemoRun.row(try run.rows(), "cases", "count", "all", "all"))
        XCTAssertEqual(all["n"] as? Int, Self.demoCases + hostileGood)

        // The run says it quarantined; the demo files are all stored.
        XCTAssertFalse(outcome.allStored)
        XCTAssertEqual(outcome.quarantinedFiles, Self.quarantinedFiles.count)
        XCTAssertEqual(outcome.quarantinedRecords, Self.rejectedRecords.values.reduce(0) { $0 + $1.count })
        for f in outcome.files where !f.name.contains("_9") {
            XCTAssertEqual(f.status, .ingested, f.name)
            XCTAssertEqual(f.quarantined, 0, f.name)
        }
        for (name, reason) in Self.quarantinedFiles {
            let f = try XCTUnwrap(outcome.files.first { $0.name == name }, name)
            XCTAssertEqual(f.status, .quarantined, name)
            XCTAssertEqual(f.reason, reason, name)
            XCTAssertEqual(f.inserted + f.updated, 0, "\(name): nothing stored from a quarantined file")
        }
        for (name, expected) in Self.ingestedFiles {
            let f = try XCTUnwrap(outcome.files.first { $0.name == name }, name)
            XCTAssertEqual(f.status, .ingested, name)
            XCTAssertEqual(f.records, expected.records, name)
            XCTAssertEqual(f.inserted, expected.inserted, name)
            XCTAssertEqual(f.quarantined, expected.quarantined, name)
            XCTAssertTrue(f.reconciles, name)
        }
        XCTAssertFalse(outcome.files.contains { $0.name.hasSuffix(".part") })

        // The manifest: every input listed except the .part file, each reconciled, each
        // quarantined file with its reason; a file's counts all published or all withheld
        // (null, with its size) where one is 1 to k−1 (the outcome above has them exactly).
        let manifest = try XCTUnwrap(try json(run.output + "/manifest.json") as? [String: Any])
        let inputs = try XCTUnwrap(manifest["inputs"] as? [[String: Any]])
        let k = try XCTUnwrap(manifest["threshold"] as? Int)
        XCTAssertEqual(inputs.count, 5 + Self.quarantinedFiles.count + Self.ingestedFiles.count)
        XCTAssertFalse(inputs.contains { ($0["name"] as? String ?? "").contains(".part") })
        XCTAssertFalse(inputs.contains { ($0["name"] as? String ?? "").contains("9501") })
        for input in inputs {
            let name = input["name"] as? String ?? "?"
            let n = { (k: String) in input[k] as? Int ?? -1 }
            XCTAssertEqual(input["reconciled"] as? Bool, true, name)
            let counts = ["records", "inserted", "updated", "duplicates", "quarantined", "bytes"]
            if counts.allSatisfy({ input[$0] is NSNull }) {
                let exact = try XCTUnwrap(outcome.files.first { $0.name == name }, name)
                XCTAssertTrue([exact.records, exact.inserted, exact.updated, exact.duplicates, exact.quarantined]
                    .contains { (1..<k).contains($0) }, "\(name) withheld without a small count")
                continue
            }
            XCTAssertEqual(n("records"), n("inserted") + n("updated") + n("duplicates") + n("quarantined"), name)
            if let reason = Self.quarantinedFiles[name] {
                XCTAssertEqual(input["status"] as? String, "quarantined", name)
                XCTAssertEqual(input["reason"] as? String, reason, name)
            } else {
                XCTAssertEqual(input["status"] as? String, "ingested", name)
            }
        }

        // quarantine.jsonl: one "file" line per broken file, "record" lines for rejects,
        // "warning" lines for the stored-but-flagged.
        let text = try String(contentsOfFile: run.output + "/internal/quarantine.jsonl", encoding: .utf8)
        let lines = try text.split(separator: "\n").map { try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        func entries(_ scope: String, _ file: String) -> [[String: Any]] {
            lines.filter { $0["scope"] as? String == scope && $0["file"] as? String == file }
        }
        for (name, reason) in Self.quarantinedFiles {
            let e = entries("file", name)
            XCTAssertEqual(e.count, 1, name)
            XCTAssertEqual(e.first?["reason"] as? String, reason, name)
            XCTAssertTrue(e.first?["line"] != nil || e.first?["byte_offset"] != nil, "\(name): a position")
            XCTAssertTrue(entries("record", name).isEmpty, "\(name): rejects of a rolled-back file are not listed")
        }
        for (name, reasons) in Self.rejectedRecords {
            let e = entries("record", name)
            XCTAssertEqual(e.map { $0["reason"] as? String ?? "" }, reasons, name)
            for entry in e {
                XCTAssertNotNil(entry["record"], name)
                XCTAssertNotNil(entry["line"], name)
            }
        }
        XCTAssertEqual(entries("record", "smx_9406_20250620.xml").first?["record"] as? Int, 3, "the second occurrence is the duplicate")
        XCTAssertEqual(entries("record", "smx_9406_20250620.xml").first?["element"] as? String, "/Eksport/Skole/Sak")
        XCTAssertEqual(entries("record", "smc_9404_20250620.csv").map { $0["field"] as? String ?? "" },
                       ["reported_by (meldt_av)", "violations (krenkelsestyper)", "gender (kjonn)"])
        XCTAssertEqual(lines.filter { $0["scope"] as? String == "record" }.count, outcome.quarantinedRecords)
        for (name, codes) in Self.warnings {
            XCTAssertEqual(entries("warning", name).map { $0["reason"] as? String ?? "" }, codes, name)
        }
        XCTAssertEqual(entries("warning", "smx_9405_20250620.xml").compactMap { $0["field"] as? String },
                       ["pupil_national_number", "pupil_national_number"])
        XCTAssertEqual(entries("warning", "smc_9303_20250620.csv").first?["field"] as? String, "column 37")
        XCTAssertFalse(lines.contains { ($0["file"] as? String ?? "").hasSuffix(".part") })
        XCTAssertTrue(lines.filter { $0["scope"] as? String == "warning" }.allSatisfy { entry in
            let file = entry["file"] as? String ?? ""
            return Self.warnings[file] != nil || !file.contains("_9")
        }, "no hostile file has warnings beyond the planted ones")

        // The log says the .part file was left alone and names each quarantined file.
        let log = try String(contentsOfFile: run.state + "/logs/saksgang.log", encoding: .utf8)
        XCTAssertTrue(log.contains("smx_9501_20250620.xml.part"))
        for name in Self.quarantinedFiles.keys { XCTAssertTrue(log.contains(name), name) }
    }

    /// No personal value of any hostile file, nor a line of /etc/passwd, reaches the
    /// quarantine file, the manifest, the log or anything else the run wrote.
    func testNoPersonalValueOfAHostileFileInAnythingTheRunWrote() throws {
        let (run, _) = try night()
        defer { run.remove(); try? FileManager.default.removeItem(atPath: run.input) }
        let data = try Data(contentsOf: RepoPaths.fixtures.appendingPathComponent("hostile/personal_values.json"))
        let byFile = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: [String]])
        // Planted bad codes and dates are not personal, and a report may well use a word
        // like "mobbing": they are searched for in the quarantine file, manifest and log only.
        let planted: Set<String> = ["rektor", "mobbing", "telefonmote", "31.02.2025", "2025-02-31"]
        let values = Set(byFile.values.joined())
        let inputs = DemoRun.files(under: run.input).map { ($0 as NSString).lastPathComponent }
        let operatorFiles = [run.output + "/internal/quarantine.jsonl", run.output + "/manifest.json", run.state + "/logs/saksgang.log"]

        let strict = LeakScanner(values: Array(values), publicTokens: inputs)
        XCTAssertGreaterThan(strict.needleCount, 100)
        XCTAssertEqual(try strict.scan(operatorFiles), [], "personal values in the quarantine file, manifest or log")
        let everything = LeakScanner(values: Array(values.subtracting(planted)) + (try DemoOracle().personalValues), publicTokens: inputs)
        XCTAssertEqual(try everything.scan(DemoRun.files(under: run.output) + DemoRun.files(under: run.state)), [])

        var passwd = ["root:x:0:0", "/usr/sbin/nologin"]
        if let first = try? String(contentsOfFile: "/etc/passwd", encoding: .utf8).split(separator: "\n").first { passwd.append(String(first)) }
        for path in DemoRun.files(under: run.output) + DemoRun.files(under: run.state) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            for marker in passwd { XCTAssertNil(bytes.range(of: Data(marker.utf8)), "\((path as NSString).lastPathComponent): /etc/passwd content") }
        }
    }
}
