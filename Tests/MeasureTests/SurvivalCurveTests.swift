import Measure
import SaksgangCore
import TestSupport
import XCTest

/// The curves the report draws come from the same Kaplan–Meier estimate as the published
/// medians: same n, and the median read off the curve is the published one. The follow-up
/// list holds every deviation the tables count, by school and kind.
final class SurvivalCurveTests: XCTestCase {
    func testCurvesAgreeWithThePublishedMedians() throws {
        let cases = TableModelTests.population(300)
        var m = CaseMeasurements(clock: ResponseClock(schoolCalendars: TableModelTests.AllWorkingDays()), asOf: ["4601": TableModelTests.export])
        for c in cases { m.add(c) }
        let figures = m.figures(threshold: 5)
        let curves = m.survivalCurves()
        XCTAssertFalse(curves.isEmpty)
        for curve in curves {
            let median = try XCTUnwrap(figures.first {
                $0.metric == curve.metric && $0.statistic == .median && $0.unit == curve.unit && $0.grouping == curve.grouping
                    && $0.group == curve.group && $0.comparison == nil
            }, "\(curve.metric) \(curve.grouping) \(curve.group)")
            XCTAssertEqual(median.n, curve.n)
            // The first time the curve is at or below one half, or the midpoint where it is flat there (R's rule).
            if let estimate = median.estimate, let first = curve.points.firstIndex(where: { $0.survival <= 0.5 + 1e-9 }) {
                let p = curve.points[first]
                if abs(p.survival - 0.5) < 1e-8, first + 1 < curve.points.count {
                    let next = curve.points[(first + 1)...].first { $0.events > 0 }?.time ?? curve.points.last!.time
                    XCTAssertEqual(estimate, (p.time + next) / 2, accuracy: 1e-9)
                } else {
                    XCTAssertEqual(estimate, p.time, accuracy: 1e-9)
                }
            }
            XCTAssertEqual(curve.points.first?.atRisk, curve.n)
            XCTAssertEqual(curve.points.reduce(0) { $0 + $1.events + $1.censored }, curve.n)
        }
        XCTAssertTrue(curves.contains { $0.metric == .timeToClosure && $0.grouping == "immigrant_background" })
    }

    func testFollowUpListHoldsEveryCountedDeviation() {
        let cases = TableModelTests.population(200)
        var m = CaseMeasurements(clock: ResponseClock(schoolCalendars: TableModelTests.AllWorkingDays()), asOf: ["4601": TableModelTests.export])
        var list = DeviationFollowUp(clock: ResponseClock(schoolCalendars: TableModelTests.AllWorkingDays()), asOf: ["4601": TableModelTests.export])
        for c in cases { m.add(c); list.add(c) }
        let figures = m.figures(threshold: 5)
        for kind in DeviationKind.allCases {
            for school in ["974600951", "974600952"] {
                let counted = figures.first { $0.metric == .deviations && $0.grouping == "school" && $0.group == school && $0.category == kind.rawValue }?.n
                XCTAssertEqual(list.entries.filter { $0.school == school && $0.kind == kind }.count, counted ?? 0, "\(school) \(kind)")
            }
        }
        XCTAssertEqual(list.entries, list.entries.sorted())
    }
}
