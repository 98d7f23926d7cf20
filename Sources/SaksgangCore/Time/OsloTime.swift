/// Europe/Oslo as the exports use it: CET (UTC+1), and CEST (UTC+2) from 01:00 UTC on the
/// last Sunday of March to 01:00 UTC on the last Sunday of October (the EU rule, in force
/// in Norway since 1996). Written out so that parsing a local time costs a few integer
/// operations instead of a Foundation calendar call per field.
public enum OsloTime {
    /// Offset from UTC in seconds at a UTC instant.
    public static func offset(atUTC seconds: Int64) -> Int64 {
        // The year from the mean Gregorian year (365.2425 days) instead of the calendar (the
        // calendar was 6 % of the measure scan's reading thread, called for every time): it
        // is off only within a few days of New Year, when it is winter time in either year.
        let year = 1970 + Int(floorDiv(seconds, meanYearSeconds))
        let (start, end) = summerTime(year: year)
        return seconds >= start && seconds < end ? 7200 : 3600
    }

    /// UTC instants at which summer time starts and ends in `year`. Every timestamp asks
    /// this, so the years exports are about are computed once.
    public static func summerTime(year: Int) -> (start: Int64, end: Int64) {
        if year >= tableFirstYear && year < tableFirstYear + summerTable.count { return summerTable[year - tableFirstYear] }
        return computeSummerTime(year: year)
    }

    private static let meanYearSeconds: Int64 = 31_556_952

    private static let tableFirstYear = 1990
    private static let summerTable: [(start: Int64, end: Int64)] = (tableFirstYear...2100).map { computeSummerTime(year: $0) }

    private static func computeSummerTime(year: Int) -> (start: Int64, end: Int64) {
        func lastSunday(month: Int) -> LocalDate {
            let last = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
            return last.adding(days: -(last.weekday % 7))
        }
        let start = Int64(lastSunday(month: 3).daysSinceEpoch) * 86_400 + 3600
        let end = Int64(lastSunday(month: 10).daysSinceEpoch) * 86_400 + 3600
        return (start, end)
    }

    /// The UTC instant of a local wall-clock time. In the autumn hour that occurs twice the
    /// earlier (summer-time) instant is taken; a time in the skipped spring hour is read as
    /// standard time, as most systems do.
    public static func utcSeconds(date: LocalDate, hour: Int, minute: Int, second: Int) -> Int64 {
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let asSummer = local - 7200
        if offset(atUTC: asSummer) == 7200 { return asSummer }
        return local - 3600
    }

    public static func localDate(utcSeconds seconds: Int64) -> LocalDate {
        LocalDate(daysSinceEpoch: Int32(floorDiv(seconds + offset(atUTC: seconds), 86_400)))
    }
}
