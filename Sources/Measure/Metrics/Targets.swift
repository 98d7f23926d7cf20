/// The local standards a school owner sets in the pipeline file. Not law. Each is a time
/// in the first unit of its metric.
public struct Targets: Sendable, Equatable, Codable {
    /// First contact with the home within this many working days (default: same or next).
    public var firstContactWorkingDays: Int
    /// First meeting with the home within this many working days.
    public var firstMeetingWorkingDays: Int
    /// Investigation started within this many working days.
    public var investigationWorkingDays: Int
    /// Written activity plan within this many school days.
    public var activityPlanSchoolDays: Int
    /// School owner notified (serious cases, staff perpetrators) within this many working days.
    public var ownerNoticeWorkingDays: Int
    /// No stretch without contact with the home longer than this many school days while open.
    public var contactGapSchoolDays: Int

    public init(firstContactWorkingDays: Int = 1, firstMeetingWorkingDays: Int = 3, investigationWorkingDays: Int = 2,
                activityPlanSchoolDays: Int = 5, ownerNoticeWorkingDays: Int = 0, contactGapSchoolDays: Int = 15) {
        self.firstContactWorkingDays = firstContactWorkingDays
        self.firstMeetingWorkingDays = firstMeetingWorkingDays
        self.investigationWorkingDays = investigationWorkingDays
        self.activityPlanSchoolDays = activityPlanSchoolDays
        self.ownerNoticeWorkingDays = ownerNoticeWorkingDays
        self.contactGapSchoolDays = contactGapSchoolDays
    }
}
