import Measure
import TestSupport
import XCTest

/// Kaplan–Meier on small samples worked by hand, and its invariants.
final class KaplanMeierTests: XCTestCase {
    private func observations(_ pairs: [(Double, Bool)]) -> [SurvivalObservation] {
        pairs.map { SurvivalObservation(time: $0.0, event: $0.1) }
    }

    /// At t = 2 one event and one censoring: the censored subject is still at risk for
    /// that event (events first), so 4 are at risk at t = 2 and S(2) = (4/5)(3/4) = 0.6;
    /// censoring first would give 3 at risk and S(2) = (4/5)(2/3).
    func testEventsComeBeforeCensoringsAtATie() {
        let curve = KaplanMeier(observations([(1, true), (2, true), (2, false), (3, true), (4, false)]))
        XCTAssertEqual(curve.steps.map(\.time), [1, 2, 3, 4])
        XCTAssertEqual(curve.steps.map(\.atRisk), [5, 4, 2, 1])
        XCTAssertEqual(curve.steps.map(\.events), [1, 1, 1, 0])
        XCTAssertEqual(curve.steps.map(\.censored), [0, 1, 0, 1])
        XCTAssertEqual(curve.survival(at: 1), 0.8, accuracy: 1e-15)
        XCTAssertEqual(curve.survival(at: 2), 0.8 * 0.75, accuracy: 1e-15)
        XCTAssertEqual(curve.survival(at: 3.5), 0.8 * 0.75 * 0.5, accuracy: 1e-15)
        XCTAssertEqual(curve.survival(at: 0.999), 1)
        XCTAssertEqual(curve.survival(at: 100), 0.3, accuracy: 1e-15)
        // Greenwood: Σ d/(n(n−d)) = 1/20 + 1/12 + 1/2.
        XCTAssertEqual(curve.steps[2].greenwoodSum, 1.0 / 20 + 1.0 / 12 + 0.5, accuracy: 1e-15)
        XCTAssertEqual(curve.steps[2].variance, 0.09 * (1.0 / 20 + 1.0 / 12 + 0.5), accuracy: 1e-15)
        XCTAssertEqual(curve.count, 5)
        XCTAssertEqual(curve.events, 3)
        // S(2) = 0.6, S(3) = 0.3: median is 3; 75 % reached never (S stays 0.3 > 0.25).
        XCTAssertEqual(curve.median, 3)
        XCTAssertEqual(curve.quantile(0.4), 2)
        XCTAssertNil(curve.quantile(0.75))
    }

    func testInputOrderDoesNotMatter() {
        let pairs: [(Double, Bool)] = [(5, true), (0, true), (3, false), (3, true), (1, true), (8, false), (2, true)]
        let forward = KaplanMeier(observations(pairs))
        let backward = KaplanMeier(observations(pairs.reversed()))
        XCTAssertEqual(forward.steps, backward.steps)
    }

    /// Working-day durations: an event on the day of knowledge is at 0 and counts at 0.
    func testEventsAtTimeZeroCountAtZero() {
        let curve = KaplanMeier(observations([(0, true), (0, true), (1, true), (2, false)]))
        XCTAssertEqual(curve.survival(at: 0), 0.5, accuracy: 1e-15)
        XCTAssertEqual(curve.survival(at: -1), 1)
        XCTAssertEqual(curve.median, 0)
        let share = curve.cumulativeIncidence(at: 1)
        XCTAssertEqual(share.estimate, 0.75, accuracy: 1e-15)
        XCTAssertLessThan(share.lower, 0.75)
        XCTAssertGreaterThan(share.upper, 0.75)
    }

    func testEmptyAndAllCensoredHaveNoMedian() {
        let empty = KaplanMeier([])
        XCTAssertEqual(empty.count, 0)
        XCTAssertEqual(empty.events, 0)
        XCTAssertNil(empty.median)
        XCTAssertEqual(empty.survival(at: 3), 1)
        let censored = KaplanMeier(observations([(1, false), (2, false)]))
        XCTAssertNil(censored.median)
        XCTAssertNil(censored.medianConfidenceInterval().lower)
        XCTAssertNil(censored.medianConfidenceInterval().upper)
        let interval = censored.confidenceInterval(at: 5)
        XCTAssertEqual(interval.lower, 1)
        XCTAssertEqual(interval.upper, 1)
        let share = censored.cumulativeIncidence(at: 5)
        XCTAssertEqual(share.estimate, 0)
        XCTAssertEqual(share.lower, 0)
        XCTAssertEqual(share.upper, 0)
    }

    /// A curve that is exactly 0.5 must give that time as the median even though the
    /// running product may round either way.
    func testStepExactlyAtOneHalfIsTheMedian() {
        let eight = KaplanMeier((1...8).map { SurvivalObservation(time: Double($0), event: true) })
        XCTAssertEqual(eight.median, 4)
        XCTAssertEqual(eight.quantile(0.75), 6)
        // Thirds: 1 − 1/3 − … products that are not binary fractions.
        let six = KaplanMeier((1...6).map { SurvivalObservation(time: Double($0), event: true) })
        XCTAssertEqual(six.median, 3)
        XCTAssertEqual(six.quantile(0.9), 6)
    }

    /// The log-log band by hand for one step: S = 0.8 after 1 event in 5.
    func testLogLogBandByHand() {
        let curve = KaplanMeier(observations([(1, true), (2, false), (3, false), (4, false), (5, false)]))
        let z = 1.959963984540054
        let sigma = (1.0 / 20).squareRoot()
        let v = log(0.8)
        let lower = exp(-exp(log(-v) - z * sigma / v))
        let upper = exp(-exp(log(-v) + z * sigma / v))
        let band = curve.confidenceInterval(at: 1.5)
        XCTAssertEqual(band.lower, lower, accuracy: 1e-12)
        XCTAssertEqual(band.upper, upper, accuracy: 1e-12)
        XCTAssertLessThan(band.lower, 0.8)
        XCTAssertGreaterThan(band.upper, 0.8)
        XCTAssertLessThan(band.upper, 1)
        // A wider level gives a wider band.
        let wide = curve.confidenceInterval(at: 1.5, level: 0.99)
        XCTAssertLessThan(wide.lower, band.lower)
        XCTAssertGreaterThan(wide.upper, band.upper)
    }

    func testBandContainsEstimateAndCurveIsNonIncreasing() {
        var generator = SplitMix64(seed: 7)
        let pairs = (0..<300).map { _ in
            (Double(generator.next() % 40), generator.next() % 3 != 0)
        }
        let curve = KaplanMeier(observations(pairs))
        var previous = 1.0
        for step in curve.steps {
            XCTAssertLessThanOrEqual(step.survival, previous)
            previous = step.survival
            let band = curve.confidenceInterval(at: step.time)
            XCTAssertLessThanOrEqual(band.lower, step.survival)
            XCTAssertGreaterThanOrEqual(band.upper, step.survival)
            XCTAssertGreaterThanOrEqual(band.lower, 0)
            XCTAssertLessThanOrEqual(band.upper, 1)
        }
        XCTAssertEqual(curve.count, 300)
        XCTAssertEqual(curve.steps.reduce(0) { $0 + $1.events + $1.censored }, 300)
        let median = curve.median
        XCTAssertNotNil(median)
        let interval = curve.medianConfidenceInterval()
        if let median, let lower = interval.lower { XCTAssertLessThanOrEqual(lower, median) }
        if let median, let upper = interval.upper { XCTAssertGreaterThanOrEqual(upper, median) }
    }

    func testCurveThatReachesZeroHasDegenerateBandAtTheEnd() {
        let curve = KaplanMeier(observations([(1, true), (2, true)]))
        XCTAssertEqual(curve.survival(at: 2), 0)
        let band = curve.confidenceInterval(at: 2)
        XCTAssertEqual(band.lower, 0)
        XCTAssertEqual(band.upper, 0)
        XCTAssertEqual(curve.steps[1].variance, 0)
        XCTAssertEqual(curve.cumulativeIncidence(at: 2).estimate, 1)
    }
}
