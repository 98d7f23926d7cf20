/// A school year, 1 August to 31 July, named by the year it starts in (2024 is 2024–25).
public struct SchoolYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// The school year a date belongs to: August–December to the year itself, January–July
    /// to the year before.
    public init(containing date: LocalDate) {
        let (y, m, _) = date.components
        startYear = m >= 8 ? y : y - 1
    }

    /// 1 August of the starting year.
    public var firstDay: LocalDate { LocalDate(year: startYear, month: 8, day: 1)! }
    /// 31 July of the following year.
    public var lastDay: LocalDate { LocalDate(year: startYear + 1, month: 7, day: 31)! }
    public var dates: ClosedRange<LocalDate> { firstDay...lastDay }

    /// `2024-2025`.
    public var description: String { "\(startYear)-\(startYear + 1)" }

    /// Reads `2024-2025` (two consecutive years); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0 >= "0" && $0 <= "9" } }),
              let a = Int(parts[0]), let b = Int(parts[1]), b == a + 1, (1600...9998).contains(a)
        else { return nil }
        startYear = a
    }

    public static func < (a: SchoolYear, b: SchoolYear) -> Bool { a.startYear < b.startYear }
}

/// One municipality's school calendar for one school year: the term dates and the school
/// holidays and days off inside them. A day is a school day when it is a working day
/// (Monday–Friday, not a public holiday), inside a term, and in no holiday. The summer
/// holiday is whatever lies outside the terms; so is a Christmas break that falls between an
/// autumn and a spring term.
///
/// A plain value: `validate()` checks it, `SchoolCalendars` counts with it.
public struct SchoolCalendar: Sendable, Equatable {
    /// A named break or day off (`høstferie`, `juleferie`, `vinterferie`, `påskeferie`,
    /// `planleggingsdag`), a closed range of dates.
    public struct Holiday: Sendable, Equatable {
        public var name: String
        public var dates: ClosedRange<LocalDate>
        public init(name: String, dates: ClosedRange<LocalDate>) {
            self.name = name
            self.dates = dates
        }
    }

    /// Kommunenummer, four digits as text (`0301` keeps its leading zero).
    public var municipality: String
    public var schoolYear: SchoolYear
    /// First to last school day of each term, in date order (one term for the whole year,
    /// or an autumn and a spring term).
    public var terms: [ClosedRange<LocalDate>]
    public var holidays: [Holiday]

    public init(municipality: String, schoolYear: SchoolYear, terms: [ClosedRange<LocalDate>], holidays: [Holiday] = []) {
        self.municipality = municipality
        self.schoolYear = schoolYear
        self.terms = terms
        self.holidays = holidays
    }

    public func isSchoolDay(_ d: LocalDate) -> Bool {
        WorkingDayCalendar().isWorkingDay(d)
            && terms.contains { $0.contains(d) }
            && !holidays.contains { $0.dates.contains(d) }
    }

    /// Checks what a value can get wrong: the municipality is four digits; there is at least
    /// one term; terms lie in the school year, in date order, without overlap; holidays lie
    /// in the school year and have a name. The error names the field (`terms[1]`,
    /// `holidays[0]`), never a location in a file: the caller adds that.
    public func validate() throws(SaksgangError) {
        guard municipality.count == 4, municipality.allSatisfy({ $0 >= "0" && $0 <= "9" }) else {
            throw SaksgangError(.configuration, "municipality must be four digits (a kommunenummer such as \"0301\")",
                                at: .init(field: "municipality"))
        }
        guard (1600...9998).contains(schoolYear.startYear) else {
            throw SaksgangError(.configuration, "school year out of range", at: .init(field: "school_year"))
        }
        guard !terms.isEmpty else {
            throw SaksgangError(.configuration, "at least one term is needed", at: .init(field: "terms"))
        }
        let year = schoolYear.dates
        for (i, t) in terms.enumerated() {
            guard year.contains(t.lowerBound), year.contains(t.upperBound) else {
                throw SaksgangError(.configuration, "term \(t.lowerBound)…\(t.upperBound) lies outside the school year \(schoolYear) (\(year.lowerBound)…\(year.upperBound))",
                                    at: .init(field: "terms[\(i)]"))
            }
            if i > 0, terms[i - 1].upperBound >= t.lowerBound {
                throw SaksgangError(.configuration, "terms overlap or are out of order: a term starts \(t.lowerBound), the one before ends \(terms[i - 1].upperBound)",
                                    at: .init(field: "terms[\(i)]"))
            }
        }
        for (i, h) in holidays.enumerated() {
            guard !h.name.allSatisfy(\.isWhitespace) else {
                throw SaksgangError(.configuration, "a holiday needs a name", at: .init(field: "holidays[\(i)].name"))
            }
            guard year.contains(h.dates.lowerBound), year.contains(h.dates.upperBound) else {
                throw SaksgangError(.configuration, "holiday '\(h.name)' \(h.dates.lowerBound)…\(h.dates.upperBound) lies outside the school year \(schoolYear) (\(year.lowerBound)…\(year.upperBound))",
                                    at: .init(field: "holidays[\(i)]"))
            }
        }
    }
}

/// A municipality and school year that a count needed and no calendar covers.
public struct MissingSchoolCalendar: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var municipality: String
    public var schoolYear: SchoolYear

    public init(municipality: String, schoolYear: SchoolYear) {
        self.municipality = municipality
        self.schoolYear = schoolYear
    }

    /// `0301 2024-2025`, the name of the file that would cover it less `.yml`.
    public var description: String { "\(municipality)-\(schoolYear)" }

    public static func < (a: MissingSchoolCalendar, b: MissingSchoolCalendar) -> Bool {
        (a.municipality, a.schoolYear.startYear) < (b.municipality, b.schoolYear.startYear)
    }
}

/// The school calendars of a pipeline, by municipality and school year, counting school
/// days in O(1): each municipality's consecutive years are one prefix-sum table of school
/// days per calendar day, built once.
///
/// A count that touches a school year with no calendar for the municipality is nil — the
/// figure is withheld, never filled in with working days — and the (municipality, school
/// year) is recorded, so the report can name what is missing (`missing`). The record is
/// shared by all copies of the value (one per run); it is thread-safe.
public struct SchoolCalendars: Sendable {
    /// The calendars, by municipality then school year.
    public let calendars: [SchoolCalendar]
    private let tables: [String: Table]
    private let record: MissingRecord

    /// No calendars: every school-day count is nil.
    public init() {
        self.calendars = []
        self.tables = [:]
        self.record = MissingRecord()
    }

    /// Validates every calendar and refuses two for the same municipality and school year.
    public init(_ calendars: [SchoolCalendar]) throws(SaksgangError) {
        var seen = Set<MissingSchoolCalendar>()
        for c in calendars {
            try c.validate()
            guard seen.insert(MissingSchoolCalendar(municipality: c.municipality, schoolYear: c.schoolYear)).inserted else {
                throw SaksgangError(.configuration, "two calendars for municipality \(c.municipality), school year \(c.schoolYear)",
                                    at: .init(field: "school_year"))
            }
        }
        let sorted = calendars.sorted {
            ($0.municipality, $0.schoolYear.startYear) < ($1.municipality, $1.schoolYear.startYear)
        }
        self.calendars = sorted
        self.tables = Dictionary(grouping: sorted, by: \.municipality).mapValues(Table.init)
        self.record = MissingRecord()
    }

    public var isEmpty: Bool { calendars.isEmpty }

    /// The municipalities with at least one calendar.
    public var municipalities: [String] { tables.keys.sorted() }

    public func calendar(municipality: String, schoolYear: SchoolYear) -> SchoolCalendar? {
        calendars.first { $0.municipality == municipality && $0.schoolYear == schoolYear }
    }

    /// Whether `date` is a school day in the municipality; nil when its school year has no
    /// calendar. Does not record what is missing.
    public func isSchoolDay(municipality: String, _ date: LocalDate) -> Bool? {
        guard let t = tables[municipality], let i = t.index(date), !t.hasGaps || t.present[i] else { return nil }
        return t.prefix[i + 1] != t.prefix[i]
    }

    /// School days d with from < d ≤ to, as `WorkingDayCalendar.workingDays` counts working
    /// days: an event on the day of knowledge is 0, the next school day is 1; negative when
    /// `to` is before `from`. nil when a school year from `from` to `to` (both included) has
    /// no calendar for the municipality — even for a same-day span, so that a municipality
    /// without a calendar shows no figure rather than only its zeros. A nil is recorded in
    /// `missing`. O(1).
    public func schoolDays(municipality: String, from: LocalDate, to: LocalDate) -> Int? {
        let (lo, hi) = from <= to ? (from, to) : (to, from)
        guard let t = tables[municipality], let a = t.index(lo), let b = t.index(hi) else {
            recordMissing(municipality: municipality, from: lo, to: hi)
            return nil
        }
        if t.hasGaps, t.gapCount[b] != t.gapCount[a] || !t.present[a] {
            recordMissing(municipality: municipality, from: lo, to: hi)
            return nil
        }
        let n = Int(t.prefix[b + 1] - t.prefix[a + 1])
        return from <= to ? n : -n
    }

    /// The school years from `from` to `to` (both included, either order) that have no
    /// calendar for the municipality, in order; empty when all do. Does not record.
    public func missingSchoolYears(municipality: String, from: LocalDate, to: LocalDate) -> [SchoolYear] {
        let (lo, hi) = from <= to ? (from, to) : (to, from)
        let have = tables[municipality]?.years ?? []
        return (SchoolYear(containing: lo).startYear...SchoolYear(containing: hi).startYear)
            .filter { !have.contains($0) }.map(SchoolYear.init(startYear:))
    }

    /// Every (municipality, school year) a `schoolDays` count has needed and not found since
    /// this value was made, sorted: for the report to name, so that withheld school-day
    /// figures are explained.
    public var missing: [MissingSchoolCalendar] { record.all() }

    private func recordMissing(municipality: String, from: LocalDate, to: LocalDate) {
        let years = missingSchoolYears(municipality: municipality, from: from, to: to)
        record.add(years.map { MissingSchoolCalendar(municipality: municipality, schoolYear: $0) })
    }

    /// One municipality: a table from 1 August of its first school year to 31 July of its
    /// last. `prefix[i]` is the number of school days on the days before day i; years
    /// without a calendar inside the range are gaps.
    private struct Table: Sendable {
        let start: Int32
        let prefix: [Int32]
        /// Per day: whether its school year has a calendar (only kept when there are gaps).
        let present: [Bool]
        /// Per day: gap days up to and including it, so a span crosses a gap iff it changes.
        let gapCount: [Int32]
        let hasGaps: Bool
        /// The starting years with a calendar.
        let years: Set<Int>

        init(_ calendars: [SchoolCalendar]) {
            let years = Dictionary(uniqueKeysWithValues: calendars.map { ($0.schoolYear.startYear, $0) })
            self.years = Set(years.keys)
            let first = years.keys.min()!, last = years.keys.max()!
            let startDate = SchoolYear(startYear: first).firstDay
            start = startDate.daysSinceEpoch
            let count = Int(SchoolYear(startYear: last).lastDay.daysSinceEpoch - start) + 1
            var prefix = [Int32](repeating: 0, count: count + 1)
            var present = [Bool](repeating: false, count: count)
            var gapCount = [Int32](repeating: 0, count: count)
            var n: Int32 = 0, gaps: Int32 = 0
            for i in 0..<count {
                let d = LocalDate(daysSinceEpoch: start + Int32(i))
                let cal = years[SchoolYear(containing: d).startYear]
                present[i] = cal != nil
                if let cal, cal.isSchoolDay(d) { n += 1 }
                if cal == nil { gaps += 1 }
                prefix[i + 1] = n
                gapCount[i] = gaps
            }
            self.prefix = prefix
            hasGaps = gaps > 0
            self.present = hasGaps ? present : []
            self.gapCount = hasGaps ? gapCount : []
        }

        @inline(__always) func index(_ d: LocalDate) -> Int? {
            let i = Int(d.daysSinceEpoch) - Int(start)
            return i >= 0 && i < prefix.count - 1 ? i : nil
        }
    }
}

/// The (municipality, school year) pairs asked for and missing; shared, locked.
private final class MissingRecord: @unchecked Sendable {
    private var set = Set<MissingSchoolCalendar>()
    private let lock = SpinLock()

    func add(_ items: [MissingSchoolCalendar]) {
        lock.lock(); defer { lock.unlock() }
        set.formUnion(items)
    }

    func all() -> [MissingSchoolCalendar] {
        lock.lock(); defer { lock.unlock() }
        return set.sorted()
    }
}
