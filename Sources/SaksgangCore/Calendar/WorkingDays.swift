/// Counting days the way the method counts them (docs/metrics.md): an event on the day of
/// knowledge is 0 days; the next working day is 1. School days are counted by
/// `SchoolCalendars` (per municipality and school year).
public struct WorkingDayCalendar: Sendable {
    public init() {}

    public func isWorkingDay(_ d: LocalDate) -> Bool {
        d.weekday <= 5 && !NorwegianHolidays.isHoliday(d)
    }

    /// Working days d with from < d ≤ to. Negative when `to` is before `from`.
    /// Arithmetic, not a walk: weekdays by whole weeks, less the public holidays in between
    /// (a case open for a year costs the same as one closed the next day).
    public func workingDays(from: LocalDate, to: LocalDate) -> Int {
        if to < from { return -workingDays(from: to, to: from) }
        var n = Self.weekdaysThrough(to) - Self.weekdaysThrough(from)
        for year in from.year...to.year {
            for h in NorwegianHolidays.weekdayHolidays(year: year) where from < h && h <= to { n -= 1 }
        }
        return n
    }

    /// Monday–Friday days from a fixed Monday (1970-01-05) up to and including `d`.
    static func weekdaysThrough(_ d: LocalDate) -> Int {
        let t = Int(d.daysSinceEpoch) - 4
        let weeks = t >= 0 ? t / 7 : (t - 6) / 7
        let rest = t - weeks * 7
        return weeks * 5 + min(rest + 1, 5)
    }

    public static func calendarDays(from: LocalDate, to: LocalDate) -> Int {
        Int(to.daysSinceEpoch - from.daysSinceEpoch)
    }
}
