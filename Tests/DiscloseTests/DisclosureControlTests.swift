import Disclose
import Measure
import XCTest

final class DisclosureControlTests: XCTestCase {
    private func count(_ grouping: String, _ group: String, _ n: Int) -> Figure {
        Figure(metric: .cases, statistic: .count, unit: .cases, grouping: grouping, group: group, n: n, estimate: Double(n))
    }

    private func median(_ grouping: String, _ group: String, n: Int) -> Figure {
        Figure(metric: .timeToFirstContact, statistic: .median, unit: .workingDays, grouping: grouping, group: group,
               n: n, estimate: 2, ciLow: 1, ciHigh: 3)
    }

    func testPrimaryComplementaryAndLinked() {
        let input = [count("all", "all", 33), count("g", "a", 3), count("g", "b", 10), count("g", "c", 20), count("g", "d", 0),
                     median("g", "a", n: 3), median("g", "b", n: 10), median("g", "c", n: 20), median("g", "c", n: 4)]
        let out = DisclosureControl(threshold: 5).apply(input)
        XCTAssertFalse(out[0].suppressed)
        XCTAssertEqual(out[1].suppressionReason, "primary")
        XCTAssertEqual(out[2].suppressionReason, "complementary", "a lone hidden cell would be total minus the rest")
        XCTAssertFalse(out[3].suppressed)
        XCTAssertFalse(out[4].suppressed, "zero cells are published")
        XCTAssertEqual(out[4].n, 0)
        XCTAssertEqual(out[5].suppressionReason, "linked")
        XCTAssertEqual(out[6].suppressionReason, "linked")
        XCTAssertFalse(out[7].suppressed)
        XCTAssertEqual(out[8].suppressionReason, "primary", "a statistic from fewer than k cases")
        for f in out where f.suppressed {
            XCTAssertNil(f.n)
            XCTAssertNil(f.estimate)
            XCTAssertNil(f.ciLow)
            XCTAssertNil(f.ciHigh)
        }
    }

    func testTwoSmallCellsNeedNoComplement() {
        let out = DisclosureControl(threshold: 5).apply([count("g", "a", 2), count("g", "b", 3), count("g", "c", 40)])
        XCTAssertEqual(out.map(\.suppressed), [true, true, false])
    }

    func testCrossingsAreProtectedWithinEachMargin() {
        let rows = [("none", "fodselsnummer", 40), ("none", "local_id", 0), ("immigrant", "fodselsnummer", 13),
                    ("immigrant", "local_id", 3), ("immigrant", "d_number", 0)].map {
            Figure(metric: .pupilIdentifiedBy, statistic: .count, unit: .cases, grouping: "immigrant_background x identified_by",
                   group: "\($0.0) x \($0.1)", n: $0.2, estimate: Double($0.2))
        }
        let out = DisclosureControl(threshold: 5).apply(rows)
        XCTAssertEqual(out.map(\.suppressed), [false, false, true, true, false])
        XCTAssertEqual(out[2].suppressionReason, "complementary")
    }

    func testTotalBelowThresholdIsWithheld() {
        let out = DisclosureControl(threshold: 5).apply([count("all", "all", 4), median("all", "all", n: 4)])
        XCTAssertTrue(out.allSatisfy(\.suppressed))
    }
}
