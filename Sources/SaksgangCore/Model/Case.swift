/// A school-environment case as the pipeline knows it after pseudonymisation: the facts of
/// exports.md in canonical form, with every identity replaced by a pseudonym and no name,
/// contact detail, case number or free text.
public struct Case: Hashable, Sendable, Codable {
    /// Pseudonym of the case number within its school.
    public var id: Pseudonym
    /// The mapping (vendor format) that read it.
    public var source: String
    public var school: School
    public var registered: Timestamp?
    public var lastChanged: Timestamp
    /// When the export that delivered this version was made: open cases are censored here.
    public var exportTime: Timestamp
    public var serious: Bool?
    public var pupil: Pupil
    public var guardianNeedsInterpreter: Bool?
    /// When the school knew or suspected: the clock starts here.
    public var knowledge: Timestamp?
    public var reportedBy: Reporter?
    public var violations: [ViolationKind]
    public var perpetrator: PerpetratorKind?
    public var perpetratorCount: Int?
    /// Events in time order.
    public var events: [Event]
    /// Contacts with the home as the export counts them (SMC gives only the count).
    public var homeContactCount: Int?
    public var externalServices: [ExternalService]
    public var countyGovernorDecision: CountyGovernorDecision?
    public var closing: Closing?

    public init(id: Pseudonym, source: String, school: School, registered: Timestamp? = nil,
                lastChanged: Timestamp, exportTime: Timestamp, serious: Bool? = nil, pupil: Pupil,
                guardianNeedsInterpreter: Bool? = nil, knowledge: Timestamp? = nil,
                reportedBy: Reporter? = nil, violations: [ViolationKind] = [],
                perpetrator: PerpetratorKind? = nil, perpetratorCount: Int? = nil, events: [Event] = [],
                homeContactCount: Int? = nil, externalServices: [ExternalService] = [],
                countyGovernorDecision: CountyGovernorDecision? = nil, closing: Closing? = nil) {
        self.id = id
        self.source = source
        self.school = school
        self.registered = registered
        self.lastChanged = lastChanged
        self.exportTime = exportTime
        self.serious = serious
        self.pupil = pupil
        self.guardianNeedsInterpreter = guardianNeedsInterpreter
        self.knowledge = knowledge
        self.reportedBy = reportedBy
        self.violations = violations
        self.perpetrator = perpetrator
        self.perpetratorCount = perpetratorCount
        self.events = events
        self.homeContactCount = homeContactCount
        self.externalServices = externalServices
        self.countyGovernorDecision = countyGovernorDecision
        self.closing = closing
    }

    public var isEthnicityBased: Bool { violations.contains { $0.isEthnicityBased } }
    public var hasStaffPerpetrator: Bool { perpetrator == .staff }

    /// The first event of a kind.
    public func first(_ kind: EventKind) -> Event? {
        events.first { $0.kind == kind }
    }

    /// The facts every export format carries, for comparing the same case read from
    /// formats of different detail (SMX keeps every event, SMC only milestones).
    public var milestones: Milestones {
        Milestones(
            firstHomeContact: first(.homeContact)?.time,
            firstMeeting: first(.meeting)?.time,
            firstMeetingMinutesSent: first(.meeting)?.minutesSent,
            investigation: first(.investigation)?.time,
            activityPlan: first(.activityPlan)?.time,
            lastEvaluation: events.last { $0.kind == .evaluation }?.time,
            ownerNotice: first(.ownerNotice)?.time,
            countyGovernorReported: first(.countyGovernorReported)?.time,
            homeContactCount: homeContactCount)
    }

    /// Brings derived facts in line with the events: sorts events, counts home contacts,
    /// collects services and the County Governor's decision from events where the export
    /// gave them as events. Called by the mapping stage on every case it builds.
    public mutating func normalize() {
        events.sort { ($0.time, $0.kind.rawValue) < ($1.time, $1.kind.rawValue) }
        violations = Array(Set(violations)).sorted { $0.rawValue < $1.rawValue }
        let contacts = events.filter { $0.kind == .homeContact }.count
        if homeContactCount == nil, contacts > 0 { homeContactCount = contacts }
        var services = Set(externalServices)
        for e in events where e.kind == .externalHelp { if let s = e.service { services.insert(s) } }
        externalServices = services.sorted { $0.rawValue < $1.rawValue }
        if countyGovernorDecision == nil,
           let decision = events.last(where: { $0.kind == .countyGovernorDecision }), let breach = decision.breach {
            countyGovernorDecision = breach ? .breach : .noBreach
        }
    }
}

public struct Milestones: Hashable, Sendable {
    public var firstHomeContact: Timestamp?
    public var firstMeeting: Timestamp?
    public var firstMeetingMinutesSent: Bool?
    public var investigation: Timestamp?
    public var activityPlan: Timestamp?
    public var lastEvaluation: Timestamp?
    public var ownerNotice: Timestamp?
    public var countyGovernorReported: Timestamp?
    public var homeContactCount: Int?
}

/// A school: public facts, not personal data.
public struct School: Hashable, Sendable, Codable {
    public var orgnr: String
    public var municipality: String
    public var name: String?
    public init(orgnr: String, municipality: String, name: String? = nil) {
        self.orgnr = orgnr
        self.municipality = municipality
        self.name = name
    }
}

/// The pupil of a case, by pseudonym and background codes only.
public struct Pupil: Hashable, Sendable, Codable {
    /// nil when the export identified the pupil by nothing usable.
    public var id: Pseudonym?
    public var identifiedBy: PupilIdentification
    public var gender: Gender?
    public var grade: Int?
    public var immigrantCategory: ImmigrantCategory?
    /// ISO 3166-1 alpha-2.
    public var countryBackground: String?
    public var nationalMinority: NationalMinority?
    public var sami: Bool?
    public var minorityLanguage: Bool?

    public init(id: Pseudonym?, identifiedBy: PupilIdentification, gender: Gender? = nil, grade: Int? = nil,
                immigrantCategory: ImmigrantCategory? = nil, countryBackground: String? = nil,
                nationalMinority: NationalMinority? = nil, sami: Bool? = nil, minorityLanguage: Bool? = nil) {
        self.id = id
        self.identifiedBy = identifiedBy
        self.gender = gender
        self.grade = grade
        self.immigrantCategory = immigrantCategory
        self.countryBackground = countryBackground
        self.nationalMinority = nationalMinority
        self.sami = sami
        self.minorityLanguage = minorityLanguage
    }

    public var immigrantGroup: ImmigrantGroup { ImmigrantGroup(immigrantCategory) }
}
