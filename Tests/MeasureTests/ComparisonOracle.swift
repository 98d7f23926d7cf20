import Foundation
import Measure
import TestSupport

/// The reference values in Fixtures/oracle/comparisons.json, written by
/// Fixtures/oracle/make_comparisons_oracle.py (with make_comparisons_oracle.R) from
/// statsmodels, scipy, R survival, R stats and R epiR. The curve differences and ratios
/// at a time point are formula-based on R's S(t) and std.err (no tool compares two
/// curves at a time point); every other figure is a tool's output.
struct ComparisonOracle: Decodable {
    struct Versions: Decodable {
        let statsmodels: String
        let scipy: String
        let r: String
        let survival: String
        let epir: String
    }

    struct Interval: Decodable {
        let level: Double
        let estimate: Double?
        let lower: Double?
        let upper: Double?
    }

    struct SharePair: Decodable {
        let name: String
        let successes1: Int
        let total1: Int
        let successes2: Int
        let total2: Int
        let ratio: [Interval]
        let smallestExpected: Double?
        let chiSquare: Double?
        let chiSquarePValue: Double?
        let fisherPValue: Double?
        let fisherPValueR: Double?

        var counts: ShareCounts {
            ShareCounts(successes: successes1, total: total1,
                        referenceSuccesses: successes2, referenceTotal: total2)
        }
    }

    struct StratifiedSet: Decodable {
        let name: String
        let note: String
        let strata: [[Int]]
        let strataUsed: Int
        let cmhStatistic: Double?
        let cmhPValue: Double?
        let riskratioPooled: Double?
        let riskRatio: [Double]?
        let riskDifference: [Double]?

        var counts: [ShareCounts] {
            strata.map { ShareCounts(successes: $0[0], total: $0[1],
                                     referenceSuccesses: $0[2], referenceTotal: $0[3]) }
        }
    }

    struct CurveSet: Decodable {
        let name: String
        let note: String
        let time: [Double]
        let event: [Int]
        let group: [Int]
        let school: [Int]
        let queries: [Query]
        let logrank: LogRank
        let stratifiedLogrank: LogRank

        /// Observations of the group (group == 1) or the reference (group == 0), optionally
        /// of one school only.
        func observations(group wanted: Int, school: Int? = nil) -> [SurvivalObservation] {
            time.indices.filter { group[$0] == wanted && (school == nil || self.school[$0] == school) }
                .map { SurvivalObservation(time: time[$0], event: event[$0] == 1) }
        }

        /// One stratum per school, in ascending school order.
        var strata: [StratifiedLogRankTest.Stratum] {
            Set(school).sorted().map {
                StratifiedLogRankTest.Stratum(group: observations(group: 1, school: $0),
                                              reference: observations(group: 0, school: $0))
            }
        }
    }

    struct Query: Decodable {
        let time: Double
        let survival: Double
        let survivalReference: Double
        let stdErr: Double
        let stdErrReference: Double
        let rStdErrNan: Bool
        let byLevel: [Comparison]
    }

    struct Comparison: Decodable {
        let level: Double
        let difference: [Double]?
        let ratio: [Double]?
    }

    struct LogRank: Decodable {
        let statistic: Double
        let pValue: Double
        let observed: Double
        let expected: Double
        let observedReference: Double
        let expectedReference: Double
    }

    let versions: Versions
    let stratifiedLevel: Double
    let shares: [SharePair]
    let stratified: [StratifiedSet]
    let curves: [CurveSet]

    /// Loads the committed oracle file.
    static func load() throws -> ComparisonOracle {
        let url = RepoPaths.fixtures.appendingPathComponent("oracle/comparisons.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ComparisonOracle.self, from: Data(contentsOf: url))
    }
}
