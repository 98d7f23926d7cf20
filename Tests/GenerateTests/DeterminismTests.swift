import Foundation
import Generate
import TestSupport
import XCTest

final class DeterminismTests: XCTestCase {
    /// Same arguments, same bytes — every export file and truth.json; another seed differs.
    func testSameArgumentsGiveSameBytes() throws {
        let a = GeneratedRun.make(cases: 300, seed: 7)
        let b = GeneratedRun.make(cases: 300, seed: 7)
        let c = GeneratedRun.make(cases: 300, seed: 8)
        defer { for r in [a, b, c] { try? FileManager.default.removeItem(at: r.directory) } }
        let names = try FileManager.default.contentsOfDirectory(atPath: a.directory.path).sorted()
        XCTAssertEqual(names, try FileManager.default.contentsOfDirectory(atPath: b.directory.path).sorted())
        XCTAssertTrue(names.contains("truth.json"))
        XCTAssertFalse(names.contains { $0.hasSuffix(".part") || $0.hasPrefix(".") }, "no temporary files left")
        for name in names {
            XCTAssertEqual(try Data(contentsOf: a.url(name)), try Data(contentsOf: b.url(name)), "\(name) differs between runs")
        }
        XCTAssertNotEqual(try Data(contentsOf: a.url("truth.json")), try Data(contentsOf: c.url("truth.json")))
    }

    func testRejectsInvalidOptions() {
        let dir = RepoPaths.temporaryDirectory("saksgang-gen-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        for options in [
            GeneratorOptions(cases: 10, seed: 1, outputDirectory: dir, formats: []),
            GeneratorOptions(cases: 10, seed: 1, outputDirectory: dir, faultShare: 0.9),
            GeneratorOptions(cases: -1, seed: 1, outputDirectory: dir),
        ] {
            XCTAssertThrowsError(try ExportGenerator(options: options).run())
        }
    }

    /// --no-truth-cases leaves out the per-case list and personal values but keeps the counts.
    func testTruthWithoutCases() throws {
        let dir = RepoPaths.temporaryDirectory("saksgang-gen-nocases")
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = GeneratorOptions(cases: 200, seed: 3, outputDirectory: dir)
        options.truthCases = false
        _ = try ExportGenerator(options: options).run()
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("truth.json"))) as! [String: Any]
        XCTAssertNil(truth["cases"])
        XCTAssertNil(truth["personal_values"])
        XCTAssertEqual((truth["summary"] as! [String: Any])["cases"] as? Int, 200)
    }
}
