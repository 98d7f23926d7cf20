import SaksgangCore

/// One thing the report measures, declared once with everything the later stages need: its
/// machine name (the `metric` column of the tables, a contract with researchers), its words
/// in both languages, what it is computed from, and its card on the report's front page.
/// Disclose and Publish iterate over `Metric.catalogue`; they never spell a metric's name.
/// A new metric is one declaration in `Metric+Catalogue.swift` plus its test.
public struct Metric: Sendable, Hashable, CustomStringConvertible {
    /// The machine name, e.g. `time_to_first_contact`.
    public let name: String
    /// A short label for a table column or a card ("Tid til første kontakt med hjemmet").
    public let label: Label
    /// What is counted, in a sentence, for the method section and the codebook.
    public let definition: Label
    public let kind: Kind
    /// The front-page card, if the metric has one.
    public let headline: Headline?

    public init(name: String, label: Label, definition: Label, kind: Kind, headline: Headline? = nil) {
        self.name = name
        self.label = label
        self.definition = definition
        self.kind = kind
        self.headline = headline
    }

    public var description: String { name }
    public static func == (a: Metric, b: Metric) -> Bool { a.name == b.name }
    public func hash(into h: inout Hasher) { h.combine(name) }

    /// How a metric is computed from the cases.
    public indirect enum Kind: Sendable {
        /// The number of cases.
        case caseCount
        /// A time from knowledge to an event, estimated with Kaplan–Meier; given as the
        /// median, p75 and p90 with intervals in each of its units.
        case duration(Duration)
        /// The share of cases that had the event of a duration metric within its target,
        /// read off the Kaplan–Meier curve in the target's unit (open cases censored).
        case withinTarget(Metric)
        /// The share that had the event of a duration metric by each of the given days
        /// (category = the number of days), read off the curve.
        case reachedBy(Metric, days: [Int])
        /// A share of the cases it counts (Wilson interval).
        case share(Share)
        /// Shares by category of the cases counted (one row per category; a case may be in
        /// several categories).
        case categoryShares(Categories)
        /// Numbers of cases by category (a case may be in several categories).
        case categoryCounts(Categories)
        /// A share of pupils (by pseudonym), not of cases: repeat victimisation. Given for the
        /// groupings of pupils (background, gender) and places (school, municipality).
        case pupilShare
    }

    /// A clock from knowledge to an event.
    public struct Duration: Sendable {
        /// The units the figures are given in; the first is the one targets and comparisons use.
        public let units: [FigureUnit]
        /// The cases the metric is about (owner notice: serious cases and staff perpetrators).
        public let applies: @Sendable (Case) -> Bool
        /// The event that stops the clock.
        public let end: ResponseClock.End
        /// The local target in the first unit, if the school owner sets one.
        public let target: (@Sendable (Targets) -> Int)?
        /// The time at which groups are compared when there is no target (days of the first unit).
        public let comparisonTime: Int?

        public init(units: [FigureUnit], applies: @escaping @Sendable (Case) -> Bool = { _ in true },
                    end: ResponseClock.End, target: (@Sendable (Targets) -> Int)? = nil, comparisonTime: Int? = nil) {
            self.units = units
            self.applies = applies
            self.end = end
            self.target = target
            self.comparisonTime = comparisonTime
        }
    }

    /// A yes/no question about a case; `nil` leaves the case out of the denominator.
    public struct Share: Sendable {
        public let outcome: @Sendable (MeasuredCase) -> Bool?
        public init(_ outcome: @escaping @Sendable (MeasuredCase) -> Bool?) { self.outcome = outcome }
    }

    /// Categories of a case; `nil` leaves the case out of the denominator, an empty list
    /// counts it in the denominator of every category.
    public struct Categories: Sendable {
        public let categories: [Category]
        public let classify: @Sendable (MeasuredCase) -> [String]?
        public init(_ categories: [Category], classify: @escaping @Sendable (MeasuredCase) -> [String]?) {
            self.categories = categories
            self.classify = classify
        }
    }

    /// The card on the front page: the statistic it shows and its sentence, in which
    /// `{value}` stands for the figure as a reader says it.
    public struct Headline: Sendable {
        public let statistic: Statistic
        public let unit: FigureUnit
        /// For a categorised metric: the category the card shows.
        public let category: String?
        public let sentence: Label
        public init(_ statistic: Statistic, unit: FigureUnit, category: String? = nil, sentence: Label) {
            self.statistic = statistic
            self.unit = unit
            self.category = category
            self.sentence = sentence
        }
    }

    /// The statistics and units of the figures the metric gives for each group.
    public var columns: [(statistic: Statistic, unit: FigureUnit)] {
        switch kind {
        case .caseCount: return [(.count, .cases)]
        case .duration(let d):
            return d.units.flatMap { u in [Statistic.median, .p75, .p90].map { ($0, u) } }
        case .withinTarget, .reachedBy, .share, .categoryShares, .pupilShare: return [(.share, .proportion)]
        case .categoryCounts: return [(.count, .cases)]
        }
    }

    /// The categories of a categorised metric, in order; empty for the others.
    public var categories: [Category] {
        switch kind {
        case .categoryShares(let c), .categoryCounts(let c): return c.categories
        case .reachedBy(_, let days): return days.map { Category(code: String($0), label: Label("innen \($0) dager", "within \($0) days")) }
        default: return []
        }
    }

    /// Finds a metric of the catalogue by its machine name (reading tables back).
    public static func named(_ name: String) -> Metric? { byName[name] }
    private static let byName: [String: Metric] = Dictionary((catalogue + dataQuality).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
}
