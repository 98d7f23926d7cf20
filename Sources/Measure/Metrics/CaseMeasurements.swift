import SaksgangCore

/// Collects what the metrics need from each case as the store streams them, so that no
/// list of cases is ever held: per grouping and group, the survival observations and
/// counts. `figures()` then computes every published figure.
public struct CaseMeasurements: Sendable {
    public let groupings: [Grouping]
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
        var ethnicityBased = 0
        var firstContact = SurvivalCounts()
        var closure = SurvivalCounts()
    }

    public init(groupings: [Grouping] = Grouping.standard, targets: Targets = Targets(),
                clock: ResponseClock = ResponseClock(), asOf: [String: Timestamp]) {
        self.groupings = groupings
        self.targets = targets
        self.clock = clock
        self.asOf = asOf
        cells = Array(repeating: [:], count: groupings.count)
    }

    public mutating func add(_ c: Case) {
        total += 1
        identification[c.pupil.immigrantGroup, default: [:]][c.pupil.identifiedBy, default: 0] += 1
        let censorAt = asOf[c.school.municipality] ?? c.exportTime
        let contact = clock.firstContact(c, asOf: censorAt)
        let closure = clock.closure(c, asOf: censorAt)
        if case .failure(let e) = contact { gaps["time_to_first_contact", default: [:]][e.gap, default: 0] += 1 }
        if case .failure(let e) = closure { gaps["time_to_closure", default: [:]][e.gap, default: 0] += 1 }
        let ethnicityBased = c.isEthnicityBased
        for (i, grouping) in groupings.enumerated() {
            // Mutated in place: a copied cell would copy its arrays on every case.
            let key = grouping.group(c)
            cells[i][key, default: Cell()].cases += 1
            if ethnicityBased { cells[i][key, default: Cell()].ethnicityBased += 1 }
            if case .success(let o) = contact { cells[i][key, default: Cell()].firstContact.add(o) }
            if case .success(let o) = closure { cells[i][key, default: Cell()].closure.add(o) }
        }
    }

    /// Every figure, grouping by grouping, group by group in the grouping's order.
    public func figures() -> [Figure] {
        var out: [Figure] = []
        for (i, grouping) in groupings.enumerated() {
            let seen = cells[i].keys.filter { !grouping.groups.contains($0) }.sorted()
            for group in grouping.groups + seen {
                out += figures(cells[i][group] ?? Cell(), grouping: grouping.name, group: group)
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
        for metric in ["time_to_first_contact", "time_to_closure"] {
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
        if cell.cases > 0 {
            let share = ProportionInterval.wilson(successes: cell.ethnicityBased, total: cell.cases)
            out.append(figure("ethnicity_based", "share", "proportion", n: cell.cases, share.estimate, share.lower, share.upper))
        } else {
            out.append(figure("ethnicity_based", "share", "proportion", n: 0, nil))
        }
        let firstContact = cell.firstContact.observations
        out += survival(firstContact, metric: "time_to_first_contact", unit: "working_days", figure: figure)
        if firstContact.isEmpty {
            out.append(figure("first_contact_within_target", "share", "proportion", n: 0, nil))
        } else {
            let km = KaplanMeier(firstContact)
            let within = km.cumulativeIncidence(at: Double(targets.firstContactWorkingDays))
            out.append(figure("first_contact_within_target", "share", "proportion", n: km.count,
                              within.estimate, within.lower, within.upper))
        }
        out += survival(cell.closure.observations, metric: "time_to_closure", unit: "calendar_days", figure: figure)
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
