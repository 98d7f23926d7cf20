import SaksgangCore

/// How a pupil was resolved: the pseudonym (nil when there was nothing usable), how the
/// pupil was identified, and a data-quality problem to count (never fatal on its own).
public typealias PupilIdentity = (pseudonym: Pseudonym?, identifiedBy: PupilIdentification,
                                  problem: SaksgangError.Code?)

extension Pseudonymizer {
    /// Chooses the identity a pupil's pseudonym is built from.
    ///
    /// - A valid national number (any kind) wins.
    /// - An invalid national number falls back to the local id when there is one, and
    ///   reports `.invalidIdentity` as a data-quality problem; with no local id the pupil
    ///   has no pseudonym and the problem is reported.
    /// - A local id alone is used as is, no problem.
    /// - Neither: no pseudonym, `.none`, no problem.
    ///
    /// Blank values (empty after normalising or trimming) count as absent. Pupils without
    /// a national number are kept, not dropped: they are disproportionately newly arrived
    /// pupils, and dropping them would bias the comparisons the pipeline exists to make.
    public func resolvePupil(nationalNumber: Sensitive?, localId: Sensitive?,
                             source: String, school: String) -> PupilIdentity {
        let number = nationalNumber.map { IdentityNumber.normalize($0.revealed) }.flatMap { $0.isEmpty ? nil : $0 }
        let local = localId.flatMap { Self.isBlank($0.revealed) ? nil : $0.revealed }

        var problem: SaksgangError.Code?
        if let number {
            if let kind = IdentityNumber.classify(number) {
                return (pupil(nationalNumber: number), PupilIdentification(kind), nil)
            }
            problem = .invalidIdentity
        }
        if let local {
            return (pupil(localId: local, source: source, school: school), .localId, problem)
        }
        return (nil, .none, problem)
    }

    /// True when every character is whitespace (also for ""). An all-ASCII value, the usual
    /// kind, is decided on its bytes: each ASCII character is one scalar (or CR LF, which is
    /// whitespace too), so the answer is the same as iterating `Character`s, without the
    /// grapheme breaking.
    static func isBlank(_ s: String) -> Bool {
        var ascii = true
        for byte in s.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            switch byte {
            case 0x09...0x0D, 0x20: continue
            default: return false
            }
        }
        return ascii || s.allSatisfy(\.isWhitespace)
    }
}

extension PupilIdentification {
    /// How a pupil identified by a valid national number of this kind was identified.
    public init(_ kind: IdentityNumberKind) {
        switch kind {
        case .fodselsnummer: self = .nationalNumber
        case .dNumber: self = .dNumber
        case .hNumber: self = .hNumber
        case .synthetic: self = .syntheticNumber
        }
    }
}
