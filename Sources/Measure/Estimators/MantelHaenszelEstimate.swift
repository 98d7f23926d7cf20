import Foundation

/// Mantel–Haenszel pooled comparisons of a group's share with the reference group's over
/// strata (schools), each stratum a 2×2 table of `ShareCounts`: the share difference and
/// ratio adjusted for school, to set beside the pooled (crude) ones so that a difference
/// that vanishes within schools (Simpson's paradox) shows.
///
/// Notation per stratum k: a successes of n1 in the group, c successes of n0 in the
/// reference, N = n1 + n0. Strata where the group or the reference is empty contribute
/// nothing (every term below is 0 there), as in the tools; strata with N = 0 are skipped
/// (the tools give NaN for them, so the oracle leaves them out).
public enum MantelHaenszelEstimate {
    /// The pooled risk ratio RR = Σ a n0/N / Σ c n1/N with the Greenland–Robins (1985)
    /// variance of its log,
    ///
    ///     Var log RR = Σ ((a + c) n1 n0 / N² − a c / N) / ((Σ a n0/N) (Σ c n1/N)),
    ///
    /// and the interval exp(log RR ± z √Var). The estimate matches statsmodels
    /// `StratifiedTable(tables).riskratio_pooled`; estimate and interval match R epiR
    /// `epi.2by2(array(c(a, c, b, d, …), dim = c(2, 2, K)), method = "cohort.count",
    /// conf.level = level)$massoc.detail$RR.mh.wald` (epiR 2.0.57).
    ///
    /// Nil when there is no usable stratum, when Σ a n0/N or Σ c n1/N is 0 (a ratio of 0
    /// or ∞ has no log), or when the variance is not positive (everyone had the outcome
    /// in every stratum, where the tools give the degenerate interval [1, 1]).
    public static func riskRatio(_ strata: [ShareCounts], level: Double = 0.95)
        -> (estimate: Double, lower: Double, upper: Double)?
    {
        var numerator = 0.0, denominator = 0.0, covariance = 0.0
        for stratum in strata {
            precondition(stratum.isValid, "MantelHaenszelEstimate: successes must lie in 0...total")
            let (a, b, c, d, n) = stratum.cells
            guard n > 0 else { continue }
            let n1 = a + b, n0 = c + d
            numerator += a * n0 / n
            denominator += c * n1 / n
            // ((a + c) n1 n0 − a c N) / N²: the numerator is an exact integer for schools
            // below ~200 000 pupils, so "everyone had the outcome" gives exactly 0.
            covariance += ((a + c) * n1 * n0 - a * c * n) / (n * n)
        }
        guard numerator > 0, denominator > 0 else { return nil }
        let variance = covariance / (numerator * denominator)
        guard variance > 0 else { return nil }
        let ratio = numerator / denominator
        let spread = NormalDistribution.twoSidedCriticalValue(level: level) * variance.squareRoot()
        return (ratio, exp(log(ratio) - spread), exp(log(ratio) + spread))
    }

    /// The pooled risk difference RD = Σ (a n0 − c n1)/N / Σ n1 n0/N with Sato's (1989)
    /// variance (consistent both for many small strata and for few large ones),
    ///
    ///     P_k = (n1² c − n0² a + n1 n0 (n0 − n1)/2) / N²
    ///     Q_k = (a (n0 − c) + c (n1 − a)) / (2N)
    ///     Var RD = (RD Σ P_k + Σ Q_k) / (Σ n1 n0/N)²,
    ///
    /// and the interval RD ± z √Var. Matches R epiR `epi.2by2(…, method = "cohort.count",
    /// units = 1)$massoc.detail$ARisk.mh.sato` (epiR 2.0.57), whose Sato variance is the
    /// one used by Greenland & Rothman's *Modern Epidemiology*. (statsmodels has no pooled
    /// risk difference.) With one stratum it is the Wald interval of p1 − p0.
    ///
    /// Nil when there is no stratum with both groups, or when the variance is not
    /// positive (no successes anywhere or all successes everywhere, where the tool gives
    /// the degenerate interval [RD, RD]).
    public static func riskDifference(_ strata: [ShareCounts], level: Double = 0.95)
        -> (estimate: Double, lower: Double, upper: Double)?
    {
        var numerator = 0.0, weight = 0.0, sumP = 0.0, sumQ = 0.0
        for stratum in strata {
            precondition(stratum.isValid, "MantelHaenszelEstimate: successes must lie in 0...total")
            let (a, b, c, d, n) = stratum.cells
            guard n > 0 else { continue }
            let n1 = a + b, n0 = c + d
            numerator += (a * n0 - c * n1) / n
            weight += n1 * n0 / n
            sumP += (n1 * n1 * c - n0 * n0 * a + 0.5 * n1 * n0 * (n0 - n1)) / (n * n)
            sumQ += (a * (n0 - c) + c * (n1 - a)) / (2 * n)
        }
        guard weight > 0 else { return nil }
        let difference = numerator / weight
        let variance = (difference * sumP + sumQ) / (weight * weight)
        guard variance > 0 else { return nil }
        let spread = NormalDistribution.twoSidedCriticalValue(level: level) * variance.squareRoot()
        return (difference, difference - spread, difference + spread)
    }
}
