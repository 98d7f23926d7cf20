import SaksgangCore

/// Counts school days between two dates in a municipality's school calendar; nil when the
/// calendar of a school year the span touches is missing (the figure is then withheld,
/// never replaced by working days).
public protocol SchoolDayCounting: Sendable {
    func schoolDays(municipality: String, from: LocalDate, to: LocalDate) -> Int?
}

/// Turns a case into time-to-event observations on the clocks of the method (docs/metrics.md):
/// the clock starts at knowledge; an event on the day of knowledge is 0 days; a case without
/// the event is censored at its closing or, while open, at the latest export of its
/// municipality. Hours are counted only where both ends have a time of day (instants in UTC,
/// so summer-time changes neither add nor lose an hour).
public struct ResponseClock: Sendable {
    public var calendar: WorkingDayCalendar
    public var schoolCalendars: (any SchoolDayCounting)?

    public init(calendar: WorkingDayCalendar = WorkingDayCalendar(), schoolCalendars: (any SchoolDayCounting)? = nil) {
        self.calendar = calendar
        self.schoolCalendars = schoolCalendars
    }

    /// Why a case gives no observation for a metric.
    public enum Gap: String, Sendable, CaseIterable {
        /// No knowledge time: the clock cannot start.
        case noKnowledge = "no_knowledge"
        /// The event (or the closing) is dated before knowledge: a data error, not a
        /// negative duration.
        case beforeKnowledge = "event_before_knowledge"
        /// Hours need a time of day at both ends; one end is a date only.
        case noTimeOfDay = "no_time_of_day"
        /// School days need the municipality's school calendar for the school year.
        case noSchoolCalendar = "no_school_calendar"
    }

    /// What stops a clock.
    public enum End: Sendable {
        /// The first contact with the home: a `kontakt_hjem`, or a `mote` if earlier.
        case firstContact
        /// The first event of a kind.
        case first(EventKind)
        /// The closing of the case (open cases are censored at the export).
        case closing
    }

    public struct GapError: Error, Sendable { public var gap: Gap }

    /// The observation of a case on a clock, in a unit.
    public func observe(_ end: End, _ c: Case, asOf: Timestamp, unit: FigureUnit) -> Result<SurvivalObservation, GapError> {
        guard let knowledge = c.knowledge else { return .failure(GapError(gap: .noKnowledge)) }
        let event: Timestamp?
        switch end {
        case .firstContact: event = c.events.first { $0.kind == .homeContact || $0.kind == .meeting }?.time
        case .first(let kind): event = c.first(kind)?.time
        case .closing: event = c.closing?.time
        }
        if let event {
            if event.isBefore(knowledge) { return .failure(GapError(gap: .beforeKnowledge)) }
            // An event after the closing still ends the wait: it happened.
            return duration(c, from: knowledge, to: event, unit).map { SurvivalObservation(time: $0, event: true) }
        }
        var stop = c.closing?.time ?? asOf
        if stop.isBefore(knowledge) {
            if c.closing != nil { return .failure(GapError(gap: .beforeKnowledge)) }
            stop = knowledge
        }
        return duration(c, from: knowledge, to: stop, unit).map { SurvivalObservation(time: $0, event: false) }
    }

    /// The time from `a` to `b` in a unit: whole days, or hours to the minute.
    func duration(_ c: Case, from a: Timestamp, to b: Timestamp, _ unit: FigureUnit) -> Result<Double, GapError> {
        switch unit {
        case .hours:
            guard a.hasTime, b.hasTime else { return .failure(GapError(gap: .noTimeOfDay)) }
            let minutes = max(0, (b.seconds - a.seconds) / 60)
            return .success(Double(minutes) / 60)
        case .schoolDays:
            guard let n = schoolCalendars?.schoolDays(municipality: c.school.municipality, from: a.localDate, to: b.localDate)
            else { return .failure(GapError(gap: .noSchoolCalendar)) }
            return .success(Double(n))
        default:
            return .success(Double(days(from: a, to: b, unit)))
        }
    }

    /// Whole days from `a` to `b` in working or calendar days.
    public func days(from a: Timestamp, to b: Timestamp, _ unit: FigureUnit) -> Int {
        let from = a.localDate, to = b.localDate
        switch unit {
        case .workingDays: return calendar.workingDays(from: from, to: to)
        case .calendarDays: return WorkingDayCalendar.calendarDays(from: from, to: to)
        default: preconditionFailure("ResponseClock.days: \(unit) is not a unit of whole days")
        }
    }
}
