/// Merging the pieces of one case, for formats that deliver a case as one row per event,
/// rows anywhere in a night's files.
extension Case {
    /// This case with what `other` adds: every event of either (an event in both is kept
    /// once), the closing with the later time, facts this one lacks taken from `other`, and
    /// the later last-changed and export times.
    public func merging(_ other: Case) -> Case {
        var m = self
        for e in other.events where !m.events.contains(e) { m.events.append(e) }
        switch (m.closing, other.closing) {
        case (nil, let c?): m.closing = c
        case (let a?, let b?) where a.time < b.time: m.closing = b
        default: break
        }
        m.lastChanged = max(lastChanged, other.lastChanged)
        m.exportTime = max(exportTime, other.exportTime)
        m.registered = m.registered ?? other.registered
        m.serious = m.serious ?? other.serious
        m.guardianNeedsInterpreter = m.guardianNeedsInterpreter ?? other.guardianNeedsInterpreter
        m.knowledge = m.knowledge ?? other.knowledge
        m.reportedBy = m.reportedBy ?? other.reportedBy
        m.violations = Array(Set(m.violations + other.violations))
        m.perpetrator = m.perpetrator ?? other.perpetrator
        m.perpetratorCount = m.perpetratorCount ?? other.perpetratorCount
        m.externalServices = Array(Set(m.externalServices + other.externalServices))
        m.countyGovernorDecision = m.countyGovernorDecision ?? other.countyGovernorDecision
        m.school.name = m.school.name ?? other.school.name
        if m.pupil.id == nil { m.pupil.id = other.pupil.id; m.pupil.identifiedBy = other.pupil.identifiedBy }
        m.pupil.gender = m.pupil.gender ?? other.pupil.gender
        m.pupil.grade = m.pupil.grade ?? other.pupil.grade
        m.pupil.immigrantCategory = m.pupil.immigrantCategory ?? other.pupil.immigrantCategory
        m.pupil.countryBackground = m.pupil.countryBackground ?? other.pupil.countryBackground
        m.pupil.nationalMinority = m.pupil.nationalMinority ?? other.pupil.nationalMinority
        m.pupil.sami = m.pupil.sami ?? other.pupil.sami
        m.pupil.minorityLanguage = m.pupil.minorityLanguage ?? other.pupil.minorityLanguage
        // Counted again from the merged events.
        m.homeContactCount = nil
        m.normalize()
        return m
    }
}
