/// The unit of a figure: the `unit` column of the tables.
public enum FigureUnit: String, Sendable, Hashable, CaseIterable, Codable {
    case cases
    case pupils
    case hours
    case calendarDays = "calendar_days"
    case workingDays = "working_days"
    case schoolDays = "school_days"
    case proportion

    /// Units of time, in which medians and quantiles are given.
    public var isTime: Bool {
        switch self {
        case .hours, .calendarDays, .workingDays, .schoolDays: return true
        case .cases, .pupils, .proportion: return false
        }
    }

    /// The unit's word for a number other than one ("arbeidsdager").
    public var label: Label {
        switch self {
        case .cases: return Label("saker", "cases")
        case .pupils: return Label("elever", "pupils")
        case .hours: return Label("timer", "hours")
        case .calendarDays: return Label("dager", "days")
        case .workingDays: return Label("arbeidsdager", "working days")
        case .schoolDays: return Label("skoledager", "school days")
        case .proportion: return Label("andel", "share")
        }
    }

    /// The unit's word for exactly one ("arbeidsdag").
    public var singular: Label {
        switch self {
        case .cases: return Label("sak", "case")
        case .pupils: return Label("elev", "pupil")
        case .hours: return Label("time", "hour")
        case .calendarDays: return Label("dag", "day")
        case .workingDays: return Label("arbeidsdag", "working day")
        case .schoolDays: return Label("skoledag", "school day")
        case .proportion: return Label("andel", "share")
        }
    }
}
