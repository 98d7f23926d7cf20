import Foundation
import Measure
import SaksgangCore

/// Secondary suppression over the linked tables, after the idea of Statistics Norway's
/// GaussSuppression: find the withheld cells that the published ones determine, withhold
/// more, repeat. Two passes per round:
/// 1. **lone cells**: a relation with exactly one withheld cell determines it (total minus
///    the rest); the cheapest other cell of the relation is withheld — the one-row case of
///    Gaussian elimination, cheap and most of the work;
/// 2. **intervals**: the linear program of `IntervalAudit` bounds every withheld cell;
///    for each cell pinned closer than its protection interval (including cells determined
///    by combinations of relations, which Gaussian elimination would find), the cheapest
///    published cell sharing a relation with it is withheld.
/// "Cheapest" is the smallest value (information lost is smallest), never a grand total
/// while another cell will do; ties go to the first cell in a stable order.
struct SecondarySuppression: Sendable {
    var threshold: Int
    var maxRounds = 200
    /// Whether the rounds end in the whole program (every relation; `IntervalAudit.Program`)
    /// or in the relaxed one (each quantity its own program; the default for now, see
    /// docs/disclosure.md, "Limits").
    var wholeProgram = false

    /// Returns the number of rounds and the audit of every withheld cell (all protected, each
    /// from the round that last audited it); throws when a cell cannot be protected.
    func run(_ state: inout SuppressionState) throws(SaksgangError) -> (rounds: Int, audit: [IntervalAudit.Interval]) {
        let tables = state.tables
        var relationsOf = [[Int]](repeating: [], count: tables.cells.count)
        for (r, eq) in tables.equalities.enumerated() { for t in eq.terms { relationsOf[t.cell].append(r) } }
        var boundsOf = [[Int]](repeating: [], count: tables.cells.count)
        for (b, pair) in tables.bounds.enumerated() {
            boundsOf[pair.small].append(b)
            boundsOf[pair.large].append(b)
        }

        func cost(_ c: Int) -> (Int, Int) {
            // A zero is a poor complement: a withheld zero next to published zeros stays pinned at 0.
            let v = tables.values[c] ?? 0
            return (tier(c) * 1_000_000 + (v == 0 ? 100_000 : v), c)
        }
        /// What withholding a cell costs a reader, from the finest table to the coarsest: a
        /// crossing's cell (0: a school's pupils of one background, say), a school's (1), a
        /// municipality's (2), a group of a whole grouping (3: cases by background), the
        /// grand total (4).
        func tier(_ c: Int) -> Int {
            switch tables.cells[c].grouping {
            case let g where g.contains(Grouping.crossingSeparator): return 0
            case "school": return 1
            case "municipality": return 2
            case "all": return 4
            default: return 3
            }
        }
        /// A binding cell's cost: one that can give `need` cases of room first (the
        /// smallest such), then the largest of those that cannot; never a grand total while
        /// another cell will do.
        func bindingCost(_ c: Int, need: Int) -> (Int, Int, Int, Int) {
            let v = tables.values[c] ?? 0
            let enough = v >= max(need, 1)
            return (tier(c), enough ? 0 : 1, enough ? v : -v, c)
        }
        /// The cheapest published cell in a relation with cell `c`.
        func complement(of c: Int, in s: SuppressionState) -> Int? {
            var best: Int?
            for r in relationsOf[c] {
                for t in tables.equalities[r].terms where t.cell != c && s.known(t.cell) != nil && !tables.fixed[t.cell] {
                    if best.map({ cost(t.cell) < cost($0) }) ?? true { best = t.cell }
                }
            }
            if best != nil { return best }
            for b in boundsOf[c] {
                let other = tables.bounds[b].small == c ? tables.bounds[b].large : tables.bounds[b].small
                if s.known(other) != nil, !tables.fixed[other], best.map({ cost(other) < cost($0) }) ?? true { best = other }
            }
            return best
        }

        var rounds = 0
        var failures: [Int: Int] = [:]
        // First each quantity is its own small program (the relations between a share's
        // numerator, complement and n, and between an n and the case count, left out where
        // both sides are withheld): fast, and most of what must be withheld. Then, with
        // `wholeProgram`, the whole program, every relation, until no cell fails.
        var coupled = false
        // Withholding more cells only loosens the program, so a cell shown to span k stays
        // so (`spanning`). A cell known to be at least k, or 0, may not stay so: each round
        // audits the cells not yet shown protected, and a last round every cell that does not
        // span k, which ends the control when none fails.
        var spanning: Set<Int> = []
        var proved: Set<Int> = []
        var confirming = false
        var latest: [Int: IntervalAudit.Interval] = [:]
        while true {
            rounds += 1
            // 1. Lone cells, until none is left.
            var changed = true
            while changed {
                changed = false
                for eq in tables.equalities {
                    var unknown: [Int] = []
                    for t in eq.terms where state.known(t.cell) == nil {
                        unknown.append(t.cell)
                        if unknown.count > 1 { break }
                    }
                    guard unknown.count == 1, state.withheldCells.contains(unknown[0]) else { continue }
                    let lone = unknown[0]
                    var best: Int?
                    for t in eq.terms where t.cell != lone && !tables.fixed[t.cell] {
                        if best.map({ cost(t.cell) < cost($0) }) ?? true { best = t.cell }
                    }
                    guard let best else { continue }
                    state.withhold(cell: best)
                    changed = true
                }
            }
            // 2. Intervals.
            let audited = state.auditedCells.filter { !(confirming ? spanning : proved).contains($0) }
            let intervals = try IntervalAudit(threshold: threshold).intervals(tables, known: state.known,
                                                                              audited: audited, quick: true,
                                                                              feasible: tables.values, coupled: coupled)
            let failing = intervals.filter { !$0.protected(threshold: threshold) }
            // The program the rounds end in: its intervals are the ones published.
            let last = coupled || !wholeProgram
            for iv in failing { proved.remove(iv.cell) }
            for iv in intervals where iv.protected(threshold: threshold) {
                if last { latest[iv.cell] = iv }
                proved.insert(iv.cell)
                if let width = iv.width, width >= threshold { spanning.insert(iv.cell) }
            }
            if DisclosureTrace.isOn {
                FileHandle.standardError.write("round \(rounds)\(coupled ? " (coupled)" : "")\(confirming ? " (confirming)" : ""): cells \(tables.cells.indices.filter { !tables.unavailable[$0] }.count) figures \(tables.cellsOfFigure.count) withheld figures \(state.withheldFigures.count) withheld \(state.withheldCells.count) failing \(failing.count)\n".data(using: .utf8)!)
                for iv in failing.prefix(4) {
                    FileHandle.standardError.write("  \(tables.cells[iv.cell]) [\(iv.low), \(iv.high ?? -1)] true \(tables.values[iv.cell] ?? -1)\n".data(using: .utf8)!)
                }
            }
            if failing.isEmpty {
                guard last else {
                    coupled = true
                    proved = []
                    spanning = []
                    continue
                }
                // Done when this round audited every cell not shown to span k.
                let now = Set(audited)
                guard confirming || state.auditedCells.allSatisfy({ now.contains($0) || spanning.contains($0) }) else {
                    confirming = true
                    continue
                }
                // Every withheld cell's interval from the round that last audited it; one
                // from an earlier round is two feasible points still (not the exact bounds).
                return (rounds, state.auditedCells.map { c in
                    var iv = latest[c]!
                    if !now.contains(c) { iv.exact = false }
                    return iv
                })
            }
            confirming = false
            guard rounds < maxRounds else {
                throw SaksgangError(.disclosureAuditFailed, "secondary suppression did not protect every withheld cell")
            }
            var chosen: Set<Int> = []
            for iv in failing {
                failures[iv.cell, default: 0] += 1
                // The relations that bind the cell's bounds (the LP's certificate): withhold
                // one of their published cells, big enough to give the cell room to move.
                let need = threshold - (iv.width ?? threshold)
                let open = iv.binding.filter { state.known($0) != nil && !tables.fixed[$0] }
                if DisclosureTrace.isOn, failing.prefix(3).contains(iv) {
                    FileHandle.standardError.write("  why \(tables.cells[iv.cell]) binding: \(iv.binding.map { "\(tables.cells[$0])=\(tables.values[$0] ?? -1)\(state.known($0) == nil ? "(w)" : "")" })\n".data(using: .utf8)!)
                }
                if let c = open.min(by: { bindingCost($0, need: need) < bindingCost($1, need: need) }),
                   tables.cells[c].grouping != "all" {
                    chosen.insert(c)
                    // Still pinned after several rounds: every binding cell of the crossing
                    // tables at once.
                    if failures[iv.cell]! >= 4 { chosen.formUnion(open.filter { tier($0) == 0 }) }
                    continue
                }
                if let c = complement(of: iv.cell, in: state) {
                    chosen.insert(c)
                    continue
                }
                // Every neighbour is withheld already: look one relation further.
                var found: Int?
                for r in relationsOf[iv.cell] {
                    for t in tables.equalities[r].terms where t.cell != iv.cell {
                        if let c = complement(of: t.cell, in: state), found.map({ cost(c) < cost($0) }) ?? true { found = c }
                    }
                }
                guard let found else {
                    throw SaksgangError(.disclosureAuditFailed, "a withheld cell cannot be protected by withholding more")
                }
                chosen.insert(found)
            }
            for c in chosen.sorted() { state.withhold(cell: c) }
        }
    }
}
