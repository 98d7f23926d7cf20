import Measure
import TestSupport
import XCTest

/// Edge cases of the comparison estimators that no tool can be asked about (an empty
/// group), and agreement of the count-based curves with `KaplanMeier`.
final class ComparisonEstimatorTests: XCTestCase {
    func testTallyGivesOneSortedRowPerTime() {
        let rows = EventCount.tally([
            SurvivalObservation(time: 3, event: false), SurvivalObservation(time: 1, event: true),
            SurvivalObservation(time: 3, event: true), SurvivalObservation(time: 1, event: true),
        ])
        XCTAssertEqual(rows, [EventCount(time: 1, events: 2, censored: 0),
                              EventCount(time: 3, events: 1, censored: 1)])
        XCTAssertEqual(EventCount.tally([]), [])
    }

    func testEmptyGroupsGiveNoComparison() {
        XCTAssertNil(TwoProportionTest(successes1: 0, total1: 0, successes2: 3, total2: 9))
        XCTAssertNil(ProportionRatio.log(successes1: 2, total1: 5, successes2: 0, total2: 0))
        let curve = [SurvivalObservation(time: 1, event: true), SurvivalObservation(time: 2, event: false)]
        let comparison = CumulativeIncidenceComparison(group: [SurvivalObservation](), reference: curve, at: 5)
        XCTAssertNil(comparison.difference)
        XCTAssertNil(comparison.ratio)
        XCTAssertEqual(comparison.group.count, 0)
        let test = CochranMantelHaenszelTest([ShareCounts(successes: 0, total: 0, referenceSuccesses: 2,
                                                          referenceTotal: 4)])
        XCTAssertEqual(test.strataUsed, 0)
        XCTAssert(test.pValue.isNaN)
        XCTAssertNil(MantelHaenszelEstimate.riskRatio([]))
        XCTAssertNil(MantelHaenszelEstimate.riskDifference([]))
        let logRank = StratifiedLogRankTest([StratifiedLogRankTest.Stratum(group: [], reference: EventCount.tally(curve))])
        XCTAssertEqual(logRank.statistic, 0)
        XCTAssertEqual(logRank.pValue, 1)
        XCTAssertEqual(logRank.expectedReference, 1)
    }

    func testCountBasedCurveAgreesWithKaplanMeier() {
        var random = SplitMix64(seed: 20250611)
        let observations = (0..<300).map { _ in
            SurvivalObservation(time: Double(Int.random(in: 0...40, using: &random)),
                                event: Bool.random(using: &random))
        }
        let curve = KaplanMeier(observations)
        for time in stride(from: -1.0, through: 45, by: 0.5) {
            let point = CumulativeIncidenceComparison(group: observations, reference: observations, at: time).group
            assertClose(point.incidence, 1 - curve.survival(at: time), "t=\(time)")
            let variance = curve.steps.last { $0.time <= time }?.variance ?? 0
            assertClose(point.standardError, variance.squareRoot(), "t=\(time)")
        }
    }
}

/// The Mantel–Fleiss criterion keeps the chi-square approximation of the CMH test from
/// flagging sparse data: a rare outcome spread over many small schools.
final class MantelFleissTests: XCTestCase {
    func testSparseStrataFailTheCriterionAndLargeOnesPass() {
        let sparse = (0..<12).map { k in
            ShareCounts(successes: k < 3 ? 1 : 0, total: 1, referenceSuccesses: 0, referenceTotal: 12)
        }
        let test = CochranMantelHaenszelTest(sparse)
        XCTAssertLessThan(test.pValue, 1e-4, "the approximation alone would call this significant")
        XCTAssertFalse(test.approximationHolds)
        // Σ E a = 3 × 1/13 ≈ 0.23, lower bound 0: margin ≈ 0.23.
        XCTAssertEqual(test.mantelFleiss, 3.0 / 13.0, accuracy: 1e-12)
        let large = (0..<4).map { _ in ShareCounts(successes: 20, total: 60, referenceSuccesses: 25, referenceTotal: 80) }
        XCTAssertTrue(CochranMantelHaenszelTest(large).approximationHolds)
    }
}
