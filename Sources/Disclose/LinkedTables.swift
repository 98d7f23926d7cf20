import Measure

/// The cells of a report and the linear relations between them that anyone holding the
/// published tables knows:
/// - the groups of a grouping sum to `all`;
/// - the schools of a municipality sum to the municipality;
/// - the cells of a crossing `a x b` sum to each margin (`school x immigrant_background`
///   cells of one school to the school, of one background to the background's group);
/// - a share's numerator and complement sum to its n;
/// - every statistic's n and every category count is at most the group's case count;
/// - every cell is at least 0, and a group listed only because it was met in the data (a
///   school, a municipality, a term) has at least one case.
///
/// Built twice: by the control from the true values (`values` are then every cell's true
/// value), and by the audit from the published tables (`values` are nil where withheld).
public struct LinkedTables: Sendable {
    public struct Relation: Sendable {
        /// Σ coefficient × cell = 0.
        public var terms: [(cell: Int, coefficient: Int)]
    }

    public private(set) var cells: [CountCell] = []
    /// True values (control) or published ones (audit; nil: withheld).
    public var values: [Int?] = []
    public private(set) var equalities: [Relation] = []
    /// cells[small] ≤ cells[large].
    public private(set) var bounds: [(small: Int, large: Int)] = []
    /// The least value every cell can have (0, or 1 for a group met in the data).
    public private(set) var minimum: [Int] = []
    /// Cells that only figures not available carry (unknown to everyone, never audited).
    public private(set) var unavailable: [Bool] = []
    /// Cells of the previous publication (and differences between the two): already
    /// published or withheld, never a candidate for withholding tonight.
    public private(set) var fixed: [Bool] = []
    /// The cells each figure carries, by figure index.
    public private(set) var cellsOfFigure: [[Int]] = []
    /// The figures that carry each cell.
    public private(set) var figuresOfCell: [[Int]] = []
    /// Relations left out because they did not hold with the true values (a modelling
    /// error; the tests require none).
    public private(set) var relationsLeftOut = 0
    var index: [CountCell: Int] = [:]

    public enum Source: Sendable {
        /// The true values of the run's figures (numerators included).
        case truth
        /// What the figures publish: withheld figures give unknown cells; a share's
        /// numerator is its estimate × n.
        case published
    }

    public init(figures: [Figure], municipalityOfSchool: [String: String], source: Source) {
        cellsOfFigure = Array(repeating: [], count: figures.count)
        for (fi, f) in figures.enumerated() {
            let quantities = CountCell.quantities(of: f)
            guard !quantities.isEmpty else { continue }
            let available = Self.isAvailable(f)
            let known = Self.values(of: f, quantities: quantities, source: source)
            for (q, value) in zip(quantities, known) {
                let i = cell(CountCell(quantity: q, grouping: f.grouping, group: f.group))
                if let value { values[i] = value }
                if available { unavailable[i] = false }
                cellsOfFigure[fi].append(i)
                figuresOfCell[i].append(fi)
            }
            if quantities.count == 3 {
                let c = cellsOfFigure[fi]
                add(Relation(terms: [(c[1], 1), (c[2], 1), (c[0], -1)]), check: source == .truth)
            }
        }
        relate(municipalityOfSchool: municipalityOfSchool, check: source == .truth)
    }

    /// Whether a figure is available: one that is not (no curve without a school calendar)
    /// has cells unknown to everyone, free variables in the relations, never audited.
    static func isAvailable(_ f: Figure) -> Bool { f.n != nil || f.suppressed }

    /// The values of a figure's cells (`quantities`, in order) as `source` knows them; nil:
    /// unknown.
    static func values(of f: Figure, quantities: [String], source: Source) -> [Int?] {
        switch source {
        case _ where !isAvailable(f):
            return quantities.map { _ in nil }
        case .truth:
            return [f.n] + (quantities.count == 3 ? [f.numerator ?? 0, (f.n ?? 0) - (f.numerator ?? 0)] : [])
        case .published:
            if f.suppressed { return quantities.map { _ in nil } }
            let n = f.n ?? 0
            let yes = n == 0 ? 0 : Int(((f.estimate ?? 0) * Double(n)).rounded())
            return [n] + (quantities.count == 3 ? [yes, n - yes] : [])
        }
    }

    /// `truth` of the tables built from `figures` with source `.truth`, without building
    /// them: a cell has a value when an available figure carries it, the last such figure's
    /// (as `init` leaves `values`); no cell is fixed. The run asks for it before the control
    /// builds the same tables again, and the relations between cells were most of that build.
    static func truth(of figures: [Figure]) -> [String: Int] {
        var out: [String: Int] = [:]
        out.reserveCapacity(2 * figures.count)
        for f in figures where isAvailable(f) {
            let quantities = CountCell.quantities(of: f)
            for (q, value) in zip(quantities, values(of: f, quantities: quantities, source: .truth)) {
                if let value { out[CountCell(quantity: q, grouping: f.grouping, group: f.group).key] = value }
            }
        }
        return out
    }

    private mutating func cell(_ c: CountCell) -> Int {
        if let i = index[c] { return i }
        index[c] = cells.count
        cells.append(c)
        values.append(nil)
        unavailable.append(true)
        fixed.append(false)
        figuresOfCell.append([])
        // The grouping's listed groups are looked up only for a case count of a grouping
        // that is not a crossing.
        let met = c.role == .cases && !c.grouping.contains(Grouping.crossingSeparator) && c.grouping != "all"
            && !(Grouping.named(c.grouping)?.groups ?? []).contains(c.group)
        minimum.append(met ? 1 : 0)
        return cells.count - 1
    }

    /// Adds a relation; with `check`, only when it holds for the values (true values).
    private mutating func add(_ r: Relation, check: Bool) {
        if check {
            var sum = 0
            for t in r.terms {
                guard let v = values[t.cell] else { equalities.append(r); return }
                sum += t.coefficient * v
            }
            if sum != 0 { relationsLeftOut += 1; return }
        }
        equalities.append(r)
    }

    private mutating func relate(municipalityOfSchool: [String: String], check: Bool) {
        // quantity → grouping → group → cell
        var byQuantity: [String: [String: [String: Int]]] = [:]
        for (i, c) in cells.enumerated() { byQuantity[c.quantity, default: [:]][c.grouping, default: [:]][c.group] = i }
        for quantity in byQuantity.keys.sorted() {
            let groupings = byQuantity[quantity]!
            let total = groupings["all"]?["all"]
            for name in groupings.keys.sorted() where name != "all" {
                let groups = groupings[name]!
                let parts = Grouping.crossingParts(name)
                if parts.count == 1 {
                    if let total {
                        add(Relation(terms: groups.keys.sorted().map { (groups[$0]!, 1) } + [(total, -1)]), check: check)
                    }
                    continue
                }
                guard parts.count == 2 else { continue }
                // Each group's codes, split once for both margins.
                let crossed = groups.compactMap { g, i -> (codes: [Substring], cell: Int)? in
                    let codes = Grouping.crossingParts(g)
                    return codes.count == 2 ? (codes, i) : nil
                }
                for (side, margin) in parts.enumerated() {
                    guard let marginCells = groupings[String(margin)] else { continue }
                    var members: [String: [Int]] = [:]
                    for (codes, i) in crossed {
                        members[String(codes[side]), default: []].append(i)
                    }
                    for code in members.keys.sorted() {
                        guard let m = marginCells[code] else { continue }
                        add(Relation(terms: members[code]!.sorted().map { ($0, 1) } + [(m, -1)]), check: check)
                    }
                }
            }
            // Schools within their municipality.
            if let schools = groupings["school"], let municipalities = groupings["municipality"] {
                var members: [String: [Int]] = [:]
                for (s, i) in schools {
                    guard let m = municipalityOfSchool[s] else { continue }
                    members[m, default: []].append(i)
                }
                for m in members.keys.sorted() {
                    guard let total = municipalities[m] else { continue }
                    add(Relation(terms: members[m]!.sorted().map { ($0, 1) } + [(total, -1)]), check: check)
                }
            }
        }
        // Every n and category count is at most the group's case count.
        for (i, c) in cells.enumerated() where c.role == .bounded {
            if let cases = index[CountCell(quantity: CountCell.cases, grouping: c.grouping, group: c.group)] {
                bounds.append((i, cases))
            }
        }
    }

    /// Cell key → value of every available cell with a value (the true values, built from
    /// the truth).
    var truth: [String: Int] {
        var out: [String: Int] = [:]
        for (i, c) in cells.enumerated() where !unavailable[i] && !fixed[i] {
            if let v = values[i] { out[c.key] = v }
        }
        return out
    }

    /// The cell's index, if the tables have it.
    public func index(of c: CountCell) -> Int? { index[c] }

    /// Joins the previous publication to tonight's cells, as an attacker who keeps both
    /// would (docs/disclosure.md, "Across nights"):
    /// - every cell and relation of the previous publication, its published values known and
    ///   its withheld cells unknown (`previous:` quantities);
    /// - a cell can only grow between two publications when cases only arrive: previous ≤
    ///   tonight, stated wherever it holds for the true values (an attacker may assume it;
    ///   where it does not hold the assumption would mislead, not inform);
    /// - for every cell that grew by 1 to k−1 cases, the difference as a cell of its own
    ///   (`difference:`): a small cell of the table of what changed, protected like any other.
    /// Returns the previous publication's withheld cells and the differences (all unknown).
    mutating func join(previous: PreviousPublication, municipalityOfSchool: [String: String], threshold: Int) -> [Int] {
        let before = LinkedTables(figures: previous.figures, municipalityOfSchool: municipalityOfSchool, source: .published)
        let offset = cells.count
        var hidden: [Int] = []
        for (i, c) in before.cells.enumerated() {
            let j = cell(CountCell(quantity: CountCell.previousPrefix + c.quantity, grouping: c.grouping, group: c.group))
            precondition(j == offset + i)
            values[j] = previous.truth[c.key] ?? before.values[i]
            unavailable[j] = before.unavailable[i]
            minimum[j] = before.minimum[i]
            fixed[j] = true
            if before.values[i] == nil && !before.unavailable[i] { hidden.append(j) }
        }
        for r in before.equalities {
            equalities.append(Relation(terms: r.terms.map { (offset + $0.cell, $0.coefficient) }))
        }
        for b in before.bounds { bounds.append((offset + b.small, offset + b.large)) }
        for (i, c) in before.cells.enumerated() where !before.unavailable[i] {
            guard let now = index[c], !unavailable[now], let new = values[now], let old = values[offset + i], old <= new else { continue }
            bounds.append((offset + i, now))
            let change = new - old
            if change >= 1 && change < threshold {
                let d = cell(CountCell(quantity: CountCell.differencePrefix + c.quantity, grouping: c.grouping, group: c.group))
                values[d] = change
                unavailable[d] = false
                minimum[d] = 0
                fixed[d] = true
                equalities.append(Relation(terms: [(d, 1), (now, -1), (offset + i, 1)]))
                hidden.append(d)
            }
        }
        return hidden
    }
}
