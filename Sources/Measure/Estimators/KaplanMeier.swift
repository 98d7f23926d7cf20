import Foundation

/// The Kaplan–Meier estimate of a survival curve S(t) = P(T > t) from right-censored
/// observations, with Greenwood's variance.
///
/// Conventions (those of R's `survival::survfit`, which the oracle tests reproduce; lifelines
/// agrees on the table): one step per distinct observed time; at a time with both events
/// and censorings the events happen first, so the censored subjects are still at risk for
/// those events; S is right-continuous (S(t) includes the events at t). The survival is
/// the running product Π(1 − d/n), multiplied in R's order (R's C code does the same
/// `km *= (n − d)/n`). Greenwood's sum Σ d/(n(n−d)) skips a step with n == d (everyone left
/// has the event, S drops to 0), where R's term is infinite; the only figures that would
/// use it, the log-log limits at S = 0, are nil as in R (see
/// `KaplanMeier+ConfidenceInterval.swift`). Quantiles follow R's `quantile.survfit`
/// (`KaplanMeier+Quantiles.swift`).
public struct KaplanMeier: Sendable {
    /// One row of the step table: a distinct observed time.
    public struct Step: Sendable, Equatable {
        /// The observed time.
        public let time: Double
        /// Subjects still under observation just before `time`.
        public let atRisk: Int
        /// Events at `time`.
        public let events: Int
        /// Censorings at `time` (removed after that time's events).
        public let censored: Int
        /// S(t) from this time until the next step.
        public let survival: Double
        /// Greenwood's running sum Σ d/(n(n−d)) up to and including this time.
        public let greenwoodSum: Double

        /// Greenwood's variance of S(t): S(t)² · Σ d/(n(n−d)).
        public var variance: Double { survival * survival * greenwoodSum }
    }

    /// The step table, ascending in time, one row per distinct observed time.
    public let steps: [Step]
    /// Number of observations.
    public let count: Int
    /// Number of observed events (uncensored observations).
    public let events: Int

    /// Estimates the curve. Every time must be finite (a NaN or infinite duration is a bug
    /// upstream, not data, and stops the program).
    public init(_ observations: [SurvivalObservation]) {
        precondition(observations.allSatisfy { $0.time.isFinite },
                     "KaplanMeier: observation time must be finite")
        let sorted = observations.sorted { $0.time < $1.time }
        var steps: [Step] = []
        var atRisk = sorted.count
        var survival = 1.0
        var greenwood = 0.0
        var index = 0
        while index < sorted.count {
            let time = sorted[index].time
            var events = 0
            var removed = 0
            while index < sorted.count, sorted[index].time == time {
                if sorted[index].event { events += 1 }
                removed += 1
                index += 1
            }
            if events > 0 {
                survival *= Double(atRisk - events) / Double(atRisk)
                if atRisk > events {
                    greenwood += Double(events) / (Double(atRisk) * Double(atRisk - events))
                }
            }
            steps.append(Step(time: time, atRisk: atRisk, events: events,
                              censored: removed - events, survival: survival,
                              greenwoodSum: greenwood))
            atRisk -= removed
        }
        self.steps = steps
        self.count = sorted.count
        self.events = sorted.reduce(0) { $0 + ($1.event ? 1 : 0) }
    }

    /// S(t): the share still without the event after time t (1 before the first step).
    public func survival(at time: Double) -> Double {
        step(at: time)?.survival ?? 1
    }

    /// The last step at or before `time`, nil before the first step.
    func step(at time: Double) -> Step? {
        // Binary search for the last index with steps[i].time <= time.
        var low = 0
        var high = steps.count
        while low < high {
            let middle = (low + high) / 2
            if steps[middle].time <= time { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : steps[low - 1]
    }
}
