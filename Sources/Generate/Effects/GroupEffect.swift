/// What the generator plants for one group of pupils (issue 3): mean times to first contact
/// with the home, to the activity plan and to closure, the share of cases closed because the
/// pupil changed school, the share that are ethnicity-based, and who makes the case known.
/// In a group's entry every field is optional: a missing field takes the reference value.
public struct GroupEffect: Codable, Sendable, Equatable {
    /// Mean working days from knowledge to the first contact with the home.
    public var firstContactWorkingDays: Double?
    /// Mean working days from knowledge to the first written activity plan.
    public var activityPlanWorkingDays: Double?
    /// Mean calendar days from knowledge to closing.
    public var closureDays: Double?
    /// Share of closed cases closed because the pupil changed school (`byttet_skole`).
    public var closedByChangingSchool: Double?
    /// Share of cases with an ethnicity-based violation (`etnisitet`, `religion`, `sprak`).
    public var ethnicityBased: Double?
    /// Weights of who makes the case known, by canonical code (`elev`, `foresatt`,
    /// `ansatt`, `medelev`, `annen`).
    public var reportedBy: [String: Double]?

    public init(firstContactWorkingDays: Double? = nil, activityPlanWorkingDays: Double? = nil,
                closureDays: Double? = nil, closedByChangingSchool: Double? = nil,
                ethnicityBased: Double? = nil, reportedBy: [String: Double]? = nil) {
        self.firstContactWorkingDays = firstContactWorkingDays
        self.activityPlanWorkingDays = activityPlanWorkingDays
        self.closureDays = closureDays
        self.closedByChangingSchool = closedByChangingSchool
        self.ethnicityBased = ethnicityBased
        self.reportedBy = reportedBy
    }

    enum CodingKeys: String, CodingKey {
        case firstContactWorkingDays = "first_contact_working_days"
        case activityPlanWorkingDays = "activity_plan_working_days"
        case closureDays = "closure_days"
        case closedByChangingSchool = "closed_by_changing_school"
        case ethnicityBased = "ethnicity_based"
        case reportedBy = "reported_by"
    }

    /// This group's values with the reference's filling every gap.
    func over(_ reference: GroupEffect) -> GroupEffect {
        GroupEffect(firstContactWorkingDays: firstContactWorkingDays ?? reference.firstContactWorkingDays,
                    activityPlanWorkingDays: activityPlanWorkingDays ?? reference.activityPlanWorkingDays,
                    closureDays: closureDays ?? reference.closureDays,
                    closedByChangingSchool: closedByChangingSchool ?? reference.closedByChangingSchool,
                    ethnicityBased: ethnicityBased ?? reference.ethnicityBased,
                    reportedBy: reportedBy ?? reference.reportedBy)
    }
}
