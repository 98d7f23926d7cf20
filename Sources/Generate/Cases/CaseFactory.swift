import SaksgangCore

/// Builds one case's whole history: the pupil (new, or a repeat victim from an earlier case),
/// knowledge on a school day in school hours, the planted delays of the pupil's group, the
/// events a school records, closing, reopening, the County Governor, and planted data faults.
struct CaseFactory {
    let clock: SchoolClock
    let effects: Effects
    let faultShare: Double
    private let profiles: [String: GroupEffect]
    private var pupils = PupilFactory()
    /// Recently closed cases whose pupil may come back with a new case (bounded).
    private var repeatPool: [(pupil: SyntheticPupil, closed: Int64, school: String, number: String)] = []
    private var repeatCursor = 0
    static let repeatPoolSize = 512

    init(clock: SchoolClock, effects: Effects, faultShare: Double) {
        self.clock = clock
        self.effects = effects
        self.faultShare = faultShare
        var p: [String: GroupEffect] = [:]
        for key in Effects.groupKeys { p[key] = effects.profile(key) }
        profiles = p
    }

    static let otherViolations: [(ViolationKind, Double)] = [
        (.verbal, 0.30), (.exclusion, 0.25), (.physical, 0.18), (.digital, 0.15), (.sexual, 0.04),
        (.disability, 0.03), (.genderSexuality, 0.03), (.other, 0.02),
    ]
    static let services: [(ExternalService, Double)] = [
        (.ppt, 0.35), (.schoolNurse, 0.30), (.bup, 0.12), (.childWelfare, 0.12), (.police, 0.06), (.other, 0.05),
    ]

    mutating func make(number: String, school: School, place: MunicipalityProfile, day: LocalDate,
                       windows1252Only: Bool, random: inout SeededRandom) -> SyntheticCase {
        let knowledge = SchoolClock.instant(day, minute: 8 * 60 + random.int(0...450))

        // The pupil: a repeat victim now and then.
        var pupil: SyntheticPupil?
        var grade: Int?
        var repeatOf: (String, String)?
        if !repeatPool.isEmpty && random.chance(0.06) {
            let entry = repeatPool[random.int(below: repeatPool.count)]
            if entry.closed < knowledge, knowledge - entry.closed < 365 * 86_400,
               let g = entry.pupil.grade(on: day), !windows1252Only || entry.pupil.fitsWindows1252 {
                pupil = entry.pupil
                grade = g
                repeatOf = (entry.school, entry.number)
            }
        }
        if pupil == nil {
            let p = pupils.make(in: place, knowledge: day, windows1252Only: windows1252Only, random: &random)
            pupil = p
            grade = p.grade(on: day) ?? 1
        }
        let child = pupil!
        let key = Effects.profileKey(sami: child.sami, minority: child.minority, group: child.group)
        let profile = profiles[key]!

        let registered = clock.afterWorkingDays(knowledge, 0.01 + random.exponential(mean: 0.3))

        // Who made it known, what happened, who did it.
        var reportedBy: Reporter?
        if !random.chance(0.02) {
            let weights = profile.reportedBy!.sorted { $0.key < $1.key }
            reportedBy = Reporter(rawValue: weights[random.weighted(weights.map(\.value))].key)
        }
        var violations: [ViolationKind] = []
        if random.chance(profile.ethnicityBased!) {
            violations.append([ViolationKind.ethnicity, .religion, .language][random.weighted([0.6, 0.2, 0.2])])
            if random.chance(0.25) { violations.append([ViolationKind.ethnicity, .religion, .language][random.int(0...2)]) }
        }
        for _ in 0..<(violations.isEmpty ? 1 + random.weighted([0.5, 0.35, 0.15]) : random.int(0...2)) {
            violations.append(Self.otherViolations[random.weighted(Self.otherViolations.map(\.1))].0)
        }
        violations = Array(Set(violations)).sorted { $0.rawValue < $1.rawValue }
        let perpetrator = [PerpetratorKind.pupil, .staff, .several, .unknown][random.weighted([0.82, 0.04, 0.08, 0.06])]
        let perpetratorCount: Int?
        switch perpetrator {
        case .pupil: perpetratorCount = 1 + random.weighted([0.45, 0.3, 0.15, 0.1])
        case .staff: perpetratorCount = 1
        case .several: perpetratorCount = random.int(2...6)
        case .unknown: perpetratorCount = nil
        }
        let harsh = violations.contains(.sexual) || violations.contains(.physical)
        let serious = perpetrator == .staff ? random.chance(0.7) : random.chance(harsh ? 0.15 : 0.05)

        // Events.
        var events: [Event] = []
        func at(_ t: Int64) -> Timestamp { Timestamp(seconds: t) }
        let plantedContact = random.exponential(mean: profile.firstContactWorkingDays!)
        let plantedPlan = random.exponential(mean: profile.activityPlanWorkingDays!)
        let plantedClosure = random.gamma2(mean: profile.closureDays!)
        var firstContact: Int64?
        if random.chance(0.96) {
            let t = clock.afterWorkingDays(knowledge, plantedContact)
            firstContact = t
            events.append(Event(kind: .homeContact, time: at(t), initiative: random.chance(0.75) ? .school : .home,
                                channel: Self.channel(&random)))
        }
        var core: [Int64] = firstContact.map { [$0] } ?? []
        if random.chance(0.9) {
            let t = clock.afterWorkingDays(knowledge, random.exponential(mean: 1.2))
            core.append(t)
            events.append(Event(kind: .investigation, time: at(t)))
        }
        var firstMeeting: Int64?
        if random.chance(0.85) {
            let t = clock.afterWorkingDays(firstContact ?? knowledge, random.exponential(mean: 2.0))
            firstMeeting = t
            core.append(t)
            events.append(Event(kind: .meeting, time: at(t), minutesSent: random.chance(0.7)))
        }
        var plan: Int64?
        if random.chance(0.88) {
            let t = clock.afterWorkingDays(knowledge, plantedPlan)
            plan = t
            core.append(t)
            events.append(Event(kind: .activityPlan, time: at(t)))
        }
        var later: [Event] = []
        if random.chance(0.85) {
            var t = plan ?? clock.afterWorkingDays(knowledge, 2)
            for _ in 0..<random.int(1...3) {
                t = clock.afterWorkingDays(t, random.exponential(mean: 3))
                later.append(Event(kind: .measure, time: at(t)))
            }
        }
        if let first = firstContact {
            var t = first
            for _ in 0..<random.weighted([0.3, 0.3, 0.2, 0.12, 0.08]) {
                t = clock.afterWorkingDays(t, 0.5 + random.exponential(mean: 7))
                later.append(Event(kind: .homeContact, time: at(t), initiative: random.chance(0.6) ? .school : .home,
                                   channel: Self.channel(&random)))
            }
        }
        if let first = firstMeeting, random.chance(0.3) {
            var t = first
            for _ in 0..<random.int(1...2) {
                t = clock.afterWorkingDays(t, 1 + random.exponential(mean: 10))
                later.append(Event(kind: .meeting, time: at(t), minutesSent: random.chance(0.65)))
            }
        }
        if let p = plan {
            var t = p
            for i in 0..<random.int(1...2) {
                t = clock.afterWorkingDays(t, 10 + random.exponential(mean: 15))
                later.append(Event(kind: .evaluation, time: at(t), guardiansTookPart: random.chance(0.6)))
                if i == 0 && random.chance(0.2) {
                    later.append(Event(kind: .activityPlan, time: at(clock.afterWorkingDays(t, random.exponential(mean: 2)))))
                }
            }
        }
        if random.chance(0.15) {
            for _ in 0..<(random.chance(0.1) ? 2 : 1) {
                let t = clock.afterWorkingDays(knowledge, random.exponential(mean: 8))
                let service = Self.services[random.weighted(Self.services.map(\.1))].0
                later.append(Event(kind: .externalHelp, time: Timestamp(date: SchoolClock.local(t).date), service: service))
            }
        }
        if serious || perpetrator == .staff {
            if random.chance(0.9) {
                events.append(Event(kind: .ownerNotice, time: at(clock.afterWorkingDays(knowledge, random.exponential(mean: 0.3)))))
            } else if random.chance(0.7) {
                events.append(Event(kind: .ownerNotice, time: at(clock.afterWorkingDays(knowledge, 2 + random.exponential(mean: 5)))))
            }
        } else if random.chance(0.02) {
            events.append(Event(kind: .ownerNotice, time: at(clock.afterWorkingDays(knowledge, random.exponential(mean: 3)))))
        }
        var decision: Int64?
        let countyGovernor = random.chance(perpetrator == .staff ? 0.10 : serious ? 0.06 : 0.02)
        if countyGovernor {
            let reported = clock.afterCalendarDays(knowledge, 7 + random.exponential(mean: 30), random: &random)
            core.append(reported)
            events.append(Event(kind: .countyGovernorReported, time: at(reported)))
            let decided = clock.afterCalendarDays(reported, 20 + random.exponential(mean: 50), random: &random)
            decision = decided
            core.append(decided)
            events.append(Event(kind: .countyGovernorDecision, time: at(decided), breach: random.chance(0.85)))
        }

        // Closing.
        var closeAt = clock.afterCalendarDays(knowledge, plantedClosure, random: &random)
        if let last = core.max(), closeAt <= last {
            closeAt = clock.afterWorkingDays(last, 1 + random.exponential(mean: 3))
        }
        events += later.filter { $0.time.seconds < closeAt || ($0.kind == .externalHelp && $0.time.localDate < SchoolClock.local(closeAt).date) }
        let reason: ClosingReason
        if random.chance(profile.closedByChangingSchool!) {
            reason = .changedSchool
        } else if decision != nil && random.chance(0.6) {
            reason = .countyGovernor
        } else {
            reason = [ClosingReason.resolved, .transition, .other][random.weighted([0.82, 0.06, 0.12])]
        }
        var closings = [SyntheticCase.RecordedClosing(closing: Closing(time: at(closeAt), reason: reason),
                                                      recorded: closeAt + Int64(random.int(2...30)) * 60)]
        if random.chance(0.05) {
            let reopen = clock.afterCalendarDays(closeAt, 5 + random.exponential(mean: 20), random: &random)
            events.append(Event(kind: .reopened, time: at(reopen)))
            let contact = clock.afterWorkingDays(reopen, random.exponential(mean: 1))
            events.append(Event(kind: .homeContact, time: at(contact), initiative: .school, channel: Self.channel(&random)))
            events.append(Event(kind: .meeting, time: at(clock.afterWorkingDays(contact, random.exponential(mean: 2))),
                                minutesSent: random.chance(0.7)))
            let again = clock.afterCalendarDays(reopen, 5 + random.gamma2(mean: 30), random: &random)
            closings.append(.init(closing: Closing(time: at(again), reason: random.chance(0.7) ? .resolved : .other),
                                  recorded: again + Int64(random.int(2...30)) * 60))
        }

        // Planted data faults.
        var faults: [String] = []
        var knowledgeWritten = true
        if random.chance(faultShare) {
            if random.chance(0.5) {
                knowledgeWritten = false
                faults.append("missing_knowledge")
            } else if let i = events.firstIndex(where: { $0.kind == .homeContact || $0.kind == .investigation }) {
                var day = SchoolClock.local(knowledge).date
                for _ in 0..<random.int(1...3) {
                    day = day.adding(days: -1)
                    while !clock.isWorkingDay(day) { day = day.adding(days: -1) }
                }
                events[i].time = at(SchoolClock.instant(day, minute: 8 * 60 + random.int(0...400)))
                faults.append("event_before_knowledge")
            }
        }

        var recorded: [SyntheticCase.Recorded] = []
        recorded.reserveCapacity(events.count)
        for e in events {
            let when: Int64 = e.time.hasTime
                ? e.time.seconds + Int64(random.int(2...90)) * 60
                : SchoolClock.instant(e.time.localDate, minute: 15 * 60)
            recorded.append(.init(event: e, recorded: max(when, registered)))
        }
        recorded.sort { ($0.event.time, $0.event.kind.rawValue) < ($1.event.time, $1.event.kind.rawValue) }

        let (note, fragments) = Self.note(pupil: child, random: &random)
        let made = SyntheticCase(
            number: number, school: school, pupil: child, grade: grade ?? 1, registered: registered,
            knowledge: knowledge, knowledgeWritten: knowledgeWritten, reportedBy: reportedBy, violations: violations,
            perpetrator: perpetrator, perpetratorCount: perpetratorCount, serious: serious, events: recorded,
            closings: closings, note: note, noteFragments: fragments, faults: faults, profileKey: key,
            planted: (plantedContact, plantedPlan, plantedClosure), repeatOf: repeatOf)

        let lastClosing = closings.last!.closing.time.seconds
        let entry = (pupil: child, closed: lastClosing, school: school.orgnr, number: number)
        if repeatPool.count < Self.repeatPoolSize {
            repeatPool.append(entry)
        } else {
            repeatPool[repeatCursor] = entry
            repeatCursor = (repeatCursor + 1) % Self.repeatPoolSize
        }
        return made
    }

    static func channel(_ random: inout SeededRandom) -> ContactChannel {
        [ContactChannel.phone, .meeting, .email, .message][random.weighted([0.55, 0.15, 0.1, 0.2])]
    }
}
