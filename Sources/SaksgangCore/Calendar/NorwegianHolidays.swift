/// Norwegian public holidays (helligdager and 1 and 17 May), with Easter computed.
public enum NorwegianHolidays {
    /// Easter Sunday (Gregorian, anonymous algorithm of Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)!
    }

    /// The public holidays of `year` that can fall on a weekday, in date order: New Year's
    /// Day, Maundy Thursday, Good Friday, Easter Monday, 1 May, Ascension Day, 17 May,
    /// Whit Monday, Christmas Day, Boxing Day. (Easter and Whit Sunday are Sundays anyway.)
    public static func holidays(year: Int) -> [LocalDate] {
        let easter = easterSunday(year: year)
        let fixed = [(1, 1), (5, 1), (5, 17), (12, 25), (12, 26)].map { LocalDate(year: year, month: $0.0, day: $0.1)! }
        let moving = [-3, -2, 1, 39, 50].map { easter.adding(days: $0) }
        // A day can be two holidays (17 May is Whit Monday in 2027, 1 May was
        // Ascension Day in 2008): each day once.
        return Array(Set(fixed + moving)).sorted()
    }

    /// The holidays of `year` that fall on Monday–Friday (the ones that cost a working day).
    public static func weekdayHolidays(year: Int) -> [LocalDate] {
        if let table = weekdayTable[year] { return table }
        return holidays(year: year).filter { $0.weekday <= 5 }
    }

    /// Computed once, for the years exports are about; others are computed when asked.
    private static let weekdayTable: [Int: [LocalDate]] = {
        var table: [Int: [LocalDate]] = [:]
        for year in 1990...2100 { table[year] = holidays(year: year).filter { $0.weekday <= 5 } }
        return table
    }()

    public static func isHoliday(_ date: LocalDate) -> Bool {
        holidaySet(year: date.year).contains(date.daysSinceEpoch)
    }

    /// Cached per year: the calendar is asked once per case and event.
    private static let cache = HolidayCache()

    static func holidaySet(year: Int) -> Set<Int32> { cache.set(year: year) }
}

private final class HolidayCache: @unchecked Sendable {
    private var sets: [Int: Set<Int32>] = [:]
    private let lock = SpinLock()

    func set(year: Int) -> Set<Int32> {
        lock.lock(); defer { lock.unlock() }
        if let s = sets[year] { return s }
        let s = Set(NorwegianHolidays.holidays(year: year).map(\.daysSinceEpoch))
        sets[year] = s
        return s
    }
}
