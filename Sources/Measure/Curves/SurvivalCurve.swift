/// A Kaplan–Meier curve of one duration metric for one group, as the report draws it: one
/// point per distinct observed time with S(t), its log-log band, the number still at risk and
/// the censorings there. Computed by the same `KaplanMeier` as the medians it goes with, so
/// the curve and the published median agree. A new published output: it passes disclosure
/// control (`CurveDisclosure` in Disclose) before the report sees it.
public struct SurvivalCurve: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        /// The observed time, in the curve's unit.
        public var time: Double
        /// S(t): the share still without the event after `time`.
        public var survival: Double
        /// The 95 % log-log band of S(t); nil where it is undefined (S = 1 or 0).
        public var lower: Double?
        public var upper: Double?
        /// Cases still under observation just before `time`.
        public var atRisk: Int
        /// Events at `time`.
        public var events: Int
        /// Censorings (open cases, or cases closed without the event) at `time`.
        public var censored: Int

        public init(time: Double, survival: Double, lower: Double?, upper: Double?, atRisk: Int, events: Int, censored: Int) {
            self.time = time
            self.survival = survival
            self.lower = lower
            self.upper = upper
            self.atRisk = atRisk
            self.events = events
            self.censored = censored
        }

        /// The share that has had the event by `time`, 1 − S(t), with its band turned over.
        public var reached: (estimate: Double, low: Double?, high: Double?) {
            (1 - survival, upper.map { 1 - $0 }, lower.map { 1 - $0 })
        }
    }

    public var metric: Metric
    public var unit: FigureUnit
    public var grouping: String
    public var group: String
    /// Cases behind the curve: the `n` of the metric's median for the same group and unit.
    public var n: Int
    public var points: [Point]

    public init(metric: Metric, unit: FigureUnit, grouping: String, group: String, n: Int, points: [Point]) {
        self.metric = metric
        self.unit = unit
        self.grouping = grouping
        self.group = group
        self.n = n
        self.points = points
    }

    /// The curve of a Kaplan–Meier estimate, with the 95 % log-log band at each step.
    public init(metric: Metric, unit: FigureUnit, grouping: String, group: String, _ km: KaplanMeier) {
        let z = NormalDistribution.twoSidedCriticalValue(level: 0.95)
        let points = km.steps.map { step -> Point in
            let band = KaplanMeier.logLogBand(step, z: z)
            return Point(time: step.time, survival: step.survival, lower: band.lower, upper: band.upper,
                         atRisk: step.atRisk, events: step.events, censored: step.censored)
        }
        self.init(metric: metric, unit: unit, grouping: grouping, group: group, n: km.count, points: points)
    }

    /// The point in force at time t (the last at or before it); nil before the first.
    public func point(at time: Double) -> Point? {
        points.last { $0.time <= time }
    }
}
