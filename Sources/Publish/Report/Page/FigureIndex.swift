import Measure

/// The published figures, found by metric, statistic, unit, grouping, group and category,
/// with groupings, groups and columns listed in the order of Measure's model. The dictionary
/// is only looked up, never iterated, so the order of the output does not depend on hashing.
struct FigureIndex {
    struct Key: Hashable {
        var measurement: Measurement
        var grouping: String
        var group: String
    }

    /// A column of the group tables: one metric with one statistic in one unit (and category).
    struct Measurement: Hashable {
        var metric: Metric
        var statistic: Statistic
        var unit: FigureUnit
        var category: String?
    }

    let figures: [Figure]
    /// Each key's figure by its place in `figures` (a `Figure` per entry doubled the index's
    /// memory, the report's peak: some 40 MB at 100,000 cases).
    private let byKey: [Key: Int]
    /// The groups of each grouping in the order the figures bring them.
    private let groupsSeen: [String: [String]]
    /// The comparison rows within schools, by the pooled row they belong to.
    private let withinSchools: [ComparisonKey: Figure]

    struct ComparisonKey: Hashable {
        var metric: Metric
        var statistic: Statistic
        var grouping: String
        var group: String
        var category: String?
        init(_ f: Figure) {
            metric = f.metric
            statistic = f.statistic
            grouping = f.grouping
            group = f.group
            category = f.category
        }
    }

    /// The column a metric gets in the group tables, if any: the count, the median in the
    /// first unit, the share; for a categorised metric only the category its card shows.
    static func column(of metric: Metric) -> Measurement? {
        switch metric.kind {
        case .caseCount: return Measurement(metric: metric, statistic: .count, unit: .cases)
        case .duration(let d): return Measurement(metric: metric, statistic: .median, unit: d.units[0])
        case .withinTarget, .share, .pupilShare: return Measurement(metric: metric, statistic: .share, unit: .proportion)
        case .reachedBy, .categoryShares, .categoryCounts:
            guard let h = metric.headline, let category = h.category else { return nil }
            return Measurement(metric: metric, statistic: h.statistic, unit: h.unit, category: category)
        }
    }

    /// The columns of the group tables, in parts that fit the page: the sections of the
    /// catalogue, split where a section has more than three columns.
    static let tableParts: [[Measurement]] = Metric.sections.flatMap { section -> [[Measurement]] in
        let columns = section.metrics.compactMap(column(of:)).filter { $0.metric != .cases }
        // At most three columns beside the case count, so that a table fits an A4-wide window
        // (checked in a browser by BrowserReportTests).
        return stride(from: 0, to: columns.count, by: 3).map { Array(columns[$0..<min($0 + 3, columns.count)]) }
    }

    init(_ figures: [Figure]) {
        self.figures = figures
        var byKey: [Key: Int] = [:]
        byKey.reserveCapacity(figures.count)
        var groupsSeen: [String: [String]] = [:]
        var seen = Set<[String]>()
        var withinSchools: [ComparisonKey: Figure] = [:]
        for (i, f) in figures.enumerated() {
            if let c = f.comparison {
                if c.stratifiedBy != nil { withinSchools[ComparisonKey(f)] = f }
                continue
            }
            let key = Key(measurement: Measurement(metric: f.metric, statistic: f.statistic, unit: f.unit, category: f.category),
                          grouping: f.grouping, group: f.group)
            if byKey[key] == nil { byKey[key] = i }
            if seen.insert([f.grouping, f.group]).inserted { groupsSeen[f.grouping, default: []].append(f.group) }
        }
        self.byKey = byKey
        self.groupsSeen = groupsSeen
        self.withinSchools = withinSchools
    }

    func figure(_ measurement: Measurement, grouping: String, group: String) -> Figure? {
        byKey[Key(measurement: measurement, grouping: grouping, group: group)].map { figures[$0] }
    }

    /// Groupings other than `all` that have figures, in Measure's order.
    var groupings: [Grouping] {
        let present = Set(figures.map(\.grouping))
        return Grouping.standard.filter { $0 != .all && present.contains($0.name) }
    }

    /// The groups of a grouping present in the figures (of one measurement, if given), in
    /// the grouping's order, then the others in the order the figures bring them.
    func groups(of grouping: Grouping, for measurement: Measurement? = nil) -> [String] {
        var present = groupsSeen[grouping.name] ?? []
        if let measurement { present = present.filter { figure(measurement, grouping: grouping.name, group: $0) != nil } }
        let presentSet = Set(present)
        if grouping == .term || grouping == .schoolYear { return TermCode.chronological(present.sorted()) }
        let first = grouping.groups.filter(presentSet.contains)
        let firstSet = Set(first)
        return first + present.filter { !firstSet.contains($0) }
    }

    /// The comparison within schools that goes with a pooled comparison row.
    func withinSchools(of pooled: Figure) -> Figure? { withinSchools[ComparisonKey(pooled)] }

    /// The comparisons flagged after the correction for multiple testing, in table order.
    var flagged: [Figure] {
        figures.filter { $0.statistic == .difference && $0.comparison?.flag == true }
    }
}
