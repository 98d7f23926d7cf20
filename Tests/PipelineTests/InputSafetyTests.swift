import Foundation
import Pipeline
import TestSupport
import XCTest

/// One bad entry in the export folder never stops the night: a FIFO, a link to a device, a
/// directory or a link to nothing named like an export is quarantined with its reason,
/// without blocking, and every other file is stored.
final class InputSafetyTests: XCTestCase {
    func testSpecialFilesAreQuarantinedWithoutBlocking() throws {
        let input = RepoPaths.temporaryDirectory("saksgang-input")
        defer { try? FileManager.default.removeItem(at: input) }
        let fm = FileManager.default
        let demo = RepoPaths.fixtures.appendingPathComponent("demo")
        for name in try fm.contentsOfDirectory(atPath: demo.path) {
            try fm.copyItem(at: demo.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        XCTAssertEqual(mkfifo(input.appendingPathComponent("smx_9901_20250620.xml").path, 0o644), 0)
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("smc_9902_20250620.csv.gz").path, withDestinationPath: "/dev/zero")
        try fm.createDirectory(at: input.appendingPathComponent("smx_9903_20250620.xml"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("smc_9904_20250620.csv").path, withDestinationPath: "/nonexistent/x")
        try fm.createDirectory(at: input.appendingPathComponent("archive"), withIntermediateDirectories: true)
        var expected: [String: String] = [
            "smx_9901_20250620.xml": "not_a_regular_file",
            "smc_9902_20250620.csv.gz": "not_a_regular_file",
            "smx_9903_20250620.xml": "not_a_regular_file",
            "smc_9904_20250620.csv": "not_a_regular_file",
        ]
        if geteuid() != 0 {  // root reads anything: the permission case only shows as a user
            let locked = input.appendingPathComponent("smc_9905_20250620.csv")
            try Data("x".utf8).write(to: locked)
            XCTAssertEqual(chmod(locked.path, 0), 0)
            expected["smc_9905_20250620.csv"] = "file_unreadable"
        }

        let run = try DemoRun(input: input.path)
        defer { run.remove() }
        let outcome = try run.run()
        XCTAssertEqual(outcome.files.filter { $0.status == .ingested }.count, 5)
        XCTAssertEqual(outcome.casesInStore, 88)
        var got: [String: String] = [:]
        for f in outcome.files where f.status == .quarantined { got[f.name] = f.reason }
        XCTAssertEqual(got, expected)
        XCTAssertFalse(outcome.files.contains { $0.name == "archive" }, "a folder no mapping reads is left alone")
        let quarantine = try String(contentsOfFile: run.output + "/internal/quarantine.jsonl", encoding: .utf8)
        for name in expected.keys { XCTAssertTrue(quarantine.contains("\"file\":\"\(name)\""), name) }
    }
}
