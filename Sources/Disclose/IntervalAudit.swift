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
    /// The threads the independent blocks are solved on (the intervals do not depend on it).
    public var threads: Int

    public init(threshold: Int, threads: Int = ParallelWork.threads) {
        self.threshold = threshold
        self.threads = threads
    }

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

    /// The program an interval is computed in.
    enum Program {
        /// Every relation: the attacker's program.
        case whole
        /// The relations between two withheld cells of different quantities left out (a
        /// share's numerator + complement = n with n withheld; n ≤ cases with both withheld):
        /// each quantity its own small program. Looser than the whole program, so its bounds
        /// hold there: a least value at least k, or a greatest value 0, carries over.
        case relaxed
        /// n ≤ cases with both withheld and in different blocks replaced by n ≤ cases' true
        /// value and cases ≥ n's true value: tighter than the whole program, and its blocks
        /// stay small. A solution of one block with every other cell at its true value is a
        /// solution of the whole program, so two solutions k apart carry over.
        case restricted
    }

    /// The intervals of `audited` cells; `known(i)` is the published value of cell i, nil
    /// when withheld or not available. With `quick`, a cell whose values seen in earlier
    /// solutions already span k is passed without its own solves (its interval is then not
    /// exact). Every relation counts (`coupled`; without it, the looser program of
    /// `Program.relaxed`, which proves nothing and only serves the control's first rounds).
    ///
    /// A quick audit with the true values (`feasible`) proves most cells in small programs:
    /// a cell shown to span k in the restricted program spans k in the whole one; one the
    /// relaxed program shows to be at least k, or 0, is so in the whole one; only the cells
    /// neither shows are bounded in the whole program, which is one block of most withheld
    /// cells of a report and costs seconds a solve on a large night.
    public func intervals(_ tables: LinkedTables, known: (Int) -> Int?, audited: [Int], quick: Bool = false,
                          feasible: [Int?]? = nil, coupled: Bool = true) throws(SaksgangError) -> [Interval] {
        guard coupled else {
            return try intervals(.relaxed, tables, known: known, audited: audited, quick: quick, feasible: feasible)
        }
        guard quick, let feasible else {
            return try intervals(.whole, tables, known: known, audited: audited, quick: quick, feasible: feasible)
        }
        var out: [Int: Interval] = [:]
        var open: [Int] = []
        for iv in try intervals(.restricted, tables, known: known, audited: audited, quick: true, feasible: feasible) {
            if let width = iv.width, width >= threshold {
                var proved = iv
                proved.exact = false
                proved.binding = []
                out[iv.cell] = proved
            } else {
                open.append(iv.cell)
            }
        }
        var rest: [Int] = []
        if !open.isEmpty {
            for iv in try intervals(.relaxed, tables, known: known, audited: open, quick: false, feasible: feasible, tightened: true) {
                if iv.high == 0 {
                    out[iv.cell] = Interval(cell: iv.cell, low: 0, high: 0, exact: true)
                } else if iv.low >= threshold {
                    out[iv.cell] = Interval(cell: iv.cell, low: iv.low, high: nil, exact: false)
                } else {
                    rest.append(iv.cell)
                }
            }
        }
        if !rest.isEmpty {
            for iv in try intervals(.whole, tables, known: known, audited: rest, quick: true, feasible: feasible) { out[iv.cell] = iv }
        }
        if DisclosureTrace.isOn {
            FileHandle.standardError.write("audit: \(audited.count) cells, \(audited.count - open.count) span k in the restricted program, \(open.count - rest.count) at least k or 0 in the relaxed one, \(rest.count) in the whole program\n".data(using: .utf8)!)
        }
        return audited.map { out[$0]! }
    }

    private func intervals(_ program: Program, _ tables: LinkedTables, known: (Int) -> Int?, audited: [Int], quick: Bool,
                           feasible: [Int?]?, tightened: Bool = false) throws(SaksgangError) -> [Interval] {
        var lp = try AuditProgram(program, tables, known: known, tightened: tightened)
        guard !audited.isEmpty else { return [] }
        // Far above any count the tables can hold: where the spanning objectives cap the
        // columns that have no upper bound.
        let cap = 4 * Double(max(1000, lp.constant.max() ?? 0))
        let (blockOf, blocks) = lp.blocks(feasible: feasible)
        var auditedOf: [Int: [Int]] = [:]
        for cell in audited {
            precondition(lp.column[cell] >= 0, "an audited cell is published")
            auditedOf[blockOf[lp.column[cell]], default: []].append(cell)
        }
        if DisclosureTrace.isOn {
            let sizes = auditedOf.keys.map { blocks[$0].columns.count }.sorted(by: >)
            FileHandle.standardError.write("LP: \(lp.cellOfColumn.count) columns, \(lp.rows.count) rows, blocks \(sizes.prefix(8))\n".data(using: .utf8)!)
        }
        // The blocks are solved on the machine's cores, the largest first; each block's
        // program and objectives depend on the block alone, so the intervals do not depend
        // on the number of cores.
        let order = auditedOf.sorted { (blocks[$0.key].columns.count, -$0.key) > (blocks[$1.key].columns.count, -$1.key) }
        let solved = try ParallelWork.map(order.count, threads: threads) { k throws(SaksgangError) -> [Interval] in
            try intervals(of: order[k].value, in: blocks[order[k].key], of: lp, tables, quick: quick, feasible: feasible, cap: cap)
        }
        var byCell: [Int: Interval] = [:]
        for intervals in solved { for iv in intervals { byCell[iv.cell] = iv } }
        return audited.map { byCell[$0]! }
    }

    /// The intervals of the audited `cells` of one block of `lp`, in a program of its own.
    private func intervals(of cells: [Int], in block: AuditProgram.Block, of lp: AuditProgram, _ tables: LinkedTables,
                           quick: Bool, feasible: [Int?]?, cap: Double) throws(SaksgangError) -> [Interval] {
        let cols = block.columns
        var local = [Int: Int]()
        for (i, c) in cols.enumerated() { local[c] = i }
        let solver = IntervalSolver(
            columns: cols.count, lower: cols.map { lp.lower[$0] }, upper: cols.map { lp.upper[$0] },
            rows: block.rows.map { r in lp.rows[r].map { (local[$0.column]!, $0.coefficient) } },
            rowLower: block.rows.map { lp.rowLower[$0] }, rowUpper: block.rows.map { lp.rowUpper[$0] })
        let t0 = Date()
        // The true values are a feasible point (only when every one is known).
        let point = feasible.flatMap { f in
            cols.allSatisfy { f[lp.cellOfColumn[$0]] != nil } ? cols.map { Double(f[lp.cellOfColumn[$0]]!) } : nil
        }
        /// The published cells behind the rows and bounds that bind the last solution.
        func binding() -> [Int] {
            var out: Set<Int> = []
            for (i, d) in solver.rowDuals.enumerated() where abs(d) > 1e-9 {
                // A bound between two withheld cells has no published cell.
                let relation = lp.relationOfRow[block.rows[i]]
                guard relation >= 0 else { continue }
                for t in tables.equalities[relation].terms where lp.column[t.cell] < 0 { out.insert(t.cell) }
            }
            // A column held at a bound that a published cell set (n ≤ cases, say): that cell
            // binds too, whichever side the column sits on.
            for (i, d) in solver.reducedCosts.enumerated() where abs(d) > 1e-9 {
                let value = solver.solution[i], c = cols[i]
                if lp.upperFrom[c] >= 0, abs(value - lp.upper[c]) < 1e-6 { out.insert(lp.upperFrom[c]) }
                if lp.lowerFrom[c] >= 0, abs(value - lp.lower[c]) < 1e-6 { out.insert(lp.lowerFrom[c]) }
            }
            return out.sorted()
        }
        let intervals = try solve(solver, cells: cells.map { ($0, local[lp.column[$0]]!) }, quick: quick, feasible: point,
                                  cap: cap, binding: binding)
        if DisclosureTrace.isOn, cols.count > 200 {
            FileHandle.standardError.write("block \(cols.count): \(solver.solves) solves in \(Date().timeIntervalSince(t0)) s\n".data(using: .utf8)!)
        }
        return intervals
    }

    private func solve(_ solver: IntervalSolver, cells: [(cell: Int, column: Int)], quick: Bool,
                       feasible: [Double]?, cap: Double, binding: () -> [Int]) throws(SaksgangError) -> [Interval] {
        var seenLow = feasible ?? [Double](repeating: .infinity, count: solver.columns)
        var seenHigh = feasible ?? [Double](repeating: -.infinity, count: solver.columns)
        func see() {
            for (c, v) in solver.solution.enumerated() {
                if v < seenLow[c] { seenLow[c] = v }
                if v > seenHigh[c] { seenHigh[c] = v }
            }
        }
        let k = Double(threshold)
        var provedZero: Set<Int> = []
        /// Cells whose propagated lower bound is at least k: that bound.
        var provedAtLeast: [Int: Int] = [:]
        if quick {
            // A few objectives that push many cells at once (all up, all down, random signs),
            // then objectives over the cells not yet seen to span k (all up, all down, random
            // signs) for as long as a solve still proves more than a cell's own two would:
            // most cells' spans reach k without solves of their own.
            var generator = SplitMix(seed: UInt64(solver.columns))
            solver.capUnbounded(at: cap)
            let t0 = Date()
            // Only when the cells audited are a good part of the block: otherwise the
            // objectives over those cells below do it for less.
            for round in 0..<4 where 8 * cells.count >= solver.columns {
                let objective = (0..<solver.columns).map { _ in round < 2 ? 1.0 : (generator.next() & 1 == 0 ? 1.0 : -1.0) }
                if case .optimal = try solver.optimize(objective, maximize: round % 2 == 0) { see() }
            }
            func spans(_ c: Int) -> Bool { seenHigh[c] - seenLow[c] >= k + 1 }
            var open = cells.map(\.column).filter { !spans($0) }
            for round in 0..<48 where !open.isEmpty {
                var objective = [Double](repeating: 0, count: solver.columns)
                for c in open { objective[c] = round < 2 ? 1 : (generator.next() & 1 == 0 ? 1 : -1) }
                if case .optimal = try solver.optimize(objective, maximize: round % 2 == 0) { see() }
                let still = open.filter { !spans($0) }
                let proved = open.count - still.count
                open = still
                if round >= 2, proved < max(3, open.count / 256) { break }
            }
            solver.capUnbounded(at: nil)
            // Bounds that hold at every solution (propagation, no solve): a cell whose lower
            // bound is at least k is known not to be small, one whose upper bound is 0 is a 0.
            if !open.isEmpty {
                let (least, most) = solver.propagatedBounds()
                var still: [Int] = []
                for c in open {
                    if most[c] <= 1e-6 { provedZero.insert(c) } else if least[c] >= k - 1e-6 { provedAtLeast[c] = Int((least[c] - 1e-6).rounded(.up)) } else { still.append(c) }
                }
                open = still
            }
            // Cells seen only at 0: when the greatest sum of them is 0, each is 0 wherever the
            // tables hold (every cell is at least 0), a zero proved by one program. A cell
            // that comes out above 0 leaves the set, which is tried again.
            var zeros = open.filter { seenHigh[$0] <= 1e-6 }
            for _ in 0..<8 where !zeros.isEmpty {
                var objective = [Double](repeating: 0, count: solver.columns)
                for c in zeros { objective[c] = 1 }
                guard case .optimal(let sum) = try solver.optimize(objective, maximize: true) else { break }
                see()
                if sum <= 1e-6 { provedZero.formUnion(zeros); break }
                zeros = zeros.filter { seenHigh[$0] <= 1e-6 }
            }
            if DisclosureTrace.isOn, solver.columns > 200 {
                FileHandle.standardError.write("  spanning: \(solver.solves) solves, \(open.count) of \(cells.count) cells still open, \(provedZero.count) proved 0, \(provedAtLeast.count) at least k, \(Date().timeIntervalSince(t0)) s\n".data(using: .utf8)!)
            }
        }
        var out: [Interval] = []
        out.reserveCapacity(cells.count)
        for (cell, c) in cells {
            if provedZero.contains(c) {
                out.append(Interval(cell: cell, low: 0, high: 0, exact: true))
                continue
            }
            if let low = provedAtLeast[c] {
                out.append(Interval(cell: cell, low: low, high: nil, exact: false))
                continue
            }
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
