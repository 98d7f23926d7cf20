@testable import Measure
import XCTest

/// Kaplan–Meier, its pointwise log-log interval and the quantiles with their intervals
/// against R's survival package (Fixtures/oracle/survival_r.json, written by
/// Fixtures/oracle/make_survival_oracle.R; conf.type = "log-log", conf.int = 0.95).
///
/// Every number is compared with `assertMatchesR`: |actual − expected| <= 1e-9 · max(1, |expected|),
/// that is absolute 1e-9 for values up to 1 in size (S, limits, std.err) and relative 1e-9 beyond
/// (times in days); R's NA/Inf (null) must be nil here and a number must be a number.
final class KaplanMeierROracleTests: XCTestCase {
    private static let oracle = Result { try RSurvivalOracle.load() }
    private static let tolerance = 1e-9

    private func datasets() throws -> [RSurvivalOracle.Dataset] {
        let oracle = try Self.oracle.get()
        XCTAssertEqual(oracle.options.confType, "log-log")
        XCTAssertEqual(oracle.options.confInt, 0.95)
        XCTAssertEqual(oracle.options.tolerance, KaplanMeier.rTolerance)
        XCTAssertEqual(oracle.options.probs, [0.5, 0.75, 0.9])
        XCTAssertGreaterThanOrEqual(oracle.datasets.count, 20)
        return oracle.datasets
    }

    /// Counts each figure compared (a number or a null), for the summary at the end.
    private var compared = 0

    private func assertMatchesR(_ actual: Double?, _ expected: Double?, _ label: @autoclosure () -> String,
                                file: StaticString = #filePath, line: UInt = #line)
    {
        compared += 1
        switch (actual, expected) {
        case (nil, nil):
            return
        case let (actual?, expected?):
            XCTAssert(abs(actual - expected) <= Self.tolerance * max(1, abs(expected)),
                      "\(actual) differs from R's \(expected): \(label())", file: file, line: line)
        default:
            XCTFail("\(String(describing: actual)) but R has \(String(describing: expected)): \(label())",
                    file: file, line: line)
        }
    }

    func testStepTableAndPointwiseIntervalMatchR() throws {
        for dataset in try datasets() {
            let curve = KaplanMeier(dataset.observations)
            XCTAssertEqual(curve.steps.count, dataset.steps.count, dataset.name)
            for (step, row) in zip(curve.steps, dataset.steps) {
                let label = "\(dataset.name) t=\(row.time)"
                assertMatchesR(step.time, row.time, label + " time")
                XCTAssertEqual(step.atRisk, row.nRisk, label)
                XCTAssertEqual(step.events, row.nEvent, label)
                XCTAssertEqual(step.censored, row.nCensor, label)
                compared += 3
                assertMatchesR(step.survival, row.surv, label + " surv")
                // R's std.err of log S is infinite at the n == d step (S = 0); Greenwood's sum
                // here skips that term, and nothing reads it where S = 0.
                let standardError = step.survival > 0 ? step.greenwoodSum.squareRoot() : nil
                assertMatchesR(standardError, row.stdErr, label + " std.err")
                let band = curve.confidenceInterval(at: row.time)
                assertMatchesR(band.lower, row.lower, label + " lower")
                assertMatchesR(band.upper, row.upper, label + " upper")
            }
        }
        print("KaplanMeierROracleTests: \(compared) step-table figures compared with R")
    }

    func testValuesAtChosenTimesMatchR() throws {
        for dataset in try datasets() {
            let curve = KaplanMeier(dataset.observations)
            for row in dataset.atTimes {
                let label = "\(dataset.name) at t=\(row.time)"
                assertMatchesR(curve.survival(at: row.time), row.surv, label + " surv")
                let band = curve.confidenceInterval(at: row.time)
                assertMatchesR(band.lower, row.lower, label + " lower")
                assertMatchesR(band.upper, row.upper, label + " upper")
                let share = curve.cumulativeIncidence(at: row.time)
                assertMatchesR(share.estimate, 1 - row.surv, label + " share")
                assertMatchesR(share.lower, row.upper.map { 1 - $0 }, label + " share lower")
                assertMatchesR(share.upper, row.lower.map { 1 - $0 }, label + " share upper")
            }
        }
        print("KaplanMeierROracleTests: \(compared) figures at chosen times compared with R")
    }

    func testQuantilesAndTheirIntervalsMatchR() throws {
        for dataset in try datasets() {
            let curve = KaplanMeier(dataset.observations)
            XCTAssertEqual(dataset.quantiles.map(\.p), [0.5, 0.75, 0.9], dataset.name)
            // All three at once (as the tables ask for them) give the same figures.
            for (row, q) in zip(dataset.quantiles, curve.quantiles(dataset.quantiles.map(\.p))) {
                let label = "\(dataset.name) p=\(row.p) together"
                assertMatchesR(q.estimate, row.quantile, label + " quantile")
                assertMatchesR(q.lower, row.lower, label + " lower")
                assertMatchesR(q.upper, row.upper, label + " upper")
            }
            for row in dataset.quantiles {
                let label = "\(dataset.name) p=\(row.p)"
                assertMatchesR(curve.quantile(row.p), row.quantile, label + " quantile")
                let interval = curve.quantileConfidenceInterval(row.p)
                assertMatchesR(interval.lower, row.lower, label + " lower")
                assertMatchesR(interval.upper, row.upper, label + " upper")
                if row.p == 0.5 {
                    assertMatchesR(curve.median, row.quantile, label + " median")
                    let median = curve.medianConfidenceInterval()
                    assertMatchesR(median.lower, row.lower, label + " median lower")
                    assertMatchesR(median.upper, row.upper, label + " median upper")
                }
            }
        }
        print("KaplanMeierROracleTests: \(compared) quantile figures compared with R")
    }

    /// The plain one-prob call `quantile(fit, p)` differs from the recorded answer only where
    /// R's early exit (max(1 − S) < p) fires on a curve that ends exactly on the threshold
    /// with a product rounded above it; there the tolerance rule gives the midpoint to the
    /// last time, which is what exact arithmetic says (S is 1 − p exactly) and what R itself
    /// answers when it rounded below or when a smaller prob is asked in the same call.
    func testPlainRCallDiffersOnlyOnACurveEndingExactlyOnTheThreshold() throws {
        var differing: [String] = []
        for dataset in try datasets() {
            for row in dataset.quantiles where row.quantile != row.singleCallQuantile
                || row.lower != row.singleCallLower || row.upper != row.singleCallUpper
            {
                differing.append("\(dataset.name) \(row.p)")
                // Only the estimate differs, and R's single call has NA there.
                XCTAssertNil(row.singleCallQuantile, dataset.name)
                XCTAssertEqual(row.lower, row.singleCallLower, dataset.name)
                XCTAssertEqual(row.upper, row.singleCallUpper, dataset.name)
                // The curve is exactly 1 − p from its last event on (exact arithmetic in R).
                let exact = try XCTUnwrap(dataset.exactThresholdTimes.first { $0.p == row.p })
                let lastEvent = try XCTUnwrap(dataset.steps.last { $0.nEvent > 0 })
                XCTAssertEqual(exact.times.last, lastEvent.time, dataset.name)
                // Midpoint of that time and the last observed time.
                XCTAssertEqual(row.quantile, (lastEvent.time + dataset.steps.last!.time) / 2, dataset.name)
            }
        }
        XCTAssertEqual(differing, ["flat_half_rounded_above 0.5"])
        let oracle = try Self.oracle.get()
        let above = try XCTUnwrap(oracle.datasets.first { $0.name == "flat_half_rounded_above" })
        let below = try XCTUnwrap(oracle.datasets.first { $0.name == "flat_half_rounded_below" })
        XCTAssertGreaterThan(above.steps[2].surv, 0.5)   // 0.50000000000000011
        XCTAssertLessThan(below.steps[2].surv, 0.5)      // 0.49999999999999994
        XCTAssertEqual(KaplanMeier(above.observations).median, 5.5)
        XCTAssertEqual(KaplanMeier(below.observations).median, 5.5)
    }

    /// R's tolerance and exact arithmetic pick the same steps: on every dataset the event
    /// steps where this curve is within `rTolerance` of 1/2, 1/4, 1/10 are exactly those where
    /// R's prime-exponent arithmetic found the product equal to it.
    func testToleranceAgreesWithExactArithmeticOnEveryDataset() throws {
        var exactCases = 0
        for dataset in try datasets() {
            let curve = KaplanMeier(dataset.observations)
            XCTAssertEqual(dataset.exactThresholdTimes.map(\.p), [0.5, 0.75, 0.9], dataset.name)
            for exact in dataset.exactThresholdTimes {
                let byTolerance = curve.steps.filter {
                    $0.events > 0 && abs((1 - $0.survival) - exact.p) < KaplanMeier.rTolerance
                }.map(\.time)
                XCTAssertEqual(byTolerance, exact.times, "\(dataset.name) S = \(exact.survival)")
                exactCases += exact.times.count
            }
        }
        XCTAssertGreaterThanOrEqual(exactCases, 15)
    }

    /// The cases the requirement names, spelled out.
    func testNamedCases() throws {
        let byName = Dictionary(uniqueKeysWithValues: try datasets().map { ($0.name, $0) })
        func curve(_ name: String) throws -> KaplanMeier {
            KaplanMeier(try XCTUnwrap(byName[name], name).observations)
        }
        // Flat at exactly 0.5 from 57 until the next event at 102: midpoint, not 57.
        XCTAssertEqual(try curve("flat_half_gap").median, 79.5)
        // Flat at 0.5 to the end (last censoring at 8): midpoint with the last time.
        XCTAssertEqual(try curve("flat_half_to_end").median, 6)
        XCTAssertEqual(try curve("flat_quarter").quantile(0.75), 21.5)
        XCTAssertEqual(try curve("flat_tenth").quantile(0.9), 24)
        XCTAssertEqual(try curve("flat_tenth_to_end").quantile(0.9), 10.5)
        XCTAssertNil(try curve("median_never_reached").median)
        XCTAssertNil(try curve("all_censored").median)
        XCTAssertNil(try curve("single_censored").median)
        let one = try curve("single_event")
        XCTAssertEqual(one.median, 4)
        XCTAssertNil(one.medianConfidenceInterval().lower)
        XCTAssertNil(one.medianConfidenceInterval().upper)
        XCTAssertEqual(try curve("all_events_one_time").quantile(0.9), 5)
    }

    func testOracleRecordsRAndSurvivalVersions() throws {
        let oracle = try Self.oracle.get()
        XCTAssertTrue(oracle.rVersion.hasPrefix("R version"), oracle.rVersion)
        XCTAssertFalse(oracle.survivalVersion.isEmpty)
    }
}
