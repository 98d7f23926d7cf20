import Foundation
import Generate
import Measure
import Pipeline
import SaksgangCore
import TestSupport
import XCTest

/// 10,000 generated cases through the whole pipeline: nothing quarantined, the counts by
/// immigrant background equal the generator's truth, and no personal value of the truth
/// list reaches anything the run wrote (debug logging on).
final class GeneratedNightTests: XCTestCase {
    /// One generation and one run, shared by the tests of this class.
    struct Night {
        let exports: URL
        let run: DemoRun
        let outcome: NightlyRun.Outcome
        let truth: [String: Any]
    }

    nonisolated(unsafe) static var shared: Night?

    static func night() throws -> Night {
        if let shared { return shared }
        let exports = RepoPaths.temporaryDirectory("saksgang-generated")
        let summary = try ExportGenerator(options: GeneratorOptions(cases: 10_000, seed: 20251122, outputDirectory: exports)).run()
        XCTAssertEqual(summary.cases, 10_000)
        // truth.json stays beside the exports: no mapping reads it, so the run leaves it alone.
        let run = try DemoRun(input: exports.path)
        let outcome = try run.run(logLevel: .debug)
        let data = try Data(contentsOf: exports.appendingPathComponent("truth.json"))
        let truth = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let night = Night(exports: exports, run: run, outcome: outcome, truth: truth)
        shared = night
        return night
    }

    /// Removes the shared night's folders (the next user generates it again).
    static func cleanUp() {
        if let shared {
            shared.run.remove()
            try? FileManager.default.removeItem(at: shared.exports)
        }
        shared = nil
    }

    override class func tearDown() {
        cleanUp()
        super.tearDown()
    }

    func testNothingIsQuarantinedAndCountsEqualTruth() throws {
        let night = try Self.night()
        XCTAssertTrue(night.outcome.allStored, "quarantined: \(night.outcome.quarantinedFiles) files, \(night.outcome.quarantinedRecords) records")
        XCTAssertTrue(night.outcome.files.filter { $0.status != .unmatched }.allSatisfy(\.reconciles))
        XCTAssertEqual(night.outcome.files.filter { $0.status == .unmatched }.map(\.name), ["truth.json"])

        // Cases that some export delivered (a case registered after the export is in the
        // truth but in no file).
        let cases = try XCTUnwrap(night.truth["cases"] as? [[String: Any]])
        var expected: [String: Int] = [:]
        var delivered = 0
        for c in cases where !((c["appearances"] as? [Any]) ?? []).isEmpty {
            let pupil = try XCTUnwrap(c["pupil"] as? [String: Any])
            expected[try XCTUnwrap(pupil["immigrant_group"] as? String), default: 0] += 1
            delivered += 1
        }
        XCTAssertGreaterThan(delivered, 9_900)
        XCTAssertEqual(night.outcome.casesInStore, delivered)
        let rows = try night.run.rows()
        XCTAssertEqual(DemoRun.row(rows, "cases", "count", "all", "all")?["n"] as? Int, delivered)
        for group in ImmigrantGroup.allCases {
            let row = try XCTUnwrap(DemoRun.row(rows, "cases", "count", "immigrant_background", group.rawValue))
            XCTAssertEqual(row["n"] as? Int, expected[group.rawValue] ?? 0, group.rawValue)
        }
    }

    func testNoPersonalValueOfTheTruthReachesAnyWrittenByte() throws {
        let night = try Self.night()
        let values = try XCTUnwrap(night.truth["personal_values"] as? [String])
        XCTAssertGreaterThan(values.count, 50_000)
        // Public: the export file names (they hold dates) and the school names (a school may be
        // named after a person, like Charlottenlund).
        let schools = (night.truth["municipalities"] as? [[String: Any]] ?? [])
            .flatMap { ($0["schools"] as? [[String: Any]]) ?? [] }.compactMap { $0["name"] as? String }
        XCTAssertFalse(schools.isEmpty)
        // The report's own words (labels of metrics, groupings, groups and categories) are
        // constants of the program: an ordinary word such as "Foresatte" that also begins a
        // generated note is not a leak when the report prints it as a label.
        let labels = (Metric.catalogue + Metric.dataQuality).flatMap { m in [m.label] + m.categories.map(\.label) }
            + Grouping.standard.flatMap { g in [g.label] + g.groupLabels.values }
        let publicTokens = try FileManager.default.contentsOfDirectory(atPath: night.exports.path) + schools
            + labels.flatMap { [$0.bokmal, $0.english] }
        let scanner = LeakScanner(values: values, publicTokens: publicTokens)
        let written = DemoRun.files(under: night.run.output) + DemoRun.files(under: night.run.state)
        XCTAssertTrue(written.contains { $0.hasSuffix("saksgang.log") })
        let hits = try scanner.scan(written)
        XCTAssertEqual(hits.count, 0, "personal values leaked: \(hits.prefix(10))")
    }
}
