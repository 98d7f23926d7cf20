import SaksgangCore

/// A deviation a school owner must follow up in its internal control: a local target
/// missed, or a step the Education Act requires that is missing.
public enum DeviationKind: String, Sendable, CaseIterable {
    case firstContactLate = "first_contact_late"
    case firstMeetingLate = "first_meeting_late"
    case investigationLate = "investigation_late"
    case activityPlanLate = "activity_plan_late"
    case ownerNoticeLate = "owner_notice_late"
    case contactGap = "contact_gap"
    /// Measures were taken but no written activity plan was made (a legal step).
    case noActivityPlan = "no_activity_plan"
    /// A serious or staff case past its target without any notice to the owner (a legal step).
    case ownerNotNotified = "owner_not_notified"

    public var label: Label {
        switch self {
        case .firstContactLate: return Label("Første kontakt etter målet", "First contact after the target")
        case .firstMeetingLate: return Label("Første møte etter målet", "First meeting after the target")
        case .investigationLate: return Label("Undersøkelse etter målet", "Investigation after the target")
        case .activityPlanLate: return Label("Aktivitetsplan etter målet", "Activity plan after the target")
        case .ownerNoticeLate: return Label("Varsel til skoleeier etter målet", "Owner notice after the target")
        case .contactGap: return Label("Lang tid uten kontakt med hjemmet", "Long stretch without contact")
        case .noActivityPlan: return Label("Tiltak uten skriftlig aktivitetsplan", "Measures without a written plan")
        case .ownerNotNotified: return Label("Skoleeier ikke varslet", "School owner not notified")
        }
    }

    /// The duration metric whose target this kind of deviation misses.
    var timeMetric: Metric? {
        switch self {
        case .firstContactLate: return .timeToFirstContact
        case .firstMeetingLate: return .timeToFirstMeeting
        case .investigationLate: return .timeToInvestigation
        case .activityPlanLate: return .timeToActivityPlan
        case .ownerNoticeLate, .ownerNotNotified: return .timeToOwnerNotice
        case .contactGap, .noActivityPlan: return nil
        }
    }

    /// Every kind with the series whose target it misses (`timeMetric` in its first unit),
    /// looked up once.
    private static let checks: [(kind: DeviationKind, series: DurationSeries?)] = allCases.map { kind in
        guard let metric = kind.timeMetric, case .duration(let d) = metric.kind else { return (kind, nil) }
        return (kind, DurationSeries.named(metric.name, d.units[0]))
    }

    /// The deviations a case shows, in declaration order.
    static func kinds(_ m: MeasuredCase) -> [DeviationKind] {
        if let known = m.memo.deviations { return known }
        var out: [DeviationKind] = []
        for check in checks where check.kind.applies(m, series: check.series) { out.append(check.kind) }
        m.memo.deviations = out
        return out
    }

    /// The codes of the deviations a case shows, in declaration order.
    static func codes(_ m: MeasuredCase) -> [String] { kinds(m).map(\.rawValue) }

    /// True when the case shows this deviation. A target is missed when the event came after
    /// it, or when the time has passed without it (an open case is not yet a deviation).
    private func applies(_ m: MeasuredCase, series: DurationSeries?) -> Bool {
        switch self {
        case .contactGap:
            guard let gap = m.longestContactGap() else { return false }
            return gap > m.targets.contactGapSchoolDays
        case .noActivityPlan:
            return m.c.first(.measure) != nil && m.c.first(.activityPlan) == nil
        case .ownerNotNotified:
            guard let o = m.pastTarget(series) else { return false }
            return o && m.c.first(.ownerNotice) == nil
        default:
            return m.pastTarget(series) ?? false
        }
    }
}

extension MeasuredCase {
    /// Whether the case missed a series' target (nil: no series, no target, or the case
    /// gives no observation in the series).
    func pastTarget(_ series: DurationSeries?) -> Bool? {
        guard let series, let target = series.duration.target?(targets),
              case .success(let o)? = result(series) else { return nil }
        return o.time > Double(target)
    }

    /// The longest stretch in school days without contact with the home while the case was
    /// open: knowledge → each contact or meeting → closing (or the export). Nil when the
    /// export does not date every contact it counts (formats that give only a count and the
    /// first date), when there is no knowledge time, or no school calendar.
    func longestContactGap() -> Int? {
        if let known = memo.contactGap { return known }
        let gap = computeLongestContactGap()
        memo.contactGap = .some(gap)
        return gap
    }

    private func computeLongestContactGap() -> Int? {
        guard let knowledge = c.knowledge, let counted = c.homeContactCount else { return nil }
        var dated = 0
        for e in c.events where e.kind == .homeContact { dated += 1 }
        guard dated == counted else { return nil }
        var longest = 0
        var from = knowledge
        /// Extends the stretch from `from` to `t` (a time before `from` is passed over);
        /// false when there is no school calendar for it.
        func reach(_ t: Timestamp) -> Bool {
            guard !t.isBefore(from) else { return true }
            guard case .success(let days) = clock.duration(c, from: from, to: t, .schoolDays) else { return false }
            longest = max(longest, Int(days))
            from = t
            return true
        }
        for e in c.events where e.kind == .homeContact || e.kind == .meeting {
            guard reach(e.time) else { return nil }
        }
        guard reach(c.closing?.time ?? censorAt) else { return nil }
        return longest
    }
}
