import SaksgangCore

/// Repeat victimisation: of the pupils (by pseudonym) with a closed case, the share who got a
/// new case whose knowledge falls within 12 months after a closing. A pupil is counted once,
/// in the groups of the case that closed first (the pupil's background, that case's school).
/// Kept per pupil as a few integers (days and group indices), never as cases. Follow-up is
/// shorter than 12 months for cases closed in the last year: the share is a lower bound there.
struct RepeatVictimisation: Sendable {
    /// Groupings this pupil-level metric is given for: pupil attributes, school and municipality.
    static let groupings: [Grouping] = [.all, .immigrantBackground, .sami, .nationalMinority, .minorityLanguage, .gender,
                                        .school, .municipality]
    private static let groupOf = groupings.map(\.group)
    static let window: Int32 = 365

    /// One pupil in four 32-bit words (nearly every pupil has one case, and there is one of these
    /// per pupil): the first case's days, the earliest closing, and the pupil's groups.
    struct Pupil: Sendable {
        /// Days since 1970 of the first case's knowledge and closing (`open` when not closed).
        var knowledge: Int32
        var closing: Int32
        var firstClosing = Int32.max
        /// The groups of the case that closed first, as a number of `combinations`.
        var groups: UInt32 = 0
        static let open = Int32.min
    }

    private var pupils: [UInt64: Pupil] = [:]
    /// (knowledge, closing) of every further case, for the pupils with more than one.
    private var moreCases: [UInt64: [SIMD2<Int32>]] = [:]
    private var codes = Array(repeating: GroupCodes(), count: groupings.count)
    /// The combinations of group numbers (one per grouping) met, numbered: few, however many pupils.
    private var combinations: [SIMD8<UInt32>] = []
    private var combinationNumbers: [SIMD8<UInt32>: UInt32] = [:]

    mutating func add(_ c: Case) {
        guard let id = c.pupil.id, let k = (c.knowledge ?? c.registered)?.localDate.daysSinceEpoch else { return }
        let key = Self.fnv1a(id.value)
        let closed = c.closing?.time.localDate.daysSinceEpoch
        var p: Pupil
        if let known = pupils[key] {
            p = known
            moreCases[key, default: []].append(SIMD2(k, closed ?? Pupil.open))
        } else {
            p = Pupil(knowledge: k, closing: closed ?? Pupil.open)
        }
        if let closed, closed < p.firstClosing {
            p.firstClosing = closed
            var groups = SIMD8<UInt32>()
            for g in Self.groupOf.indices { groups[g] = UInt32(codes[g].number(Self.groupOf[g](c))) }
            p.groups = combinationNumber(groups)
        }
        pupils[key] = p
    }

    private mutating func combinationNumber(_ groups: SIMD8<UInt32>) -> UInt32 {
        if let n = combinationNumbers[groups] { return n }
        let n = UInt32(combinations.count)
        combinations.append(groups)
        combinationNumbers[groups] = n
        return n
    }

    /// (repeat, pupils) per group code, for each grouping of `groupings` (by name): one pass
    /// over the pupils.
    func counts() -> [String: [String: (yes: Int, total: Int)]] {
        var out = Array(repeating: [String: (yes: Int, total: Int)](), count: Self.groupings.count)
        for (key, p) in pupils where p.firstClosing != Int32.max {
            var repeated = false
            if let more = moreCases[key] {   // one case alone is never a repeat
                let spans = [SIMD2(p.knowledge, p.closing)] + more
                repeated = spans.contains { closed in
                    closed.y != Pupil.open && spans.contains { $0.x > closed.y && $0.x <= closed.y + Self.window }
                }
            }
            let groups = combinations[Int(p.groups)]
            for g in Self.groupings.indices {
                let code = codes[g].codes[Int(groups[g])]
                out[g][code, default: (0, 0)].total += 1
                if repeated { out[g][code, default: (0, 0)].yes += 1 }
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(Self.groupings.map(\.name), out))
    }

    /// A stable 64-bit hash of a pseudonym (FNV-1a): pseudonyms are already keyed HMACs, so
    /// collisions among a few million pupils are as unlikely as 2⁻⁴⁰.
    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}

extension Grouping {
    /// True for the groupings repeat victimisation (a share of pupils) is given for.
    public var isPupilGrouping: Bool { RepeatVictimisation.groupings.contains(self) }
}
