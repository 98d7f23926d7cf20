import SaksgangCore

extension CaseMeasurements {
    /// Every figure: for each grouping, each group (the grouping's listed groups, then those
    /// met in the data, sorted), each metric of the catalogue in order; the data-quality
    /// metrics for `qualityGroupings`; then the comparisons of every group with its reference
    /// (pooled and within schools), corrected for multiple testing as one family, flagged only
    /// where both groups have at least `threshold` cases.
    ///
    /// Each grouping's figures and each grouping's comparisons are pieces of work spread
    /// over the machine's cores (`ParallelWork`), those of the groupings with the most groups
    /// first; the list is the same, in the same order, as on one core.
    public func figures(threshold: Int, correction: Figure.Correction = .holm) -> [Figure] {
        let pupilCounts = repeats.counts()
        // Schools in the order of their codes: the strata are summed in this order.
        let schoolNumbers = schools.codes.indices.sorted { schools.codes[$0] < schools.codes[$1] }
        let compared = groupings.indices.filter { groupings[$0].reference != nil }
        // Piece p < groupings.count: grouping p's figures; after that, the comparisons of
        // compared[p - groupings.count].
        let grouping = { (p: Int) in p < groupings.count ? p : compared[p - groupings.count] }
        let size = groupings.indices.map(groupsMet)
        let order = (0..<(groupings.count + compared.count)).sorted { (size[grouping($0)], -$0) > (size[grouping($1)], -$1) }
        var figures: [[Figure]] = Array(repeating: [], count: groupings.count)
        var pending: [[PendingComparison]] = Array(repeating: [], count: compared.count)
        let done = ParallelWork.map(order.count) { k -> ([Figure], [PendingComparison]) in
            let p = order[k]
            return p < groupings.count
                ? (self.figures(ofGrouping: p, pupils: pupilCounts), [])
                : ([], pendingComparisons(ofGrouping: grouping(p), schoolNumbers: schoolNumbers, pupils: pupilCounts))
        }
        for (k, p) in order.enumerated() {
            if p < groupings.count { figures[p] = done[k].0 } else { pending[p - groupings.count] = done[k].1 }
        }
        return figures.flatMap { $0 } + corrected(pending.flatMap { $0 }, threshold: threshold, correction: correction)
    }

    /// The figures of grouping `i`: each group in display order, each metric of the catalogue.
    private func figures(ofGrouping i: Int, pupils pupilCounts: [String: [String: (yes: Int, total: Int)]]) -> [Figure] {
        var out: [Figure] = []
        let grouping = groupings[i]
        let quality = Self.qualityGroupings.contains(grouping)
        let pupils = pupilCounts[grouping.name] ?? [:]
        let numbers = cellNumbers(i)
        let cells = self.cells(i)
        for group in groups(i) {
            let cell = numbers[group].map { cells[$0] } ?? Cell(layout)
            for (m, metric) in metrics.enumerated() where quality || !Metric.dataQuality.contains(metric) {
                if case .pupilShare = metric.kind {
                    guard RepeatVictimisation.groupings.contains(grouping) else { continue }
                    let (yes, total) = pupils[group] ?? (0, 0)
                    out.append(wilson(yes: yes, total: total) {
                        Figure(metric: metric, statistic: .share, unit: .proportion, grouping: grouping.name, group: group,
                               n: $0, estimate: $1, ciLow: $2, ciHigh: $3, numerator: yes)
                    })
                    continue
                }
                out += figures(metric, index: m, cell: cell, grouping: grouping.name, group: group)
            }
        }
        return out
    }

    /// The groups of grouping `i` in display order.
    /// In a crossing whose first part lists no groups (`school x immigrant_background`), every
    /// first-part code met in the data gets every listed group of the second part, zero or not:
    /// a missing row would say "zero" as plainly as a published zero (disclosure control
    /// decides which zeros may be shown).
    func groups(_ i: Int) -> [String] {
        var listed = groupings[i].groups
        let parts = groupings[i].parts
        if parts.count == 2, parts[0].groups.isEmpty, !parts[1].groups.isEmpty {
            let firsts = Set(codes(i).compactMap { Grouping.crossingParts($0).first.map(String.init) }).sorted()
            listed = firsts.flatMap { a in parts[1].groups.map { a + Grouping.crossingSeparator + $0 } }
        }
        let listedSet = Set(listed)
        return listed + codes(i).filter { !listedSet.contains($0) }.sorted()
    }

    /// The cell number of each group of grouping `i` met in the data, by code.
    func cellNumbers(_ i: Int) -> [String: Int] {
        Dictionary(codes(i).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The Kaplan–Meier curve of a series in a cell (nil when it has no observation).
    func curve(_ cell: Cell, series s: Int) -> KaplanMeier? {
        let counts = cell.series[s]
        guard !counts.isEmpty else { return nil }
        return KaplanMeier(counts: counts.eventCounts(ticksPerUnit: layout.series[s].ticksPerUnit))
    }

    /// The time a duration metric's curve is read at: its target, or its comparison time.
    func readingTime(_ d: Metric.Duration) -> Double? {
        if let target = d.target { return Double(target(targets)) }
        return d.comparisonTime.map(Double.init)
    }

    private func figures(_ metric: Metric, index m: Int, cell: Cell, grouping: String, group: String) -> [Figure] {
        func figure(_ statistic: Statistic, _ unit: FigureUnit, category: String? = nil, n: Int?, _ value: Double?,
                    _ low: Double? = nil, _ high: Double? = nil, numerator: Int? = nil) -> Figure {
            Figure(metric: metric, statistic: statistic, unit: unit, grouping: grouping, group: group, category: category,
                   n: n, estimate: value, ciLow: low, ciHigh: high, numerator: numerator)
        }
        switch metric.kind {
        case .caseCount:
            return [figure(.count, .cases, n: cell.cases, Double(cell.cases))]

        case .duration:
            var out: [Figure] = []
            for s in layout.seriesOf[m] ?? [] {
                let unit = layout.series[s].unit
                let km = cell.noCalendar[s] > 0 ? nil : curve(cell, series: s)
                let statistics = [Statistic.median, .p75, .p90]
                guard let km else {
                    out += statistics.map { figure($0, unit, n: cell.noCalendar[s] > 0 ? nil : 0, nil) }
                    continue
                }
                for (statistic, q) in zip(statistics, km.quantiles(statistics.compactMap(\.quantile))) {
                    out.append(figure(statistic, unit, n: km.count, q.estimate, q.lower, q.upper))
                }
            }
            return out

        case .withinTarget(let timeMetric):
            guard let t = metrics.firstIndex(of: timeMetric), let s = layout.firstSeries[t],
                  case .duration(let d) = timeMetric.kind, let at = readingTime(d) else { return [] }
            return [within(cell, series: s, at: at, figure: { figure(.share, .proportion, n: $0, $1, $2, $3, numerator: $4) })]

        case .reachedBy(let timeMetric, let days):
            guard let t = metrics.firstIndex(of: timeMetric), let s = layout.firstSeries[t] else { return [] }
            return days.map { day in
                within(cell, series: s, at: Double(day), figure: {
                    figure(.share, .proportion, category: String(day), n: $0, $1, $2, $3, numerator: $4)
                })
            }

        case .share:
            let i = layout.shareOf[m]!
            return [wilson(yes: cell.shareYes[i], total: cell.shareTotal[i]) {
                figure(.share, .proportion, n: $0, $1, $2, $3, numerator: cell.shareYes[i])
            }]

        case .categoryShares:
            let b = layout.categoryBlocks[layout.blockOf[m]!]
            let total = cell.categoryTotal[layout.blockOf[m]!]
            return b.categories.categories.enumerated().map { k, category in
                wilson(yes: cell.categoryYes[b.offset + k], total: total) {
                    figure(.share, .proportion, category: category.code, n: $0, $1, $2, $3, numerator: cell.categoryYes[b.offset + k])
                }
            }

        case .categoryCounts:
            let b = layout.categoryBlocks[layout.blockOf[m]!]
            return b.categories.categories.enumerated().map { k, category in
                let n = cell.categoryYes[b.offset + k]
                return figure(.count, .cases, category: category.code, n: n, Double(n))
            }

        case .pupilShare:
            return []
        }
    }

    /// The share that had the event by `at`, read off the curve (none when the series has
    /// no observation, or a school-day series lacked a calendar).
    /// The numerator is the number of events observed by `at`.
    private func within(_ cell: Cell, series s: Int, at: Double,
                        figure: (Int?, Double?, Double?, Double?, Int?) -> Figure) -> Figure {
        if cell.noCalendar[s] > 0 { return figure(nil, nil, nil, nil, nil) }
        guard let km = curve(cell, series: s) else { return figure(0, nil, nil, nil, 0) }
        let w = km.cumulativeIncidence(at: at)
        let events = km.steps.reduce(0) { $0 + ($1.time <= at ? $1.events : 0) }
        return figure(km.count, w.estimate, w.lower, w.upper, events)
    }

    func wilson(yes: Int, total: Int, figure: (Int, Double?, Double?, Double?) -> Figure) -> Figure {
        guard total > 0 else { return figure(0, nil, nil, nil) }
        let w = ProportionInterval.wilson(successes: yes, total: total)
        return figure(total, w.estimate, w.lower, w.upper)
    }
}
