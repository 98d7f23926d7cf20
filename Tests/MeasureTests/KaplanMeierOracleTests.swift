@testable import Measure
import XCTest

/// Kaplan–Meier against lifelines on every oracle sample, at levels 0.95 and 0.90.
///
/// The estimator now follows R's survival package (KaplanMeierROracleTests checks every
/// figure against R). lifelines agrees on the step table and on the log-log band where S is
/// strictly between 0 and 1; it differs deliberately in two places, skipped here:
/// - where S is 1 or 0 lifelines fills the band with 1.0 / 0.0; R (and this code) has no
///   interval there (NA → nil), because the log-log transform is undefined;
/// - quantiles: lifelines takes the first time with S <= 1 − p; R takes the midpoint to the
///   next drop where S is flat at exactly 1 − p, and reads the interval limits off bands that
///   are NA at S = 0. The fixture's quantile fields keep lifelines' rule (corrected to exact
///   arithmetic by make_oracle.py); below they are only used to check how the two rules relate.
final class KaplanMeierOracleTests: XCTestCase {
    private static let oracle = Result { try EstimatorOracle.load() }

    private func samples() throws -> [EstimatorOracle.SurvivalSample] {
        let samples = try Self.oracle.get().kaplanMeier
        XCTAssertGreaterThanOrEqual(samples.count, 12)
        return samples
    }

    func testStepTableMatchesLifelines() throws {
        for sample in try samples() {
            let curve = KaplanMeier(sample.observations)
            let result = sample.results[0]
            // lifelines adds a row at time 0 with nothing happening when no time is 0.
            let rows = result.table.filter { $0.time != 0 || $0.events + $0.censored > 0 }
            XCTAssertEqual(curve.steps.count, rows.count, sample.name)
            for (step, row) in zip(curve.steps, rows) {
                let label = "\(sample.name) t=\(row.time)"
                XCTAssertEqual(step.time, row.time, label)
                XCTAssertEqual(step.atRisk, row.atRisk, label)
                XCTAssertEqual(step.events, row.events, label)
                XCTAssertEqual(step.censored, row.censored, label)
                assertClose(step.survival, row.survival, label)
                if let variance = row.variance { assertClose(step.variance, variance, label) }
            }
            XCTAssertEqual(curve.count, result.count, sample.name)
            XCTAssertEqual(curve.events, result.events, sample.name)
        }
    }

    func testPointwiseLogLogBandMatchesLifelines() throws {
        for sample in try samples() {
            let curve = KaplanMeier(sample.observations)
            for result in sample.results {
                for row in result.table {
                    let band = curve.confidenceInterval(at: row.time, level: result.level)
                    let label = "\(sample.name) level=\(result.level) t=\(row.time)"
                    // lifelines fills S = 1 and S = 0 with a degenerate band; R has none.
                    if row.survival >= 1 || row.survival <= 0 {
                        XCTAssertNil(band.lower, label)
                        XCTAssertNil(band.upper, label)
                        continue
                    }
                    assertClose(try XCTUnwrap(band.lower, label), row.lower, label)
                    assertClose(try XCTUnwrap(band.upper, label), row.upper, label)
                }
            }
        }
    }

    func testLookupBetweenAndBeyondStepsMatchesLifelines() throws {
        for sample in try samples() {
            let curve = KaplanMeier(sample.observations)
            for result in sample.results {
                for query in result.queries {
                    let label = "\(sample.name) level=\(result.level) t=\(query.time)"
                    assertClose(curve.survival(at: query.time), query.survival, label)
                    let share = curve.cumulativeIncidence(at: query.time, level: result.level)
                    assertClose(share.estimate, 1 - query.survival, label)
                    if query.survival >= 1 || query.survival <= 0 {   // no interval, as in R
                        XCTAssertNil(share.lower, label)
                        XCTAssertNil(share.upper, label)
                        continue
                    }
                    assertClose(try XCTUnwrap(share.lower, label), 1 - query.upper, label)
                    assertClose(try XCTUnwrap(share.upper, label), 1 - query.lower, label)
                }
            }
        }
    }

    /// lifelines' quantile (first time with S <= 1 − p, exact arithmetic) against R's rule
    /// implemented here: the same time unless S is flat at exactly 1 − p there, in which
    /// case R's answer is a midpoint later than it. (Equality with R itself is checked in
    /// KaplanMeierROracleTests.)
    func testQuantilesEqualLifelinesFirstTimeUnlessTheCurveIsFlatAtTheThreshold() throws {
        var flat = 0
        for sample in try samples() {
            let curve = KaplanMeier(sample.observations)
            let result = sample.results[0]
            for (p, first) in [(0.5, result.median), (0.75, result.p75), (0.9, result.p90), (0.25, result.p25)] {
                let label = "\(sample.name) p=\(p)"
                let ours = curve.quantile(p)
                guard let first else {
                    XCTAssertNil(ours, label)
                    continue
                }
                let step = try XCTUnwrap(curve.steps.first { $0.time == first }, label)
                if abs(step.survival - (1 - p)) < KaplanMeier.rTolerance {
                    flat += 1
                    XCTAssertGreaterThan(try XCTUnwrap(ours, label), first, label)
                } else {
                    assertSameTime(ours, first, label)
                }
            }
        }
        XCTAssertGreaterThan(flat, 0)
    }

    /// The median interval: lifelines' fields are not compared (R's rule differs at flat
    /// bands and reads no band value at S = 0; see the type's note); only that the limits
    /// bracket the estimate.
    func testMedianConfidenceIntervalBracketsTheMedian() throws {
        for sample in try samples() {
            let curve = KaplanMeier(sample.observations)
            for result in sample.results {
                let interval = curve.medianConfidenceInterval(level: result.level)
                let label = "\(sample.name) level=\(result.level)"
                if let median = curve.median, let lower = interval.lower {
                    XCTAssertLessThanOrEqual(lower, median, label)
                }
                if let median = curve.median, let upper = interval.upper {
                    XCTAssertGreaterThanOrEqual(upper, median, label)
                }
            }
        }
    }

    /// The oracle departs from lifelines only where lifelines' exp(Σ log) rounding put an
    /// exact threshold one ulp above it; the fixture must say so. With R's rule that exact
    /// threshold is a flat stretch and the median its midpoint.
    func testKnownLifelinesRoundingCasesAreRecordedAndExact() throws {
        let samples = try samples()
        let noCensoring = try XCTUnwrap(samples.first { $0.name == "no_censoring" })
        let disagreement = try XCTUnwrap(
            noCensoring.results[0].lifelinesDisagreements.first { $0.statistic == "median" })
        XCTAssertEqual(disagreement.lifelines, 4)
        XCTAssertEqual(disagreement.exact, 3)
        // Times 1,1,2,3,4,5,6,9: after t = 3 four of eight have had the event, S = 0.5 until
        // the event at 4, so R's median is 3.5.
        XCTAssertEqual(KaplanMeier(noCensoring.observations).median, 3.5)
        for sample in samples {
            for item in sample.results.flatMap(\.lifelinesDisagreements) {
                XCTAssertNotEqual(item.lifelines, item.exact, sample.name)
            }
        }
    }

    func testOracleRecordsLibraryVersions() throws {
        let versions = try Self.oracle.get().versions
        XCTAssertFalse(versions.lifelines.isEmpty)
        XCTAssertFalse(versions.statsmodels.isEmpty)
        XCTAssertFalse(versions.scipy.isEmpty)
    }
}
