import Foundation
import Pipeline
import SaksgangCore
import TestSupport
import XCTest

/// Privacy is a test: run the demo with debug logging, then search every byte the run wrote
/// (reports, manifest, quarantine, the SQLite store with its journal, the logs) for every
/// personal value of the inputs, also in the forms a leak takes.
final class PrivacyScanTests: XCTestCase {
    func testNoPersonalValueInAnythingTheRunWrote() throws {
        let run = try DemoRun()
        defer { run.remove() }
        try run.run(logLevel: .trace)
        try run.run(logLevel: .trace) // the second run writes logs and reports too

        let scanner = LeakScanner(values: try DemoOracle().personalValues,
                                  publicTokens: DemoRun.files(under: run.input).map { ($0 as NSString).lastPathComponent })
        XCTAssertGreaterThan(scanner.needleCount, 1000)
        let written = DemoRun.files(under: run.output) + DemoRun.files(under: run.state)
        XCTAssertTrue(written.contains { $0.hasSuffix("store.sqlite") })
        XCTAssertTrue(written.contains { $0.hasSuffix("saksgang.log") })
        XCTAssertEqual(try scanner.scan(written), [], "personal values leaked")
    }

    /// The scan itself can fail: a value planted in a written file, in a leak's form, is found.
    func testTheScanFindsAPlantedValue() throws {
        let dir = RepoPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let oracle = try DemoOracle()
        let name = try XCTUnwrap(oracle.personalValues.first { $0.contains(" ") && $0.count < 30 && $0.unicodeScalars.contains { $0.value > 127 } })
        let escaped = String(data: try JSONEncoder().encode(name.lowercased()), encoding: .utf8)!
        let path = dir.appendingPathComponent("report.json").path
        try Data("{\"x\": \(escaped)}".utf8).write(to: URL(fileURLWithPath: path))
        let latin1 = dir.appendingPathComponent("log.txt").path
        try XCTUnwrap(("note " + name).data(using: .isoLatin1)).write(to: URL(fileURLWithPath: latin1))
        let number = try XCTUnwrap(oracle.personalValues.first { $0.count == 11 && $0.allSatisfy(\.isNumber) })
        let binary = dir.appendingPathComponent("store.bin").path
        try Data([0, 1, 2] + Array(number.utf8) + [0xff]).write(to: URL(fileURLWithPath: binary))
        let hits = try LeakScanner(values: oracle.personalValues).scan([path, latin1, binary])
        XCTAssertTrue(hits.contains { $0.file.hasSuffix("report.json") }, "\(hits)")
        XCTAssertTrue(hits.contains { $0.file.hasSuffix("log.txt") }, "\(hits)")
        XCTAssertTrue(hits.contains { $0.file.hasSuffix("store.bin") }, "\(hits)")
    }
}
