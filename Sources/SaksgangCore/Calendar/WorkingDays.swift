/// Counting days the way metrics.md §1 counts them: an event on the day of knowledge is 0
/// days; the next working day is 1.
public struct WorkingDayCalendar: Sendable {
    /// School holidays (autumn, Christmas, winter, Easter, summer) as closed date ranges.
    /// Empty means school days equal working days.
    public var schoolHolidays: [ClosedRange<LocalDate>]

    public init(schoolHolidays: [ClosedRange<LocalDate>] = []) {
        self.schoolHolidays = schoolHolidays
    }

    public func isWorkingDay(_ d: LocalDate) -> Bool {
        d.weekday <= 5 && !NorwegianHolidays.isHoliday(d)
    }

    public func isSchoolDay(_ d: LocalDate) -> Bool {
        isWorkingDay(d) && !schoolHolidays.contains { $0.contains(d) }
    }

    /// Working days d with from < d ≤ to. Negative when `to` is before `from`.
    public func workingDays(from: LocalDate, to: LocalDate) -> Int {
        count(from: from, to: to, where: isWorkingDay)
    }

    public func schoolDays(from: LocalDate, to: LocalDate) -> Int {
        count(from: from, to: to, where: isSchoolDay)
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
