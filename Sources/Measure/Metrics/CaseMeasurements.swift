import SaksgangCore

/// Collects what the metrics need from each case as the store streams them, so that no list
/// of cases is ever held: per grouping and group, survival counts per tick and counts of
/// shares and categories. `figures(threshold:correction:)` then computes every figure and
/// every comparison. Every metric of `Metric.catalogue` is measured over every grouping of
/// `Grouping.standard`; the data-quality metrics over `qualityGroupings`.
///
/// Groups are numbered as they are met (`GroupCodes`), and a case's number in each grouping
/// is found once: a crossing's cell from its two parts' numbers, a cell within a school from
/// the school's number and the group's (`GroupPairs`), so no code is joined or hashed twice
/// for a case. Codes are spelled out again when the figures are made.
public struct CaseMeasurements: Sendable {
    public let groupings: [Grouping]
    public let metrics: [Metric]
    /// What a case adds to the cells, worked out from the case alone.
    public let measurer: Measurer
    public var targets: Targets { measurer.targets }
    public var clock: ResponseClock { measurer.clock }
    /// Latest export per municipality: open cases are censored there.
    public var asOf: [String: Timestamp] { measurer.asOf }
    public private(set) var total = 0
    /// Cases that needed a school calendar that the pipeline does not have.
    public private(set) var casesWithoutSchoolCalendar = 0
    /// The municipality of every school met (orgnr → kommunenummer; a school's last case
    /// decides): school tables sum to the municipality's, and disclosure control must know how.
    public var municipalityOfSchool: [String: String] {
        Dictionary(uniqueKeysWithValues: zip(schools.codes, municipalities))
    }
    /// By school number (`schools`): its municipality. Compared, not hashed, for each case.
    private var municipalities: [String] = []

    var layout: Layout { measurer.layout }
    /// How each grouping numbers a case's group.
    let keys: [GroupKey]
    /// The groupings whose codes are looked up for every case: those that are not crossings,
    /// and the parts of the crossings.
    let baseGroup: [@Sendable (Case) -> String]
    var baseCodes: [GroupCodes]
    /// For each crossing (by grouping index), the pairs of its parts' groups; empty for the others.
    var crossingPairs: [GroupPairs]
    /// Per grouping, its cells (only the uncompared series for a grouping with cells within
    /// schools: see `cells(_:)`).
    var tables: [GroupTable]
    /// For the comparisons within schools: per comparable grouping, cells by school and group.
    let strataGroupings: [Int]
    var schools = GroupCodes()
    var strataPairs: [GroupPairs]
    var strata: [GroupTable]
    var repeats = RepeatVictimisation()
    /// Reused from case to case: the case's group number in each base and grouping.
    private var baseNumbers: [Int]
    private var groupNumbers: [Int]

    public static let qualityGroupings: [Grouping] = [.all, .immigrantBackground, .school, .municipality, .source]

    public init(groupings: [Grouping] = Grouping.standard, targets: Targets = Targets(),
                clock: ResponseClock = ResponseClock(), asOf: [String: Timestamp]) {
        self.groupings = groupings
        self.metrics = Metric.catalogue + Metric.dataQuality
        let layout = Layout(metrics: metrics)
        measurer = Measurer(layout: layout, targets: targets, clock: clock, asOf: asOf)
        var bases: [Grouping] = []
        func base(_ g: Grouping) -> Int {
            if let b = bases.firstIndex(of: g) { return b }
            bases.append(g)
            return bases.count - 1
        }
        // A crossing's group is its parts' groups joined, as `Grouping.crossed(with:)` makes it.
        keys = groupings.map { g in
            g.parts.count == 2 ? .crossing(first: base(g.parts[0]), second: base(g.parts[1])) : .code(base: base(g))
        }
        baseGroup = bases.map(\.group)
        baseCodes = bases.map { _ in GroupCodes() }
        baseNumbers = bases.map { _ in 0 }
        groupNumbers = groupings.map { _ in 0 }
        crossingPairs = groupings.map { _ in GroupPairs() }
        let strataGroupings = groupings.indices.filter { groupings[$0].reference != nil && groupings[$0].parts.isEmpty }
        self.strataGroupings = strataGroupings
        tables = groupings.indices.map { GroupTable(layout, keeping: strataGroupings.contains($0) ? .uncompared : .everything) }
        strataPairs = strataGroupings.map { _ in GroupPairs() }
        strata = strataGroupings.map { _ in GroupTable(layout, keeping: .compared) }
    }

    /// Adds a case: its facts (`Measurer`), then `add(_:facts:)`.
    public mutating func add(_ c: Case) {
        add(c, facts: measurer.facts(of: measurer.measured(c)))
    }

    /// Adds a case with its facts (`Measurer.facts(of:)`) to the cells of its groups.
    public mutating func add(_ c: Case, facts: Facts) {
        total += 1
        repeats.add(c)
        if facts.lacksSchoolCalendar { casesWithoutSchoolCalendar += 1 }
        for b in baseGroup.indices {
            baseNumbers[b] = baseCodes[b].number(baseGroup[b](c))
        }
        for (i, key) in keys.enumerated() {
            switch key {
            case .code(let b): groupNumbers[i] = baseNumbers[b]
            case .crossing(let a, let b): groupNumbers[i] = crossingPairs[i].number(baseNumbers[a], baseNumbers[b])
            }
            tables[i].add(facts, cell: groupNumbers[i])
        }
        let school = schools.number(c.school.orgnr)
        if school == municipalities.count {
            municipalities.append(c.school.municipality)
        } else if municipalities[school] != c.school.municipality {
            municipalities[school] = c.school.municipality
        }
        for (s, g) in strataGroupings.enumerated() {
            strata[s].add(facts, cell: strataPairs[s].number(school, groupNumbers[g]))
        }
    }

    /// How a grouping numbers a case's group: by the code of a base grouping, or (a crossing)
    /// by the pair of its two parts' numbers.
    enum GroupKey: Sendable {
        case code(base: Int)
        case crossing(first: Int, second: Int)
    }

    /// How many of grouping `i`'s groups were met (`codes(i).count`, without spelling them).
    func groupsMet(_ i: Int) -> Int {
        switch keys[i] {
        case .code(let b): return baseCodes[b].codes.count
        case .crossing: return crossingPairs[i].pairs.count
        }
    }

    /// The codes of grouping `i`'s groups met, by cell number.
    func codes(_ i: Int) -> [String] {
        switch keys[i] {
        case .code(let b):
            return baseCodes[b].codes
        case .crossing(let a, let b):
            return crossingPairs[i].pairs.map {
                baseCodes[a].codes[$0.first] + Grouping.crossingSeparator + baseCodes[b].codes[$0.second]
            }
        }
    }
}
