import Foundation

/// Quantiles of the time to event and their confidence intervals, exactly as R's survival
/// package computes them (`quantile(survfit(..., conf.type = "log-log"))`, the internal
/// `findq`), so that every published median can be reproduced in R.
///
/// The rule, on the cumulative curve F = 1 − S with a leading point (time 0, F = 0): the
/// p-quantile is the first time F reaches p. Where the curve is flat at exactly p – S sits
/// on 1 − p from a time t₁ until it drops again at t₂ – it is the midpoint (t₁ + t₂)/2
/// (R and SAS; a group of 8 with 4 events at 12, 30, 41, 57 and the next at 102 has median
/// 79.5, not 57). Flat at p until the end of the data: the midpoint of t₁ and the last
/// observed time, event or censoring. Never reaching p: nil (R: NA).
///
/// "Exactly p" is decided with R's own tolerance, √(double epsilon) = 1.49e−8, applied as R
/// applies it: |F − p| < tol counts as flat. This is the choice because the figures must be
/// R's; and it does not depend on rounding where it matters: the running product carries
/// rounding of order 1e−15, so a curve that is exactly 1/2 in theory (4 events of 8) is
/// flat however the product rounded, and a curve that is not exactly 1/2 is at least
/// 1/(2·Π n) away, which exceeds the tolerance unless the at-risk counts multiply past
/// 3·10⁷. The oracle script (Fixtures/oracle/make_survival_oracle.R) checks with exact
/// prime-exponent arithmetic that the tolerance and exact equality pick the same steps on
/// every test dataset, including doubles that rounded above and below 1/2 and 1/4.
///
/// One deliberate difference from the plain R call `quantile(fit, p)`: R first returns NA
/// when max F < p (the smallest requested p), before its tolerance test. For a curve that
/// is exactly 1 − p to the end of the data and whose product rounded just above it, that
/// early exit gives NA, and the midpoint when it rounded below or when a smaller p is asked
/// in the same call. Here the tolerance alone decides (the answer R gives to
/// `quantile(fit, c(0, p))`), so the result does not depend on the rounding direction.
extension KaplanMeier {
    /// R's `quantile.survfit` default tolerance, `sqrt(.Machine$double.eps)` = 2⁻²⁶.
    static let rTolerance = Double.ulpOfOne.squareRoot()

    /// The median time to event: `quantile(0.5)`, R's convention (midpoint where S is flat
    /// at exactly 0.5). Nil when the curve never comes down to 0.5.
    public var median: Double? { quantile(0.5) }

    /// The time by which a share `p` has had the event (p = 0.5 median, 0.75 "p75",
    /// 0.9 "p90"): R's `quantile(survfit(...), probs = p)`, the first time S(t) <= 1 − p, the
    /// midpoint to the next drop (or to the last observed time) where S is flat at exactly
    /// 1 − p. Nil when never reached or when there are no observations. `p` must lie in (0, 1).
    public func quantile(_ p: Double) -> Double? {
        precondition(p > 0 && p < 1, "KaplanMeier.quantile: p must lie strictly between 0 and 1")
        return QuantileCurve(times: stepTimes, cumulative: steps.map { 1 - $0.survival })?.quantile(p)
    }

    /// The confidence interval of the median, `quantileConfidenceInterval(0.5, level:)`.
    /// A nil limit: the band never reaches 0.5 within the data (R: NA). Both nil when nobody
    /// had the event.
    public func medianConfidenceInterval(level: Double = 0.95) -> (lower: Double?, upper: Double?) {
        quantileConfidenceInterval(0.5, level: level)
    }

    /// The confidence interval of `quantile(p)` as R's `quantile.survfit` reads it off the
    /// pointwise log-log bands (Brookmeyer–Crowley with the log-log band): the lower limit
    /// is the quantile rule applied to the lower band of S (1 − lower reaches p first), the
    /// upper limit the rule applied to the upper band. Band points where the log-log
    /// interval is undefined (S = 1 or 0, nil in `confidenceInterval(at:level:)`) are left
    /// out as R leaves out its NAs. A nil limit: that band never reaches 1 − p (R: NA).
    public func quantileConfidenceInterval(_ p: Double, level: Double = 0.95)
        -> (lower: Double?, upper: Double?)
    {
        let q = quantiles([p], level: level)[0]
        return (q.lower, q.upper)
    }

    /// The step times with R's leading start time 0.
    private var stepTimes: [Double] { [0] + steps.map(\.time) }

    /// Quantiles with their intervals for several p at once: the curve and its two bands are
    /// prepared once (the figures of a group ask for the median, p75 and p90 together).
    public func quantiles(_ ps: [Double], level: Double = 0.95)
        -> [(estimate: Double?, lower: Double?, upper: Double?)]
    {
        let times = stepTimes
        let z = NormalDistribution.twoSidedCriticalValue(level: level)
        let bands = steps.map { Self.logLogBand($0, z: z) }
        let estimate = QuantileCurve(times: times, cumulative: steps.map { 1 - $0.survival })
        let lower = QuantileCurve(times: times, cumulative: bands.map { $0.lower.map { 1 - $0 } })
        let upper = QuantileCurve(times: times, cumulative: bands.map { $0.upper.map { 1 - $0 } })
        return ps.map { p in
            precondition(p > 0 && p < 1, "KaplanMeier.quantiles: p must lie strictly between 0 and 1")
            return (estimate?.quantile(p), lower?.quantile(p), upper?.quantile(p))
        }
    }
}

/// R survival's `findq(x, y, p, tol)` with x = c(0, time), y = c(0, curve), prepared once for
/// a curve and asked for any p: drop repeated y values (keeping the first; missing values
/// count as equal to each other), then indx1 / indx2 = `approx(y ± tol, 1:n, p, method =
/// "constant", f = 1)` (the first point whose y ± tol is >= p, NA outside the range,
/// missing points dropped), the quantile (x[indx1] + x[indx2]) / 2, and where p is within
/// tol of the last y, (x[indx1] + last time) / 2. Without R's early exit on max y < p (see
/// `KaplanMeier`'s note).
struct QuantileCurve {
    private let x: [Double]
    private let lastY: Double?
    private let lastTime: Double
    /// The points of y + tol and y − tol that are not missing, sorted by key, then index.
    private let plus: [(key: Double, index: Int)]
    private let minus: [(key: Double, index: Int)]

    init?(times: [Double], cumulative curve: [Double?]) {
        guard curve.count + 1 == times.count, let lastTime = times.last, !curve.isEmpty else { return nil }
        let tol = KaplanMeier.rTolerance
        var x: [Double] = []
        var y: [Double?] = []
        var seen = Set<Double>()
        var seenMissing = false
        for (time, value) in zip(times, [0] + curve) {
            if let value {
                guard seen.insert(value).inserted else { continue }
            } else {
                guard !seenMissing else { continue }
                seenMissing = true
            }
            x.append(time)
            y.append(value)
        }
        func sortedPoints(_ shift: Double) -> [(key: Double, index: Int)] {
            var points: [(key: Double, index: Int)] = []
            for (offset, value) in y.enumerated() {
                if let value { points.append((key: value + shift, index: offset + 1)) }
            }
            points.sort { (a: (key: Double, index: Int), b: (key: Double, index: Int)) -> Bool in
                a.key < b.key || (a.key == b.key && a.index < b.index)
            }
            return points
        }
        self.x = x
        self.lastY = y[y.count - 1]
        self.lastTime = lastTime
        self.plus = sortedPoints(tol)
        self.minus = sortedPoints(-tol)
    }

    func quantile(_ p: Double) -> Double? {
        let index1 = Self.approxConstantRight(plus, at: p)
        let index2 = Self.approxConstantRight(minus, at: p)
        var quantile: Double?
        if let index1, let index2 { quantile = (x[index1] + x[index2]) / 2 }
        if let last = lastY, abs(p - last) < KaplanMeier.rTolerance {
            quantile = index1.map { (x[$0] + lastTime) / 2 }
        }
        return quantile
    }

    /// R's `approx(keys, seq_along(keys), v, method = "constant", f = 1, rule = 1)` as a
    /// 0-based index over points sorted by key: nil when v lies outside [min, max], else the
    /// index of the smallest key >= v (equal keys merged with the mean of their indices,
    /// `ties = mean`), truncated as R truncates a fractional subscript.
    private static func approxConstantRight(_ points: [(key: Double, index: Int)], at v: Double) -> Int? {
        guard let first = points.first, let last = points.last, v >= first.key, v <= last.key else { return nil }
        var low = 0, high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle].key >= v { high = middle } else { low = middle + 1 }
        }
        guard low < points.count else { return nil }
        let key = points[low].key
        var indexSum = 0
        var tied = 0
        var k = low
        while k < points.count, points[k].key == key {
            indexSum += points[k].index
            tied += 1
            k += 1
        }
        return Int(Double(indexSum) / Double(tied)) - 1
    }
}
