import CSaksgangLP
import SaksgangCore

/// A linear program over the cells an attacker does not know, solved with COIN-OR CLP
/// (through CSaksgangLP): the least and greatest value each column can take under the rows
/// and column bounds, with integrality relaxed (what an interval attack computes). One
/// model, its objective changed for each bound, so the simplex starts from the last basis.
final class IntervalSolver {
    private let model: UnsafeMutableRawPointer
    let columns: Int
    /// The last solution, for the caller to widen what it has seen each column take.
    private(set) var solution: [Double] = []
    /// The dual values of the rows and the reduced costs of the columns at the last optimum:
    /// the rows (and column bounds) with a non-zero value are the ones that bind, the
    /// certificate of the bound just found.
    private(set) var rowDuals: [Double] = []
    private(set) var reducedCosts: [Double] = []
    let rowCount: Int
    /// Programs solved so far.
    private(set) var solves = 0
    /// The program as loaded, for `propagatedBounds`.
    private let rows: [[(column: Int, coefficient: Double)]]
    private let rowLower: [Double], rowUpper: [Double]
    private let lower: [Double], upper: [Double]

    /// `rows[r]` is a sparse row Σ coefficient × column between `rowLower[r]` and `rowUpper[r]`.
    init(columns: Int, lower: [Double], upper: [Double], rows: [[(column: Int, coefficient: Double)]],
         rowLower: [Double], rowUpper: [Double]) {
        self.columns = columns
        rowCount = rows.count
        self.rows = rows
        self.rowLower = rowLower
        self.rowUpper = rowUpper
        self.lower = lower
        self.upper = upper
        model = Clp_newModel()!
        Clp_setLogLevel(model, 0)
        var byColumn = Array(repeating: [(Int32, Double)](), count: columns)
        for (r, row) in rows.enumerated() {
            for t in row { byColumn[t.column].append((Int32(r), t.coefficient)) }
        }
        var start: [CoinBigIndex] = [0]
        var index: [Int32] = []
        var value: [Double] = []
        for col in byColumn {
            for (r, v) in col { index.append(r); value.append(v) }
            start.append(CoinBigIndex(index.count))
        }
        let objective = [Double](repeating: 0, count: columns)
        let infinity = Double.greatestFiniteMagnitude
        let upperBounds = upper.map { $0.isFinite ? $0 : infinity }
        let rowLowerBounds = rowLower.map { $0.isFinite ? $0 : -infinity }
        let rowUpperBounds = rowUpper.map { $0.isFinite ? $0 : infinity }
        Clp_loadProblem(model, Int32(columns), Int32(rows.count), start, index, value, lower, upperBounds, objective,
                        rowLowerBounds, rowUpperBounds)
    }

    deinit { Clp_deleteModel(model) }

    /// Bounds that every solution keeps, by constraint propagation (each row bounds each of
    /// its columns by the others' bounds, in sweeps until nothing tightens): at every
    /// feasible point `lower[j] ≤ x[j] ≤ upper[j]`. Not the least and greatest values (those
    /// lie inside), but found without a solve: a column whose propagated lower bound is at
    /// least k, or whose upper bound is 0, is shown to be so.
    func propagatedBounds(sweeps: Int = 32) -> (lower: [Double], upper: [Double]) {
        Self.propagate(rows: rows, rowLower: rowLower, rowUpper: rowUpper, lower: lower, upper: upper, sweeps: sweeps)
    }

    /// `propagatedBounds` of any program given as rows and bounds.
    static func propagate(rows: [[(column: Int, coefficient: Double)]], rowLower: [Double], rowUpper: [Double],
                          lower: [Double], upper: [Double], sweeps: Int = 32) -> (lower: [Double], upper: [Double]) {
        var low = lower, high = upper.map { $0.isFinite ? $0 : .infinity }
        for _ in 0..<sweeps {
            var tightened = false
            for (r, row) in rows.enumerated() {
                // The least and greatest the row's sum can be: finite parts and how many
                // terms are unbounded (lower bounds are finite: every cell is at least 0).
                var least = 0.0, leastOpen = 0, most = 0.0, mostOpen = 0
                for (j, a) in row {
                    if a > 0 {
                        least += a * low[j]
                        if high[j].isFinite { most += a * high[j] } else { mostOpen += 1 }
                    } else {
                        most += a * low[j]
                        if high[j].isFinite { least += a * high[j] } else { leastOpen += 1 }
                    }
                }
                for (j, a) in row {
                    // The rest of the row without column j.
                    let ownLeast = a > 0 ? a * low[j] : (high[j].isFinite ? a * high[j] : nil)
                    let ownMost = a > 0 ? (high[j].isFinite ? a * high[j] : nil) : a * low[j]
                    let restLeastOpen = leastOpen - (ownLeast == nil ? 1 : 0)
                    let restMostOpen = mostOpen - (ownMost == nil ? 1 : 0)
                    let restLeast: Double? = restLeastOpen == 0 ? least - (ownLeast ?? 0) : nil
                    let restMost: Double? = restMostOpen == 0 ? most - (ownMost ?? 0) : nil
                    // a·x ≤ rowUpper − restLeast and a·x ≥ rowLower − restMost.
                    var top: Double?, bottom: Double?
                    if let restLeast, rowUpper[r].isFinite { top = rowUpper[r] - restLeast }
                    if let restMost, rowLower[r].isFinite { bottom = rowLower[r] - restMost }
                    let (up, down) = a > 0 ? (top.map { $0 / a }, bottom.map { $0 / a }) : (bottom.map { $0 / a }, top.map { $0 / a })
                    if let up, up < high[j] - 1e-9 { high[j] = up; tightened = true }
                    if let down, down > low[j] + 1e-9 { low[j] = down; tightened = true }
                }
            }
            if !tightened { break }
        }
        return (low, high)
    }

    /// Caps the columns without an upper bound at `cap` (nil: restores the bounds). Every
    /// solution of the capped program is a solution of the program, so what it shows a
    /// column can take holds; it lets an objective that pushes many columns up at once end
    /// at a point rather than at "unbounded".
    func capUnbounded(at cap: Double?) {
        Clp_chgColumnUpper(model, upper.map { $0.isFinite ? $0 : cap ?? .greatestFiniteMagnitude })
    }

    enum Outcome: Equatable {
        case optimal(Double)
        case unbounded
        case infeasible
    }

    /// The least (or greatest) value of one column.
    func extreme(of column: Int, maximize: Bool) throws(SaksgangError) -> Outcome {
        var objective = [Double](repeating: 0, count: columns)
        objective[column] = 1
        return try optimize(objective, maximize: maximize)
    }

    /// Optimises a linear objective; the solution is kept in `solution`.
    func optimize(_ objective: [Double], maximize: Bool) throws(SaksgangError) -> Outcome {
        solves += 1
        Clp_chgObjCoefficients(model, objective)
        Clp_setOptimizationDirection(model, maximize ? -1 : 1)
        _ = Clp_primal(model, 0)
        switch Clp_status(model) {
        case 0:
            if let p = Clp_getColSolution(model) { solution = Array(UnsafeBufferPointer(start: p, count: columns)) }
            if let p = Clp_dualRowSolution(model) { rowDuals = Array(UnsafeBufferPointer(start: p, count: rowCount)) }
            if let p = Clp_getReducedCost(model) { reducedCosts = Array(UnsafeBufferPointer(start: p, count: columns)) }
            return .optimal(Clp_objectiveValue(model))
        case 1: return .infeasible
        case 2: return .unbounded
        default:
            throw SaksgangError(.disclosureSolver, "the interval audit's linear program did not finish")
        }
    }
}
