import Measure

/// One number of cases (or pupils) that the published tables say something about: a case
/// count, a statistic's `n`, a share's numerator (`yes`) or complement (`no`), a category
/// count. Several figures may carry the same cell (a median, its p75 and p90 and the share
/// read off the same curve all carry the curve's `n`); a cell is published when any figure
/// that carries it is.
public struct CountCell: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// What is counted: `cases`, `time_to_first_contact|working_days|n`, `resolved|yes`,
    /// `closed_by_reason|n`, `closed_by_reason|resolved|no`, `deviations|late_contact` …
    public var quantity: String
    public var grouping: String
    public var group: String

    public init(quantity: String, grouping: String, group: String) {
        self.quantity = quantity
        self.grouping = grouping
        self.group = group
    }

    public var description: String { "\(quantity) @ \(grouping)=\(group)" }

    public static func < (a: CountCell, b: CountCell) -> Bool {
        (a.quantity, a.grouping, a.group) < (b.quantity, b.grouping, b.group)
    }

    /// The role of the cell in the linear relations between cells.
    public enum Role: Sendable {
        /// The case count of the group.
        case cases
        /// Cases behind a statistic, or a category count: bounded by the group's cases.
        case bounded
        /// A share's numerator or complement: numerator + complement = the share's n.
        case part
    }

    public var role: Role {
        if quantity == Self.cases { return .cases }
        return quantity.hasSuffix("|yes") || quantity.hasSuffix("|no") ? .part : .bounded
    }

    public static let cases = "cases"
    /// Quantities of the previous publication, and of the change since it, when the two
    /// are audited together.
    public static let previousPrefix = "previous:"
    public static let differencePrefix = "difference:"

    var isDifference: Bool { quantity.hasPrefix(Self.differencePrefix) }


    /// The key of the cell in a stored publication's true values.
    var key: String { quantity + "\t" + grouping + "\t" + group }

    /// The cells a figure carries: for a share, its n, numerator and complement (in that order).
    static func quantities(of f: Figure) -> [String] {
        guard !f.statistic.isComparison else { return [] }
        let name = f.metric.name
        switch f.metric.kind {
        case .caseCount:
            return f.statistic == .count ? [cases] : []
        case .duration:
            return ["\(name)|\(f.unit.rawValue)|n"]
        case .withinTarget(let t), .reachedBy(let t, _):
            guard case .duration(let d) = t.kind, let unit = d.units.first else { return [] }
            return ["\(t.name)|\(unit.rawValue)|n"]
        case .share, .pupilShare:
            return ["\(name)|n", "\(name)|yes", "\(name)|no"]
        case .categoryShares:
            let c = f.category ?? ""
            return ["\(name)|n", "\(name)|\(c)|yes", "\(name)|\(c)|no"]
        case .categoryCounts:
            return ["\(name)|\(f.category ?? "")"]
        }
    }
}
