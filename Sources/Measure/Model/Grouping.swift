import SaksgangCore

/// A way of dividing cases into groups for reporting, with the machine names of the tables
/// (`grouping`, `group`), the words for them, and the reference group that the others are
/// compared with.
public struct Grouping: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let label: Label
    /// Every group the grouping always reports, in display order (zero groups are
    /// published as zero); groups met in the data but not listed follow, sorted.
    public let groups: [String]
    /// Words for group codes; a code without words (an orgnr) is shown as it is.
    public let groupLabels: [String: Label]
    /// The group the others are compared with; nil: no comparisons (schools, terms).
    public let reference: String?
    /// The parts of a crossing (`immigrant_background x ethnicity_based`); empty otherwise.
    public let parts: [Grouping]
    /// The metric that measures the same fact the grouping divides by (the grouping
    /// `ethnicity_based` and the share `ethnicity_based`): comparing its groups on it would
    /// only restate the grouping, so it is not compared.
    public let definingMetric: Metric?
    public let group: @Sendable (Case) -> String

    public init(name: String, label: Label, groups: [String], groupLabels: [String: Label] = [:],
                reference: String? = nil, parts: [Grouping] = [], definingMetric: Metric? = nil,
                group: @escaping @Sendable (Case) -> String) {
        self.name = name
        self.label = label
        self.groups = groups
        self.groupLabels = groupLabels
        self.reference = reference
        self.parts = parts
        self.definingMetric = definingMetric
        self.group = group
    }

    public var description: String { name }
    public static func == (a: Grouping, b: Grouping) -> Bool { a.name == b.name }
    public func hash(into h: inout Hasher) { h.combine(name) }

    /// Joins the names and codes of a crossing.
    public static let crossingSeparator = " x "

    /// The parts of a crossed name or code (`a x b` → `a`, `b`); a name or code of no
    /// crossing is its one part. The same parts as `components(separatedBy: crossingSeparator)`:
    /// an ASCII text is split on the separator's bytes, since Foundation's search (Characters
    /// compared one by one) was about 4 % of a run's samples at 100,000 cases, called for
    /// every cell and figure of a crossing; other texts still go through Foundation, where a
    /// combining mark after the separator would make a different Character.
    public static func crossingParts(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.components(separatedBy: crossingSeparator).map { Substring($0) }
        }
        var parts: [Substring] = []
        let end = utf8.endIndex
        var start = utf8.startIndex
        var i = start
        while i < end {
            // " x ": a space, an x and a space.
            if utf8[i] == 0x20 {
                let x = utf8.index(after: i)
                if x < end, utf8[x] == 0x78 {
                    let space = utf8.index(after: x)
                    if space < end, utf8[space] == 0x20 {
                        parts.append(text[start..<i])
                        i = utf8.index(after: space)
                        start = i
                        continue
                    }
                }
            }
            i = utf8.index(after: i)
        }
        parts.append(text[start..<utf8.endIndex])
        return parts
    }

    /// Every case in one group with every group of `other`: names and codes joined by ` x `.
    /// A group is compared with the reference of the first part within the same group of
    /// the second (immigrants with none, among ethnicity-based cases).
    public func crossed(with other: Grouping) -> Grouping {
        let a = self, b = other
        return Grouping(
            name: a.name + Self.crossingSeparator + b.name, label: Label(a.label.bokmal + " × " + b.label.bokmal.lowercased(),
                                                                        a.label.english + " × " + b.label.english.lowercased()),
            groups: a.groups.flatMap { x in b.groups.map { x + Self.crossingSeparator + $0 } },
            groupLabels: [:], reference: a.reference, parts: [a, b]
        ) { a.group($0) + Self.crossingSeparator + b.group($0) }
    }

    /// True when the groups are compared on a metric: not on the metric that defines the
    /// grouping (or a part of a crossing).
    public func compares(on metric: Metric) -> Bool {
        reference != nil && definingMetric != metric && !parts.contains { $0.definingMetric == metric }
    }

    /// The reference group a group is compared with, or nil when it is the reference or the
    /// grouping has none. In a crossing: the first part's reference, the same second part.
    public func reference(for group: String) -> String? {
        guard let reference else { return nil }
        if parts.count == 2 {
            let codes = Self.crossingParts(group)
            guard codes.count == 2, codes[0] != reference, codes[0] != "unknown", codes[1] != "unknown" else { return nil }
            return reference + Self.crossingSeparator + codes[1]
        }
        return group == reference || group == "unknown" ? nil : reference
    }

    /// The words of a group, part by part in a crossing.
    public func label(of group: String) -> Label? {
        if let l = groupLabels[group] { return l }
        guard parts.count > 1 else { return nil }
        let codes = Self.crossingParts(group)
        guard codes.count == parts.count else { return nil }
        let labels = zip(parts, codes).map { $0.label(of: String($1)) ?? Label(verbatim: String($1)) }
        return Label(labels.map(\.bokmal).joined(separator: " × "), labels.map(\.english).joined(separator: " × "))
    }
}

func yesNo(_ b: Bool?) -> String {
    switch b {
    case true?: return "yes"
    case false?: return "no"
    case nil: return "unknown"
    }
}
