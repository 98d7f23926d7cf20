import Measure
import XCTest

/// Wilson intervals for one share and Newcombe intervals for a difference of two,
/// against statsmodels and published values.
final class ProportionIntervalTests: XCTestCase {
    func testWilsonMatchesStatsmodels() throws {
        let cases = try EstimatorOracle.load().wilson
        XCTAssertGreaterThanOrEqual(cases.count, 30)
        for item in cases {
            let interval = ProportionInterval.wilson(successes: item.successes, total: item.total, level: item.level)
            let label = "\(item.successes)/\(item.total) level=\(item.level)"
            assertClose(interval.estimate, item.estimate, label)
            assertClose(interval.lower, item.lower, label)
            assertClose(interval.upper, item.upper, label)
        }
    }

    /// Newcombe (1998), Table I: 81/263 gives 0.2553 to 0.3662; 0/10 gives 0 to 0.2775.
    func testWilsonPublishedValues() {
        let first = ProportionInterval.wilson(successes: 81, total: 263)
        XCTAssertEqual(first.lower, 0.2553, accuracy: 5e-5)
        XCTAssertEqual(first.upper, 0.3662, accuracy: 5e-5)
        let zero = ProportionInterval.wilson(successes: 0, total: 10)
        XCTAssertEqual(zero.estimate, 0)
        XCTAssertEqual(zero.lower, 0)
        XCTAssertEqual(zero.upper, 0.2775, accuracy: 5e-5)
        let all = ProportionInterval.wilson(successes: 10, total: 10)
        XCTAssertEqual(all.upper, 1)
        XCTAssertEqual(all.lower, 1 - zero.upper, accuracy: 1e-12)
    }

    func testWilsonWithoutCasesIsNaN() {
        let none = ProportionInterval.wilson(successes: 0, total: 0)
        XCTAssertTrue(none.estimate.isNaN && none.lower.isNaN && none.upper.isNaN)
    }

    func testNewcombeMatchesStatsmodels() throws {
        let cases = try EstimatorOracle.load().newcombe
        XCTAssertGreaterThanOrEqual(cases.count, 16)
        for item in cases {
            let interval = ProportionDifference.newcombe(
                successes1: item.successes1, total1: item.total1,
                successes2: item.successes2, total2: item.total2, level: item.level)
            let label = "\(item.successes1)/\(item.total1) - \(item.successes2)/\(item.total2) level=\(item.level)"
            assertClose(interval.estimate, item.difference, label)
            assertClose(interval.lower, item.lower, label)
            assertClose(interval.upper, item.upper, label)
        }
    }

    /// Newcombe (1998), Table II, method 10: 56/70 − 48/80 gives 0.0524 to 0.3339,
    /// 9/10 − 3/10 gives 0.1705 to 0.8090.
    func testNewcombePublishedValues() {
        let first = ProportionDifference.newcombe(successes1: 56, total1: 70, successes2: 48, total2: 80)
        XCTAssertEqual(first.estimate, 0.2, accuracy: 1e-12)
        XCTAssertEqual(first.lower, 0.0524, accuracy: 5e-5)
        XCTAssertEqual(first.upper, 0.3339, accuracy: 5e-5)
        let second = ProportionDifference.newcombe(successes1: 9, total1: 10, successes2: 3, total2: 10)
        XCTAssertEqual(second.lower, 0.1705, accuracy: 5e-5)
        XCTAssertEqual(second.upper, 0.8090, accuracy: 5e-5)
        // Swapping the groups mirrors the interval.
        let swapped = ProportionDifference.newcombe(successes1: 48, total1: 80, successes2: 56, total2: 70)
        XCTAssertEqual(swapped.lower, -first.upper, accuracy: 1e-12)
        XCTAssertEqual(swapped.upper, -first.lower, accuracy: 1e-12)
    }
}
