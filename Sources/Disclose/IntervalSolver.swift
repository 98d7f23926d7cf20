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

    /// `rows[r]` is a sparse row Σ coefficient × column between `rowLower[r]` and `rowUpper[r]`.
    init(columns: Int, lower: [Double], upper: [Double], rows: [[(column: Int, coefficient: Double)]],
         rowLower: [Double], rowUpper: [Double]) {
        self.columns = columns
        rowCount = rows.count
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
