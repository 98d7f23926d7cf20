import Foundation
import Measure
import TestSupport

/// The reference values in Fixtures/oracle/survival_r.json, written by
/// Fixtures/oracle/make_survival_oracle.R with R's survival package
/// (`survfit(..., conf.type = "log-log", conf.int = 0.95)`, `quantile(fit, ...)`).
/// Every R NA, NaN or Inf is null in the file and nil here.
struct RSurvivalOracle: Decodable {
    struct Options: Decodable {
        let confType: String
        let confInt: Double
        let tolerance: Double
        let probs: [Double]
    }

    struct Dataset: Decodable {
        let name: String
        let note: String
        let times: [Double]
        let events: [Bool]
        let steps: [Step]
        let atTimes: [AtTime]
        let quantiles: [Quantile]
        let exactThresholdTimes: [ExactThreshold]
    }

    /// One row of `survfit`: a distinct observed time.
    struct Step: Decodable {
        let time: Double
        let nRisk: Int
        let nEvent: Int
        let nCensor: Int
        let surv: Double
        /// R's `std.err`, the standard error of log S: √(Greenwood sum); null where infinite.
        let stdErr: Double?
        let lower: Double?
        let upper: Double?
    }

    struct AtTime: Decodable {
        let time: Double
        let surv: Double
        let lower: Double?
        let upper: Double?
    }

    /// R's quantile for prob `p` (time by which a share p had the event) with its interval:
    /// from `quantile(fit, c(0, 0.5, 0.75, 0.9))` and from the plain one-prob call.
    struct Quantile: Decodable {
        let p: Double
        let quantile: Double?
        let lower: Double?
        let upper: Double?
        let singleCallQuantile: Double?
        let singleCallLower: Double?
        let singleCallUpper: Double?
    }

    /// Event times at which S equals `survival` (1/2, 1/4, 1/10) exactly, found by R in
    /// exact arithmetic; `p` is the matching quantile prob.
    struct ExactThreshold: Decodable {
        let p: Double
        let survival: String
        let times: [Double]
    }

    let rVersion: String
    let survivalVersion: String
    let options: Options
    let datasets: [Dataset]

    static func load() throws -> RSurvivalOracle {
        let url = RepoPaths.fixtures.appendingPathComponent("oracle/survival_r.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(RSurvivalOracle.self, from: Data(contentsOf: url))
    }
}

extension RSurvivalOracle.Dataset {
    var observations: [SurvivalObservation] {
        zip(times, events).map { SurvivalObservation(time: $0, event: $1) }
    }
}
