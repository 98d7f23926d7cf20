/// Canonical code lists (exports.md §4). The raw values are the canonical codes that
/// mapping files translate vendor codes into; an unknown vendor code is an error, never a
/// guess.
public protocol CanonicalCode: RawRepresentable, CaseIterable, Hashable, Sendable, Codable
where RawValue == String {}

public enum Gender: String, CanonicalCode {
    case girl = "J", boy = "G", other = "A"
}

/// Statistics Norway's immigrant category (§4.3).
public enum ImmigrantCategory: String, CanonicalCode {
    case a = "A", b = "B", c = "C", e = "E", f = "F", g = "G"

    public var group: ImmigrantGroup {
        switch self {
        case .a, .g: return .none
        case .b: return .immigrant
        case .c: return .norwegianBornToImmigrants
        case .e, .f: return .oneForeignBornParent
        }
    }
}

/// The reporting groups of immigrant background (metrics.md §7). Raw values are the
/// machine names in `tables.json`.
public enum ImmigrantGroup: String, CanonicalCode {
    case none
    case immigrant
    case norwegianBornToImmigrants = "norwegian_born_to_immigrants"
    case oneForeignBornParent = "one_foreign_born_parent"
    case unknown

    public init(_ category: ImmigrantCategory?) { self = category?.group ?? .unknown }
}

public enum NationalMinority: String, CanonicalCode {
    case kvensk, jodisk, skogfinsk, rom, romani
}

/// Who made the case known (§4.4).
public enum Reporter: String, CanonicalCode {
    case pupil = "elev", guardian = "foresatt", staff = "ansatt", otherPupil = "medelev", other = "annen"
}

/// Kinds of violation (§4.5).
public enum ViolationKind: String, CanonicalCode {
    case physical = "fysisk", verbal, exclusion = "utestenging", digital, sexual = "seksuell"
    case ethnicity = "etnisitet", religion, language = "sprak", disability = "funksjonsevne"
    case genderSexuality = "kjonn_seksualitet", other = "annet"

    /// Ethnicity-based: ethnicity, religion or language.
    public var isEthnicityBased: Bool { self == .ethnicity || self == .religion || self == .language }
}

public enum PerpetratorKind: String, CanonicalCode {
    case pupil = "elev", staff = "ansatt", unknown = "ukjent", several = "flere"
}

/// Event kinds (§4.6).
public enum EventKind: String, CanonicalCode {
    case homeContact = "kontakt_hjem", meeting = "mote", investigation = "undersokelse"
    case activityPlan = "aktivitetsplan", measure = "tiltak", evaluation = "evaluering"
    case externalHelp = "ekstern_hjelp", ownerNotice = "varsel_skoleeier"
    case countyGovernorReported = "statsforvalter_meldt", countyGovernorDecision = "statsforvalter_vedtak"
    case reopened = "gjenapnet"
}

public enum ContactInitiative: String, CanonicalCode { case school = "skole", home = "hjem" }
public enum ContactChannel: String, CanonicalCode { case phone = "telefon", meeting = "mote", email = "epost", message = "melding" }

public enum ExternalService: String, CanonicalCode {
    case ppt = "PPT", schoolNurse = "helsesykepleier", bup = "BUP", childWelfare = "barnevern"
    case police = "politi", other = "annen"
}

/// Why a case was closed (§4.7). Only `resolved` counts as resolved.
public enum ClosingReason: String, CanonicalCode {
    case resolved = "lost", changedSchool = "byttet_skole", transition = "overgang"
    case countyGovernor = "statsforvalter", other = "annet"
}

/// The County Governor's decision.
public enum CountyGovernorDecision: String, CanonicalCode {
    case breach = "brudd", noBreach = "ikke_brudd"
}

/// How the case's pupil was identified: a data-quality figure by immigrant background.
public enum PupilIdentification: String, CanonicalCode {
    case nationalNumber = "fodselsnummer", dNumber = "d_number", hNumber = "h_number"
    case syntheticNumber = "synthetic_number", localId = "local_id", none
}
