import Disclose
import Measure
import XCTest

final class CurveDisclosureTests: XCTestCase {
    /// 12 cases: events at 1, 2, 2, 3, 5, 8, 9; censored at 4, 6, 7, 10, 11.
    private func curve(group: String) -> SurvivalCurve {
        let times: [(Double, Bool)] = [(1, true), (2, true), (2, true), (3, true), (4, false), (5, true), (6, false), (7, false),
                                       (8, true), (9, true), (10, false), (11, false)]
        let km = KaplanMeier(times.map { SurvivalObservation(time: $0.0, event: $0.1) })
        return SurvivalCurve(metric: .timeToFirstContact, unit: .workingDays, grouping: "immigrant_background", group: group, km)
    }

    private func median(_ group: String, n: Int?, suppressed: Bool = false) -> Figure {
        Figure(metric: .timeToFirstContact, statistic: .median, unit: .workingDays, grouping: "immigrant_background", group: group,
               n: n, estimate: suppressed ? nil : 5, suppressed: suppressed, suppressionReason: suppressed ? "complementary" : nil)
    }

    func testCurveIsCutWhereFewerThanKRemainAtRisk() throws {
        let full = curve(group: "none")
        XCTAssertEqual(full.points.map(\.atRisk), [12, 11, 9, 8, 7, 6, 5, 4, 3, 2, 1])
        let out = CurveDisclosure(threshold: 5).apply([full], figures: [median("none", n: 12)])
        let published = try XCTUnwrap(out.first)
        XCTAssertEqual(published.points.map(\.time), [1, 2, 3, 4, 5, 6, 7])
        XCTAssertTrue(published.points.allSatisfy { $0.atRisk >= 5 })
        // The same steps as the Kaplan–Meier estimate the medians come from.
        XCTAssertEqual(published.points[2].survival, full.points[2].survival)
        XCTAssertEqual(published.points.map(\.survival), Array(full.points.prefix(7)).map(\.survival))
        XCTAssertNotNil(published.points[0].lower)
    }

    func testNoCurveWhereTheGroupsMedianWasWithheldOrMissingOrOfAnotherCount() {
        let control = CurveDisclosure(threshold: 5)
        XCTAssertTrue(control.apply([curve(group: "immigrant")], figures: [median("immigrant", n: nil, suppressed: true)]).isEmpty)
        XCTAssertTrue(control.apply([curve(group: "immigrant")], figures: []).isEmpty)
        XCTAssertTrue(control.apply([curve(group: "immigrant")], figures: [median("immigrant", n: 11)]).isEmpty, "n must agree")
        XCTAssertTrue(CurveDisclosure(threshold: 13).apply([curve(group: "none")], figures: [median("none", n: 12)]).isEmpty)
    }
}
