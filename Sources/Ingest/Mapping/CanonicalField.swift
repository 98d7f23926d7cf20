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
}

/// The optional attributes of an event.
public enum EventAttribute: String, CaseIterable, Sendable {
    case initiative, channel, service, breach, reason
    case minutesSent = "minutes_sent"
    case guardiansTookPart = "guardians_took_part"
}
