import Measure

/// Disclosure control of published figures, first cut (privacy.md §3):
/// - **primary**: no figure computed from 1 to k−1 cases is published (zero counts are);
/// - **complementary**: counts that add up to a published total (the groups of a grouping;
///   the cells of a crossing within one margin group) must not let a single withheld cell be
///   recovered by subtraction, so when a set has exactly one withheld cell the smallest other
///   non-zero cell is withheld too;
/// - **linked**: every figure of a group whose case count is withheld is withheld, so a share
///   or a median next to a hidden count cannot undo it.
/// Suppression across different tables with an interval audit is later work (issue
/// "secondary suppression and audit").
public struct DisclosureControl: Sendable {
    public var threshold: Int

    public init(threshold: Int = 5) {
        precondition(threshold >= 2)
        self.threshold = threshold
    }

    public func apply(_ figures: [Figure]) -> [Figure] {
        var sets: [SetKey: [String: Int]] = [:]
        for f in figures where f.statistic == .count {
            sets[SetKey(f), default: [:]][f.group] = f.n ?? 0
        }
        var withheld: [CellKey: String] = [:]
        for (key, cells) in sets {
            let primary = cells.filter { isSmall($0.value) }.map(\.key)
            for g in primary { withheld[CellKey(key, g)] = "primary" }
            if primary.count == 1, cells.count > 1 {
                let next = cells.filter { $0.value > 0 && !primary.contains($0.key) }
                    .min { ($0.value, $0.key) < ($1.value, $1.key) }
                if let next { withheld[CellKey(key, next.key)] = "complementary" }
            }
        }
        // Groups whose case count is withheld: all their figures follow.
        var hiddenGroups: Set<GroupKey> = []
        for (cell, _) in withheld where cell.set.metric == .cases {
            hiddenGroups.insert(GroupKey(grouping: cell.set.grouping, group: cell.group))
        }
        return figures.map { f in
            var reason: String?
            if f.statistic == .count, let r = withheld[CellKey(SetKey(f), f.group)] {
                reason = r
            } else if let c = f.comparison, isSmall(c.referenceN) || hiddenGroups.contains(GroupKey(grouping: f.grouping, group: c.reference)) {
                reason = "linked"
            } else if hiddenGroups.contains(GroupKey(grouping: f.grouping, group: f.group)) {
                reason = "linked"
            } else if let n = f.n, isSmall(n) {
                reason = "primary"
            }
            guard let reason else { return f }
            var hidden = f
            hidden.suppressed = true
            hidden.suppressionReason = reason
            hidden.n = nil
            hidden.estimate = nil
            hidden.ciLow = nil
            hidden.ciHigh = nil
            hidden.comparison?.pValue = nil
            hidden.comparison?.pAdjusted = nil
            hidden.comparison?.flag = false
            hidden.comparison?.referenceN = 0
            return hidden
        }
    }

    private func isSmall(_ n: Int) -> Bool { n >= 1 && n < threshold }

    /// Counts that add up: one metric and category, one grouping, and for a crossing
    /// (`a x b`) one value of its first part.
    private struct SetKey: Hashable {
        var metric: Metric
        var category: String?
        var grouping: String
        var margin: String

        init(_ f: Figure) {
            metric = f.metric
            category = f.category
            grouping = f.grouping
            let parts = f.group.components(separatedBy: " x ")
            margin = f.grouping.contains(" x ") && parts.count > 1 ? parts[0] : ""
        }
    }

    private struct CellKey: Hashable {
        var set: SetKey
        var group: String
        init(_ set: SetKey, _ group: String) {
            self.set = set
            self.group = group
        }
    }

    private struct GroupKey: Hashable {
        var grouping: String
        var group: String
    }
}
