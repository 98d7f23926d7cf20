import SaksgangCore

extension CaseMeasurements {
    /// Where each metric's counts sit in a cell, and how a case becomes counts.
    ///
    /// A cell's counters are one flat list: the cases, then per series the cases that lacked
    /// a school calendar, per share the yes and the total, per category the yes, and per
    /// category block the total. A case adds one to a few of them (`Facts.counters`).
    struct Layout: Sendable {
        struct Series: Sendable {
            var metric: Int
            var unit: FigureUnit
            /// The series as a case keeps its observation (every duration metric of the catalogue).
            var observed: DurationSeries?
            var ticksPerUnit: Int { unit == .hours ? 60 : 1 }
        }
        struct Shares: Sendable {
            var metric: Int
            var share: Metric.Share
        }
        struct CategoryBlock: Sendable {
            var metric: Int
            var categories: Metric.Categories
            var offset: Int
            var index: [String: Int]
        }
        var series: [Series] = []
        var shares: [Shares] = []
        var categoryBlocks: [CategoryBlock] = []
        var categoryCount = 0
        let metrics: [Metric]
        /// Series index of each metric's first unit, by metric index.
        var firstSeries: [Int: Int] = [:]
        /// True for the series comparisons read (each metric's first unit): the cells within
        /// schools keep only these.
        var comparedSeries: [Bool] = []
        var seriesOf: [Int: [Int]] = [:]
        var shareOf: [Int: Int] = [:]
        var blockOf: [Int: Int] = [:]

        init(metrics: [Metric]) {
            self.metrics = metrics
            for (i, metric) in metrics.enumerated() {
                switch metric.kind {
                case .duration(let d):
                    for unit in d.units {
                        comparedSeries.append(firstSeries[i] == nil)
                        if firstSeries[i] == nil { firstSeries[i] = series.count }
                        seriesOf[i, default: []].append(series.count)
                        series.append(Series(metric: i, unit: unit, observed: DurationSeries.named(metric.name, unit)))
                    }
                case .share(let s):
                    shareOf[i] = shares.count
                    shares.append(Shares(metric: i, share: s))
                case .categoryShares(let c), .categoryCounts(let c):
                    blockOf[i] = categoryBlocks.count
                    var index: [String: Int] = [:]
                    for (k, category) in c.categories.enumerated() { index[category.code] = k }
                    categoryBlocks.append(CategoryBlock(metric: i, categories: c, offset: categoryCount, index: index))
                    categoryCount += c.categories.count
                case .caseCount, .withinTarget, .reachedBy, .pupilShare:
                    break
                }
            }
        }

        // Where each kind of counter starts in a cell's counters.
        static let casesCounter = 0
        var noCalendarCounters: Int { 1 }
        var shareYesCounters: Int { noCalendarCounters + series.count }
        var shareTotalCounters: Int { shareYesCounters + shares.count }
        var categoryYesCounters: Int { shareTotalCounters + shares.count }
        var categoryTotalCounters: Int { categoryYesCounters + categoryCount }
        var counterCount: Int { categoryTotalCounters + categoryBlocks.count }

        /// Everything a case adds to a cell, computed once per case into `f` (reused, so
        /// that its lists are not allocated again for every case).
        func collect(_ m: MeasuredCase, into f: inout Facts) {
            f.comparedObservations.removeAll(keepingCapacity: true)
            f.uncomparedObservations.removeAll(keepingCapacity: true)
            f.counters.removeAll(keepingCapacity: true)
            f.lacksSchoolCalendar = false
            f.counters.append(Self.casesCounter)
            for s in series.indices {
                let result = if let observed = series[s].observed { m.result(observed) }
                             else { m.result(metrics[series[s].metric], unit: series[s].unit) }
                switch result {
                case nil:
                    continue
                case .success(let o)?:
                    let observation = Facts.Observation(series: s, tick: Int((o.time * Double(series[s].ticksPerUnit)).rounded()),
                                                        event: o.event)
                    if comparedSeries[s] { f.comparedObservations.append(observation) } else { f.uncomparedObservations.append(observation) }
                case .failure(let e)?:
                    if e.gap == .noSchoolCalendar {
                        f.lacksSchoolCalendar = true
                        f.counters.append(noCalendarCounters + s)
                    }
                }
            }
            for (i, s) in shares.enumerated() {
                guard let outcome = s.share.outcome(m) else { continue }
                f.counters.append(shareTotalCounters + i)
                if outcome { f.counters.append(shareYesCounters + i) }
            }
            for (b, block) in categoryBlocks.enumerated() {
                guard let codes = block.categories.classify(m) else { continue }
                f.counters.append(categoryTotalCounters + b)
                for code in codes {
                    if let k = block.index[code] { f.counters.append(categoryYesCounters + block.offset + k) }
                }
            }
        }
    }

    /// What one case adds to a cell: observations of the series, and the counters it adds one to.
    public struct Facts: Sendable {
        struct Observation: Sendable {
            var series: Int
            /// Whole days, or minutes for hours.
            var tick: Int
            var event: Bool
        }
        /// The observations of the series comparisons read (each duration metric's first
        /// unit), and of the others: the cells within schools keep only the first.
        var comparedObservations: [Observation] = []
        var uncomparedObservations: [Observation] = []
        /// Offsets into a cell's counters (`Layout`), one per count the case adds to.
        var counters: [Int] = []
        var lacksSchoolCalendar = false

        public init() {}
    }
}
