import SaksgangCore

/// How often the published figures change (pipeline key `publish_every`). Between two
/// changes a run publishes the stored figures again, with their `as_of`; a nightly reader
/// then sees a whole period's cases arrive at once, not one case a night
/// (docs/disclosure.md, "Across nights").
public enum PublicationPeriod: String, Sendable, CaseIterable {
    case night, week, month

    /// Whether two as-of days fall in the same period (ISO weeks start on Monday).
    public func same(_ a: LocalDate, _ b: LocalDate) -> Bool {
        switch self {
        case .night: return a == b
        case .week: return Self.monday(a) == Self.monday(b)
        case .month: return a.components.year == b.components.year && a.components.month == b.components.month
        }
    }

    /// The Monday of the day's week (1 January 1970 was a Thursday).
    static func monday(_ d: LocalDate) -> Int {
        let days = Int(d.daysSinceEpoch)
        return days - ((days % 7 + 7 + 3) % 7)
    }
}
