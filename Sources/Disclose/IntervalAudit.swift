import Foundation
import SaksgangCore

/// The interval attack on withheld cells: for each withheld cell, the least and greatest
/// value it can take given everything published beside it (the relations of
/// `LinkedTables`, every cell at least 0 or 1, integrality relaxed), by linear programming.
///
/// A withheld cell is protected when its interval `[low, high]` (the LP's bounds rounded
/// inwards to whole cases) is at least k wide (`high − low ≥ k`) or lies wholly at or above
/// k (`low ≥ k`: the cell is then known not to be small, which the primary rule would have
/// let be published anyway).
public struct IntervalAudit: Sendable {
    public var threshold: Int

    public init(threshold: Int) { self.threshold = threshold }

    public struct Interval: Sendable, Equatable {
        public var cell: Int
        public var low: Int
        /// nil: unbounded above.
        public var high: Int?
        /// True when only the pass was established (a quick run that skipped an exact bound).
        public var exact: Bool
        /// For a cell found unprotected in a quick run: the published cells in the relations
        /// (and bounds) that bind its bounds (the LP's non-zero duals). Withholding one of
        /// them is what can widen the interval.
        public var binding: [Int] = []

        /// At least k wide, known not to be small, or known to be 0 (zeros are not sensitive
        /// counts: the primary rule publishes them, and withholds a small school's only so as
        /// not to show them; docs/disclosure.md, "Zeros").
        public func protected(threshold k: Int) -> Bool {
            guard let high else { return true }
            return high - low >= k || low >= k || high == 0
        }
        public var width: Int? { high.map { $0 - low } }
    }

    /// The intervals of `audited` cells; `known(i)` is the published value of cell i, nil
    /// when withheld or not available. With `quick`, a cell whose values seen in earlier
    /// solutions already span k is passed without its own solves (its interval is then not
    /// exact).
    public func intervals(_ tables: LinkedTables, known: (Int) -> Int?, audited: [Int], quick: Bool = false,
                          feasible: [Int?]? = nil) throws(SaksgangError) -> [Interval] {
        // Columns: the cells nobody outside knows.
        var column = [Int](repeating: -1, count: tables.cells.count)
        var cellOfColumn: [Int] = []
        var constant = [Int](repeating: 0, count: tables.cells.count)
        for i in tables.cells.indices {
            if let v = known(i) { constant[i] = v } else { column[i] = cellOfColumn.count; cellOfColumn.append(i) }
        }
        var lower = cellOfColumn.map { Double(tables.minimum[$0]) }
        var upper = [Double](repeating: .infinity, count: cellOfColumn.count)
        var rows: [[(column: Int, coefficient: Double)]] = []
        var rowLower: [Double] = [], rowUpper: [Double] = []
        /// The relation each row states, and the published cell that set a column's upper bound.
        var relationOfRow: [Int] = []
        var upperFrom = [Int](repeating: -1, count: cellOfColumn.count)
        var lowerFrom = [Int](repeating: -1, count: cellOfColumn.count)
        for (ri, r) in tables.equalities.enumerated() {
            // A share's numerator + complement = n with its n withheld too: left out, so that
            // each quantity stays its own small program (docs/disclosure.md, "Limits").
            if r.terms.count == 3, tables.cells[r.terms[0].cell].role == .part, !tables.cells[r.terms[0].cell].isDifference,
               known(r.terms[2].cell) == nil { continue }
            var row: [(column: Int, coefficient: Double)] = []
            var rhs = 0
            for t in r.terms {
                if column[t.cell] >= 0 { row.append((column[t.cell], Double(t.coefficient))) } else { rhs -= t.coefficient * constant[t.cell] }
            }
            if row.isEmpty {
                if rhs != 0 { throw SaksgangError(.disclosureAuditFailed, "the published tables do not add up") }
                continue
            }
            rows.append(row)
            relationOfRow.append(ri)
            rowLower.append(Double(rhs))
            rowUpper.append(Double(rhs))
        }
        for b in tables.bounds {
            let s = column[b.small], l = column[b.large]
            switch (s >= 0, l >= 0) {
            case (true, true):
                // Both withheld: left out, so that each quantity stays its own small program
                // (docs/disclosure.md, "Limits").
                break
            case (true, false):
                if Double(constant[b.large]) < upper[s] { upper[s] = Double(constant[b.large]); upperFrom[s] = b.large }
            case (false, true):
                if Double(constant[b.small]) > lower[l] { lower[l] = Double(constant[b.small]); lowerFrom[l] = b.small }
            case (false, false): break
            }
        }
        for c in cellOfColumn.indices where lower[c] > upper[c] {
            throw SaksgangError(.disclosureAuditFailed, "the published tables contradict each other")
        }
        guard !audited.isEmpty else { return [] }
        // Independent blocks of columns (linked through rows): one small program each.
        var parent = Array(cellOfColumn.indices)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for row in rows where row.count > 1 {
            let a = root(row[0].column)
            for t in row.dropFirst() { let b = root(t.column); if a != b { parent[b] = a } }
        }
        var members: [Int: [Int]] = [:]
        for c in cellOfColumn.indices { members[root(c), default: []].append(c) }
        var rowsOf: [Int: [Int]] = [:]
        for (r, row) in rows.enumerated() { rowsOf[root(row[0].column), default: []].append(r) }
        var auditedOf: [Int: [Int]] = [:]
        for cell in audited {
            precondition(column[cell] >= 0, "an audited cell is published")
            auditedOf[root(column[cell]), default: []].append(cell)
        }
        if DisclosureTrace.isOn {
            let sizes = auditedOf.keys.map { members[$0]!.count }.sorted(by: >)
            FileHandle.standardError.write("LP: \(cellOfColumn.count) columns, \(rows.count) rows, blocks \(sizes.prefix(8))\n".data(using: .utf8)!)
        }
        var byCell: [Int: Interval] = [:]
        for (block, cells) in auditedOf {
            let cols = members[block]!
            var local = [Int: Int]()
            for (i, c) in cols.enumerated() { local[c] = i }
            let blockRows = rowsOf[block] ?? []
            let solver = IntervalSolver(
                columns: cols.count, lower: cols.map { lower[$0] }, upper: cols.map { upper[$0] },
                rows: blockRows.map { r in rows[r].map { (local[$0.column]!, $0.coefficient) } },
                rowLower: blockRows.map { rowLower[$0] }, rowUpper: blockRows.map { rowUpper[$0] })
            let t0 = Date()
            // The true values are a feasible point (only when every one is known).
            let point = feasible.flatMap { f in
                cols.allSatisfy { f[cellOfColumn[$0]] != nil } ? cols.map { Double(f[cellOfColumn[$0]]!) } : nil
            }
            /// The published cells behind the rows and bounds that bind the last solution.
            func binding() -> [Int] {
                var out: Set<Int> = []
                for (i, d) in solver.rowDuals.enumerated() where abs(d) > 1e-9 {
                    for t in tables.equalities[relationOfRow[blockRows[i]]].terms where column[t.cell] < 0 { out.insert(t.cell) }
                }
                // A column held at a bound that a published cell set (n ≤ cases, say): that cell
                // binds too, whichever side the column sits on.
                for (i, d) in solver.reducedCosts.enumerated() where abs(d) > 1e-9 {
                    let value = solver.solution[i]
                    if upperFrom[cols[i]] >= 0, abs(value - upper[cols[i]]) < 1e-6 { out.insert(upperFrom[cols[i]]) }
                    if lowerFrom[cols[i]] >= 0, abs(value - lower[cols[i]]) < 1e-6 { out.insert(lowerFrom[cols[i]]) }
                }
                return out.sorted()
            }
            for iv in try solve(solver, cells: cells.map { ($0, local[column[$0]]!) }, quick: quick, feasible: point,
                                binding: binding) { byCell[iv.cell] = iv }
            if DisclosureTrace.isOn, cols.count > 200 {
                FileHandle.standardError.write("block \(cols.count): \(solver.solves) solves in \(Date().timeIntervalSince(t0)) s\n".data(using: .utf8)!)
            }
        }
        return audited.map { byCell[$0]! }
    }

    private func solve(_ solver: IntervalSolver, cells: [(cell: Int, column: Int)], quick: Bool,
                       feasible: [Double]?, binding: () -> [Int]) throws(SaksgangError) -> [Interval] {
        var seenLow = feasible ?? [Double](repeating: .infinity, count: solver.columns)
        var seenHigh = feasible ?? [Double](repeating: -.infinity, count: solver.columns)
        func see() {
            for (c, v) in solver.solution.enumerated() {
                if v < seenLow[c] { seenLow[c] = v }
                if v > seenHigh[c] { seenHigh[c] = v }
            }
        }
        let k = Double(threshold)
        if quick {
            // A few objectives that push many cells at once (all up, all down, random signs),
            // then the cells not yet seen to span k, pushed up and down together: most
            // cells' spans reach k without solves of their own.
            var generator = SplitMix(seed: UInt64(solver.columns))
            for round in 0..<4 {
                let objective = (0..<solver.columns).map { _ in round < 2 ? 1.0 : (generator.next() & 1 == 0 ? 1.0 : -1.0) }
                if case .optimal = try solver.optimize(objective, maximize: round % 2 == 0) { see() }
            }
            var open = cells.map(\.column).filter { seenHigh[$0] - seenLow[$0] < k + 1 }
            for _ in 0..<8 where !open.isEmpty {
                var objective = [Double](repeating: 0, count: solver.columns)
                for c in open { objective[c] = 1 }
                if case .optimal = try solver.optimize(objective, maximize: true) { see() }
                if case .optimal = try solver.optimize(objective, maximize: false) { see() }
                let still = open.filter { seenHigh[$0] - seenLow[$0] < k + 1 }
                if still.count == open.count { break }
                open = still
            }
            if DisclosureTrace.isOn, solver.columns > 200 {
                FileHandle.standardError.write("  spanning: \(solver.solves) solves, \(open.count) of \(cells.count) cells still open\n".data(using: .utf8)!)
            }
        }
        var out: [Interval] = []
        out.reserveCapacity(cells.count)
        for (cell, c) in cells {
            if quick, seenLow[c].isFinite, seenHigh[c].isFinite, seenLow[c] <= seenHigh[c] {
                let seen = Interval(cell: cell, low: Int((seenLow[c] - 1e-6).rounded(.up)),
                                    high: Int((seenHigh[c] + 1e-6).rounded(.down)), exact: false)
                if let width = seen.width, width >= threshold {
                    // Two feasible points this far apart prove the interval at least this wide.
                    out.append(seen)
                    continue
                }
            }
            let low: Int
            var lowBinding: [Int] = []
            switch try solver.extreme(of: c, maximize: false) {
            case .optimal(let v): low = Int((v - 1e-6).rounded(.up)); see(); if quick { lowBinding = binding() }
            case .unbounded: low = 0
            case .infeasible: throw SaksgangError(.disclosureAuditFailed, "the published tables contradict each other")
            }
            if quick, low >= threshold {
                // The least value is exact; the greatest was not needed.
                out.append(Interval(cell: cell, low: low, high: nil, exact: false))
                continue
            }
            var high: Int?
            var highBinding: [Int] = []
            switch try solver.extreme(of: c, maximize: true) {
            case .optimal(let v): high = Int((v + 1e-6).rounded(.down)); see(); if quick { highBinding = binding() }
            case .unbounded: high = nil
            case .infeasible: throw SaksgangError(.disclosureAuditFailed, "the published tables contradict each other")
            }
            var iv = Interval(cell: cell, low: low, high: high, exact: true)
            if quick, !iv.protected(threshold: threshold) {
                // Widening the top is what protects a small cell; the bottom's certificate second.
                iv.binding = highBinding + lowBinding.filter { !highBinding.contains($0) }
            }
            out.append(iv)
        }
        return out
    }
}

/// A small deterministic generator (SplitMix64) for the audit's random objectives.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
