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
        // S is exactly 0.6 from 2 until the drop at 3: R's midpoint.
        XCTAssertEqual(curve.quantile(0.4), 2.5)
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
        // S(0) = 0.5 exactly until the event at 1: the median is the midpoint (R).
        XCTAssertEqual(curve.median, 0.5)
        let share = curve.cumulativeIncidence(at: 1)
        XCTAssertEqual(share.estimate, 0.75, accuracy: 1e-15)
        XCTAssertLessThan(try XCTUnwrap(share.lower), 0.75)
        XCTAssertGreaterThan(try XCTUnwrap(share.upper), 0.75)
    }

    func testEmptyAndAllCensoredHaveNoMedian() throws {
        let empty = KaplanMeier([])
        XCTAssertEqual(empty.count, 0)
        XCTAssertEqual(empty.events, 0)
        XCTAssertNil(empty.median)
        XCTAssertEqual(empty.survival(at: 3), 1)
        let censored = KaplanMeier(observations([(1, false), (2, false)]))
        XCTAssertNil(censored.median)
        XCTAssertNil(censored.medianConfidenceInterval().lower)
        XCTAssertNil(censored.medianConfidenceInterval().upper)
        // S = 1: the log-log interval is undefined (R: NA).
        let interval = censored.confidenceInterval(at: 5)
        XCTAssertNil(interval.lower)
        XCTAssertNil(interval.upper)
        let share = censored.cumulativeIncidence(at: 5)
        XCTAssertEqual(share.estimate, 0)
        XCTAssertNil(share.lower)
        XCTAssertNil(share.upper)
    }

    /// A curve that is exactly 0.5 from one event to the next is flat there, however the
    /// running product rounded, and the median is the midpoint (R's convention).
    func testStepExactlyAtOneHalfGivesTheMidpoint() {
        let eight = KaplanMeier((1...8).map { SurvivalObservation(time: Double($0), event: true) })
        XCTAssertEqual(eight.median, 4.5)
        XCTAssertEqual(eight.quantile(0.75), 6.5)
        // Thirds: 1 − 1/3 − … products that are not binary fractions.
        let six = KaplanMeier((1...6).map { SurvivalObservation(time: Double($0), event: true) })
        XCTAssertEqual(six.median, 3.5)
        XCTAssertEqual(six.quantile(0.9), 6)
        // Flat at 0.5 from 57 until the next event at 102 (censorings in between): 79.5.
        let small = KaplanMeier(observations([(12, true), (30, true), (41, true), (57, true),
                                              (70, false), (90, false), (102, true), (150, false)]))
        XCTAssertEqual(small.median, 79.5)
    }

    /// The log-log band by hand for one step: S = 0.8 after 1 event in 5.
    func testLogLogBandByHand() throws {
        let curve = KaplanMeier(observations([(1, true), (2, false), (3, false), (4, false), (5, false)]))
        let z = 1.959963984540054
        let sigma = (1.0 / 20).squareRoot()
        let v = log(0.8)
        let lower = exp(-exp(log(-v) - z * sigma / v))
        let upper = exp(-exp(log(-v) + z * sigma / v))
        let band = curve.confidenceInterval(at: 1.5)
        let bandLower = try XCTUnwrap(band.lower), bandUpper = try XCTUnwrap(band.upper)
        XCTAssertEqual(bandLower, lower, accuracy: 1e-12)
        XCTAssertEqual(bandUpper, upper, accuracy: 1e-12)
        XCTAssertLessThan(bandLower, 0.8)
        XCTAssertGreaterThan(bandUpper, 0.8)
        XCTAssertLessThan(bandUpper, 1)
        // A wider level gives a wider band.
        let wide = curve.confidenceInterval(at: 1.5, level: 0.99)
        XCTAssertLessThan(try XCTUnwrap(wide.lower), bandLower)
        XCTAssertGreaterThan(try XCTUnwrap(wide.upper), bandUpper)
        // Before the first event S = 1 and there is no interval (R: NA).
        XCTAssertNil(curve.confidenceInterval(at: 0.5).lower)
    }

    func testBandContainsEstimateAndCurveIsNonIncreasing() throws {
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
            if step.survival >= 1 || step.survival <= 0 {
                XCTAssertNil(band.lower)
                XCTAssertNil(band.upper)
                continue
            }
            let lower = try XCTUnwrap(band.lower), upper = try XCTUnwrap(band.upper)
            XCTAssertLessThanOrEqual(lower, step.survival)
            XCTAssertGreaterThanOrEqual(upper, step.survival)
            XCTAssertGreaterThanOrEqual(lower, 0)
            XCTAssertLessThanOrEqual(upper, 1)
        }
        XCTAssertEqual(curve.count, 300)
        XCTAssertEqual(curve.steps.reduce(0) { $0 + $1.events + $1.censored }, 300)
        let median = curve.median
        XCTAssertNotNil(median)
        let interval = curve.medianConfidenceInterval()
        if let median, let lower = interval.lower { XCTAssertLessThanOrEqual(lower, median) }
        if let median, let upper = interval.upper { XCTAssertGreaterThanOrEqual(upper, median) }
    }

    /// At the n == d step S = 0; R's std.err is infinite there and its interval NA.
    func testCurveThatReachesZeroHasNoBandAtTheEnd() {
        let curve = KaplanMeier(observations([(1, true), (2, true)]))
        XCTAssertEqual(curve.survival(at: 2), 0)
        let band = curve.confidenceInterval(at: 2)
        XCTAssertNil(band.lower)
        XCTAssertNil(band.upper)
        XCTAssertEqual(curve.steps[1].variance, 0)
        XCTAssertEqual(curve.cumulativeIncidence(at: 2).estimate, 1)
    }
}
