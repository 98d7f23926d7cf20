/// The canonical fields a mapping may fill, by the names mapping files use.
public enum CanonicalField: String, CaseIterable, Sendable {
    case caseNumber = "case_number"
    case schoolOrgnr = "school_orgnr"
    case municipality
    case schoolName = "school_name"
    case registered
    case lastChanged = "last_changed"
    case serious
    case pupilNationalNumber = "pupil_national_number"
    case pupilLocalId = "pupil_local_id"
    case gender
    case grade
    case immigrantCategory = "immigrant_category"
    case countryBackground = "country_background"
    case nationalMinority = "national_minority"
    case sami
    case minorityLanguage = "minority_language"
    case guardianInterpreter = "guardian_interpreter"
    case knowledge
    case reportedBy = "reported_by"
    case violations
    case perpetrator
    case perpetratorCount = "perpetrator_count"
    case homeContactCount = "home_contact_count"
    case externalServices = "external_services"
    case countyGovernorDecision = "county_governor_decision"

    /// Fields without which a record cannot be stored.
    public static let required: [CanonicalField] = [.caseNumber, .schoolOrgnr, .municipality, .lastChanged]

    /// The field's place in arrays indexed by field (`CompiledMapping.sources`): a switch,
    /// so that the mapper finds a field's source without hashing its name per record.
    var ordinal: Int {
        switch self {
        case .caseNumber: return 0
        case .schoolOrgnr: return 1
        case .municipality: return 2
        case .schoolName: return 3
        case .registered: return 4
        case .lastChanged: return 5
        case .serious: return 6
        case .pupilNationalNumber: return 7
        case .pupilLocalId: return 8
        case .gender: return 9
        case .grade: return 10
        case .immigrantCategory: return 11
        case .countryBackground: return 12
        case .nationalMinority: return 13
        case .sami: return 14
        case .minorityLanguage: return 15
        case .guardianInterpreter: return 16
        case .knowledge: return 17
        case .reportedBy: return 18
        case .violations: return 19
        case .perpetrator: return 20
        case .perpetratorCount: return 21
        case .homeContactCount: return 22
        case .externalServices: return 23
        case .countyGovernorDecision: return 24
        }
    }
}

/// The optional attributes of an event.
public enum EventAttribute: String, CaseIterable, Sendable {
    case initiative, channel, service, breach, reason
    case minutesSent = "minutes_sent"
    case guardiansTookPart = "guardians_took_part"

    /// The attribute's place in `CompiledMapping.CompiledEvent.attributeSources`.
    var ordinal: Int {
        switch self {
        case .initiative: return 0
        case .channel: return 1
        case .service: return 2
        case .breach: return 3
        case .reason: return 4
        case .minutesSent: return 5
        case .guardiansTookPart: return 6
        }
    }
}
