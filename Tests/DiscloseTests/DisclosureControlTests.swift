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

    private func resolved(_ grouping: String, _ group: String, n: Int, yes: Int) -> Figure {
        Figure(metric: .resolved, statistic: .share, unit: .proportion, grouping: grouping, group: group, n: n,
               estimate: n == 0 ? nil : Double(yes) / Double(n), ciLow: 0, ciHigh: 1, numerator: yes)
    }

    private let control = DisclosureControl(threshold: 5)

    func testPrimaryRuleAndALoneCellsComplement() throws {
        let input = [count("all", "all", 40), count("sami", "no", 20), count("sami", "yes", 3), count("sami", "unknown", 17),
                     median("all", "all", n: 40), median("sami", "no", n: 20), median("sami", "yes", n: 3), median("sami", "unknown", n: 17)]
        let out = try control.protect(input, municipalityOfSchool: [:]).figures
        XCTAssertFalse(out[0].suppressed)
        XCTAssertTrue(out[2].suppressed, "3 cases")
        XCTAssertTrue(out[3].suppressed || out[1].suppressed, "a lone withheld cell would be the total minus the rest")
        XCTAssertTrue(out[6].suppressed, "a statistic from 3 cases")
        XCTAssertTrue(out[7].suppressed || out[5].suppressed, "the curve's n is a cell too")
        for f in out where f.suppressed {
            XCTAssertEqual(f.suppressionReason, "withheld", "a withheld figure says only that it is withheld")
            XCTAssertNil(f.n)
            XCTAssertNil(f.estimate)
            XCTAssertNil(f.ciLow)
            XCTAssertNil(f.ciHigh)
        }
        XCTAssertTrue(out.allSatisfy { $0.numerator == nil }, "numerators never leave the control")
    }

    func testShareWithASmallNumeratorOrComplementIsWithheld() throws {
        let input = [count("all", "all", 60), count("sami", "no", 30), count("sami", "yes", 30), count("sami", "unknown", 0),
                     resolved("all", "all", n: 60, yes: 30), resolved("sami", "no", n: 30, yes: 28),
                     resolved("sami", "yes", n: 30, yes: 2), resolved("sami", "unknown", n: 0, yes: 0)]
        let result = try control.protect(input, municipalityOfSchool: [:])
        let out = result.figures
        XCTAssertTrue(out[6].suppressed, "2 of 30: the numerator is small")
        XCTAssertTrue(out[5].suppressed, "28 of 30: the complement is small")
        XCTAssertFalse(out[0].suppressed)
        XCTAssertFalse(out[3].suppressed, "a zero cell outside a school is published")
        XCTAssertTrue(result.audit.passed)
        XCTAssertEqual(result.audit.cellsUnprotected, 0)
    }

    /// Ending the rounds in the whole program (every relation): the published tables pass the
    /// audit over every relation, which `saksgang audit` runs.
    func testTheWholeProgramControlPassesTheAuditOverEveryRelation() throws {
        let input = [count("all", "all", 60), count("sami", "no", 30), count("sami", "yes", 30), count("sami", "unknown", 0),
                     resolved("all", "all", n: 60, yes: 30), resolved("sami", "no", n: 30, yes: 28),
                     resolved("sami", "yes", n: 30, yes: 2), resolved("sami", "unknown", n: 0, yes: 0),
                     median("all", "all", n: 30), median("sami", "no", n: 27), median("sami", "yes", n: 3)]
        let whole = DisclosureControl(threshold: 5, wholeProgram: true)
        let result = try whole.protect(input, municipalityOfSchool: [:])
        XCTAssertTrue(result.audit.passed)
        let again = try whole.audit(published: result.figures, municipalityOfSchool: [:], exact: true)
        XCTAssertTrue(again.passed)
        XCTAssertEqual(again.cellsChecked, result.audit.cellsChecked)
    }

    func testASmallSchoolPublishesNoZeroCells() throws {
        let schools = [("974000001", 3, 0), ("974000002", 30, 6), ("974000003", 27, 0)]
        var input = [count("all", "all", 60), count("municipality", "0301", 60)]
        input += schools.map { count("school", $0.0, $0.1) }
        for (s, n, yes) in schools {
            input.append(count("school x sami", "\(s) x no", n - yes))
            input.append(count("school x sami", "\(s) x yes", yes))
        }
        input += [count("sami", "no", 54), count("sami", "yes", 6)]
        let result = try control.protect(input, municipalityOfSchool: Dictionary(uniqueKeysWithValues: schools.map { ($0.0, "0301") }))
        let out = result.figures
        let small = out.filter { $0.group.hasPrefix("974000001") }
        XCTAssertEqual(small.count, 3)
        XCTAssertTrue(small.allSatisfy(\.suppressed), "zero cells of a school with 3 cases are withheld too")
        XCTAssertGreaterThanOrEqual(out.filter { $0.grouping == "school" && $0.suppressed }.count, 2, "another school hides the small one in its municipality")
        XCTAssertTrue(result.audit.passed)
        for iv in result.audit.intervals { XCTAssertTrue(iv.protected, "\(iv)") }
        // The record of the publication keeps every cell's true value, withheld ones included.
        XCTAssertEqual(result.truth["cases\tall\tall"], 60)
        XCTAssertEqual(result.truth["cases\tschool x sami\t974000001 x no"], 3)
        // The run's own truth, taken before the control, is the control's.
        XCTAssertEqual(DisclosureControl.truth(of: input, municipalityOfSchool: [:]), result.truth)
    }

    /// The truth the run compares with the last publication is the one the control records:
    /// shares (numerator and complement), curves' n, a cell carried by several figures, and a
    /// figure not available (no n) whose cells have no value.
    func testTheTruthOfTheFiguresIsTheControlsTruth() throws {
        var unavailable = median("sami", "unknown", n: 0)
        unavailable.n = nil
        unavailable.estimate = nil
        let input = [count("all", "all", 60), count("sami", "no", 30), count("sami", "yes", 30), count("sami", "unknown", 0),
                     resolved("all", "all", n: 60, yes: 30), resolved("sami", "no", n: 30, yes: 28),
                     resolved("sami", "yes", n: 30, yes: 2), median("all", "all", n: 60), median("sami", "no", n: 30),
                     median("sami", "no", n: 30), unavailable]
        let result = try control.protect(input, municipalityOfSchool: [:])
        let truth = DisclosureControl.truth(of: input, municipalityOfSchool: [:])
        XCTAssertEqual(truth, result.truth)
        XCTAssertEqual(truth["resolved|no\tsami\tno"], 2)
        XCTAssertNil(truth["time_to_first_contact|working_days|n\tsami\tunknown"])
    }

    func testTheAuditOfThePublishedTablesAgreesAndCatchesTampering() throws {
        let input = [count("all", "all", 40), count("sami", "no", 20), count("sami", "yes", 3), count("sami", "unknown", 17)]
        let result = try control.protect(input, municipalityOfSchool: [:])
        let again = try control.audit(published: result.figures, municipalityOfSchool: [:])
        XCTAssertTrue(again.passed)
        XCTAssertEqual(again.intervals, result.audit.intervals)
        // Un-withhold one of the two withheld cells: the other is then pinned.
        var tampered = result.figures
        let i = try XCTUnwrap(tampered.indices.first { tampered[$0].suppressed && input[$0].n != 3 })
        tampered[i] = input[i]
        let audit = try control.audit(published: tampered, municipalityOfSchool: [:])
        XCTAssertFalse(audit.passed)
        XCTAssertEqual(audit.narrowest?.low, 3)
        XCTAssertEqual(audit.narrowest?.high, 3)
    }

    func testComparisonsFollowTheFiguresOfBothGroups() throws {
        let cmp = Figure(metric: .resolved, statistic: .difference, unit: .proportion, grouping: "sami", group: "yes",
                         n: 30, estimate: 0.1, comparison: .init(reference: "no", referenceN: 30, pValue: 0.2, test: "chi-square"))
        let input = [count("all", "all", 60), count("sami", "no", 30), count("sami", "yes", 30), count("sami", "unknown", 0),
                     resolved("all", "all", n: 60, yes: 30), resolved("sami", "no", n: 30, yes: 28),
                     resolved("sami", "yes", n: 30, yes: 15), resolved("sami", "unknown", n: 0, yes: 0), cmp]
        let out = try control.protect(input, municipalityOfSchool: [:]).figures
        XCTAssertTrue(out[8].suppressed, "the reference group's share is withheld")
        XCTAssertNil(out[8].comparison?.pValue)
    }
}
