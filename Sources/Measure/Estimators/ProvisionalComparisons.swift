import Foundation

/// Log-rank test over per-tick survival counts, summed over strata (one stratum: the
/// ordinary log-rank test; several: the stratified test).
enum LogRankCounts {
    static func test(_ a: [SurvivalCounts], _ b: [SurvivalCounts]) -> Double? {
        var difference = 0.0, variance = 0.0
        for (x, y) in zip(a, b) {
            var ta = x.ticks[...], tb = y.ticks[...]
            var riskA = x.total, riskB = y.total
            while !ta.isEmpty || !tb.isEmpty {
                let t = min(ta.first?.tick ?? .max, tb.first?.tick ?? .max)
                var da = 0, db = 0, ra = 0, rb = 0
                if let f = ta.first, f.tick == t { da = f.events; ra = f.events + f.censored; ta.removeFirst() }
                if let f = tb.first, f.tick == t { db = f.events; rb = f.events + f.censored; tb.removeFirst() }
                let d = Double(da + db), n = Double(riskA + riskB)
                if d > 0 {
                    difference += Double(da) - d * Double(riskA) / n
                    if n > 1 { variance += Double(riskA) * Double(riskB) * d * (n - d) / (n * n * (n - 1)) }
                }
                riskA -= ra
                riskB -= rb
            }
        }
        guard variance > 0 else { return nil }
        return ChiSquareDistribution.survivalOneDegree(difference * difference / variance)
    }
}

/// Difference and ratio of the share that had the event by a time (1 − S(t)) between two
/// Kaplan–Meier curves, with Greenwood variances: normal interval for the difference, the
/// delta method on the log scale for the ratio.
struct CurveContrast {
    var difference: (Double, Double?, Double?)?
    var ratio: (Double, Double?, Double?)?

    init(_ a: KaplanMeier, _ b: KaplanMeier, at t: Double, level: Double = 0.95) {
        let z = NormalDistribution.twoSidedCriticalValue(level: level)
        func read(_ k: KaplanMeier) -> (f: Double, v: Double) {
            guard let s = k.step(at: t) else { return (0, 0) }
            return (1 - s.survival, s.variance)
        }
        let (fa, va) = read(a), (fb, vb) = read(b)
        let d = fa - fb
        let se = (va + vb).squareRoot()
        difference = se > 0 ? (d, d - z * se, d + z * se) : (d, nil, nil)
        if fa > 0, fb > 0 {
            let r = fa / fb
            let seLog = (va / (fa * fa) + vb / (fb * fb)).squareRoot()
            ratio = seLog > 0 ? (r, r * exp(-z * seLog), r * exp(z * seLog)) : (r, nil, nil)
        }
    }
}

/// Ratio of two shares with the Katz log interval; nil when either share is 0.
enum ProportionRatio {
    static func katz(successes1 x1: Int, total1 n1: Int, successes2 x2: Int, total2 n2: Int, level: Double = 0.95)
        -> (estimate: Double, lower: Double, upper: Double)?
    {
        guard x1 > 0, x2 > 0, n1 > 0, n2 > 0 else { return nil }
        let r = (Double(x1) / Double(n1)) / (Double(x2) / Double(n2))
        let se = (1 / Double(x1) - 1 / Double(n1) + 1 / Double(x2) - 1 / Double(n2)).squareRoot()
        let z = NormalDistribution.twoSidedCriticalValue(level: level)
        return (r, r * exp(-z * se), r * exp(z * se))
    }
}

/// Pearson's chi-square test of two shares without continuity correction (the pooled
/// two-proportion z-test); nil when the pooled share is 0 or 1.
enum TwoProportionTest {
    static func pearson(successes1 x1: Int, total1 n1: Int, successes2 x2: Int, total2 n2: Int) -> Double? {
        let p = Double(x1 + x2) / Double(n1 + n2)
        guard n1 > 0, n2 > 0, p > 0, p < 1 else { return nil }
        let d = Double(x1) / Double(n1) - Double(x2) / Double(n2)
        let chi = d * d / (p * (1 - p) * (1 / Double(n1) + 1 / Double(n2)))
        return ChiSquareDistribution.survivalOneDegree(chi)
    }
}

/// The Cochran–Mantel–Haenszel test over 2×2 tables (no continuity correction) and the
/// Mantel–Haenszel risk difference and risk ratio.
struct MantelHaenszel {
    struct Table {
        var yes1: Int, total1: Int, yes2: Int, total2: Int
    }
    var pValue: Double?
    var riskDifference: Double?
    var riskRatio: Double?

    init(_ tables: [Table]) {
        var deviation = 0.0, variance = 0.0, rdNum = 0.0, rdDen = 0.0, rrNum = 0.0, rrDen = 0.0
        for t in tables where t.total1 > 0 && t.total2 > 0 {
            let n1 = Double(t.total1), n2 = Double(t.total2), n = n1 + n2
            let m1 = Double(t.yes1 + t.yes2), m0 = n - m1
            deviation += Double(t.yes1) - n1 * m1 / n
            if n > 1 { variance += n1 * n2 * m1 * m0 / (n * n * (n - 1)) }
            rdNum += (Double(t.yes1) * n2 - Double(t.yes2) * n1) / n
            rdDen += n1 * n2 / n
            rrNum += Double(t.yes1) * n2 / n
            rrDen += Double(t.yes2) * n1 / n
        }
        pValue = variance > 0 ? ChiSquareDistribution.survivalOneDegree(deviation * deviation / variance) : nil
        riskDifference = rdDen > 0 ? rdNum / rdDen : nil
        riskRatio = rrDen > 0 && rrNum > 0 ? rrNum / rrDen : nil
    }
}
