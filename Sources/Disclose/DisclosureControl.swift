import Foundation
import Measure
import SaksgangCore

/// Disclosure control of everything a run publishes (docs/disclosure.md):
/// 1. **primary** (`PrimaryRule`): cells of 1 to k−1 cases, statistics from fewer than k
///    cases, shares whose numerator or complement is 1 to k−1, and everything about a school
///    with fewer than k cases are withheld;
/// 2. **linked**: a cell is withheld in every figure that carries it (a curve's n in its
///    median, p75, p90 and the shares read off it; a category share's n in every category);
/// 3. **secondary** (`SecondarySuppression`): further cells are withheld, smallest first,
///    until the interval audit over the linked tables finds no withheld cell pinned closer
///    than its protection interval;
/// 4. **comparisons** are withheld when either group's figure is;
/// 5. the **audit** (`IntervalAudit`, exact bounds for every withheld cell) ships with the
///    figures; when it fails, nothing is published (an error).
/// A withheld figure says only that it is withheld (`suppression_reason` = `withheld`).
public struct DisclosureControl: Sendable {
    public var threshold: Int
    /// Whether secondary suppression ends in the whole program of the interval attack (every
    /// relation) rather than the relaxed one (docs/disclosure.md, "Limits": sound, but
    /// minutes to hours on a large night, so not yet the default).
    public var wholeProgram: Bool

    public init(threshold: Int = 5, wholeProgram: Bool = false) {
        precondition(threshold >= 2)
        self.threshold = threshold
        self.wholeProgram = wholeProgram
    }

    public struct Result: Sendable {
        public var figures: [Figure]
        public var audit: AuditReport
        /// The true values of the cells the figures carry, for the record of this publication.
        public var truth: [String: Int]
        /// How long control and audit took (for the log; not in audit.json, which is a
        /// function of the tables).
        public var seconds: Double
    }

    /// Controls the figures and audits the result; throws when the audit fails. With the
    /// `previous` publication, the two are controlled together: its withheld cells stay
    /// protected, and what changed since is a table that passes the same rule.
    public func protect(_ figures: [Figure], municipalityOfSchool: [String: String],
                        previous: PreviousPublication? = nil) throws(SaksgangError) -> Result {
        let started = Date()
        var tables = LinkedTables(figures: figures, municipalityOfSchool: municipalityOfSchool, source: .truth)
        let truth = tables.truth

        let earlier = previous.map { tables.join(previous: $0, municipalityOfSchool: municipalityOfSchool, threshold: threshold) } ?? []
        let rule = PrimaryRule(threshold: threshold)
        var state = SuppressionState(tables: tables)
        state.hide(earlier)

        // Primary.
        var schoolTotal: [String: Int] = [:]
        for f in figures where f.grouping == "school" && f.metric.kind.isCaseCount && f.statistic == .count {
            schoolTotal[f.group] = f.n ?? 0
        }
        for (i, f) in figures.enumerated() where !tables.cellsOfFigure[i].isEmpty {
            if rule.withholds(f, schoolTotal: PrimaryRule.school(of: f).flatMap { schoolTotal[$0] }) { state.withhold(figure: i) }
        }
        let primary = state.withheldCells.count - earlier.count

        // Secondary, until the audit passes.
        let (rounds, intervals) = try SecondarySuppression(threshold: threshold, wholeProgram: wholeProgram).run(&state)

        // The audit of what is published: the last round's, over every withheld cell.
        let audited = state.auditedCells
        let cellIntervals = intervals.map { AuditReport.CellInterval($0, in: tables, threshold: threshold) }

        // Comparisons follow the figures of both groups.
        var withheldFigure = state.withheldFigures
        var byKey: [FigureKey: Int] = [:]
        for (i, f) in figures.enumerated() where !f.statistic.isComparison && f.statistic == .share {
            byKey[FigureKey(f.metric.name, f.category, f.grouping, f.group)] = i
        }
        for (i, f) in figures.enumerated() {
            guard let c = f.comparison else { continue }
            let own = byKey[FigureKey(f.metric.name, f.category, f.grouping, f.group)]
            let reference = byKey[FigureKey(f.metric.name, f.category, f.grouping, c.reference)]
            let hidden = own.map { withheldFigure.contains($0) } ?? true
            let referenceHidden = reference.map { withheldFigure.contains($0) } ?? true
            if hidden || referenceHidden || rule.isSmall(f.n ?? 0) || rule.isSmall(c.referenceN) { withheldFigure.insert(i) }
        }

        let out = figures.enumerated().map { i, f -> Figure in
            var g = f
            g.numerator = nil
            guard withheldFigure.contains(i) else { return g }
            g.suppressed = true
            g.suppressionReason = Figure.withheldReason
            g.n = nil
            g.estimate = nil
            g.ciLow = nil
            g.ciHigh = nil
            g.comparison?.pValue = nil
            g.comparison?.pAdjusted = nil
            g.comparison?.flag = false
            g.comparison?.referenceN = 0
            return g
        }
        let control = AuditReport.Control(
            figures: figures.count, figuresWithheld: withheldFigure.count,
            cells: tables.cells.indices.filter { !tables.unavailable[$0] && !tables.fixed[$0] }.count,
            cellsWithheld: audited.count - earlier.count,
            cellsWithheldPrimary: primary, cellsWithheldSecondary: audited.count - earlier.count - primary, rounds: rounds)
        let audit = AuditReport(threshold: threshold, intervals: cellIntervals, municipalityOfSchool: municipalityOfSchool,
                                control: control)
        guard audit.passed else {
            throw SaksgangError(.disclosureAuditFailed,
                                "\(audit.cellsUnprotected) withheld cells could be pinned closer than the protection interval; nothing was published")
        }
        return Result(figures: out, audit: audit, truth: truth, seconds: Date().timeIntervalSince(started))
    }

    /// The true value of every cell the figures carry (what a publication record keeps).
    public static func truth(of figures: [Figure], municipalityOfSchool: [String: String]) -> [String: Int] {
        LinkedTables.truth(of: figures)
    }

    /// Audits a written report again from its figures (tables.json) and the school register
    /// of its audit.json.
    /// With `exact`, every interval is the LP's exact bounds; otherwise a cell is passed as
    /// soon as two feasible points show it spans k (what the run itself does).
    public func audit(published figures: [Figure], municipalityOfSchool: [String: String],
                      exact: Bool = false) throws(SaksgangError) -> AuditReport {
        let tables = LinkedTables(figures: figures, municipalityOfSchool: municipalityOfSchool, source: .published)
        let audited = tables.cells.indices.filter { tables.values[$0] == nil && !tables.unavailable[$0] }
        let intervals = try IntervalAudit(threshold: threshold).intervals(tables, known: { tables.values[$0] }, audited: audited,
                                                                          quick: !exact)
        return AuditReport(threshold: threshold, intervals: intervals.map { AuditReport.CellInterval($0, in: tables, threshold: threshold) },
                           municipalityOfSchool: municipalityOfSchool)
    }

    private struct FigureKey: Hashable {
        var metric: String, category: String?, grouping: String, group: String
        init(_ m: String, _ c: String?, _ g: String, _ gr: String) { metric = m; category = c; grouping = g; group = gr }
    }
}

extension Metric.Kind {
    var isCaseCount: Bool { if case .caseCount = self { return true } else { return false } }
}
