extension KaplanMeier {
    /// The curve from counts per distinct time, ascending: one `EventCount` per distinct time. The same
    /// curve as from the expanded observations, without expanding or sorting them.
    public init(counts: [EventCount]) {
        precondition(counts.allSatisfy { $0.time.isFinite }, "KaplanMeier: observation time must be finite")
        var steps: [Step] = []
        steps.reserveCapacity(counts.count)
        var atRisk = counts.reduce(0) { $0 + $1.events + $1.censored }
        let count = atRisk
        var survival = 1.0
        var greenwood = 0.0
        var events = 0
        var previous = -Double.infinity
        for row in counts where row.events + row.censored > 0 {
            let (time, d, c) = (row.time, row.events, row.censored)
            precondition(time > previous, "KaplanMeier(counts:): times must be ascending and distinct")
            previous = time
            if d > 0 {
                survival *= Double(atRisk - d) / Double(atRisk)
                if atRisk > d { greenwood += Double(d) / (Double(atRisk) * Double(atRisk - d)) }
            }
            steps.append(Step(time: time, atRisk: atRisk, events: d, censored: c, survival: survival, greenwoodSum: greenwood))
            atRisk -= d + c
            events += d
        }
        self.steps = steps
        self.count = count
        self.events = events
    }
}
