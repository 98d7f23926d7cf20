/// A point in time from an export: an instant (UTC seconds), or a whole day when the
/// export gave a date only. Date-only values keep their local date and mean the whole day
/// (metrics.md §1): hours are computed only where both ends have a time of day.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z. For a date-only value: local midnight of that day.
    public var seconds: Int64
    /// false when the export gave only a date.
    public var hasTime: Bool

    public init(seconds: Int64, hasTime: Bool = true) {
        self.seconds = seconds
        self.hasTime = hasTime
    }

    public init(date: LocalDate) {
        self.seconds = OsloTime.utcSeconds(date: date, hour: 0, minute: 0, second: 0)
        self.hasTime = false
    }

    /// The day in Europe/Oslo.
    public var localDate: LocalDate { OsloTime.localDate(utcSeconds: seconds) }

    /// Chronological order (a date-only value sits at its local midnight).
    public static func < (a: Timestamp, b: Timestamp) -> Bool {
        (a.seconds, a.hasTime ? 1 : 0) < (b.seconds, b.hasTime ? 1 : 0)
    }

    /// True when `self` lies strictly before `other` at the precision both share: a
    /// date-only value is compared by its day, so an event dated on the day of a timed
    /// knowledge is never "before" it.
    public func isBefore(_ other: Timestamp) -> Bool {
        if hasTime && other.hasTime { return seconds < other.seconds }
        return localDate < other.localDate
    }

    /// ISO 8601 in UTC (`2025-03-04T09:30:00Z`) or the date (`2025-03-04`).
    public var description: String {
        if !hasTime { return localDate.description }
        let day = LocalDate(daysSinceEpoch: Int32(floorDiv(seconds, 86_400)))
        let rest = Int(seconds - Int64(day.daysSinceEpoch) * 86_400)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day)T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }
}

@inline(__always) func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
