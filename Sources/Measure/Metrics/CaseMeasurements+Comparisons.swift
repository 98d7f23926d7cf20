import SaksgangCore

extension CaseMeasurements {
    /// One comparison before the correction: its two rows share one p-value.
    struct PendingComparison {
        var difference: Figure
        var ratio: Figure
        var pValue: Double?
        var n: Int
        var referenceN: Int
    }

    /// The comparisons of grouping `i` (which has a reference), before the correction: every
    /// group against the reference, pooled and within schools, for each metric that is a share
    /// (shares, category shares, shares read off a curve). Curves are tested with the log-rank
    /// test (stratified by school within schools); shares with Pearson's chi-square test
    /// without continuity correction (Cochran–Mantel–Haenszel within schools). The p-values of
    /// every grouping form one family (`corrected`).
    /// `schoolNumbers`: the schools in the order of their codes (the strata are summed in it);
    /// `pupils`: repeat victimisation's counts by grouping and group (`RepeatVictimisation.counts()`).
    func pendingComparisons(ofGrouping i: Int, schoolNumbers: [Int],
                            pupils pupilCounts: [String: [String: (yes: Int, total: Int)]]) -> [PendingComparison] {
        var pending: [PendingComparison] = []
        let grouping = groupings[i]
        let stratum = strataGroupings.firstIndex(of: i)
        var schoolCounts = SchoolEventCounts(series: layout.series.count)
        let pupils = pupilCounts[grouping.name] ?? [:]
        let numbers = cellNumbers(i)
        let cells = self.cells(i)
        for group in groups(i) {
            guard let reference = grouping.reference(for: group),
                  let g = numbers[group], let r = numbers[reference] else { continue }
            let a = cells[g], b = cells[r]
            var pairs: [(Cell, Cell)] = []
            var pairNumbers: [(Int, Int)] = []
            if let stratum {
                for school in schoolNumbers {
                    if let x = strataPairs[stratum].number(of: school, g), let y = strataPairs[stratum].number(of: school, r) {
                        pairs.append((strata[stratum].cell(x, layout), strata[stratum].cell(y, layout)))
                        pairNumbers.append((x, y))
                    }
                }
            }
            if let a = pupils[group], let b = pupils[reference] {
                pending.append(shareRows(.repeatVictimisation, nil, a, b, grouping: grouping.name, group: group, reference: reference))
            }
            for (m, metric) in metrics.enumerated() where grouping.compares(on: metric) {
                pending += compare(metric, m, a, b, grouping: grouping.name, group: group, reference: reference, stratifiedBy: nil)
                if stratum != nil {
                    pending += compareWithinSchools(metric, m, pairs: pairs, numbers: pairNumbers, counts: &schoolCounts,
                                                    group: group, reference: reference, grouping: grouping.name)
                }
            }
        }
        return pending
    }

    /// The comparisons with their p-values adjusted by `correction` as one family, flagged only
    /// where both groups have at least `threshold` cases.
    func corrected(_ pending: [PendingComparison], threshold: Int, correction: Figure.Correction) -> [Figure] {
        let ps = pending.map { $0.pValue ?? .nan }
        let adjusted = correction == .holm ? MultipleTesting.holm(ps) : MultipleTesting.benjaminiHochberg(ps)
        var out: [Figure] = []
        for (k, var c) in pending.enumerated() {
            let p = adjusted[k].isNaN ? nil : adjusted[k]
            let flag = (p ?? 1) < 0.05 && c.n >= threshold && c.referenceN >= threshold
            for row in [\PendingComparison.difference, \PendingComparison.ratio] {
                c[keyPath: row].comparison?.pAdjusted = p
                c[keyPath: row].comparison?.correction = correction
                c[keyPath: row].comparison?.flag = flag
                out.append(c[keyPath: row])
            }
        }
        return out
    }

    private func rows(_ metric: Metric, grouping: String, group: String, category: String?, reference: String,
                      n: Int, referenceN: Int, stratifiedBy: String?, test: String, p: Double?,
                      difference: (Double, Double?, Double?)?, ratio: (Double, Double?, Double?)?) -> PendingComparison {
        func row(_ statistic: Statistic, _ v: (Double, Double?, Double?)?) -> Figure {
            Figure(metric: metric, statistic: statistic, unit: .proportion, grouping: grouping, group: group, category: category,
                   n: n, estimate: v?.0, ciLow: v?.1, ciHigh: v?.2,
                   comparison: Figure.Comparison(reference: reference, referenceN: referenceN, pValue: p,
                                                 stratifiedBy: stratifiedBy, test: test))
        }
        return PendingComparison(difference: row(.difference, difference), ratio: row(.ratio, ratio), pValue: p, n: n,
                                 referenceN: referenceN)
    }

    /// Pooled comparisons of one metric between two cells.
    private func compare(_ metric: Metric, _ m: Int, _ a: Cell, _ b: Cell, grouping: String, group: String,
                         reference: String, stratifiedBy: String?) -> [PendingComparison] {
        switch metric.kind {
        case .withinTarget(let timeMetric), .reachedBy(let timeMetric, _):
            guard let t = metrics.firstIndex(of: timeMetric), let s = layout.firstSeries[t],
                  case .duration(let d) = timeMetric.kind, a.noCalendar[s] == 0, b.noCalendar[s] == 0,
                  !a.series[s].isEmpty, !b.series[s].isEmpty else { return [] }
            let per = layout.series[s].ticksPerUnit
            let ca = a.series[s].eventCounts(ticksPerUnit: per), cb = b.series[s].eventCounts(ticksPerUnit: per)
            let p = StratifiedLogRankTest(group: ca, reference: cb).pValue
            let times: [(Double, String?)]
            if case .reachedBy(_, let days) = metric.kind { times = days.map { (Double($0), String($0)) } }
            else if let at = readingTime(d) { times = [(at, nil)] } else { times = [] }
            return times.map { at, category in
                let c = CumulativeIncidenceComparison(group: ca, reference: cb, at: at)
                return rows(metric, grouping: grouping, group: group, category: category, reference: reference,
                            n: c.group.count, referenceN: c.reference.count, stratifiedBy: stratifiedBy, test: "log-rank", p: p,
                            difference: c.difference.map(Self.triple), ratio: c.ratio.map(Self.triple))
            }
        case .share:
            let i = layout.shareOf[m]!
            return [shareRows(metric, nil, (a.shareYes[i], a.shareTotal[i]), (b.shareYes[i], b.shareTotal[i]),
                              grouping: grouping, group: group, reference: reference)]
        case .categoryShares:
            let blockIndex = layout.blockOf[m]!
            let block = layout.categoryBlocks[blockIndex]
            return block.categories.categories.enumerated().map { k, category in
                shareRows(metric, category.code, (a.categoryYes[block.offset + k], a.categoryTotal[blockIndex]),
                          (b.categoryYes[block.offset + k], b.categoryTotal[blockIndex]),
                          grouping: grouping, group: group, reference: reference)
            }
        case .caseCount, .duration, .categoryCounts, .pupilShare:
            return []
        }
    }

    private func shareRows(_ metric: Metric, _ category: String?, _ a: (yes: Int, total: Int), _ b: (yes: Int, total: Int),
                           grouping: String, group: String, reference: String) -> PendingComparison {
        guard a.total > 0, b.total > 0 else {
            return rows(metric, grouping: grouping, group: group, category: category, reference: reference, n: a.total,
                        referenceN: b.total, stratifiedBy: nil, test: "chi-square", p: nil, difference: nil, ratio: nil)
        }
        let d = ProportionDifference.newcombe(successes1: a.yes, total1: a.total, successes2: b.yes, total2: b.total)
        let r = ProportionRatio.log(successes1: a.yes, total1: a.total, successes2: b.yes, total2: b.total)
        let test = TwoProportionTest(successes1: a.yes, total1: a.total, successes2: b.yes, total2: b.total)
        return rows(metric, grouping: grouping, group: group, category: category, reference: reference, n: a.total,
                    referenceN: b.total, stratifiedBy: nil, test: test?.method == .fisherExact ? "fisher-exact" : "chi-square",
                    p: test.flatMap { $0.pValue.isNaN ? nil : $0.pValue },
                    difference: (d.estimate, d.lower, d.upper), ratio: r.map(Self.triple))
    }

    /// The same comparisons within schools: the cells of each school that has both groups.
    /// The event counts of the within-school cells of one grouping, by cell number and
    /// series, made once: a reference group's school cells are compared with every other
    /// group's, and making their counts again for each comparison was about 3 % of a run's
    /// samples at 100,000 cases.
    struct SchoolEventCounts {
        let series: Int
        private var counts: [Int: [EventCount]] = [:]

        init(series: Int) { self.series = series }

        mutating func counts(of cell: Cell, number: Int, series s: Int, ticksPerUnit: Int) -> [EventCount] {
            let key = number * series + s
            if let known = counts[key] { return known }
            let made = cell.series[s].eventCounts(ticksPerUnit: ticksPerUnit)
            counts[key] = made
            return made
        }
    }

    /// Comparisons of one metric within schools; `pairs` are the group's and the
    /// reference's cells at each school, `numbers` their cell numbers in the grouping's strata.
    private func compareWithinSchools(_ metric: Metric, _ m: Int, pairs: [(Cell, Cell)], numbers: [(Int, Int)],
                                      counts: inout SchoolEventCounts, group: String, reference: String,
                                      grouping: String) -> [PendingComparison] {
        let n = pairs.reduce(0) { $0 + $1.0.cases }, referenceN = pairs.reduce(0) { $0 + $1.1.cases }
        switch metric.kind {
        case .withinTarget(let timeMetric), .reachedBy(let timeMetric, _):
            guard let t = metrics.firstIndex(of: timeMetric), let s = layout.firstSeries[t],
                  !pairs.contains(where: { $0.0.noCalendar[s] > 0 || $0.1.noCalendar[s] > 0 }) else { return [] }
            let per = layout.series[s].ticksPerUnit
            let strata = zip(pairs, numbers).map { pair, number in
                StratifiedLogRankTest.Stratum(group: counts.counts(of: pair.0, number: number.0, series: s, ticksPerUnit: per),
                                              reference: counts.counts(of: pair.1, number: number.1, series: s, ticksPerUnit: per))
            }
            let test = StratifiedLogRankTest(strata)
            let p: Double? = test.variance > 0 ? test.pValue : nil
            let categories: [String?]
            if case .reachedBy(_, let days) = metric.kind { categories = days.map { String($0) } } else { categories = [nil] }
            return categories.map {
                rows(metric, grouping: grouping, group: group, category: $0, reference: reference, n: n, referenceN: referenceN,
                     stratifiedBy: "school", test: "stratified log-rank", p: p, difference: nil, ratio: nil)
            }
        case .share:
            let i = layout.shareOf[m]!
            return [stratifiedShareRows(metric, nil, pairs.map { (($0.0.shareYes[i], $0.0.shareTotal[i]), ($0.1.shareYes[i], $0.1.shareTotal[i])) },
                                        grouping: grouping, group: group, reference: reference, n: n, referenceN: referenceN)]
        case .categoryShares:
            let blockIndex = layout.blockOf[m]!
            let block = layout.categoryBlocks[blockIndex]
            return block.categories.categories.enumerated().map { k, category in
                stratifiedShareRows(metric, category.code, pairs.map {
                    (($0.0.categoryYes[block.offset + k], $0.0.categoryTotal[blockIndex]),
                     ($0.1.categoryYes[block.offset + k], $0.1.categoryTotal[blockIndex]))
                }, grouping: grouping, group: group, reference: reference, n: n, referenceN: referenceN)
            }
        case .caseCount, .duration, .categoryCounts, .pupilShare:
            return []
        }
    }

    private func stratifiedShareRows(_ metric: Metric, _ category: String?, _ strata: [((Int, Int), (Int, Int))],
                                     grouping: String, group: String, reference: String, n: Int, referenceN: Int) -> PendingComparison {
        let tables = strata.map { ShareCounts(successes: $0.0.0, total: $0.0.1, referenceSuccesses: $0.1.0, referenceTotal: $0.1.1) }
        let cmh = CochranMantelHaenszelTest(tables)
        return rows(metric, grouping: grouping, group: group, category: category, reference: reference, n: n,
                    referenceN: referenceN, stratifiedBy: "school", test: "cochran-mantel-haenszel",
                    p: cmh.pValue.isNaN || !cmh.approximationHolds ? nil : cmh.pValue,
                    difference: MantelHaenszelEstimate.riskDifference(tables).map(Self.triple),
                    ratio: MantelHaenszelEstimate.riskRatio(tables).map(Self.triple))
    }

    static func triple(_ v: (estimate: Double, lower: Double, upper: Double)) -> (Double, Double?, Double?) {
        (v.estimate, v.lower, v.upper)
    }
}
