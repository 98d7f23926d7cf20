import SaksgangCore

/// Turns a case into time-to-event observations on the clocks of metrics.md §1: the clock
/// starts at knowledge; an event on the day of knowledge is 0 days; a case without the
/// event is censored at its closing or, while open, at the latest export of its
/// municipality.
public struct ResponseClock: Sendable {
    public var calendar: WorkingDayCalendar

    public init(calendar: WorkingDayCalendar = WorkingDayCalendar()) {
        self.calendar = calendar
    }

    /// Why a case gives no observation for a metric.
    public enum Gap: String, Sendable, CaseIterable {
        /// No knowledge time: the clock cannot start.
        case noKnowledge = "no_knowledge"
        /// The event (or the closing) is dated before knowledge: a data error, not a
        /// negative duration.
        case beforeKnowledge = "event_before_knowledge"
    }

    public enum Unit: String, Sendable {
        case workingDays = "working_days", calendarDays = "calendar_days", schoolDays = "school_days"
    }

    /// Knowledge → the first contact with the home (`kontakt_hjem`, or a `mote` if earlier).
    public func firstContact(_ c: Case, asOf: Timestamp, unit: Unit = .workingDays) -> Result<SurvivalObservation, GapError> {
        let first = c.events.first { $0.kind == .homeContact || $0.kind == .meeting }
        return observation(c, event: first?.time, asOf: asOf, unit: unit)
    }

    /// Knowledge → closing.
    public func closure(_ c: Case, asOf: Timestamp, unit: Unit = .calendarDays) -> Result<SurvivalObservation, GapError> {
        guard let knowledge = c.knowledge else { return .failure(GapError(gap: .noKnowledge)) }
        let end = c.closing?.time ?? asOf
        if end.isBefore(knowledge) { return .failure(GapError(gap: .beforeKnowledge)) }
        return .success(SurvivalObservation(time: Double(days(from: knowledge, to: end, unit)), event: c.closing != nil))
    }

    /// A general time to a first event of a kind (for later metrics).
    public func timeTo(_ kind: EventKind, in c: Case, asOf: Timestamp, unit: Unit) -> Result<SurvivalObservation, GapError> {
        observation(c, event: c.first(kind)?.time, asOf: asOf, unit: unit)
    }

    private func observation(_ c: Case, event: Timestamp?, asOf: Timestamp, unit: Unit) -> Result<SurvivalObservation, GapError> {
        guard let knowledge = c.knowledge else { return .failure(GapError(gap: .noKnowledge)) }
        if let event {
            if event.isBefore(knowledge) { return .failure(GapError(gap: .beforeKnowledge)) }
            // An event after the closing still ends the wait: it happened.
            return .success(SurvivalObservation(time: Double(days(from: knowledge, to: event, unit)), event: true))
        }
        var end = c.closing?.time ?? asOf
        if end.isBefore(knowledge) {
            if c.closing != nil { return .failure(GapError(gap: .beforeKnowledge)) }
            end = knowledge
        }
        return .success(SurvivalObservation(time: Double(days(from: knowledge, to: end, unit)), event: false))
    }

    public func days(from a: Timestamp, to b: Timestamp, _ unit: Unit) -> Int {
        let from = a.localDate, to = b.localDate
        switch unit {
        case .workingDays: return calendar.workingDays(from: from, to: to)
        case .schoolDays: return calendar.schoolDays(from: from, to: to)
        case .calendarDays: return WorkingDayCalendar.calendarDays(from: from, to: to)
        }
    }

    public struct GapError: Error, Sendable { public var gap: Gap }
}
