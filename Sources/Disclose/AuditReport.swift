import Foundation
import SaksgangCore

/// `audit.json`: the interval audit of a published report. Everything in it follows from
/// the published tables (and the public school register: which municipality a school is
/// in), so it can ship beside them.
public struct AuditReport: Sendable, Codable, Equatable {
    public struct CellInterval: Sendable, Codable, Equatable {
        public var quantity: String
        public var grouping: String
        public var group: String
        public var low: Int
        /// nil: unbounded above.
        public var high: Int?
        public var protected: Bool
        /// True: the LP's exact bounds. False: two feasible points this far apart were found,
        /// which proves the cell can take every value between (the true interval is at least
        /// this wide).
        public var exact: Bool

        init(_ iv: IntervalAudit.Interval, in tables: LinkedTables, threshold: Int) {
            let cell = tables.cells[iv.cell]
            quantity = cell.quantity
            grouping = cell.grouping
            group = cell.group
            low = iv.low
            high = iv.high
            protected = iv.protected(threshold: threshold)
            exact = iv.exact
        }
    }

    /// What the control did (absent when a written report is audited again).
    public struct Control: Sendable, Codable, Equatable {
        public var figures: Int
        public var figuresWithheld: Int
        /// Count cells (distinct numbers of cases the figures carry).
        public var cells: Int
        public var cellsWithheld: Int
        /// Cells withheld by the primary rule, and further cells withheld so that no
        /// withheld cell can be pinned down (secondary suppression).
        public var cellsWithheldPrimary: Int
        public var cellsWithheldSecondary: Int
        public var rounds: Int

        enum CodingKeys: String, CodingKey {
            case figures, cells, rounds
            case figuresWithheld = "figures_withheld", cellsWithheld = "cells_withheld"
            case cellsWithheldPrimary = "cells_withheld_primary", cellsWithheldSecondary = "cells_withheld_secondary"
        }
    }

    public var threshold: Int
    /// The rule every withheld cell's interval must meet.
    public var protection: String
    public var solver: String
    public var cellsChecked: Int
    public var cellsUnprotected: Int
    public var passed: Bool
    public var narrowest: CellInterval?
    public var control: Control?
    /// orgnr → kommunenummer of the schools in the tables (the school-in-municipality relation).
    public var municipalityOfSchool: [String: String]
    public var intervals: [CellInterval]

    public static let protectionRule = "every withheld count cell: high - low >= k, or low >= k, or known to be 0 (LP relaxation, bounds rounded to whole cases)"
    public static let solverName = "COIN-OR CLP (primal simplex), integrality relaxed"

    enum CodingKeys: String, CodingKey {
        case threshold, protection, solver, passed, narrowest, control, intervals
        case cellsChecked = "cells_checked", cellsUnprotected = "cells_unprotected"
        case municipalityOfSchool = "municipality_of_school"
    }

    public init(threshold: Int, intervals: [CellInterval], municipalityOfSchool: [String: String], control: Control? = nil) {
        self.threshold = threshold
        protection = Self.protectionRule
        solver = Self.solverName
        self.intervals = intervals
        self.municipalityOfSchool = municipalityOfSchool
        self.control = control
        cellsChecked = intervals.count
        cellsUnprotected = intervals.filter { !$0.protected }.count
        passed = cellsUnprotected == 0
        // The narrowest of the cells that must span k (a cell known to be at least k is
        // protected whatever its width).
        narrowest = intervals.filter { $0.low < threshold }.min { a, b in
            (a.high.map { $0 - a.low } ?? Int.max, a.quantity, a.grouping, a.group) < (b.high.map { $0 - b.low } ?? Int.max, b.quantity, b.grouping, b.group)
        }
    }

    /// Stable JSON: sorted keys, one interval per line is not needed (the file is for machines).
    /// Written as `JSONEncoder` with `[.sortedKeys, .prettyPrinted]` writes it (`JSONBytes`).
    public func encoded() throws(SaksgangError) -> Data {
        var json = JSONBytes(pretty: true, capacity: 160 * intervals.count + 64 * municipalityOfSchool.count + 1024)
        json.audit(self)
        return Data(json.take())
    }

    public static func decode(_ data: Data) throws(SaksgangError) -> AuditReport {
        do { return try JSONDecoder().decode(AuditReport.self, from: data) } catch {
            throw SaksgangError(.configuration, "audit.json could not be read")
        }
    }
}
