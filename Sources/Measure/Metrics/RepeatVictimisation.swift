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

    struct Pupil: Sendable {
        /// (knowledge day, closing day or nil) of each case.
        var knowledge: [Int32] = []
        var closings: [Int32] = []
        var firstClosing = Int32.max
        /// Group index per grouping, from the case that closed first.
        var groups: [UInt32] = []
    }

    private var pupils: [UInt64: Pupil] = [:]
    private var codes: [[String]] = Array(repeating: [], count: groupings.count)
    private var codeIndex: [[String: UInt32]] = Array(repeating: [:], count: groupings.count)

    mutating func add(_ c: Case) {
        guard let id = c.pupil.id, let k = (c.knowledge ?? c.registered)?.localDate.daysSinceEpoch else { return }
        let key = Self.fnv1a(id.value)
        var p = pupils.removeValue(forKey: key) ?? Pupil()
        p.knowledge.append(k)
        if let closed = c.closing?.time.localDate.daysSinceEpoch {
            p.closings.append(closed)
            if closed < p.firstClosing {
                p.firstClosing = closed
                p.groups = Self.groupings.indices.map { g in index(g, Self.groupings[g].group(c)) }
            }
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

    /// (repeat, pupils) per group code of a grouping.
    func counts(_ grouping: Grouping) -> [String: (yes: Int, total: Int)] {
        guard let g = Self.groupings.firstIndex(of: grouping) else { return [:] }
        var out: [String: (yes: Int, total: Int)] = [:]
        for p in pupils.values where !p.groups.isEmpty {
            let repeated = p.closings.contains { closed in p.knowledge.contains { $0 > closed && $0 <= closed + Self.window } }
            let code = codes[g][Int(p.groups[g])]
            out[code, default: (0, 0)].total += 1
            if repeated { out[code, default: (0, 0)].yes += 1 }
        }
        return out
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
