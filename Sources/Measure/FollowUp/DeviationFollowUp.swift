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

    /// One deviating case, packed: its school's number, its kinds as bits (declaration order)
    /// and where its pseudonyms stand in `pseudonyms`. At a million cases the list has some
    /// two million entries; as `Entry` values (three `String`s each), sorted, then joined
    /// into one text, it was most of the run's peak memory.
    private struct Deviating {
        var start: Int
        var school: UInt32
        var caseLength: UInt32
        /// `UInt32.max`: the case has no pupil pseudonym.
        var pupilLength: UInt32
        var kinds: UInt16
    }

    private var deviating: [Deviating] = []
    /// The case and pupil pseudonyms of every deviating case, one after the other (UTF-8).
    private var pseudonyms: [UInt8] = []
    /// The schools met, numbered in the order met.
    private var schools = GroupCodes()
    private var lastSchool: (orgnr: String, number: UInt32)?

    public init(targets: Targets = Targets(), clock: ResponseClock = ResponseClock(), asOf: [String: Timestamp]) {
        self.targets = targets
        self.clock = clock
        self.asOf = asOf
    }

    public mutating func add(_ c: Case) {
        add(MeasuredCase(c: c, clock: clock, targets: targets, censorAt: asOf[c.school.municipality] ?? c.exportTime))
    }

    /// Adds a case already measured with this list's targets, clock and `asOf`
    /// (`CaseMeasurements.Measurer.measured(_:)`), so that its durations are not worked out again.
    public mutating func add(_ m: MeasuredCase) {
        let c = m.c
        var kinds: UInt16 = 0
        for kind in DeviationKind.kinds(m) { kinds |= 1 << Self.order[kind]! }
        guard kinds != 0 else { return }
        let caseID = c.id.value.utf8, pupilID = c.pupil.id?.value.utf8
        deviating.append(Deviating(start: pseudonyms.count, school: schoolNumber(c.school.orgnr), caseLength: UInt32(caseID.count),
                                   pupilLength: pupilID.map { UInt32($0.count) } ?? UInt32.max, kinds: kinds))
        pseudonyms.append(contentsOf: caseID)
        if let pupilID { pseudonyms.append(contentsOf: pupilID) }
    }

    private mutating func schoolNumber(_ orgnr: String) -> UInt32 {
        if let lastSchool, lastSchool.orgnr == orgnr { return lastSchool.number }
        let number = UInt32(schools.number(orgnr))
        lastSchool = (orgnr, number)
        return number
    }

    /// A kind's bit in `Deviating.kinds`.
    private static let order: [DeviationKind: Int] = {
        precondition(DeviationKind.allCases.count <= UInt16.bitWidth, "a kind without a bit in Deviating.kinds")
        return Dictionary(uniqueKeysWithValues: DeviationKind.allCases.enumerated().map { ($1, $0) })
    }()

    /// How many entries the list has (a case with two deviations gives two).
    public var count: Int {
        deviating.reduce(0) { $0 + $1.kinds.nonzeroBitCount }
    }

    /// The deviations by school, kind and case pseudonym.
    public var entries: [Entry] {
        var out: [Entry] = []
        forEachEntry { school, kind, caseID, pupilID in
            out.append(Entry(school: school, kind: kind, casePseudonym: Pseudonym(String(decoding: caseID, as: UTF8.self)),
                             pupilPseudonym: pupilID.map { Pseudonym(String(decoding: $0, as: UTF8.self)) }))
        }
        return out
    }

    /// Calls `body` for every entry in the order of `entries` (school, kind, case pseudonym;
    /// entries alike in all three in the order they were found), with the pseudonyms as UTF-8
    /// bytes, without making the entries.
    public func forEachEntry(_ body: (_ school: String, _ kind: DeviationKind, _ casePseudonym: ArraySlice<UInt8>,
                                      _ pupilPseudonym: ArraySlice<UInt8>?) throws -> Void) rethrows {
        // Schools in `String` order; within a school the cases by pseudonym, ties in the order
        // found; then each kind in turn. A pseudonym is 26 lower-case Base32 letters and digits
        // (`Pseudonymizer`), ASCII, so its bytes sort as the `String` does.
        let codes = schools.codes
        var rank = [Int](repeating: 0, count: codes.count)
        for (r, school) in codes.indices.sorted(by: { codes[$0] < codes[$1] }).enumerated() { rank[school] = r }
        let sorted = deviating.sorted { a, b in
            if a.school != b.school { return rank[Int(a.school)] < rank[Int(b.school)] }
            let x = pseudonyms[a.start..<(a.start + Int(a.caseLength))], y = pseudonyms[b.start..<(b.start + Int(b.caseLength))]
            if x != y { return x.lexicographicallyPrecedes(y) }
            return a.start < b.start
        }
        var from = 0
        while from < sorted.count {
            var to = from + 1
            while to < sorted.count, sorted[to].school == sorted[from].school { to += 1 }
            let school = codes[Int(sorted[from].school)]
            for (bit, kind) in DeviationKind.allCases.enumerated() {
                for d in sorted[from..<to] where d.kinds & (1 << bit) != 0 {
                    let caseEnd = d.start + Int(d.caseLength)
                    try body(school, kind, pseudonyms[d.start..<caseEnd],
                             d.pupilLength == UInt32.max ? nil : pseudonyms[caseEnd..<(caseEnd + Int(d.pupilLength))])
                }
            }
            from = to
        }
    }
}
