import SaksgangCore

/// Collects what the metrics need from each case as the store streams them, so that no
/// list of cases is ever held: per grouping and group, the survival observations and
/// counts. `figures()` then computes every published figure.
public struct CaseMeasurements: Sendable {
    public let groupings: [Grouping]
    public let metrics: [ResponseMetric]
    public let shares: [ShareMetric]
    public let targets: Targets
    public let clock: ResponseClock
    /// Latest export per municipality: open cases are censored there.
    public let asOf: [String: Timestamp]

    private var cells: [[String: Cell]]
    /// Cases that gave no observation for a metric, by metric and reason (data quality).
    public private(set) var gaps: [String: [ResponseClock.Gap: Int]] = [:]
    public private(set) var total = 0
    /// How each case's pupil was identified, by immigrant background: newly arrived pupils
    /// known only by a local id must not silently drop out of the comparison.
    public private(set) var identification: [ImmigrantGroup: [PupilIdentification: Int]] = [:]

    struct Cell: Sendable {
        var cases = 0
        /// Per metric of `metrics`, in order.
        var times: [SurvivalCounts]
        /// Per metric of `shares`: (yes, counted).
        var shares: [(yes: Int, total: Int)]

        init(metrics: Int, shares: Int) {
            times = Array(repeating: SurvivalCounts(), count: metrics)
            self.shares = Array(repeating: (0, 0), count: shares)
        }
    }

    public init(groupings: [Grouping] = Grouping.standard, metrics: [ResponseMetric] = ResponseMetric.standard,
                shares: [ShareMetric] = ShareMetric.standard, targets: Targets = Targets(),
                clock: ResponseClock = ResponseClock(), asOf: [String: Timestamp]) {
        self.groupings = groupings
        self.metrics = metrics
        self.shares = shares
        self.targets = targets
        self.clock = clock
        self.asOf = asOf
        cells = Array(repeating: [:], count: groupings.count)
    }

    public mutating func add(_ c: Case) {
        total += 1
        identification[c.pupil.immigrantGroup, default: [:]][c.pupil.identifiedBy, default: 0] += 1
        let censorAt = asOf[c.school.municipality] ?? c.exportTime
        var observations: [SurvivalObservation?] = []
        for m in metrics {
            guard m.applies(c) else { observations.append(nil); continue }
            switch m.observe(clock, c, censorAt) {
            case .success(let o): observations.append(o)
            case .failure(let e):
                gaps[m.name, default: [:]][e.gap, default: 0] += 1
                observations.append(nil)
            }
        }
        let outcomes = shares.map { $0.outcome(c) }
        let empty = Cell(metrics: metrics.count, shares: shares.count)
        for (i, grouping) in groupings.enumerated() {
            // Taken out of the dictionary, changed, put back: one lookup, no copy of its counts.
            let key = grouping.group(c)
            var cell = cells[i].removeValue(forKey: key) ?? empty
            cell.cases += 1
            for (m, o) in observations.enumerated() {
                if let o { cell.times[m].add(o) }
            }
            for (s, outcome) in outcomes.enumerated() {
                guard let outcome else { continue }
                cell.shares[s].total += 1
                if outcome { cell.shares[s].yes += 1 }
            }
            cells[i][key] = cell
        }
    }

    /// Every figure, grouping by grouping, group by group in the grouping's order.
    public func figures() -> [Figure] {
        var out: [Figure] = []
        for (i, grouping) in groupings.enumerated() {
            let seen = cells[i].keys.filter { !grouping.groups.contains($0) }.sorted()
            for group in grouping.groups + seen {
                out += figures(cells[i][group] ?? Cell(metrics: metrics.count, shares: shares.count),
                               grouping: grouping.name, group: group)
            }
        }
        return out
    }

    /// Data-quality figures (metrics.md §6): pupils by how they were identified, per
    /// immigrant background; cases each metric could not use, by reason.
    public func dataQualityFigures() -> [Figure] {
        var out: [Figure] = []
        for group in ImmigrantGroup.allCases {
            for kind in PupilIdentification.allCases {
                let n = identification[group]?[kind] ?? 0
                out.append(Figure(metric: "pupil_identified_by", statistic: "count", unit: "cases",
                                  grouping: "immigrant_background x identified_by", group: "\(group.rawValue) x \(kind.rawValue)",
                                  n: n, estimate: Double(n)))
            }
        }
        for metric in metrics.map(\.name) {
            for gap in ResponseClock.Gap.allCases {
                let n = gaps[metric]?[gap] ?? 0
                out.append(Figure(metric: "excluded_cases", statistic: "count", unit: "cases", grouping: "metric x reason",
                                  group: "\(metric) x \(gap.rawValue)", n: n, estimate: Double(n)))
            }
        }
        return out
    }

    private func figures(_ cell: Cell, grouping: String, group: String) -> [Figure] {
        func figure(_ metric: String, _ statistic: String, _ unit: String, n: Int, _ value: Double?,
                    _ low: Double? = nil, _ high: Double? = nil) -> Figure {
            Figure(metric: metric, statistic: statistic, unit: unit, grouping: grouping, group: group,
                   n: n, estimate: value, ciLow: low, ciHigh: high)
        }
        var out = [figure("cases", "count", "cases", n: cell.cases, Double(cell.cases))]
        for (m, metric) in metrics.enumerated() {
            let observations = cell.times[m].observations
            out += survival(observations, metric: metric.name, unit: metric.unit.rawValue, figure: figure)
            // The share within the local target, read off the same curve.
            if metric.name == ResponseMetric.firstContact.name {
                if observations.isEmpty {
                    out.append(figure("first_contact_within_target", "share", "proportion", n: 0, nil))
                } else {
                    let km = KaplanMeier(observations)
                    let within = km.cumulativeIncidence(at: Double(targets.firstContactWorkingDays))
                    out.append(figure("first_contact_within_target", "share", "proportion", n: km.count,
                                      within.estimate, within.lower, within.upper))
                }
            }
        }
        for (i, share) in shares.enumerated() {
            let (yes, total) = cell.shares[i]
            if total > 0 {
                let w = ProportionInterval.wilson(successes: yes, total: total)
                out.append(figure(share.name, "share", "proportion", n: total, w.estimate, w.lower, w.upper))
            } else {
                out.append(figure(share.name, "share", "proportion", n: 0, nil))
            }
        }
        return out
    }

    private func survival(_ obs: [SurvivalObservation], metric: String, unit: String,
                          figure: (String, String, String, Int, Double?, Double?, Double?) -> Figure) -> [Figure] {
        guard !obs.isEmpty else { return [figure(metric, "median", unit, 0, nil, nil, nil)] }
        let km = KaplanMeier(obs)
        let ci = km.medianConfidenceInterval()
        return [figure(metric, "median", unit, km.count, km.median, ci.lower, ci.upper)]
    }
}
