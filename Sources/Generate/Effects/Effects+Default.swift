extension Effects {
    /// The built-in default, equal to `Fixtures/effects/default.json` (a test keeps them equal).
    public static let `default` = Effects(
        description: "Default planted effects: homes of immigrant, Sami and minority pupils are contacted later, their plans come later, their cases close later and more often because the pupil changed school; ethnicity-based cases are far more common among immigrant groups and Sami pupils; their homes make fewer cases known, staff more. Means are of exponential (contact, plan) and gamma-2 (closure) draws, before censoring at export time.",
        reference: referenceProfile,
        groups: [
            "immigrant": GroupEffect(
                firstContactWorkingDays: 1.8, activityPlanWorkingDays: 9.0, closureDays: 90.0,
                closedByChangingSchool: 0.14, ethnicityBased: 0.30,
                reportedBy: ["elev": 0.24, "foresatt": 0.24, "ansatt": 0.38, "medelev": 0.09, "annen": 0.05]),
            "norwegian_born_to_immigrants": GroupEffect(
                firstContactWorkingDays: 1.3, activityPlanWorkingDays: 8.0, closureDays: 82.0,
                closedByChangingSchool: 0.10, ethnicityBased: 0.26,
                reportedBy: ["elev": 0.28, "foresatt": 0.30, "ansatt": 0.30, "medelev": 0.08, "annen": 0.04]),
            "one_foreign_born_parent": GroupEffect(
                firstContactWorkingDays: 1.0, activityPlanWorkingDays: 6.5, closureDays: 74.0,
                closedByChangingSchool: 0.07, ethnicityBased: 0.10),
            "unknown": GroupEffect(
                firstContactWorkingDays: 1.5, activityPlanWorkingDays: 8.0, closureDays: 85.0,
                closedByChangingSchool: 0.12, ethnicityBased: 0.12),
            "sami": GroupEffect(
                firstContactWorkingDays: 1.4, activityPlanWorkingDays: 8.0, closureDays: 85.0,
                closedByChangingSchool: 0.09, ethnicityBased: 0.25,
                reportedBy: ["elev": 0.28, "foresatt": 0.32, "ansatt": 0.28, "medelev": 0.08, "annen": 0.04]),
            "national_minority": GroupEffect(
                firstContactWorkingDays: 1.6, activityPlanWorkingDays: 8.5, closureDays: 88.0,
                closedByChangingSchool: 0.15, ethnicityBased: 0.28,
                reportedBy: ["elev": 0.25, "foresatt": 0.25, "ansatt": 0.36, "medelev": 0.09, "annen": 0.05]),
        ])

    /// No planted difference: every group gets the reference values (`Fixtures/effects/null.json`).
    public static let null = Effects(
        description: "Null effects: every group gets the reference values, so no difference is planted between groups.",
        reference: referenceProfile, groups: [:])

    private static let referenceProfile = GroupEffect(
        firstContactWorkingDays: 0.8, activityPlanWorkingDays: 6.0, closureDays: 70.0,
        closedByChangingSchool: 0.06, ethnicityBased: 0.04,
        reportedBy: ["elev": 0.30, "foresatt": 0.40, "ansatt": 0.20, "medelev": 0.06, "annen": 0.04])
}
