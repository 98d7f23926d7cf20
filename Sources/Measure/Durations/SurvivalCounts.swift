/// Survival observations kept as counts per whole day: durations here are counts of days, so
/// a million cases take a few hundred entries instead of a million. Expanded to observations
/// one group at a time, when its figures are computed.
struct SurvivalCounts: Sendable {
    private var counts: [Int: (events: Int, censored: Int)] = [:]
    private(set) var total = 0

    mutating func add(_ o: SurvivalObservation) {
        let day = Int(o.time)
        precondition(Double(day) == o.time, "durations are whole days")
        if o.event { counts[day, default: (0, 0)].events += 1 } else { counts[day, default: (0, 0)].censored += 1 }
        total += 1
    }

    var isEmpty: Bool { total == 0 }

    /// The observations, in time order.
    var observations: [SurvivalObservation] {
        var out: [SurvivalObservation] = []
        out.reserveCapacity(total)
        for day in counts.keys.sorted() {
            let c = counts[day]!
            out += repeatElement(SurvivalObservation(time: Double(day), event: true), count: c.events)
            out += repeatElement(SurvivalObservation(time: Double(day), event: false), count: c.censored)
        }
        return out
    }
}
