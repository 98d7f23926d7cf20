@testable import Disclose
import Measure
import XCTest

/// The quick audit proves cells in programs other than the attacker's: spans in the
/// restricted program (tighter: its solutions are solutions of the whole program), "at
/// least k" and "0" in the relaxed one (looser). Each proof must hold in the whole program,
/// the attacker's: checked here against the exact intervals of the whole program, on random
/// school tables with three linked quantities (case counts, a share's n, numerator and
/// complement, a duration's n), many withheld cells.
final class QuickAuditSoundnessTests: XCTestCase {
    private let k = 5
    private let backgrounds = Grouping.immigrantBackground.groups

    /// Random tables of `schools` schools in two municipalities, every figure with its true
    /// values, and the figures withheld: every small one (1 to k−1 cases, numerators or
    /// complements) and about a fifth of the others of the crossing.
    private func night(seed: UInt64, schools: Int) -> (figures: [Figure], municipality: [String: String], withheld: Set<Int>) {
        var random = SplitMix(seed: seed)
        func next(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        struct Cell { var cases = 0, contact = 0, resolvedN = 0, resolvedYes = 0 }
        var byGroup: [String: [String: Cell]] = [:]
        var municipality: [String: String] = [:]
        func add(_ grouping: String, _ group: String, _ c: Cell) {
            var t = byGroup[grouping, default: [:]][group, default: Cell()]
            t.cases += c.cases
            t.contact += c.contact
            t.resolvedN += c.resolvedN
            t.resolvedYes += c.resolvedYes
            byGroup[grouping, default: [:]][group] = t
        }
        for s in 0..<schools {
            let school = String(900_000_000 + 1_000 * s)
            let m = s % 2 == 0 ? "0301" : "5501"
            municipality[school] = m
            for b in backgrounds {
                // Mostly small counts, now and then a larger one.
                let cases = next(4) == 0 ? 5 + next(20) : next(6)
                let contact = max(0, cases - next(3))
                let resolvedN = max(0, cases - next(2))
                let c = Cell(cases: cases, contact: contact, resolvedN: resolvedN, resolvedYes: next(resolvedN + 1))
                add("school x immigrant_background", school + " x " + b, c)
                add("school", school, c)
                add("immigrant_background", b, c)
                add("municipality", m, c)
                add("all", "all", c)
            }
        }
        var figures: [Figure] = []
        var withheld: Set<Int> = []
        for grouping in byGroup.keys.sorted() {
            for group in byGroup[grouping]!.keys.sorted() {
                let c = byGroup[grouping]![group]!
                let crossing = grouping.contains(" x ")
                func small(_ v: Int) -> Bool { v > 0 && v < k }
                let chosen = crossing && next(5) == 0
                if small(c.cases) || chosen { withheld.insert(figures.count) }
                figures.append(Figure(metric: .cases, statistic: .count, unit: .cases, grouping: grouping, group: group,
                                      n: c.cases, estimate: Double(c.cases)))
                if small(c.contact) || chosen { withheld.insert(figures.count) }
                figures.append(Figure(metric: .timeToFirstContact, statistic: .median, unit: .workingDays, grouping: grouping,
                                      group: group, n: c.contact, estimate: 2, ciLow: 1, ciHigh: 3))
                if small(c.resolvedN) || small(c.resolvedYes) || small(c.resolvedN - c.resolvedYes) || chosen {
                    withheld.insert(figures.count)
                }
                figures.append(Figure(metric: .resolved, statistic: .share, unit: .proportion, grouping: grouping, group: group,
                                      n: c.resolvedN, estimate: c.resolvedN == 0 ? nil : Double(c.resolvedYes) / Double(c.resolvedN),
                                      ciLow: 0, ciHigh: 1, numerator: c.resolvedYes))
            }
        }
        return (figures, municipality, withheld)
    }

    private func exact(_ tables: LinkedTables, known: (Int) -> Int?, cells: [Int]) throws -> [Int: IntervalAudit.Interval] {
        let intervals = try IntervalAudit(threshold: k).intervals(tables, known: known, audited: cells, quick: false)
        return Dictionary(uniqueKeysWithValues: intervals.map { ($0.cell, $0) })
    }

    func testEveryProofOfTheQuickAuditHoldsInTheWholeProgram() throws {
        var cellsChecked = 0, unprotected = 0, spans = 0
        for seed in 1...6 as ClosedRange<UInt64> {
            let (figures, municipality, withheldFigures) = night(seed: seed, schools: 10)
            let tables = LinkedTables(figures: figures, municipalityOfSchool: municipality, source: .truth)
            XCTAssertEqual(tables.relationsLeftOut, 0)
            var hidden: Set<Int> = []
            for f in withheldFigures { hidden.formUnion(tables.cellsOfFigure[f]) }
            let known: (Int) -> Int? = { hidden.contains($0) ? nil : tables.values[$0] }
            let audited = hidden.sorted()
            let whole = try exact(tables, known: known, cells: audited)
            let audit = IntervalAudit(threshold: k)
            let quick = try audit.intervals(tables, known: known, audited: audited, quick: true, feasible: tables.values)
            for iv in quick {
                let truth = whole[iv.cell]!
                cellsChecked += 1
                if !truth.protected(threshold: k) { unprotected += 1 }
                if !iv.exact, let width = iv.width, width >= k { spans += 1 }
                if iv.protected(threshold: k) {
                    XCTAssertTrue(truth.protected(threshold: k),
                                  "seed \(seed): \(tables.cells[iv.cell]) passed as [\(iv.low), \(iv.high ?? -1)], whole program [\(truth.low), \(truth.high ?? -1)]")
                } else {
                    XCTAssertEqual([iv.low, iv.high], [truth.low, truth.high],
                                   "seed \(seed): a failing cell's interval is the whole program's exact one")
                }
            }
        }
        // The tables are hard enough: some cells are pinned, and spans are proved without
        // exact bounds.
        XCTAssertGreaterThan(cellsChecked, 500)
        XCTAssertGreaterThan(unprotected, 0)
        XCTAssertGreaterThan(spans, 100)
    }

    /// The blocks are solved on several threads: the intervals (bounds, exactness, binding
    /// cells) are the same on one thread as on four, quick and exact, in every program.
    func testTheIntervalsDoNotDependOnTheThreads() throws {
        for seed in 1...3 as ClosedRange<UInt64> {
            let (figures, municipality, withheldFigures) = night(seed: seed, schools: 10)
            let tables = LinkedTables(figures: figures, municipalityOfSchool: municipality, source: .truth)
            var hidden: Set<Int> = []
            for f in withheldFigures { hidden.formUnion(tables.cellsOfFigure[f]) }
            let known: (Int) -> Int? = { hidden.contains($0) ? nil : tables.values[$0] }
            let audited = hidden.sorted()
            for (quick, coupled) in [(true, true), (false, true), (true, false)] {
                let runs = try [1, 4].map { threads in
                    try IntervalAudit(threshold: k, threads: threads).intervals(
                        tables, known: known, audited: audited, quick: quick, feasible: tables.values, coupled: coupled)
                }
                XCTAssertEqual(runs[0].count, audited.count)
                XCTAssertEqual(runs[0], runs[1], "seed \(seed), quick \(quick), coupled \(coupled)")
            }
        }
    }
}
