/// One published figure: a row of `tables.json` / `tables.csv`. The field names are a
/// contract with researchers who compare tonight's tables with last night's (docs/tables.md).
/// The metric, statistic and unit are typed: a figure can only be about a declared metric.
public struct Figure: Sendable, Equatable {
    public var metric: Metric
    public var statistic: Statistic
    public var unit: FigureUnit
    /// `all`, `immigrant_background`, … or a crossing joined by ` x `.
    public var grouping: String
    /// The group's code (`all`, `none`, `immigrant`, …; an orgnr or kommunenr).
    public var group: String
    /// For a categorised metric: the category's code.
    public var category: String?
    /// Cases behind the figure (for a comparison: cases in the group).
    public var n: Int?
    public var estimate: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    /// For a share: the cases (or pupils) of `n` that had the event — a Wilson share's
    /// successes, or the events observed by the reading time of a share read off a curve.
    /// Internal to a run: never encoded, never published; disclosure control uses it to
    /// protect the share's numerator and complement, then clears it.
    public var numerator: Int?
    /// Withheld by disclosure control: then n, estimate and the interval are empty.
    public var suppressed: Bool
    /// `withheld` on a withheld figure, nil otherwise. It never says why (a reason would tell
    /// a small cell from the cells withheld to protect it).
    public var suppressionReason: String?
    /// A comparison's details; nil for the other figures.
    public var comparison: Comparison?

    public init(metric: Metric, statistic: Statistic, unit: FigureUnit, grouping: String, group: String,
                category: String? = nil, n: Int?, estimate: Double?, ciLow: Double? = nil, ciHigh: Double? = nil,
                numerator: Int? = nil, suppressed: Bool = false, suppressionReason: String? = nil,
                comparison: Comparison? = nil) {
        self.metric = metric
        self.statistic = statistic
        self.unit = unit
        self.grouping = grouping
        self.group = group
        self.category = category
        self.n = n
        self.estimate = estimate
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.numerator = numerator
        self.suppressed = suppressed
        self.suppressionReason = suppressionReason
        self.comparison = comparison
    }

    /// The constant `suppression_reason` of a withheld figure.
    public static let withheldReason = "withheld"

    /// A group compared with its reference group.
    public struct Comparison: Sendable, Equatable {
        /// The reference group's code.
        public var reference: String
        /// Cases in the reference group.
        public var referenceN: Int
        public var pValue: Double?
        public var pAdjusted: Double?
        public var correction: Correction
        /// True when `pAdjusted` < 0.05 and both groups have at least k cases.
        public var flag: Bool
        /// `school` for the comparison within schools; nil when pooled.
        public var stratifiedBy: String?
        /// The test behind `pValue` (`log-rank`, `chi-square`, …).
        public var test: String

        public init(reference: String, referenceN: Int, pValue: Double?, pAdjusted: Double? = nil,
                    correction: Correction = .holm, flag: Bool = false, stratifiedBy: String? = nil, test: String) {
            self.reference = reference
            self.referenceN = referenceN
            self.pValue = pValue
            self.pAdjusted = pAdjusted
            self.correction = correction
            self.flag = flag
            self.stratifiedBy = stratifiedBy
            self.test = test
        }
    }

    /// The correction for multiple testing: one family per report.
    public enum Correction: String, Sendable, Codable, CaseIterable {
        case holm
        case benjaminiHochberg = "benjamini-hochberg"
    }
}

extension Figure: Codable {
    enum CodingKeys: String, CodingKey {
        case metric, statistic, unit, grouping, group, category, n, estimate, suppressed
        case ciLow = "ci_low", ciHigh = "ci_high", suppressionReason = "suppression_reason"
        case reference, referenceN = "reference_n", pValue = "p_value", pAdjusted = "p_adjusted", correction, flag
        case stratifiedBy = "stratified_by", test
    }

    /// Encodes every field, with JSON `null` for an empty one, so every row has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(metric.name, forKey: .metric)
        try c.encode(statistic, forKey: .statistic)
        try c.encode(unit, forKey: .unit)
        try c.encode(grouping, forKey: .grouping)
        try c.encode(group, forKey: .group)
        try c.encode(category, forKey: .category)
        try c.encode(n, forKey: .n)
        try c.encode(estimate, forKey: .estimate)
        try c.encode(ciLow, forKey: .ciLow)
        try c.encode(ciHigh, forKey: .ciHigh)
        try c.encode(suppressed, forKey: .suppressed)
        try c.encode(suppressionReason, forKey: .suppressionReason)
        try c.encode(comparison?.reference, forKey: .reference)
        try c.encode(comparison?.referenceN, forKey: .referenceN)
        try c.encode(comparison?.pValue, forKey: .pValue)
        try c.encode(comparison?.pAdjusted, forKey: .pAdjusted)
        try c.encode(comparison?.correction, forKey: .correction)
        try c.encode(comparison?.flag, forKey: .flag)
        try c.encode(comparison?.stratifiedBy, forKey: .stratifiedBy)
        try c.encode(comparison?.test, forKey: .test)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .metric)
        guard let metric = Metric.named(name) else {
            throw DecodingError.dataCorruptedError(forKey: .metric, in: c, debugDescription: "unknown metric \(name)")
        }
        self.init(metric: metric, statistic: try c.decode(Statistic.self, forKey: .statistic),
                  unit: try c.decode(FigureUnit.self, forKey: .unit), grouping: try c.decode(String.self, forKey: .grouping),
                  group: try c.decode(String.self, forKey: .group), category: try c.decodeIfPresent(String.self, forKey: .category),
                  n: try c.decodeIfPresent(Int.self, forKey: .n), estimate: try c.decodeIfPresent(Double.self, forKey: .estimate),
                  ciLow: try c.decodeIfPresent(Double.self, forKey: .ciLow), ciHigh: try c.decodeIfPresent(Double.self, forKey: .ciHigh),
                  suppressed: try c.decode(Bool.self, forKey: .suppressed),
                  suppressionReason: try c.decodeIfPresent(String.self, forKey: .suppressionReason))
        if let reference = try c.decodeIfPresent(String.self, forKey: .reference) {
            comparison = Comparison(
                reference: reference, referenceN: try c.decodeIfPresent(Int.self, forKey: .referenceN) ?? 0,
                pValue: try c.decodeIfPresent(Double.self, forKey: .pValue), pAdjusted: try c.decodeIfPresent(Double.self, forKey: .pAdjusted),
                correction: try c.decodeIfPresent(Correction.self, forKey: .correction) ?? .holm,
                flag: try c.decodeIfPresent(Bool.self, forKey: .flag) ?? false,
                stratifiedBy: try c.decodeIfPresent(String.self, forKey: .stratifiedBy),
                test: try c.decodeIfPresent(String.self, forKey: .test) ?? "")
        }
    }
}
