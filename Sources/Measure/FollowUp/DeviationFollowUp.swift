import SaksgangCore

/// The internal follow-up list of internal control: every deviation by case pseudonym,
/// school and kind, for the key holder to look up with `saksgang lookup`. It is the only
/// per-case output; it holds pseudonyms, the school's organisation number and the kind, no
/// identity, and is written apart from the published reports (docs/privacy.md).
public struct DeviationFollowUp: Sendable {
    public struct Entry: Sendable, Hashable, Comparable {
        public var school: String
        public var kind: DeviationKind
        public var casePseudonym: Pseudonym
        public var pupilPseudonym: Pseudonym?

        public init(school: String, kind: DeviationKind, casePseudonym: Pseudonym, pupilPseudonym: Pseudonym?) {
            self.school = school
            self.kind = kind
            self.casePseudonym = casePseudonym
            self.pupilPseudonym = pupilPseudonym
        }

        public static func < (a: Entry, b: Entry) -> Bool {
            (a.school, DeviationKind.allCases.firstIndex(of: a.kind)!, a.casePseudonym.value)
                < (b.school, DeviationKind.allCases.firstIndex(of: b.kind)!, b.casePseudonym.value)
        }
    }

    public let targets: Targets
    public let clock: ResponseClock
    /// Latest export per municipality: open cases are measured up to there, as in the figures.
    public let asOf: [String: Timestamp]
    private var found: [Entry] = []

    public init(targets: Targets = Targets(), clock: ResponseClock = ResponseClock(), asOf: [String: Timestamp]) {
        self.targets = targets
        self.clock = clock
        self.asOf = asOf
    }

    public mutating func add(_ c: Case) {
        let m = MeasuredCase(c: c, clock: clock, targets: targets, censorAt: asOf[c.school.municipality] ?? c.exportTime)
        for kind in DeviationKind.kinds(m) {
            found.append(Entry(school: c.school.orgnr, kind: kind, casePseudonym: c.id, pupilPseudonym: c.pupil.id))
        }
    }

    /// The deviations by school, kind and case pseudonym.
    public var entries: [Entry] { found.sorted() }
}
