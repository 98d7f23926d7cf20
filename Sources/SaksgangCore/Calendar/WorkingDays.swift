/// Counting days the way metrics.md §1 counts them: an event on the day of knowledge is 0
/// days; the next working day is 1.
///
/// School days are counted by `SchoolCalendars` (per municipality and school year, O(1)).
/// The single list of school holidays here is what came before it, kept only until its
/// last caller (Measure's `ResponseClock`) moves over; do not use it in new code.
public struct WorkingDayCalendar: Sendable {
    private var legacySchoolHolidays: [ClosedRange<LocalDate>]

    public init() {
        legacySchoolHolidays = []
    }

    @available(*, deprecated, message: "use SchoolCalendars (per municipality and school year)")
    public init(schoolHolidays: [ClosedRange<LocalDate>]) {
        legacySchoolHolidays = schoolHolidays
    }

    @available(*, deprecated, message: "use SchoolCalendars (per municipality and school year)")
    public var schoolHolidays: [ClosedRange<LocalDate>] {
        get { legacySchoolHolidays }
        set { legacySchoolHolidays = newValue }
    }

    public func isWorkingDay(_ d: LocalDate) -> Bool {
        d.weekday <= 5 && !NorwegianHolidays.isHoliday(d)
    }

    @available(*, deprecated, message: "use SchoolCalendars.isSchoolDay(municipality:_:)")
    public func isSchoolDay(_ d: LocalDate) -> Bool {
        isWorkingDay(d) && !legacySchoolHolidays.contains { $0.contains(d) }
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

    /// A walk over the single holiday list: superseded by
    /// `SchoolCalendars.schoolDays(municipality:from:to:)`, which withholds the count when the
    /// municipality's calendar is missing instead of treating it as having no holidays.
    @available(*, deprecated, message: "use SchoolCalendars.schoolDays(municipality:from:to:)")
    public func schoolDays(from: LocalDate, to: LocalDate) -> Int {
        count(from: from, to: to) { d in isWorkingDay(d) && !legacySchoolHolidays.contains { $0.contains(d) } }
    }

    public static func calendarDays(from: LocalDate, to: LocalDate) -> Int {
        Int(to.daysSinceEpoch - from.daysSinceEpoch)
    }

    private func count(from: LocalDate, to: LocalDate, where include: (LocalDate) -> Bool) -> Int {
        if to < from { return -count(from: to, to: from, where: include) }
        // Whole weeks in O(1) for the weekday part would need holiday bookkeeping; spans here
        // are days to months, so a direct walk is both simple and fast enough.
        var n = 0
        var d = from.adding(days: 1)
        while d <= to {
            if include(d) { n += 1 }
            d = d.adding(days: 1)
        }
        return n
    }
}
