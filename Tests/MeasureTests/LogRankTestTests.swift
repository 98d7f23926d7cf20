import Measure
import XCTest

/// The two-group log-rank test against lifelines and by hand.
final class LogRankTestTests: XCTestCase {
    func testMatchesLifelines() throws {
        let oracle = try EstimatorOracle.load()
        let samples = Dictionary(uniqueKeysWithValues: oracle.kaplanMeier.map { ($0.name, $0.observations) })
        XCTAssertGreaterThanOrEqual(oracle.logrank.count, 5)
        for pair in oracle.logrank {
            let a = try XCTUnwrap(samples[pair.a])
            let b = try XCTUnwrap(samples[pair.b])
            let test = LogRankTest(a, b)
            let label = "\(pair.a) vs \(pair.b)"
            assertRelativelyClose(test.statistic, pair.statistic, tolerance: 1e-9, label)
            assertRelativelyClose(test.pValue, pair.pValue, tolerance: 1e-8, label)
            // The test is symmetric in its groups.
            let reversed = LogRankTest(b, a)
            assertRelativelyClose(reversed.statistic, pair.statistic, tolerance: 1e-9, label)
        }
    }

    /// A: events at 1 and 3; B: event at 2, censored at 4.
    /// t=1: n=4 (2,2), d=1: E_A = 1/2, V = 2·2·1·3/(16·3) = 1/4.
    /// t=2: n=3 (1,2), d=1: E_A = 1/3, V = 1·2·1·2/(9·2) = 2/9.
    /// t=3: n=2 (1,1), d=1: E_A = 1/2, V = 1·1·1·1/(4·1) = 1/4.
    func testSmallExampleByHand() {
        let a = [SurvivalObservation(time: 1, event: true), SurvivalObservation(time: 3, event: true)]
        let b = [SurvivalObservation(time: 2, event: true), SurvivalObservation(time: 4, event: false)]
        let test = LogRankTest(a, b)
        let expectedA = 0.5 + 1.0 / 3 + 0.5
        let variance = 0.25 + 2.0 / 9 + 0.25
        XCTAssertEqual(test.observedA, 2)
        XCTAssertEqual(test.observedB, 1)
        XCTAssertEqual(test.expectedA, expectedA, accuracy: 1e-12)
        XCTAssertEqual(test.expectedA + test.expectedB, 3, accuracy: 1e-12)
        XCTAssertEqual(test.variance, variance, accuracy: 1e-12)
        XCTAssertEqual(test.statistic, (2 - expectedA) * (2 - expectedA) / variance, accuracy: 1e-12)
    }

    func testNoEventsGivesZeroStatisticAndPValueOne() {
        let a = [SurvivalObservation(time: 1, event: false)]
        let b = [SurvivalObservation(time: 2, event: false)]
        let test = LogRankTest(a, b)
        XCTAssertEqual(test.statistic, 0)
        XCTAssertEqual(test.pValue, 1)
        let empty = LogRankTest([], b)
        XCTAssertEqual(empty.pValue, 1)
    }

    func testClearlyDifferentCurvesAreSignificant() {
        let fast = (0..<40).map { SurvivalObservation(time: Double($0 % 4), event: true) }
        let slow = (0..<40).map { SurvivalObservation(time: Double(10 + $0 % 7), event: $0 % 5 != 0) }
        XCTAssertLessThan(LogRankTest(fast, slow).pValue, 1e-6)
    }
}
