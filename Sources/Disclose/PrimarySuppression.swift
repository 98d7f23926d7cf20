import Measure

/// Disclosure control of published figures, first cut (privacy.md §3):
/// - primary: no figure computed from 1 to k−1 cases is published (zero counts are);
/// - linked: every figure of a group whose case count is withheld is withheld too, so a
///   share or a median next to a hidden count cannot undo it;
/// - complementary: within one grouping, a single withheld count could be recovered as the
///   total minus the others, so the smallest other non-zero group is withheld as well.
/// The full secondary suppression across tables with an audit is later work.
public struct DisclosureControl: Sendable {
    public var threshold: Int

    public init(threshold: Int = 5) {
        precondition(threshold >= 1)
        self.threshold = threshold
    }

    public func apply(_ figures: [Figure]) -> [Figure] {
        // Case counts per grouping and group.
        var counts: [String: [String: Int]] = [:]
        for f in figures where f.metric == "cases" && f.statistic == "count" {
            counts[f.grouping, default: [:]][f.group] = f.n ?? 0
        }
        var hidden: Set<GroupKey> = []
        for (grouping, groups) in counts {
            let primary = groups.filter { (1..<threshold).contains($0.value) }.map(\.key)
            primary.forEach { hidden.insert(GroupKey(grouping: grouping, group: $0)) }
            if primary.count == 1, grouping != "all" {
                let candidates = groups.filter { $0.value > 0 && !primary.contains($0.key) }
                    .sorted { ($0.value, $0.key) < ($1.value, $1.key) }
                if let next = candidates.first { hidden.insert(GroupKey(grouping: grouping, group: next.key)) }
            }
        }
        return figures.map { f in
            var f = f
            let key = GroupKey(grouping: f.grouping, group: f.group)
            let small = f.n.map { (1..<threshold).contains($0) } ?? false
            if hidden.contains(key) || small {
                let isCount = f.metric == "cases" && f.statistic == "count"
                f.suppressionReason = small && (isCount || !hidden.contains(key)) ? "primary"
                    : (isCount ? "complementary" : "linked")
                f.suppressed = true
                f.n = nil
                f.estimate = nil
                f.ciLow = nil
                f.ciHigh = nil
            }
            return f
        }
    }

    private struct GroupKey: Hashable {
        var grouping: String
        var group: String
    }
}
