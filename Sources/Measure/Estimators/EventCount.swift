/// Events and censorings at one observed time: a row of a survival table kept as counts,
/// so that a million cases with whole-day durations take a few hundred rows.
///
/// The comparison estimators (`CumulativeIncidenceComparison`, `StratifiedLogRankTest`)
/// read arrays of these sorted ascending by time, one row per distinct time. At a time
/// with both, the events happen before the censorings (R `survival` and lifelines).
public struct EventCount: Sendable, Hashable {
    /// The observed time.
    public var time: Double
    /// Events at `time`.
    public var events: Int
    /// Censorings at `time`.
    public var censored: Int

    public init(time: Double, events: Int, censored: Int) {
        self.time = time
        self.events = events
        self.censored = censored
    }

    /// Tallies observations into rows sorted ascending by time, one per distinct time.
    /// Every time must be finite.
    public static func tally(_ observations: [SurvivalObservation]) -> [EventCount] {
        precondition(observations.allSatisfy { $0.time.isFinite },
                     "EventCount.tally: observation time must be finite")
        var rows: [EventCount] = []
        for observation in observations.sorted(by: { $0.time < $1.time }) {
            if rows.last?.time != observation.time {
                rows.append(EventCount(time: observation.time, events: 0, censored: 0))
            }
            if observation.event { rows[rows.count - 1].events += 1 } else { rows[rows.count - 1].censored += 1 }
        }
        return rows
    }

    /// Checks the contract of a count table: finite times strictly ascending, counts >= 0.
    static func validate(_ rows: [EventCount], _ caller: StaticString) {
        var previous = -Double.infinity
        for row in rows {
            precondition(row.time.isFinite && row.time > previous,
                         "\(caller): times must be finite and strictly ascending")
            precondition(row.events >= 0 && row.censored >= 0,
                         "\(caller): counts must not be negative")
            previous = row.time
        }
    }
}
