import SaksgangCore

/// Collects what the metrics need from each case as the store streams them, so that no list
/// of cases is ever held: per grouping and group, survival counts per tick and counts of
/// shares and categories. `figures(threshold:correction:)` then computes every figure and
/// every comparison. Every metric of `Metric.catalogue` is measured over every grouping of
/// `Grouping.standard`; the data-quality metrics over `qualityGroupings`.
public struct CaseMeasurements: Sendable {
    public let groupings: [Grouping]
    public let metrics: [Metric]
    public let targets: Targets
    public let clock: ResponseClock
    /// Latest export per municipality: open cases are censored there.
    public let asOf: [String: Timestamp]
    public private(set) var total = 0
    /// Cases that needed a school calendar that the pipeline does not have.
    public private(set) var casesWithoutSchoolCalendar = 0
    /// The municipality of every school met (orgnr → kommunenummer): school tables sum to the
    /// municipality's, and disclosure control must know how.
    public private(set) var municipalityOfSchool: [String: String] = [:]

    let layout: Layout
    var tables: [GroupTable]
    /// For the comparisons within schools: per comparable grouping, cells keyed by school and group.
    var strata: [GroupTable]
    let strataGroupings: [Int]
    var repeats = RepeatVictimisation()

    public static let qualityGroupings: [Grouping] = [.all, .immigrantBackground, .school, .municipality, .source]

    public init(groupings: [Grouping] = Grouping.standard, targets: Targets = Targets(),
                clock: ResponseClock = ResponseClock(), asOf: [String: Timestamp]) {
        self.groupings = groupings
        self.metrics = Metric.catalogue + Metric.dataQuality
        self.targets = targets
        self.clock = clock
        self.asOf = asOf
        layout = Layout(metrics: metrics)
        tables = groupings.map { _ in GroupTable() }
        strataGroupings = groupings.indices.filter { groupings[$0].reference != nil && groupings[$0].parts.isEmpty }
        strata = strataGroupings.map { _ in GroupTable() }
    }

    public mutating func add(_ c: Case) {
        total += 1
        let m = MeasuredCase(c: c, clock: clock, targets: targets, censorAt: asOf[c.school.municipality] ?? c.exportTime)
        let facts = layout.facts(m)
        repeats.add(c)
        municipalityOfSchool[c.school.orgnr] = c.school.municipality
        if facts.lacksSchoolCalendar { casesWithoutSchoolCalendar += 1 }
        for (i, grouping) in groupings.enumerated() {
            tables[i].add(facts, key: grouping.group(c), layout: layout)
        }
        for (s, g) in strataGroupings.enumerated() {
            strata[s].add(facts, key: c.school.orgnr + Self.strataSeparator + groupings[g].group(c), layout: layout,
                          series: layout.comparedSeries)
        }
    }

    static let strataSeparator = "\u{1F}"
}

extension CaseMeasurements {
    /// Where each metric's counts sit in a cell, and how a case becomes counts.
    struct Layout: Sendable {
        struct Series: Sendable {
            var metric: Int
            var duration: Metric.Duration
            var unit: FigureUnit
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
                        series.append(Series(metric: i, duration: d, unit: unit))
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

        /// Everything a case adds to a cell, computed once per case.
        func facts(_ m: MeasuredCase) -> Facts {
            var f = Facts()
            f.ticks.reserveCapacity(series.count)
            for s in series {
                switch m.result(metrics[s.metric], unit: s.unit) {
                case nil:
                    f.ticks.append(Facts.notApplicable)
                case .success(let o)?:
                    let tick = Int((o.time * Double(s.ticksPerUnit)).rounded())
                    f.ticks.append(o.event ? tick : -tick - 1)
                case .failure(let e)?:
                    if e.gap == .noSchoolCalendar { f.lacksSchoolCalendar = true; f.ticks.append(Facts.noCalendar) }
                    else { f.ticks.append(Facts.notApplicable) }
                }
            }
            f.shares = shares.map { $0.share.outcome(m) }
            f.categories = categoryBlocks.map { block in
                block.categories.classify(m).map { codes in codes.compactMap { block.index[$0].map { block.offset + $0 } } }
            }
            return f
        }
    }

    /// What one case adds to a cell. A tick t >= 0 is an event at t; -t-1 a censoring at t.
    struct Facts: Sendable {
        static let notApplicable = Int.min
        static let noCalendar = Int.min + 1
        var ticks: [Int] = []
        var shares: [Bool?] = []
        var categories: [[Int]?] = []
        var lacksSchoolCalendar = false
    }

    /// The counts of one group.
    struct Cell: Sendable {
        var cases = 0
        var series: [SurvivalCounts]
        /// Cases of a school-day series that had no school calendar: its figures are withheld.
        var noCalendar: [Int]
        var shareYes: [Int]
        var shareTotal: [Int]
        var categoryYes: [Int]
        var categoryTotal: [Int]

        init(_ layout: Layout) {
            series = layout.series.map { SurvivalCounts(dense: $0.ticksPerUnit == 1 ? 4096 : 0) }
            noCalendar = Array(repeating: 0, count: layout.series.count)
            shareYes = Array(repeating: 0, count: layout.shares.count)
            shareTotal = shareYes
            categoryYes = Array(repeating: 0, count: layout.categoryCount)
            categoryTotal = Array(repeating: 0, count: layout.categoryBlocks.count)
        }

        /// Adds a case; `series`, if given, says which series to keep.
        mutating func add(_ f: Facts, series keep: [Bool]? = nil) {
            cases += 1
            for (s, t) in f.ticks.enumerated() {
                if let keep, !keep[s] { continue }
                switch t {
                case Facts.notApplicable: continue
                case Facts.noCalendar: noCalendar[s] += 1
                default: if t >= 0 { series[s].add(tick: t, event: true) } else { series[s].add(tick: -t - 1, event: false) }
                }
            }
            for (i, outcome) in f.shares.enumerated() {
                guard let outcome else { continue }
                shareTotal[i] += 1
                if outcome { shareYes[i] += 1 }
            }
            for (b, list) in f.categories.enumerated() {
                guard let list else { continue }
                categoryTotal[b] += 1
                for k in list { categoryYes[k] += 1 }
            }
        }
    }

    /// The cells of one grouping, found by group code; cells are changed in place.
    struct GroupTable: Sendable {
        var index: [String: Int] = [:]
        var cells: [Cell] = []

        mutating func add(_ f: Facts, key: String, layout: Layout, series keep: [Bool]? = nil) {
            if let i = index[key] {
                cells[i].add(f, series: keep)
            } else {
                index[key] = cells.count
                var cell = Cell(layout)
                cell.add(f, series: keep)
                cells.append(cell)
            }
        }

        func cell(_ key: String) -> Cell? { index[key].map { cells[$0] } }
    }
}
