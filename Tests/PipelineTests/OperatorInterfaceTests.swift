import Foundation
@testable import Pipeline
import Pseudonymize
import SaksgangCore
import TestSupport
import XCTest

/// What the operator sees: silence under cron, exit codes that tell "did not run" from
/// "stored, not published", the metrics file on every run, JSON logs, a bounded quarantine.
final class OperatorInterfaceTests: XCTestCase {
    private func executable() throws -> URL {
        let url = Bundle.main.bundleURL.appendingPathComponent("saksgang")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw XCTSkip("the saksgang executable is not built beside the tests (\(url.path))")
        }
        return url
    }

    /// Runs the binary with pipes (not a terminal): (exit code, stdout, stderr).
    private func run(_ arguments: [String]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = try executable()
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testExitCodesSilenceAndMetrics() throws {
        let root = RepoPaths.temporaryDirectory("saksgang-operator")
        defer { try? FileManager.default.removeItem(at: root) }
        let key = root.appendingPathComponent("k.key").path
        try PseudonymKey.create(atPath: key)
        let pipeline = RepoPaths.pipelines.appendingPathComponent("demo.yml").path
        let state = root.appendingPathComponent("state").path
        let output = root.appendingPathComponent("out").path
        let metrics = root.appendingPathComponent("m/saksgang.prom").path
        let common = ["run", pipeline, "--state", state, "--key", key, "--metrics-file", metrics, "--log-format", "json"]

        // A successful run off a terminal says nothing at all.
        let (ok, out, err) = try run(common + ["--output", output])
        XCTAssertEqual(ok, 0, err)
        XCTAssertEqual(out, "")
        XCTAssertEqual(err, "")
        var text = try String(contentsOfFile: metrics, encoding: .utf8)
        XCTAssertTrue(text.contains("saksgang_last_exit_code{pipeline=\"demo\"} 0"), text)
        XCTAssertTrue(text.contains("saksgang_last_success_timestamp_seconds{pipeline=\"demo\"}"), text)
        let log = try String(contentsOfFile: state + "/logs/saksgang.log", encoding: .utf8)
        for line in log.split(separator: "\n") {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)), String(line))
        }

        // The output folder cannot be written (a file stands in its place): stored, not published.
        let blocked = root.appendingPathComponent("blocked").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocked))
        let (notPublished, out2, err2) = try run(common + ["--output", blocked, "--state", root.appendingPathComponent("state2").path])
        XCTAssertEqual(notPublished, 5, err2)
        XCTAssertEqual(out2, "")
        XCTAssertTrue(err2.contains("stored, not published"), err2)
        text = try String(contentsOfFile: metrics, encoding: .utf8)
        XCTAssertTrue(text.contains("saksgang_last_exit_code{pipeline=\"demo\"} 5"), text)

        // A missing key: did not run; the success time of the earlier run is kept.
        let (didNotRun, _, err3) = try run(["run", pipeline, "--state", state, "--output", output, "--key", key + ".missing",
                                            "--metrics-file", metrics])
        XCTAssertEqual(didNotRun, 4, err3)
        XCTAssertTrue(err3.contains("did not run"), err3)
        text = try String(contentsOfFile: metrics, encoding: .utf8)
        XCTAssertTrue(text.contains("saksgang_last_exit_code{pipeline=\"demo\"} 4"), text)
        XCTAssertTrue(text.contains("saksgang_last_success_timestamp_seconds{pipeline=\"demo\"}"), text)

        // A pipeline file that cannot be loaded still writes the metrics file.
        let bad = root.appendingPathComponent("bad.yml").path
        try Data("name: x\ntreshold: 3\n".utf8).write(to: URL(fileURLWithPath: bad))
        let (badCode, _, err4) = try run(["run", bad, "--metrics-file", metrics])
        XCTAssertEqual(badCode, 4)
        XCTAssertTrue(err4.contains("treshold"), err4)
        text = try String(contentsOfFile: metrics, encoding: .utf8)
        XCTAssertTrue(text.contains("saksgang_last_exit_code{pipeline=\"bad\"} 4"), text)

        let help = try run(["run", "--help"]).1
        for code in ["0 ", "3 ", "4 ", "5 "] { XCTAssertTrue(help.contains("  " + code), help) }
    }

    /// However often a file repeats a bad record, the quarantine lists the first entries of
    /// each reason and counts the rest in one line.
    func testTheQuarantineIsCappedPerFileAndReason() throws {
        var log = QuarantineLog(cap: 3)
        for i in 0..<10_000 {
            log.add(SaksgangError(.unknownCode, "a code not in the table", at: .init(record: i + 1, field: "gender")),
                    scope: "record", file: "a.csv")
        }
        log.add(SaksgangError(.invalidDate, "not a date"), scope: "record", file: "a.csv")
        log.summarize()
        XCTAssertEqual(log.entries.count, 5)
        let last = try XCTUnwrap(log.entries.last)
        XCTAssertEqual(last.reason, "unknown_code")
        XCTAssertEqual(last.omitted, 9_997)
        XCTAssertTrue(last.message.contains("9997 more records with reason unknown_code"), last.message)
    }

    func testDiskFullIsSaidAsSuch() {
        let full = DiskFull.explain(SaksgangError(.store, "cannot commit: database or disk is full (SQLite code 13)"), paths: ["/state"])
        XCTAssertEqual(full.code, .diskFull)
        XCTAssertTrue(full.message.contains("disk full"))
        XCTAssertEqual(full.location.file, "/state")
        let other = SaksgangError(.store, "cannot commit: constraint failed (SQLite code 19)")
        XCTAssertEqual(DiskFull.explain(other, paths: [NSTemporaryDirectory()]), other)
    }
}
