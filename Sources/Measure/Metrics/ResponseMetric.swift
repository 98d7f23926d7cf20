import SaksgangCore

/// A time-to-event metric of metrics.md §2–3: its machine name, its unit, which cases it is
/// about, and how a case gives an observation on its clock.
public struct ResponseMetric: Sendable {
    public let name: String
    public let unit: ResponseClock.Unit
    /// The cases the metric is about (owner notice: serious cases and staff perpetrators).
    public let applies: @Sendable (Case) -> Bool
    public let observe: @Sendable (ResponseClock, Case, Timestamp) -> Result<SurvivalObservation, ResponseClock.GapError>

    public init(name: String, unit: ResponseClock.Unit, applies: @escaping @Sendable (Case) -> Bool = { _ in true },
                observe: @escaping @Sendable (ResponseClock, Case, Timestamp) -> Result<SurvivalObservation, ResponseClock.GapError>) {
        self.name = name
        self.unit = unit
        self.applies = applies
        self.observe = observe
    }

    static func event(_ name: String, _ kind: EventKind, applies: @escaping @Sendable (Case) -> Bool = { _ in true }) -> ResponseMetric {
        ResponseMetric(name: name, unit: .workingDays, applies: applies) { clock, c, asOf in
            clock.timeTo(kind, in: c, asOf: asOf, unit: .workingDays)
        }
    }

    public static let firstContact = ResponseMetric(name: "time_to_first_contact", unit: .workingDays) { clock, c, asOf in
        clock.firstContact(c, asOf: asOf)
    }
    public static let firstMeeting = event("time_to_first_meeting", .meeting)
    public static let investigation = event("time_to_investigation", .investigation)
    /// Working days until the pipeline has a school calendar (then school days, metrics.md §2).
    public static let activityPlan = event("time_to_activity_plan", .activityPlan)
    public static let ownerNotice = event("time_to_owner_notice", .ownerNotice) { $0.serious == true || $0.hasStaffPerpetrator }
    public static let closure = ResponseMetric(name: "time_to_closure", unit: .calendarDays) { clock, c, asOf in
        clock.closure(c, asOf: asOf)
    }

    public static let standard: [ResponseMetric] = [.firstContact, .firstMeeting, .investigation, .activityPlan, .ownerNotice, .closure]
}

/// A share of metrics.md §3–4: which cases are counted (`nil`: the case is not in the
/// denominator) and which of them are "yes".
public struct ShareMetric: Sendable {
    public let name: String
    public let outcome: @Sendable (Case) -> Bool?

    public init(name: String, outcome: @escaping @Sendable (Case) -> Bool?) {
        self.name = name
        self.outcome = outcome
    }

    public static let ethnicityBased = ShareMetric(name: "ethnicity_based") { $0.isEthnicityBased }
    /// Of closed cases, those closed as resolved (`lost`): a pupil who left is not resolved.
    public static let resolved = ShareMetric(name: "resolved") { c in c.closing.map { $0.reason == .resolved } }
    /// Of closed cases, those closed with no written activity plan.
    public static let closedWithoutActivityPlan = ShareMetric(name: "closed_without_activity_plan") { c in
        c.closing.map { _ in c.first(.activityPlan) == nil }
    }
    /// Of all cases, those taken to the County Governor.
    public static let escalated = ShareMetric(name: "escalated") { c in
        c.first(.countyGovernorReported) != nil || c.countyGovernorDecision != nil
    }

    public static let standard: [ShareMetric] = [.ethnicityBased, .resolved, .closedWithoutActivityPlan, .escalated]
}
