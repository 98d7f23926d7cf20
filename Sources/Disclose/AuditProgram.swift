import Foundation
import SaksgangCore

/// The linear program of one interval audit in one of `IntervalAudit.Program`'s forms: a
/// column for each cell nobody outside knows, a row for each relation the form keeps, column
/// bounds from the published cells; then split into independent blocks of columns (linked
/// through rows), each solved on its own (`IntervalAudit`).
struct AuditProgram {
    typealias Row = [(column: Int, coefficient: Double)]

    /// Each cell's column (−1: the cell is known), each column's cell, the known cells' values.
    private(set) var column: [Int]
    private(set) var cellOfColumn: [Int] = []
    private(set) var constant: [Int]
    private(set) var lower: [Double] = []
    private(set) var upper: [Double] = []
    private(set) var rows: [Row] = []
    private(set) var rowLower: [Double] = [], rowUpper: [Double] = []
    /// The relation each row states: an index of `tables.equalities`, or −1 − b for bound b.
    private(set) var relationOfRow: [Int] = []
    /// The published cell that set a column's upper (lower) bound; −1 when none did.
    private(set) var upperFrom: [Int] = []
    private(set) var lowerFrom: [Int] = []
    /// Bounds between two withheld cells that the restricted form states only within a block.
    private var bothWithheld: [(small: Int, large: Int, bound: Int)] = []

    /// The program of `form`. Throws when the published cells contradict each other. With
    /// `tightened` (relaxed form only), the relations left out still tighten the columns'
    /// bounds by propagation.
    init(_ form: IntervalAudit.Program, _ tables: LinkedTables, known: (Int) -> Int?, tightened: Bool) throws(SaksgangError) {
        column = [Int](repeating: -1, count: tables.cells.count)
        constant = [Int](repeating: 0, count: tables.cells.count)
        for i in tables.cells.indices {
            if let v = known(i) { constant[i] = v } else { column[i] = cellOfColumn.count; cellOfColumn.append(i) }
        }
        lower = cellOfColumn.map { Double(tables.minimum[$0]) }
        upper = [Double](repeating: .infinity, count: cellOfColumn.count)
        upperFrom = [Int](repeating: -1, count: cellOfColumn.count)
        lowerFrom = [Int](repeating: -1, count: cellOfColumn.count)
        /// The rows the relaxed form leaves out (for the bounds they propagate).
        var leftOutRows: [(row: Row, lower: Double, upper: Double)] = []
        for (ri, r) in tables.equalities.enumerated() {
            // A share's numerator + complement = n with its n withheld too: left out of the
            // relaxed form.
            let leftOut = form == .relaxed && r.terms.count == 3 && tables.cells[r.terms[0].cell].role == .part
                && !tables.cells[r.terms[0].cell].isDifference && known(r.terms[2].cell) == nil
            var row: Row = []
            var rhs = 0
            for t in r.terms {
                if column[t.cell] >= 0 { row.append((column[t.cell], Double(t.coefficient))) } else { rhs -= t.coefficient * constant[t.cell] }
            }
            if row.isEmpty {
                if rhs != 0 { throw SaksgangError(.disclosureAuditFailed, "the published tables do not add up") }
                continue
            }
            if leftOut {
                leftOutRows.append((row, Double(rhs), Double(rhs)))
                continue
            }
            append(row, lower: Double(rhs), upper: Double(rhs), relation: ri)
        }
        for (bi, b) in tables.bounds.enumerated() {
            let s = column[b.small], l = column[b.large]
            switch (s >= 0, l >= 0) {
            case (true, true):
                // Both withheld: a row small − large ≤ 0 (left out of the relaxed form; in the
                // restricted one, a row only within a block: `blocks`).
                switch form {
                case .relaxed: leftOutRows.append(([(s, 1), (l, -1)], -.infinity, 0))
                case .restricted: bothWithheld.append((s, l, bi))
                case .whole: appendBound(s, l, bi)
                }
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
        if tightened, form == .relaxed, !leftOutRows.isEmpty {
            // The relations left out still bound each cell; their propagated bounds (which
            // every solution of the whole program keeps) tighten the relaxed form's columns,
            // so a cell the whole program holds at least k, or at 0, mostly shows it here too,
            // and the relaxed form stays looser than the whole one.
            var allRows = rows, allLower = rowLower, allUpper = rowUpper
            for r in leftOutRows { allRows.append(r.row); allLower.append(r.lower); allUpper.append(r.upper) }
            let (least, most) = IntervalSolver.propagate(rows: allRows, rowLower: allLower, rowUpper: allUpper, lower: lower, upper: upper)
            for c in cellOfColumn.indices {
                if least[c] > lower[c] + 1e-9 { lower[c] = least[c] }
                if most[c] < upper[c] - 1e-9 { upper[c] = most[c] }
                if lower[c] > upper[c] { lower[c] = upper[c] }
            }
        }
    }

    private mutating func append(_ row: Row, lower: Double, upper: Double, relation: Int) {
        rows.append(row)
        relationOfRow.append(relation)
        rowLower.append(lower)
        rowUpper.append(upper)
    }

    /// Bound `bi` between two withheld columns as a row: small − large ≤ 0.
    private mutating func appendBound(_ s: Int, _ l: Int, _ bi: Int) {
        append([(s, 1), (l, -1)], lower: -.infinity, upper: 0, relation: -1 - bi)
    }

    /// One independent part of the program: its columns and the rows between them.
    struct Block {
        var columns: [Int]
        var rows: [Int]
    }

    /// Splits the program into independent blocks; returns each column's block number and the
    /// blocks. In the restricted form, a bound between two withheld cells becomes a row when
    /// both lie in one block, and otherwise a bound on each side at the other's true value
    /// (`feasible`; the true values are a solution).
    mutating func blocks(feasible: [Int?]?) -> (blockOfColumn: [Int], blocks: [Block]) {
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
        for (s, l, bi) in bothWithheld {
            if root(s) == root(l) {
                appendBound(s, l, bi)
            } else if let large = feasible?[cellOfColumn[l]], let small = feasible?[cellOfColumn[s]] {
                upper[s] = min(upper[s], Double(large))
                lower[l] = max(lower[l], Double(small))
            } else {
                preconditionFailure("the restricted program needs the true values")
            }
        }
        bothWithheld = []
        var number: [Int: Int] = [:]
        var blocks: [Block] = []
        var blockOfColumn = [Int](repeating: -1, count: cellOfColumn.count)
        for c in cellOfColumn.indices {
            let r = root(c)
            let b = number[r] ?? blocks.count
            if b == blocks.count { number[r] = b; blocks.append(Block(columns: [], rows: [])) }
            blocks[b].columns.append(c)
            blockOfColumn[c] = b
        }
        for (r, row) in rows.enumerated() { blocks[blockOfColumn[row[0].column]].rows.append(r) }
        return (blockOfColumn, blocks)
    }
}
