/// Which figures and cells are withheld, kept closed under "a withheld cell is withheld in
/// every figure that carries it, and a withheld figure withholds every cell it carries".
struct SuppressionState: Sendable {
    let tables: LinkedTables
    private(set) var withheldFigures: Set<Int> = []
    private(set) var withheldCells: Set<Int> = []

    init(tables: LinkedTables) { self.tables = tables }

    mutating func withhold(figure: Int) {
        var queue = [figure]
        while let f = queue.popLast() {
            guard withheldFigures.insert(f).inserted else { continue }
            for c in tables.cellsOfFigure[f] where !tables.unavailable[c] && withheldCells.insert(c).inserted {
                queue += tables.figuresOfCell[c].filter { !withheldFigures.contains($0) }
            }
        }
    }

    /// Cells unknown from the start that no figure of tonight carries (the previous
    /// publication's withheld cells, the differences since it).
    mutating func hide(_ cells: [Int]) { withheldCells.formUnion(cells) }

    mutating func withhold(cell: Int) {
        for f in tables.figuresOfCell[cell] { withhold(figure: f) }
    }

    /// The value an outsider reads for cell i: nil when withheld or not available.
    func known(_ i: Int) -> Int? {
        withheldCells.contains(i) || tables.unavailable[i] ? nil : tables.values[i]
    }

    var auditedCells: [Int] { withheldCells.sorted() }
}
