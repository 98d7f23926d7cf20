import Measure
import XCTest

/// The comparison estimators against Fixtures/oracle/comparisons.json: every figure to
/// 1e-9 relative, and nil exactly where the oracle has null.
final class ComparisonOracleTests: XCTestCase {
    private static let oracle = Result { try ComparisonOracle.load() }

    private func oracle() throws -> ComparisonOracle { try Self.oracle.get() }

    /// Compares an optional (estimate, lower, upper) with the oracle's [e, l, u] or null.
    private func assertInterval(_ actual: (estimate: Double, lower: Double, upper: Double)?,
                                _ expected: [Double]?, _ label: String,
                                file: StaticString = #filePath, line: UInt = #line)
    {
        switch (actual, expected) {
        case (nil, nil):
            break
        case let (actual?, expected?):
            assertClose(actual.estimate, expected[0], "\(label) estimate", file: file, line: line)
            assertClose(actual.lower, expected[1], "\(label) lower", file: file, line: line)
            assertClose(actual.upper, expected[2], "\(label) upper", file: file, line: line)
        default:
            XCTFail("\(label): \(String(describing: actual)) but oracle \(String(describing: expected))",
                    file: file, line: line)
        }
    }

    private func assertOptional(_ actual: Double, _ expected: Double?, _ label: String,
                                file: StaticString = #filePath, line: UInt = #line)
    {
        if let expected {
            assertRelativelyClose(actual, expected, label, file: file, line: line)
        } else {
            XCTAssert(actual.isNaN, "\(label): \(actual) but oracle null", file: file, line: line)
        }
    }

    // MARK: Shares, two independent groups

    /// statsmodels confint_proportions_2indep(compare="ratio", method="log").
    func testShareRatioMatchesStatsmodelsLog() throws {
        let pairs = try oracle().shares
        XCTAssertGreaterThanOrEqual(pairs.count, 40)
        for pair in pairs {
            for expected in pair.ratio {
                let actual = ProportionRatio.log(successes1: pair.successes1, total1: pair.total1,
                                                 successes2: pair.successes2, total2: pair.total2,
                                                 level: expected.level)
                let values = expected.estimate.map { [$0, expected.lower!, expected.upper!] }
                assertInterval(actual, values, "\(pair.name) level=\(expected.level)")
            }
        }
    }

    /// scipy chi2_contingency(correction=False) (= statsmodels proportions_ztest squared).
    func testPearsonChiSquareMatchesScipy() throws {
        for pair in try oracle().shares where pair.total1 > 0 && pair.total2 > 0 {
            assertOptional(TwoProportionTest.pearsonStatistic(pair.counts), pair.chiSquare,
                           "\(pair.name) X²")
            assertOptional(TwoProportionTest.pearsonPValue(pair.counts), pair.chiSquarePValue,
                           "\(pair.name) p")
        }
    }

    /// scipy fisher_exact(alternative="two-sided") and R fisher.test.
    func testFisherExactMatchesScipyAndR() throws {
        for pair in try oracle().shares where pair.total1 > 0 && pair.total2 > 0 {
            let p = TwoProportionTest.fisherExact(pair.counts)
            assertRelativelyClose(p, try XCTUnwrap(pair.fisherPValue), "\(pair.name) scipy")
            assertRelativelyClose(p, try XCTUnwrap(pair.fisherPValueR), "\(pair.name) R")
        }
    }

    /// The rule: Fisher when an expected count is below 5, else Pearson; nil without a group.
    func testTwoProportionTestRuleAndEmptyGroups() throws {
        var methods = Set<TwoProportionTest.Method>()
        for pair in try oracle().shares {
            guard let test = TwoProportionTest(pair.counts) else {
                XCTAssert(pair.total1 == 0 || pair.total2 == 0, "\(pair.name) nil")
                XCTAssertNil(pair.smallestExpected, pair.name)
                continue
            }
            let smallest = try XCTUnwrap(pair.smallestExpected, pair.name)
            assertClose(test.smallestExpectedCount, smallest, pair.name)
            if smallest < 5 {
                XCTAssertEqual(test.method, .fisherExact, pair.name)
                assertRelativelyClose(test.pValue, try XCTUnwrap(pair.fisherPValue), pair.name)
            } else {
                XCTAssertEqual(test.method, .pearsonChiSquare, pair.name)
                assertRelativelyClose(test.pValue, try XCTUnwrap(pair.chiSquarePValue), pair.name)
            }
            methods.insert(test.method)
        }
        XCTAssertEqual(methods.count, 2, "the oracle exercises both branches of the rule")
    }

    // MARK: Shares by school

    /// statsmodels StratifiedTable.test_null_odds(correction=False) (= R mantelhaen.test).
    func testCochranMantelHaenszelMatchesStatsmodels() throws {
        let sets = try oracle().stratified
        XCTAssertGreaterThanOrEqual(sets.count, 12)
        for set in sets {
            let test = CochranMantelHaenszelTest(set.counts)
            XCTAssertEqual(test.strataUsed, set.strataUsed, set.name)
            assertOptional(test.statistic, set.cmhStatistic, "\(set.name) statistic")
            assertOptional(test.pValue, set.cmhPValue, "\(set.name) p")
        }
    }

    /// epiR epi.2by2 RR.mh.wald (Greenland–Robins); estimate also statsmodels riskratio_pooled.
    func testMantelHaenszelRiskRatioMatchesEpiRAndStatsmodels() throws {
        let oracle = try oracle()
        for set in oracle.stratified {
            let actual = MantelHaenszelEstimate.riskRatio(set.counts, level: oracle.stratifiedLevel)
            assertInterval(actual, set.riskRatio, "\(set.name) RR")
            if let actual, let pooled = set.riskratioPooled {
                assertClose(actual.estimate, pooled, "\(set.name) statsmodels riskratio_pooled")
            }
        }
    }

    /// epiR epi.2by2 ARisk.mh.sato (units = 1).
    func testMantelHaenszelRiskDifferenceMatchesEpiRSato() throws {
        let oracle = try oracle()
        for set in oracle.stratified {
            let actual = MantelHaenszelEstimate.riskDifference(set.counts, level: oracle.stratifiedLevel)
            assertInterval(actual, set.riskDifference, "\(set.name) RD")
        }
    }

    /// Simpson's paradox shows: pooled the shares differ strongly, within schools not at all.
    func testSimpsonsParadoxIsVisiblePooledAgainstStratified() throws {
        let set = try XCTUnwrap(oracle().stratified.first { $0.name == "simpson" })
        let pooled = set.counts.reduce(ShareCounts(successes: 0, total: 0, referenceSuccesses: 0,
                                                   referenceTotal: 0)) {
            ShareCounts(successes: $0.successes + $1.successes, total: $0.total + $1.total,
                        referenceSuccesses: $0.referenceSuccesses + $1.referenceSuccesses,
                        referenceTotal: $0.referenceTotal + $1.referenceTotal)
        }
        let crude = ProportionDifference.newcombe(successes1: pooled.successes, total1: pooled.total,
                                                  successes2: pooled.referenceSuccesses,
                                                  total2: pooled.referenceTotal)
        XCTAssertGreaterThan(crude.lower, 0.25)
        XCTAssertLessThan(try XCTUnwrap(TwoProportionTest(pooled)).pValue, 1e-10)
        XCTAssertGreaterThan(CochranMantelHaenszelTest(set.counts).pValue, 0.99)
        let adjusted = try XCTUnwrap(MantelHaenszelEstimate.riskDifference(set.counts))
        XCTAssertEqual(adjusted.estimate, 0, accuracy: 1e-12)
        XCTAssertLessThan(adjusted.lower, 0)
        XCTAssertGreaterThan(adjusted.upper, 0)
    }

    // MARK: Curves

    /// S(t) and Greenwood se against R summary(survfit(...), times=, extend=TRUE); the
    /// difference and ratio against the formula-based oracle on those figures.
    func testCumulativeIncidenceComparisonMatchesSurvfitAndFormula() throws {
        let sets = try oracle().curves
        XCTAssertGreaterThanOrEqual(sets.count, 8)
        var nilDifferences = 0, nilRatios = 0, compared = 0
        for set in sets {
            let group = set.observations(group: 1), reference = set.observations(group: 0)
            let groupCounts = EventCount.tally(group), referenceCounts = EventCount.tally(reference)
            for query in set.queries {
                for expected in query.byLevel {
                    let label = "\(set.name) t=\(query.time) level=\(expected.level)"
                    let fromCounts = CumulativeIncidenceComparison(
                        group: groupCounts, reference: referenceCounts, at: query.time, level: expected.level)
                    let fromObservations = CumulativeIncidenceComparison(
                        group: group, reference: reference, at: query.time, level: expected.level)
                    for actual in [fromCounts, fromObservations] {
                        assertClose(actual.group.incidence, 1 - query.survival, "\(label) F1")
                        assertClose(actual.reference.incidence, 1 - query.survivalReference, "\(label) F0")
                        assertClose(actual.group.standardError, query.stdErr, "\(label) se1")
                        assertClose(actual.reference.standardError, query.stdErrReference, "\(label) se0")
                        assertInterval(actual.difference, expected.difference, "\(label) difference")
                        assertInterval(actual.ratio, expected.ratio, "\(label) ratio")
                    }
                    XCTAssertEqual(fromCounts.group.count, group.count, label)
                    if expected.difference == nil { nilDifferences += 1 }
                    if expected.ratio == nil { nilRatios += 1 }
                    compared += 1
                }
            }
        }
        XCTAssertGreaterThan(nilDifferences, 0, "the oracle exercises undefined differences")
        XCTAssertGreaterThan(nilRatios, nilDifferences, "and undefined ratios")
        XCTAssertGreaterThan(compared, 100)
    }

    /// R survdiff(Surv(time, event) ~ group + strata(school)).
    func testStratifiedLogRankMatchesSurvdiff() throws {
        for set in try oracle().curves {
            let test = StratifiedLogRankTest(set.strata)
            let expected = set.stratifiedLogrank
            assertClose(test.statistic, expected.statistic, "\(set.name) chisq")
            assertRelativelyClose(test.pValue, expected.pValue, "\(set.name) p")
            XCTAssertEqual(Double(test.observed), expected.observed, set.name)
            XCTAssertEqual(Double(test.observedReference), expected.observedReference, set.name)
            assertClose(test.expected, expected.expected, "\(set.name) expected")
            assertClose(test.expectedReference, expected.expectedReference, "\(set.name) expected ref")
        }
    }

    /// R survdiff(Surv(time, event) ~ group), for the count-based test and for LogRankTest.
    func testUnstratifiedLogRankMatchesSurvdiff() throws {
        for set in try oracle().curves {
            let group = set.observations(group: 1), reference = set.observations(group: 0)
            let expected = set.logrank
            let counted = StratifiedLogRankTest(group: EventCount.tally(group),
                                                reference: EventCount.tally(reference))
            assertClose(counted.statistic, expected.statistic, "\(set.name) counts chisq")
            assertRelativelyClose(counted.pValue, expected.pValue, "\(set.name) counts p")
            assertClose(counted.expected, expected.expected, "\(set.name) counts expected")
            assertClose(counted.expectedReference, expected.expectedReference, "\(set.name) expected ref")
            let existing = LogRankTest(group, reference)
            assertClose(existing.statistic, expected.statistic, "\(set.name) LogRankTest chisq")
            assertRelativelyClose(existing.pValue, expected.pValue, "\(set.name) LogRankTest p")
            assertClose(existing.expectedA, expected.expected, "\(set.name) LogRankTest expected")
        }
    }

    /// Simpson's paradox in curves: pooled log-rank rejects, stratified by school it does not.
    func testSimpsonsParadoxIsVisibleInCurves() throws {
        let set = try XCTUnwrap(oracle().curves.first { $0.name == "simpson" })
        let pooled = StratifiedLogRankTest(group: EventCount.tally(set.observations(group: 1)),
                                           reference: EventCount.tally(set.observations(group: 0)))
        XCTAssertLessThan(pooled.pValue, 1e-10)
        XCTAssertGreaterThan(StratifiedLogRankTest(set.strata).pValue, 0.5)
    }
}
