import SaksgangCore

/// What kind of value a canonical field, event part or closing part holds: what a code
/// table may translate into, and whether its values may be shown to a person fixing a
/// mapping (codes may; identities, names and free text never).
enum ValueDomain: Sendable, Equatable {
    /// One of a fixed set of canonical codes.
    case code(Set<String>)
    /// `"true"` / `"false"`.
    case boolean
    /// A whole number.
    case integer
    /// ISO 3166 alpha-2.
    case country
    /// A date or time (read with `format`).
    case time
    /// Public text that is no code (organisation and municipality numbers, school names).
    case text
    /// A personal value (case number, identity number, local id): never shown.
    case personal

    static func codes<C: CanonicalCode>(_: C.Type) -> ValueDomain { .code(Set(C.allCases.map(\.rawValue))) }

    /// Whether values of this domain are codes that may be printed.
    var showsValues: Bool {
        switch self {
        case .code, .boolean, .country: return true
        case .integer, .time, .text, .personal: return false
        }
    }

    /// Why `target` is not a value of this domain, or nil when it is one.
    func refusal(_ target: String) -> String? {
        switch self {
        case .code(let allowed):
            return allowed.contains(target) ? nil : "is not one of \(allowed.sorted().joined(separator: ", "))"
        case .boolean:
            return target == "true" || target == "false" ? nil : "is not \"true\" or \"false\""
        case .integer:
            return Int(target) != nil ? nil : "is not a whole number"
        case .country:
            return target.utf8.count == 2 && target.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) ? nil
                : "is not an ISO 3166 two-letter country code (like NO, SE, SO)"
        case .time, .text, .personal:
            return nil
        }
    }

    /// What the domain is, in words.
    var words: String {
        switch self {
        case .code: return "a canonical code"
        case .boolean: return "a yes/no value"
        case .integer: return "a whole number"
        case .country: return "a country code"
        case .time: return "a date or time"
        case .text: return "text"
        case .personal: return "a personal value"
        }
    }
}

extension CanonicalField {
    var domain: ValueDomain {
        switch self {
        case .caseNumber, .pupilNationalNumber, .pupilLocalId: return .personal
        case .schoolOrgnr, .municipality, .schoolName: return .text
        case .registered, .lastChanged, .knowledge: return .time
        case .serious, .sami, .minorityLanguage, .guardianInterpreter: return .boolean
        case .grade, .perpetratorCount, .homeContactCount: return .integer
        case .gender: return .codes(Gender.self)
        case .immigrantCategory: return .codes(ImmigrantCategory.self)
        case .countryBackground: return .country
        case .nationalMinority: return .codes(NationalMinority.self)
        case .reportedBy: return .codes(Reporter.self)
        case .violations: return .codes(ViolationKind.self)
        case .perpetrator: return .codes(PerpetratorKind.self)
        case .externalServices: return .codes(ExternalService.self)
        case .countyGovernorDecision: return .codes(CountyGovernorDecision.self)
        }
    }
}

extension EventAttribute {
    var domain: ValueDomain {
        switch self {
        case .initiative: return .codes(ContactInitiative.self)
        case .channel: return .codes(ContactChannel.self)
        case .service: return .codes(ExternalService.self)
        case .reason: return .codes(ClosingReason.self)
        case .breach, .minutesSent, .guardiansTookPart: return .boolean
        }
    }
}

extension ValueDomain {
    /// An event's kind: a canonical kind, or the closing pseudo-kind.
    static var eventKind: ValueDomain {
        .code(Set(EventKind.allCases.map(\.rawValue) + [RecordMapper.closingKind]))
    }
    static var closingReason: ValueDomain { .codes(ClosingReason.self) }
}
