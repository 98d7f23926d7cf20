import Foundation
import Generate
import Pipeline
import TestSupport
import XCTest

/// The comparisons find what was planted and keep quiet where nothing was: generated nights
/// with the default planted effects (immigrant pupils' homes contacted later, their cases
/// closed later and more often because the pupil changed school, far more ethnicity-based
/// cases) are flagged after the correction; nights in which every group is alike flag
/// nothing in at least 95 % of seeds (Holm controls the family-wise error rate at 5 %).
final class RecoveryTests: XCTestCase {
    typealias Row = [String: Any]

    static func flagged(_ rows: [Row], metric: String, grouping: String = "immigrant_background", group: String,
                        category: String? = nil, stratified: Bool = false) -> Row? {
        rows.first {
            $0["metric"] as? String == metric && $0["statistic"] as? String == "difference" && $0["grouping"] as? String == grouping
                && $0["group"] as? String == group && ($0["category"] as? String) == category
                && ($0["stratified_by"] as? String) == (stratified ? "school" : nil)
        }
    }

    func testPlantedEffectsAreFlagged() throws {
        let night = try GeneratedNightTests.night()
        let rows = try night.run.rows()
        for (metric, category, sign) in [("first_contact_within_target", nil, -1.0), ("closed_within", "90", -1.0),
                                         ("closed_by_reason", "byttet_skole", 1.0), ("ethnicity_based", nil, 1.0)] as [(String, String?, Double)] {
            for stratified in [false, true] {
                let row = try XCTUnwrap(Self.flagged(rows, metric: metric, group: "immigrant", category: category, stratified: stratified),
                                        "\(metric) \(stratified)")
                XCTAssertEqual(row["flag"] as? Bool, true, "\(metric) \(category ?? "") stratified \(stratified): \(row)")
                XCTAssertEqual(row["correction"] as? String, "holm")
                if let estimate = row["estimate"] as? Double { XCTAssertGreaterThan(estimate * sign, 0, metric) }
            }
        }
        // The report says what it found, with the correction named.
        let html = try String(contentsOfFile: night.run.output + "/report.html", encoding: .utf8)
        XCTAssertTrue(html.contains("Holm"))
    }

    /// Twenty null worlds: every flag in any of them is a false discovery.
    func testNullWorldsFlagWithinTheErrorRate() throws {
        let effects = try Effects.load(from: RepoPaths.fixtures.appendingPathComponent("effects/null.json"))
        var runsWithFlags: [UInt64] = []
        var comparisons = 0
        for seed in UInt64(1)...20 {
            let exports = RepoPaths.temporaryDirectory("saksgang-null")
            defer { try? FileManager.default.removeItem(at: exports) }
            _ = try ExportGenerator(options: GeneratorOptions(cases: 1_500, seed: 9_000 + seed, outputDirectory: exports,
                                                              effects: effects)).run()
            let run = try DemoRun(input: exports.path)
            defer { run.remove() }
            _ = try run.run(logLevel: .error)
            let rows = try run.rows()
            let tested = rows.filter { $0["p_adjusted"] is Double }
            comparisons += tested.count
            if tested.contains(where: { $0["flag"] as? Bool == true }) { runsWithFlags.append(seed) }
        }
        XCTAssertGreaterThan(comparisons, 20 * 100, "the null worlds must actually be tested")
        // Holm at 5 %: at most one run in twenty with any flag.
        XCTAssertLessThanOrEqual(runsWithFlags.count, 1, "seeds with a flag: \(runsWithFlags)")
    }
}
