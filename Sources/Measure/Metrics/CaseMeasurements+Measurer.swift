import SaksgangCore

extension CaseMeasurements {
    /// Works out what a case adds to the cells. That depends on the case and on these alone:
    /// the cells' layout, the targets, the clock and the latest export per municipality, never
    /// on the cases added before; so a scan on two threads works it out on one and adds it on
    /// the other (`add(_:facts:)`).
    public struct Measurer: Sendable {
        let layout: Layout
        public let targets: Targets
        public let clock: ResponseClock
        /// Latest export per municipality: open cases are censored there.
        public let asOf: [String: Timestamp]

        /// The case as the metrics see it, censored at its municipality's latest export. A
        /// `DeviationFollowUp` made with the same targets, clock and `asOf` takes the same
        /// value, so that a case's durations on the school calendars are worked out once.
        public func measured(_ c: Case) -> MeasuredCase {
            MeasuredCase(c: c, clock: clock, targets: targets, censorAt: asOf[c.school.municipality] ?? c.exportTime)
        }

        /// What the case adds to each of its cells.
        public func facts(of m: MeasuredCase) -> Facts {
            var f = Facts()
            collect(m, into: &f)
            return f
        }

        /// What the case adds to each of its cells, into `facts`, whose lists keep their
        /// memory: facts used for case after case allocate nothing once they have grown.
        public func collect(_ m: MeasuredCase, into facts: inout Facts) {
            layout.collect(m, into: &facts)
        }
    }
}
