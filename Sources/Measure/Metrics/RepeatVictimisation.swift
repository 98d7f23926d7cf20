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
    static let window: Int32 = 365

    /// One pupil in a few inline words: the first case's days, more cases only when there are.
    struct Pupil: Sendable {
        /// Days since 1970 of the first case's knowledge and closing (`open` when not closed).
        var knowledge: Int32
        var closing: Int32
        /// (knowledge, closing) of every further case.
        var more: [SIMD2<Int32>]?
        var firstClosing = Int32.max
        /// Group index per grouping, from the case that closed first.
        var groups = SIMD8<UInt32>()
        static let open = Int32.min

        var spans: [SIMD2<Int32>] { [SIMD2(knowledge, closing)] + (more ?? []) }
    }

    private var pupils: [UInt64: Pupil] = [:]
    private var codes: [[String]] = Array(repeating: [], count: groupings.count)
    private var codeIndex: [[String: UInt32]] = Array(repeating: [:], count: groupings.count)

    mutating func add(_ c: Case) {
        guard let id = c.pupil.id, let k = (c.knowledge ?? c.registered)?.localDate.daysSinceEpoch else { return }
        let key = Self.fnv1a(id.value)
        let closed = c.closing?.time.localDate.daysSinceEpoch
        var p: Pupil
        if let known = pupils[key] {
            p = known
            p.more = (p.more ?? []) + [SIMD2(k, closed ?? Pupil.open)]
        } else {
            p = Pupil(knowledge: k, closing: closed ?? Pupil.open)
        }
        if let closed, closed < p.firstClosing {
            p.firstClosing = closed
            for g in Self.groupings.indices { p.groups[g] = index(g, Self.groupings[g].group(c)) }
        }
        pupils[key] = p
    }

    private mutating func index(_ g: Int, _ code: String) -> UInt32 {
        if let i = codeIndex[g][code] { return i }
        let i = UInt32(codes[g].count)
        codes[g].append(code)
        codeIndex[g][code] = i
        return i
    }

    /// (repeat, pupils) per group code, for each grouping of `groupings` (by name): one pass
    /// over the pupils.
    func counts() -> [String: [String: (yes: Int, total: Int)]] {
        var out = Array(repeating: [String: (yes: Int, total: Int)](), count: Self.groupings.count)
        for p in pupils.values where p.firstClosing != Int32.max {
            var repeated = false
            if p.more != nil {   // one case alone is never a repeat
                let spans = p.spans
                repeated = spans.contains { closed in
                    closed.y != Pupil.open && spans.contains { $0.x > closed.y && $0.x <= closed.y + Self.window }
                }
            }
            for g in Self.groupings.indices {
                let code = codes[g][Int(p.groups[g])]
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
