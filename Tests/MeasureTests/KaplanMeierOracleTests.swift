import Measure
import XCTest

/// Kaplan–Meier against lifelines on every oracle sample, at levels 0.95 and 0.90.
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
                    assertClose(band.lower, row.lower, label)
                    assertClose(band.upper, row.upper, label)
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
                    assertClose(share.lower, 1 - query.upper, label)
                    assertClose(share.upper, 1 - query.lower, label)
                }
            }
        }
    }

    func testMedianAndPercentilesMatchExactLifelinesConvention() throws {
        for sample in try samples() {
            let curve = KaplanMeier(sample.observations)
            let result = sample.results[0]
            assertSameTime(curve.median, result.median, "\(sample.name) median")
            assertSameTime(curve.quantile(0.75), result.p75, "\(sample.name) p75")
            assertSameTime(curve.quantile(0.9), result.p90, "\(sample.name) p90")
            assertSameTime(curve.quantile(0.25), result.p25, "\(sample.name) p25")
        }
    }

    func testMedianConfidenceIntervalMatchesLifelinesBandInversion() throws {
        for sample in try samples() {
            let curve = KaplanMeier(sample.observations)
            for result in sample.results {
                let interval = curve.medianConfidenceInterval(level: result.level)
                let label = "\(sample.name) level=\(result.level)"
                assertSameTime(interval.lower, result.medianLower, label + " lower")
                assertSameTime(interval.upper, result.medianUpper, label + " upper")
            }
        }
    }

    /// The oracle departs from lifelines only where lifelines' exp(Σ log) rounding put an
    /// exact threshold one ulp above it; the fixture must say so, and we keep the exact answer.
    func testKnownLifelinesRoundingCasesAreRecordedAndExact() throws {
        let samples = try samples()
        let noCensoring = try XCTUnwrap(samples.first { $0.name == "no_censoring" })
        let disagreement = try XCTUnwrap(
            noCensoring.results[0].lifelinesDisagreements.first { $0.statistic == "median" })
        XCTAssertEqual(disagreement.lifelines, 4)
        XCTAssertEqual(disagreement.exact, 3)
        // Times 1,1,2,3,4,5,6,9: after t = 3 four of eight have had the event, S = 0.5.
        XCTAssertEqual(KaplanMeier(noCensoring.observations).median, 3)
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
