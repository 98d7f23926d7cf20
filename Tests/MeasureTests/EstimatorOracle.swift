import Foundation
import TestSupport
import XCTest
import Measure

/// The reference values in Fixtures/oracle/estimators.json, written by
/// Fixtures/oracle/make_oracle.py from lifelines, statsmodels and scipy.
struct EstimatorOracle: Decodable {
    struct Versions: Decodable {
        let lifelines: String
        let statsmodels: String
        let scipy: String
    }

    struct SurvivalSample: Decodable {
        let name: String
        let times: [Double]
        let events: [Bool]
        let results: [SurvivalResult]
    }

    struct SurvivalResult: Decodable {
        let level: Double
        let count: Int
        let events: Int
        let table: [TableRow]
        let median: Double?
        let medianLower: Double?
        let medianUpper: Double?
        let p75: Double?
        let p90: Double?
        let p25: Double?
        let queries: [Query]
        let lifelinesDisagreements: [Disagreement]
    }

    struct TableRow: Decodable {
        let time: Double
        let atRisk: Int
        let events: Int
        let censored: Int
        let survival: Double
        let variance: Double?
        let lower: Double
        let upper: Double
    }

    struct Query: Decodable {
        let time: Double
        let survival: Double
        let lower: Double
        let upper: Double
    }

    struct Disagreement: Decodable {
        let statistic: String
        let lifelines: Double?
        let exact: Double?
    }

    struct LogRank: Decodable {
        let a: String
        let b: String
        let statistic: Double
        let pValue: Double
    }

    struct Wilson: Decodable {
        let successes: Int
        let total: Int
        let level: Double
        let estimate: Double
        let lower: Double
        let upper: Double
    }

    struct Newcombe: Decodable {
        let successes1: Int
        let total1: Int
        let successes2: Int
        let total2: Int
        let level: Double
        let difference: Double
        let lower: Double
        let upper: Double
    }

    struct Adjustment: Decodable {
        let pValues: [Double]
        let holm: [Double]
        let benjaminiHochberg: [Double]
    }

    struct Quantile: Decodable {
        let p: Double
        let x: Double
    }

    struct Tail: Decodable {
        let x: Double
        let sf: Double
    }

    let versions: Versions
    let kaplanMeier: [SurvivalSample]
    let logrank: [LogRank]
    let wilson: [Wilson]
    let newcombe: [Newcombe]
    let multipleTesting: [Adjustment]
    let inverseNormal: [Quantile]
    let chiSquare1Sf: [Tail]

    /// Loads the committed oracle file once per test run.
    static func load() throws -> EstimatorOracle {
        let url = RepoPaths.fixtures.appendingPathComponent("oracle/estimators.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(EstimatorOracle.self, from: Data(contentsOf: url))
    }
}

extension EstimatorOracle.SurvivalSample {
    var observations: [SurvivalObservation] {
        zip(times, events).map { SurvivalObservation(time: $0, event: $1) }
    }
}

/// Asserts |actual − expected| <= tolerance · |expected| + 1e-15: relative, with a floor
/// of a few ulps so that an expected 0 (a band at S = 0, a share of none) can be met.
func assertClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-9,
                 _ message: @autoclosure () -> String = "",
                 file: StaticString = #filePath, line: UInt = #line)
{
    XCTAssert(abs(actual - expected) <= tolerance * abs(expected) + 1e-15,
              "\(actual) is not within \(tolerance) of \(expected) \(message())",
              file: file, line: line)
}

/// Asserts relative closeness for values spanning many orders of magnitude (tail
/// probabilities such as 1e-36).
func assertRelativelyClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-9,
                           _ message: @autoclosure () -> String = "",
                           file: StaticString = #filePath, line: UInt = #line)
{
    if expected == 0 {
        XCTAssertEqual(actual, 0, message(), file: file, line: line)
        return
    }
    XCTAssert(abs(actual - expected) <= tolerance * abs(expected),
              "\(actual) is not relatively within \(tolerance) of \(expected) \(message())",
              file: file, line: line)
}

/// Asserts two optional times are equal (nil = never reached).
func assertSameTime(_ actual: Double?, _ expected: Double?, _ message: @autoclosure () -> String = "",
                    file: StaticString = #filePath, line: UInt = #line)
{
    XCTAssertEqual(actual, expected, message(), file: file, line: line)
}
