/// What a figure says about its cases: the `statistic` column of the tables.
public enum Statistic: String, Sendable, Hashable, CaseIterable, Codable {
    /// A number of cases (or pupils).
    case count
    /// The time by which half of the cases had the event (Kaplan–Meier).
    case median
    /// The time by which 75 % had the event.
    case p75
    /// The time by which 90 % had the event.
    case p90
    /// A proportion of the cases counted (Wilson interval), or one read off a curve.
    case share
    /// A group minus its reference group.
    case difference
    /// A group divided by its reference group.
    case ratio

    public var label: Label {
        switch self {
        case .count: return Label("antall", "count")
        case .median: return Label("median", "median")
        case .p75: return Label("75-persentil", "75th percentile")
        case .p90: return Label("90-persentil", "90th percentile")
        case .share: return Label("andel", "share")
        case .difference: return Label("differanse", "difference")
        case .ratio: return Label("forholdstall", "ratio")
        }
    }

    /// The share of cases that had the event by the quantile (0.5 for the median).
    public var quantile: Double? {
        switch self {
        case .median: return 0.5
        case .p75: return 0.75
        case .p90: return 0.9
        default: return nil
        }
    }

    /// True for the rows that compare a group with its reference.
    public var isComparison: Bool { self == .difference || self == .ratio }
}
