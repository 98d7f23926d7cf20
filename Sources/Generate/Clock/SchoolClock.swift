import SaksgangCore

/// The generator's clock (metrics.md §1): knowledge on school days in school hours, events
/// on working days in working hours, Norwegian public holidays from SaksgangCore, and
/// Europe/Oslo with summer time. All times are whole minutes, so SMX (seconds) and SMC
/// (minutes) carry the same instant.
struct SchoolClock {
    let calendar = WorkingDayCalendar()
    /// The generator's own school holidays (one scheme for every municipality; the
    /// pipeline's per-municipality calendars are `SchoolCalendars`, read from files).
    let holidays: [ClosedRange<LocalDate>]
    /// Working-day (bit 0) and school-day (bit 1) flags from `tableStart`, computed once with
    /// the calendar: the generator asks for millions of days.
    private let table: [UInt8]
    private let tableStart: Int32
    /// Working hours in minutes after local midnight.
    static let workStart = 8 * 60, workEnd = 16 * 60

    /// A clock whose school holidays cover the school years from `first` to `last`.
    init(first: LocalDate, last: LocalDate) {
        var holidays: [ClosedRange<LocalDate>] = []
        for year in (first.year - 1)...(last.year + 1) {
            holidays += Self.schoolHolidays(year: year)
        }
        self.holidays = holidays
        let start = LocalDate(year: first.year - 1, month: 1, day: 1)!
        let end = LocalDate(year: last.year + 2, month: 12, day: 31)!
        tableStart = start.daysSinceEpoch
        let working = WorkingDayCalendar()
        var flags: [UInt8] = []
        var d = start
        while d <= end {
            let isWorking = working.isWorkingDay(d)
            let isSchool = isWorking && !holidays.contains { $0.contains(d) }
            flags.append((isWorking ? 1 : 0) | (isSchool ? 2 : 0))
            d = d.adding(days: 1)
        }
        table = flags
    }

    /// A typical municipal school calendar: autumn break (ISO week 40), Christmas, winter
    /// break (week 8), Easter week, summer (about 20 June to 18 August).
    static func schoolHolidays(year: Int) -> [ClosedRange<LocalDate>] {
        func isoWeekMonday(_ week: Int) -> LocalDate {
            let jan4 = LocalDate(year: year, month: 1, day: 4)!
            return jan4.adding(days: -(jan4.weekday - 1) + (week - 1) * 7)
        }
        let easter = NorwegianHolidays.easterSunday(year: year)
        let autumn = isoWeekMonday(40), winter = isoWeekMonday(8)
        return [
            LocalDate(year: year, month: 1, day: 1)!...LocalDate(year: year, month: 1, day: 2)!,
            winter...winter.adding(days: 4),
            easter.adding(days: -6)...easter.adding(days: 1),
            LocalDate(year: year, month: 6, day: 20)!...LocalDate(year: year, month: 8, day: 18)!,
            autumn...autumn.adding(days: 4),
            LocalDate(year: year, month: 12, day: 21)!...LocalDate(year: year, month: 12, day: 31)!,
        ]
    }

    @inline(__always) func isSchoolDay(_ d: LocalDate) -> Bool {
        let i = Int(d.daysSinceEpoch - tableStart)
        return i >= 0 && i < table.count ? table[i] & 2 != 0 : computedSchoolDay(d)
    }

    private func computedSchoolDay(_ d: LocalDate) -> Bool {
        calendar.isWorkingDay(d) && !holidays.contains { $0.contains(d) }
    }

    @inline(__always) func isWorkingDay(_ d: LocalDate) -> Bool {
        let i = Int(d.daysSinceEpoch - tableStart)
        return i >= 0 && i < table.count ? table[i] & 1 != 0 : calendar.isWorkingDay(d)
    }

    /// The school days in `from...to`.
    func schoolDays(from: LocalDate, to: LocalDate) -> [LocalDate] {
        var days: [LocalDate] = []
        var d = from
        while d <= to {
            if isSchoolDay(d) { days.append(d) }
            d = d.adding(days: 1)
        }
        return days
    }

    @inline(__always) static func instant(_ date: LocalDate, minute: Int) -> Int64 {
        OsloTime.utcSeconds(date: date, hour: minute / 60, minute: minute % 60, second: 0)
    }

    @inline(__always) static func local(_ seconds: Int64) -> (date: LocalDate, minute: Int) {
        let local = seconds + OsloTime.offset(atUTC: seconds)
        var day = local / 86_400
        if local < 0 && local % 86_400 != 0 { day -= 1 }
        return (LocalDate(daysSinceEpoch: Int32(day)), Int((local - day * 86_400) / 60))
    }

    func nextWorkingDay(after d: LocalDate) -> LocalDate {
        var x = d.adding(days: 1)
        while !isWorkingDay(x) { x = x.adding(days: 1) }
        return x
    }

    /// `days` working days (fractional: the fraction is a share of an 8-hour working day)
    /// after `start`, in working hours on a working day. 0.3 on a morning stays that day;
    /// 1.2 lands on the next working day or the one after.
    func afterWorkingDays(_ start: Int64, _ days: Double) -> Int64 {
        var (date, minute) = Self.local(start)
        if !isWorkingDay(date) || minute >= Self.workEnd {
            date = nextWorkingDay(after: date)
            minute = Self.workStart
        } else if minute < Self.workStart {
            minute = Self.workStart
        }
        let whole = Int(days)
        minute += Int((days - Double(whole)) * Double(Self.workEnd - Self.workStart))
        if minute >= Self.workEnd {
            minute -= Self.workEnd - Self.workStart
            date = nextWorkingDay(after: date)
        }
        for _ in 0..<whole { date = nextWorkingDay(after: date) }
        return Self.instant(date, minute: minute)
    }

    /// `days` calendar days after `start`, moved to working hours on the next working day
    /// when it falls outside them.
    func afterCalendarDays(_ start: Int64, _ days: Double, random: inout SeededRandom) -> Int64 {
        let target = start + Int64(days * 86_400) / 60 * 60
        var (date, minute) = Self.local(target)
        if !isWorkingDay(date) || minute < Self.workStart || minute >= Self.workEnd {
            if !isWorkingDay(date) || minute >= Self.workEnd { date = nextWorkingDay(after: date) }
            minute = Self.workStart + random.int(0...(Self.workEnd - Self.workStart - 30))
        }
        return Self.instant(date, minute: minute)
    }
}
