import Foundation

/// The test that two independent shares are equal (a group against the reference group),
/// on the 2×2 table of `ShareCounts`, two-sided.
///
/// Rule: Pearson's chi-square test without continuity correction, unless an expected
/// count of the table (row total × column total / n) is below 5; then Fisher's exact
/// test. `pValue` is the chosen test's; both are available separately.
public struct TwoProportionTest: Sendable {
    /// Which test gave `pValue`.
    public enum Method: String, Sendable {
        case pearsonChiSquare
        case fisherExact
    }

    /// Expected counts below this send the table to Fisher's exact test.
    public static let smallExpectedCount = 5.0

    /// The test chosen by the rule.
    public let method: Method
    /// The two-sided p-value of `method`.
    public let pValue: Double
    /// Pearson's X² (NaN when a row or column of the table is empty).
    public let chiSquare: Double
    /// The smallest expected count of the four cells (0 when a margin is empty).
    public let smallestExpectedCount: Double

    /// Tests the counts; nil when either total is <= 0 (no comparison exists).
    /// Successes must lie in 0...total.
    public init?(_ counts: ShareCounts) {
        precondition(counts.isValid, "TwoProportionTest: successes must lie in 0...total")
        guard counts.total > 0, counts.referenceTotal > 0 else { return nil }
        let (a, b, c, d, n) = counts.cells
        let smallest = min(a + b, c + d) * min(a + c, b + d) / n
        self.smallestExpectedCount = smallest
        self.chiSquare = Self.pearsonStatistic(counts)
        if smallest < Self.smallExpectedCount {
            method = .fisherExact
            pValue = Self.fisherExact(counts)
        } else {
            method = .pearsonChiSquare
            pValue = ChiSquareDistribution.survivalOneDegree(chiSquare)
        }
    }

    /// Tests successes1/total1 (the group) against successes2/total2 (the reference).
    public init?(successes1: Int, total1: Int, successes2: Int, total2: Int) {
        self.init(ShareCounts(successes: successes1, total: total1,
                              referenceSuccesses: successes2, referenceTotal: total2))
    }

    /// Pearson's X² = n (ad − bc)² / ((a+b)(c+d)(a+c)(b+d)) without continuity
    /// correction, the square of the pooled two-proportion z statistic. Matches scipy
    /// `chi2_contingency(table, correction=False)` and statsmodels `proportions_ztest`
    /// (z²). NaN when a margin is 0 (scipy raises, statsmodels gives NaN).
    public static func pearsonStatistic(_ counts: ShareCounts) -> Double {
        let (a, b, c, d, n) = counts.cells
        let margins = (a + b) * (c + d) * (a + c) * (b + d)
        guard margins > 0 else { return .nan }
        let cross = a * d - b * c
        // Cells below 2^26 keep a·d and b·c exact, so the cross difference is exact.
        return n * cross / margins * cross
    }

    /// The p-value of Pearson's test, P(χ²(1) >= X²); NaN when a margin is 0.
    public static func pearsonPValue(_ counts: ShareCounts) -> Double {
        ChiSquareDistribution.survivalOneDegree(pearsonStatistic(counts))
    }

    /// Fisher's exact test, two-sided: with all margins fixed, a (the group's successes)
    /// is hypergeometric; the p-value sums P(x) over every x with
    /// P(x) <= P(a)·(1 + 1e−7) (R `fisher.test`'s tolerance; scipy `fisher_exact` uses
    /// 1 + 1e−14, which picks the same tables except at probabilities equal to 7 digits
    /// but not to 14). 1 when a margin is 0, as scipy and R. The probabilities are built
    /// by the ratio recurrence P(x+1)/P(x) = (r1 − x)(c1 − x) / ((x + 1)(r2 − c1 + x + 1))
    /// from the mode outwards and normalised, so no factorials are formed.
    public static func fisherExact(_ counts: ShareCounts) -> Double {
        let r1 = counts.total, r2 = counts.referenceTotal
        let c1 = counts.successes + counts.referenceSuccesses
        let n = r1 + r2
        guard r1 > 0, r2 > 0, c1 > 0, c1 < n else { return 1 }
        let low = max(0, c1 - r2), high = min(r1, c1)
        // Mode of the hypergeometric distribution.
        let mode = min(max(Int((Double(r1 + 1) * Double(c1 + 1)) / Double(n + 2)), low), high)
        var weights = [Double](repeating: 0, count: high - low + 1)
        weights[mode - low] = 1
        var x = mode
        while x < high {   // upwards: w(x+1) = w(x) · (r1 − x)(c1 − x) / ((x+1)(r2 − c1 + x + 1))
            let ratio = Double(r1 - x) * Double(c1 - x) / (Double(x + 1) * Double(r2 - c1 + x + 1))
            weights[x + 1 - low] = weights[x - low] * ratio
            x += 1
        }
        x = mode
        while x > low {    // downwards: w(x−1) = w(x) · x (r2 − c1 + x) / ((r1 − x + 1)(c1 − x + 1))
            let ratio = Double(x) * Double(r2 - c1 + x) / (Double(r1 - x + 1) * Double(c1 - x + 1))
            weights[x - 1 - low] = weights[x - low] * ratio
            x -= 1
        }
        let observed = weights[counts.successes - low] * (1 + 1e-7)
        var total = 0.0
        var tail = 0.0
        // Sum smallest first, for accuracy in far tails.
        for weight in weights.sorted() {
            total += weight
            if weight <= observed { tail += weight }
        }
        return min(tail / total, 1)
    }
}
