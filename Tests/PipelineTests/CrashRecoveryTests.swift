import Foundation
import Pipeline
import Store
import TestSupport
import XCTest

/// Killing a run at any point (`kill -9`) and running again gives the same reports as a run
/// that was never interrupted: files commit one transaction each, reports are written whole
/// and renamed, and the reports are a function of the store alone.
final class CrashRecoveryTests: XCTestCase {
    override class func tearDown() {
        GeneratedNightTests.cleanUp()
        super.tearDown()
    }

    func testKilledRunsThenACompleteRunGiveTheUninterruptedReports() throws {
        let saksgang = try SaksgangExecutable()
        let night = try GeneratedNightTests.night()
        let root = RepoPaths.temporaryDirectory("saksgang-crash")
        defer { try? FileManager.default.removeItem(at: root) }
        let state = root.appendingPathComponent("state").path
        let output = root.appendingPathComponent("out").path
        let pipeline = RepoPaths.pipelines.appendingPathComponent("demo.yml").path
        let arguments = ["run", pipeline, "--input", night.exports.path, "--output", output, "--state", state,
                         "--key", night.run.keyPath, "--quiet"]

        // Kill it at several points of ingestion, each time resuming from what was committed.
        var killed = 0
        for delay in [0.4, 1.2, 2.5] {
            if try saksgang.kill(arguments, after: delay) { killed += 1 }
        }
        XCTAssertGreaterThan(killed, 0, "no run was killed: the test proved nothing")

        XCTAssertEqual(try saksgang.run(arguments), 0)

        for name in ["report.html", "tables.csv", "tables.json", "tabeller-excel.csv"] {
            let resumed = try Data(contentsOf: URL(fileURLWithPath: output + "/" + name))
            let uninterrupted = try Data(contentsOf: URL(fileURLWithPath: night.run.output + "/" + name))
            XCTAssertEqual(resumed, uninterrupted, name)
        }

        // The manifest and the quarantine file too: an uninterrupted run of the same program.
        let cleanOutput = root.appendingPathComponent("clean-out").path
        let clean = try saksgang.run(["run", pipeline, "--input", night.exports.path, "--output", cleanOutput,
                                          "--state", root.appendingPathComponent("clean-state").path,
                                          "--key", night.run.keyPath, "--quiet"])
        XCTAssertEqual(clean, 0)
        try assertSameOutputs(output, cleanOutput)
    }

    /// Kills while measuring and publishing (the store complete, the reports being rebuilt):
    /// every rerun leaves the output folder byte-identical to an uninterrupted run's, with
    /// nothing extra in it and no staging folder left in the state folder.
    func testKillsWhilePublishingLeaveNothingExtra() throws {
        let saksgang = try SaksgangExecutable()
        let night = try GeneratedNightTests.night()
        let root = RepoPaths.temporaryDirectory("saksgang-crash-publish")
        defer { try? FileManager.default.removeItem(at: root) }
        let state = root.appendingPathComponent("state").path
        let output = root.appendingPathComponent("out").path
        let pipeline = RepoPaths.pipelines.appendingPathComponent("demo.yml").path
        let arguments = ["run", pipeline, "--input", night.exports.path, "--output", output, "--state", state,
                         "--key", night.run.keyPath, "--quiet"]
        XCTAssertEqual(try saksgang.run(arguments), 0)
        let reference = root.appendingPathComponent("reference").path
        try FileManager.default.copyItem(atPath: output, toPath: reference)

        // How long a rebuild from the complete store takes (forgetting the report state
        // makes a night with nothing new publish again).
        try forgetReportState(state)
        let t0 = Date()
        XCTAssertEqual(try saksgang.run(arguments), 0)
        let rebuild = Date().timeIntervalSince(t0)

        var killed = 0
        for fraction in [0.6, 0.85, 0.97] {
            try forgetReportState(state)
            if try saksgang.kill(arguments, after: rebuild * fraction) { killed += 1 }
            // After each kill, the folder holds only report files (old or new, whole).
            let names = Set(try FileManager.default.contentsOfDirectory(atPath: output))
            XCTAssertTrue(names.isSubset(of: Self.outputNames), "left in the output folder: \(names.subtracting(Self.outputNames))")
        }
        XCTAssertGreaterThan(killed, 0, "no run was killed: the test proved nothing")
        XCTAssertEqual(try saksgang.run(arguments), 0)
        try assertSameOutputs(output, reference)
        XCTAssertFalse(FileManager.default.fileExists(atPath: state + "/publishing"))
    }

    static let outputNames: Set<String> = ["report.html", "tables.csv", "tables.json", "tabeller-excel.csv",
                                           "tables.schema.json", "codebook.md", "manifest.json", "audit.json", "internal"]
    /// The files compared byte for byte: the report files and the internal follow-up list.
    static let outputFiles = outputNames.subtracting(["internal"])
        .union(["internal/avvik-til-oppfolging.csv", "internal/IKKE-FOR-PUBLISERING.txt", "internal/quarantine.jsonl"])

    /// Forgets the report state the store keeps: a night with nothing new then publishes again.
    private func forgetReportState(_ state: String) throws {
        try SQLiteStore(path: state + "/" + SQLiteStore.fileName).setRunState(.reportState, to: "")
    }

    /// Exactly the report files in both folders, byte for byte.
    private func assertSameOutputs(_ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let fm = FileManager.default
        XCTAssertEqual(Set(try fm.contentsOfDirectory(atPath: a)), Self.outputNames, "extra files in the output folder", file: file, line: line)
        XCTAssertEqual(Set(try fm.contentsOfDirectory(atPath: b)), Self.outputNames, file: file, line: line)
        for name in Self.outputFiles.sorted() {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a + "/" + name)),
                           try Data(contentsOf: URL(fileURLWithPath: b + "/" + name)), name, file: file, line: line)
        }
    }
}
