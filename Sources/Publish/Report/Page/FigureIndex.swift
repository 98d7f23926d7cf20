import Measure

/// The published figures, found by metric, statistic, grouping and group, with groupings and
/// groups listed in reading order: the order Measure defines for the standard groupings,
/// then anything else in the order the figures bring it. The dictionary is only looked up,
/// never iterated, so the order of the output does not depend on hashing.
struct FigureIndex {
    struct Key: Hashable {
        var metric: String
        var statistic: String
        var grouping: String
        var group: String
    }

    /// A column of the group tables: one metric with one statistic.
    struct Measurement: Hashable {
        var metric: String
        var statistic: String
    }

    let figures: [Figure]
    private let byKey: [Key: Figure]

    /// Measurements the report knows how to word, in the order the tables show them.
    static let knownMeasurements: [Measurement] = [
        Measurement(metric: "cases", statistic: "count"),
        Measurement(metric: "time_to_first_contact", statistic: "median"),
        Measurement(metric: "first_contact_within_target", statistic: "share"),
        Measurement(metric: "time_to_first_meeting", statistic: "median"),
        Measurement(metric: "time_to_investigation", statistic: "median"),
        Measurement(metric: "time_to_activity_plan", statistic: "median"),
        Measurement(metric: "time_to_owner_notice", statistic: "median"),
        Measurement(metric: "time_to_closure", statistic: "median"),
        Measurement(metric: "resolved", statistic: "share"),
        Measurement(metric: "closed_without_activity_plan", statistic: "share"),
        Measurement(metric: "escalated", statistic: "share"),
        Measurement(metric: "ethnicity_based", statistic: "share"),
    ]

    /// The measurements shown together in one table of a grouping, so that no table needs a
    /// sideways scroll: how fast the school met the home and made a plan; how cases ended;
    /// escalation and what kind of case. Measurements in none of these go in the last table.
    static let tableParts: [Set<String>] = [
        ["time_to_first_contact", "first_contact_within_target", "time_to_first_meeting", "time_to_investigation",
         "time_to_activity_plan"],
        ["time_to_closure", "resolved", "closed_without_activity_plan"],
    ]

    init(_ figures: [Figure]) {
        self.figures = figures
        var byKey: [Key: Figure] = [:]
        for f in figures {
            let key = Key(metric: f.metric, statistic: f.statistic, grouping: f.grouping, group: f.group)
            if byKey[key] == nil { byKey[key] = f }
        }
        self.byKey = byKey
    }

    func figure(_ measurement: Measurement, grouping: String, group: String) -> Figure? {
        byKey[Key(metric: measurement.metric, statistic: measurement.statistic, grouping: grouping, group: group)]
    }

    /// Groupings other than `all`: the standard ones in Measure's order, then the rest.
    var groupings: [String] {
        let present = ordered(figures.map(\.grouping)).filter { $0 != Grouping.all.name }
        let standard = Grouping.standard.map(\.name).filter(present.contains)
        return standard + present.filter { !standard.contains($0) }
    }

    /// The groups of a grouping present in the figures (of one measurement, if given).
    func groups(of grouping: String, for measurement: Measurement? = nil) -> [String] {
        let present = ordered(figures.filter {
            $0.grouping == grouping
                && (measurement == nil || ($0.metric == measurement!.metric && $0.statistic == measurement!.statistic))
        }.map(\.group))
        let known = Grouping.standard.first(where: { $0.name == grouping })?.groups ?? []
        let first = known.filter(present.contains)
        return first + present.filter { !first.contains($0) }
    }

    /// The measurements given for a grouping: the known ones first, the rest sorted by name.
    func measurements(of grouping: String) -> [Measurement] {
        let present = ordered(figures.filter { $0.grouping == grouping }
            .map { Measurement(metric: $0.metric, statistic: $0.statistic) })
        let known = FigureIndex.knownMeasurements.filter(present.contains)
        let others = present.filter { !known.contains($0) }
            .sorted { ($0.metric, $0.statistic) < ($1.metric, $1.statistic) }
        return known + others
    }

    /// The unit of a measurement, from its first figure.
    func unit(of measurement: Measurement) -> String {
        figures.first { $0.metric == measurement.metric && $0.statistic == measurement.statistic }?.unit ?? ""
    }

    private func ordered<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}
