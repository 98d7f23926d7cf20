import Foundation
import Pipeline
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

    /// The `saksgang` executable built beside the test bundle.
    private func executable() throws -> URL {
        let url = Bundle.main.bundleURL.appendingPathComponent("saksgang")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw XCTSkip("the saksgang executable is not built beside the tests (\(url.path))")
        }
        return url
    }

    func testKilledRunsThenACompleteRunGiveTheUninterruptedReports() throws {
        let binary = try executable()
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
            let p = Process()
            p.executableURL = binary
            p.arguments = arguments
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            if p.isRunning {
                kill(p.processIdentifier, SIGKILL)
                killed += 1
            }
            p.waitUntilExit()
        }
        XCTAssertGreaterThan(killed, 0, "no run was killed: the test proved nothing")

        let final = Process()
        final.executableURL = binary
        final.arguments = arguments
        final.standardOutput = FileHandle.nullDevice
        final.standardError = FileHandle.nullDevice
        try final.run()
        final.waitUntilExit()
        XCTAssertEqual(final.terminationStatus, 0)

        for name in ["report.html", "tables.csv", "tables.json", "tabeller-excel.csv"] {
            let resumed = try Data(contentsOf: URL(fileURLWithPath: output + "/" + name))
            let uninterrupted = try Data(contentsOf: URL(fileURLWithPath: night.run.output + "/" + name))
            XCTAssertEqual(resumed, uninterrupted, name)
        }
    }
}
