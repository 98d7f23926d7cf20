/// One published figure: a row of `tables.json` / `tables.csv` (metrics.md §7). The field
/// names are a contract with researchers who compare tonight's tables with last night's.
public struct Figure: Codable, Sendable, Equatable {
    /// `cases`, `time_to_first_contact`, `time_to_closure`, `first_contact_within_target`, …
    public var metric: String
    /// `count`, `median`, `share`, …
    public var statistic: String
    /// `cases`, `working_days`, `calendar_days`, `proportion`, …
    public var unit: String
    /// `all`, `immigrant_background`, … or a crossing joined by ` x `.
    public var grouping: String
    /// The group's code (`all`, `none`, `immigrant`, …; an orgnr or kommunenr).
    public var group: String
    /// Cases behind the figure.
    public var n: Int?
    public var estimate: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    /// Withheld by disclosure control: then n, estimate and the interval are empty.
    public var suppressed: Bool
    /// Why it was withheld (`primary`: fewer than k cases; `linked`: follows a suppressed count).
    public var suppressionReason: String?

    public init(metric: String, statistic: String, unit: String, grouping: String, group: String,
                n: Int?, estimate: Double?, ciLow: Double? = nil, ciHigh: Double? = nil,
                suppressed: Bool = false, suppressionReason: String? = nil) {
        self.metric = metric
        self.statistic = statistic
        self.unit = unit
        self.grouping = grouping
        self.group = group
        self.n = n
        self.estimate = estimate
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.suppressed = suppressed
        self.suppressionReason = suppressionReason
    }

    enum CodingKeys: String, CodingKey {
        case metric, statistic, unit, grouping, group, n, estimate, suppressed
        case ciLow = "ci_low", ciHigh = "ci_high", suppressionReason = "suppression_reason"
    }

    /// Encodes every field, with JSON `null` for an empty one, so every row has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(metric, forKey: .metric)
        try c.encode(statistic, forKey: .statistic)
        try c.encode(unit, forKey: .unit)
        try c.encode(grouping, forKey: .grouping)
        try c.encode(group, forKey: .group)
        try c.encode(n, forKey: .n)
        try c.encode(estimate, forKey: .estimate)
        try c.encode(ciLow, forKey: .ciLow)
        try c.encode(ciHigh, forKey: .ciHigh)
        try c.encode(suppressed, forKey: .suppressed)
        try c.encode(suppressionReason, forKey: .suppressionReason)
    }
}
