import SaksgangCore

/// Aggregate counts of the generated cases, written into truth.json's `summary` (cheap to
/// keep, so they are there even when the per-case list is left out).
struct TruthTally {
    var cases = 0
    var byImmigrantGroup: [String: Int] = Dictionary(uniqueKeysWithValues: ImmigrantGroup.allCases.map { ($0.rawValue, 0) })
    var byProfile: [String: Int] = [:]
    var byMunicipality: [String: Int] = [:]
    var identifiedBy: [String: Int] = [:]
    var faults: [String: Int] = [:]
    var counts: [String: Int] = [:]
    var unencodable = 0

    mutating func add(_ c: SyntheticCase, _ v: SyntheticCase.Version, exportTime: Int64) {
        cases += 1
        byImmigrantGroup[c.pupil.group.rawValue, default: 0] += 1
        byProfile[c.profileKey, default: 0] += 1
        byMunicipality[c.school.municipality, default: 0] += 1
        identifiedBy[c.pupil.numberKind?.rawValue ?? "local_id", default: 0] += 1
        for f in c.faults { faults[f, default: 0] += 1 }
        func count(_ key: String, _ yes: Bool) { if yes { counts[key, default: 0] += 1 } }
        count("sami", c.pupil.sami)
        count("national_minority", c.pupil.minority != nil)
        count("minority_language", c.pupil.minorityLanguage)
        count("guardian_needs_interpreter", c.pupil.needsInterpreter == true)
        count("open_at_export", v.closing == nil)
        count("closed", v.closing != nil)
        count("reopened", v.reopened)
        count("serious", c.serious)
        count("staff_perpetrator", c.perpetrator == .staff)
        count("ethnicity_based", c.violations.contains { $0.isEthnicityBased })
        count("repeat_case", c.repeatOf != nil)
        count("county_governor", v.events.contains { $0.kind == .countyGovernorReported })
        let decision = v.events.last { $0.kind == .countyGovernorDecision }?.breach
        count("county_governor_breach", decision == true)
        count("county_governor_no_breach", decision == false)
        if let reason = v.closing?.reason { counts["closed_\(reason.rawValue)", default: 0] += 1 }
    }
}
