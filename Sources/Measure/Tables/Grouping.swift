import SaksgangCore

/// A way of dividing cases into groups for reporting (metrics.md §4), with the machine
/// names of `tables.json`.
public struct Grouping: Sendable {
    public let name: String
    /// Every group the grouping always reports, in display order (zero groups are
    /// published as zero); groups met in the data but not listed follow.
    public let groups: [String]
    public let group: @Sendable (Case) -> String

    public init(name: String, groups: [String], group: @escaping @Sendable (Case) -> String) {
        self.name = name
        self.groups = groups
        self.group = group
    }

    public static let all = Grouping(name: "all", groups: ["all"]) { _ in "all" }

    public static let immigrantBackground = Grouping(
        name: "immigrant_background", groups: ImmigrantGroup.allCases.map(\.rawValue)
    ) { $0.pupil.immigrantGroup.rawValue }

    public static let sami = Grouping(name: "sami", groups: ["no", "yes", "unknown"]) { yesNo($0.pupil.sami) }

    public static let nationalMinority = Grouping(
        name: "national_minority", groups: ["none"] + NationalMinority.allCases.map(\.rawValue)
    ) { $0.pupil.nationalMinority?.rawValue ?? "none" }

    public static let ethnicityBased = Grouping(name: "ethnicity_based", groups: ["no", "yes"]) {
        $0.isEthnicityBased ? "yes" : "no"
    }

    public static let standard: [Grouping] = [.all, .immigrantBackground, .sami, .nationalMinority, .ethnicityBased]
}

func yesNo(_ b: Bool?) -> String {
    switch b {
    case true?: return "yes"
    case false?: return "no"
    case nil: return "unknown"
    }
}
