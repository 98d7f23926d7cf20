import Foundation
import SaksgangCore

/// Makes new pupils with a municipality's make-up: immigrant category, country background,
/// Sami and national-minority pupils, minority language, guardians (some needing an
/// interpreter), and identification: most by a synthetic fødselsnummer, newly arrived pupils
/// often by a D-number or only a local id.
struct PupilFactory {
    private let names = NameBook()
    private var registry = IdentityRegistry()
    private var nextSerial = 0

    static let immigrantCountries: [(String, Double)] = [
        ("PL", 0.14), ("SY", 0.12), ("SO", 0.10), ("UA", 0.10), ("ER", 0.08), ("AF", 0.08), ("IQ", 0.06),
        ("LT", 0.06), ("PK", 0.06), ("VN", 0.04), ("PH", 0.04), ("TH", 0.03), ("TR", 0.04), ("RU", 0.02),
        ("DE", 0.03),
    ]
    static let oneParentCountries: [(String, Double)] = [
        ("SE", 0.18), ("DK", 0.10), ("DE", 0.10), ("PL", 0.10), ("TH", 0.10), ("PH", 0.10), ("GB", 0.08),
        ("US", 0.08), ("RU", 0.06), ("LT", 0.05), ("VN", 0.05),
    ]
    static let gradeWeights = [0.06, 0.08, 0.09, 0.11, 0.12, 0.13, 0.13, 0.11, 0.09, 0.08]

    mutating func make(in place: MunicipalityProfile, knowledge: LocalDate, windows1252Only: Bool,
                       random: inout SeededRandom) -> SyntheticPupil {
        nextSerial += 1
        // Background.
        var sami = false
        var minority: NationalMinority?
        var category: ImmigrantCategory?
        if random.chance(place.samiShare) {
            sami = true
        } else {
            var x = random.unit()
            for (m, share) in place.minorityShares {
                if x < share { minority = m; break }
                x -= share
            }
        }
        if sami || minority != nil {
            category = [ImmigrantCategory.a, .g, .f, nil][random.weighted([0.92, 0.02, 0.03, 0.03])]
        } else {
            category = place.categoryShares[random.weighted(place.categoryShares.map(\.1))].0
        }
        var country: String?
        switch category {
        case .a?, .g?: country = random.chance(0.75) ? "NO" : nil
        case .b?, .c?: country = Self.immigrantCountries[random.weighted(Self.immigrantCountries.map(\.1))].0
        case .e?, .f?: country = Self.oneParentCountries[random.weighted(Self.oneParentCountries.map(\.1))].0
        case nil: country = random.chance(0.2) ? Self.immigrantCountries[random.int(below: 8)].0 : nil
        }
        let recentArrival = category == .b && random.chance(0.35)

        // Names.
        let femaleDraw = random.chance(0.5)
        let gender: Gender? = [Gender.girl, .boy, .other, nil][random.weighted([0.485, 0.485, 0.01, 0.02])]
        let female: Bool = gender == .girl ? true : gender == .boy ? false : femaleDraw
        let origin: NameOrigin
        let otherOrigin: NameOrigin
        if sami { origin = .sami }
        else if let minority {
            switch minority {
            case .kvensk: origin = .kven
            case .skogfinsk: origin = .forestFinn
            case .romani: origin = .romani
            case .rom: origin = .rom
            case .jodisk: origin = .jewish
            }
        } else {
            switch category {
            case .b?, .c?: origin = NameOrigin.of(country: country ?? "")
            case nil: origin = random.chance(0.5) ? .norwegian : NameOrigin.of(country: country ?? "SY")
            default: origin = .norwegian
            }
        }
        otherOrigin = (category == .e || category == .f) ? NameOrigin.of(country: country ?? "SE") : origin
        let given = names.given(random.chance(0.5) ? origin : otherOrigin, female: female,
                                windows1252Only: windows1252Only, random: &random)
        let surname = names.surname(random.chance(0.5) ? origin : otherOrigin, windows1252Only: windows1252Only,
                                    random: &random)

        // Birth and identification.
        let (ky, km, _) = knowledge.components
        let schoolYear = km >= 8 ? ky : ky - 1
        let grade = 1 + random.weighted(Self.gradeWeights)
        let birthYear = schoolYear - 5 - grade
        let birth = LocalDate(year: birthYear, month: 1, day: 1)!.adding(days: random.int(0...364))
        var number: String?
        var kind: SyntheticPupil.NumberKind?
        var localId: String?
        let idDraw = random.unit()
        let (fnrShare, dShare) = recentArrival ? (0.25, 0.45) : category == .b ? (0.97, 0.02) : (0.996, 0.001)
        if idDraw < fnrShare {
            number = registry.issue(birth: birth, female: gender == nil || gender == .other ? nil : female,
                                    kind: .fodselsnummer, random: &random)
            kind = .fodselsnummer
        } else if idDraw < fnrShare + dShare {
            number = registry.issue(birth: birth, female: nil, kind: .dNumber, random: &random)
            kind = .dNumber
        } else {
            localId = "E" + String(1_000_000 + nextSerial)
        }

        let minorityLanguage: Bool
        switch category {
        case .b?: minorityLanguage = random.chance(0.85)
        case .c?: minorityLanguage = random.chance(0.60)
        case .e?: minorityLanguage = random.chance(0.15)
        case .f?: minorityLanguage = random.chance(0.10)
        case nil: minorityLanguage = random.chance(0.30)
        default: minorityLanguage = minority != nil ? random.chance(0.2) : random.chance(0.01)
        }

        // Guardians.
        let guardianCount = [2, 1, 0][random.weighted([0.70, 0.26, 0.04])]
        let interpreterShare: Double
        switch category {
        case .b?: interpreterShare = recentArrival ? 0.7 : 0.4
        case .c?: interpreterShare = 0.2
        case .e?, .f?: interpreterShare = 0.03
        case nil: interpreterShare = 0.1
        default: interpreterShare = minority == .rom ? 0.2 : 0.003
        }
        var guardians: [SyntheticPupil.Guardian] = []
        for i in 0..<guardianCount {
            let gOrigin = i == 0 ? origin : otherOrigin
            let gFemale = i == 0 ? random.chance(0.6) : !random.chance(0.6)
            let gGiven = names.given(gOrigin, female: gFemale, windows1252Only: windows1252Only, random: &random)
            let gSurname = random.chance(0.6) ? surname
                : names.surname(gOrigin, windows1252Only: windows1252Only, random: &random)
            let gBirth = LocalDate(year: birthYear - random.int(22...45), month: 1, day: 1)!.adding(days: random.int(0...364))
            var gNumber: String?
            if recentArrival ? random.chance(0.8) : random.chance(0.95) {
                let dNumber = recentArrival ? random.chance(0.6) : random.chance(0.01)
                gNumber = registry.issue(birth: gBirth, female: dNumber ? nil : gFemale,
                                         kind: dNumber ? .dNumber : .fodselsnummer, random: &random)
            }
            let needs = random.chance(interpreterShare)
            var language: String?
            if needs || (country != nil && country != "NO" && random.chance(0.5)) {
                language = NameOrigin.language(country: country ?? "NO")
            } else if sami && random.chance(0.3) {
                language = "se"
            }
            let phone = random.chance(0.9) ? Self.phone(&random) : nil
            let email = random.chance(0.7) ? email(given: gGiven, surname: gSurname, random: &random) : nil
            guardians.append(.init(number: gNumber, name: gGiven + " " + gSurname, phone: phone, email: email,
                                   needsInterpreter: needs, language: language))
        }
        let fits = ([given, surname] + guardians.map(\.name)).allSatisfy(TextEncoding.fitsWindows1252)
        return SyntheticPupil(serial: nextSerial, number: number, numberKind: kind, localId: localId, givenName: given,
                              surname: surname, gender: gender, birth: birth, category: category, country: country,
                              minority: minority, sami: sami, minorityLanguage: minorityLanguage,
                              guardians: guardians, fitsWindows1252: fits)
    }

    /// A Norwegian mobile number (8 digits from 4 or 9) in one of the ways people write it.
    static func phone(_ random: inout SeededRandom) -> String {
        var d: [UInt8] = [random.chance(0.5) ? 52 : 57]
        for _ in 0..<7 { d.append(UInt8(48 + random.int(0...9))) }
        var out: [UInt8] = []
        switch random.int(0...3) {
        case 0: out = d
        case 1: out = Array("+47 ".utf8) + d
        case 2: out = Array(d[0..<3]) + [32] + Array(d[3..<5]) + [32] + Array(d[5..<8])
        default: out = Array(d[0..<2]) + [32] + Array(d[2..<4]) + [32] + Array(d[4..<6]) + [32] + Array(d[6..<8])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An address at a reserved example domain (RFC 2606), so no real mailbox is named.
    mutating func email(given: String, surname: String, random: inout SeededRandom) -> String {
        let domain = ["example.com", "example.net", "example.org"][random.int(0...2)]
        return folded(given) + "." + folded(surname) + (random.chance(0.3) ? String(random.int(1...99)) : "")
            + "@" + domain
    }

    /// `asciiFold`, memoised: names come from a finite list.
    private var foldCache: [String: String] = [:]
    private mutating func folded(_ s: String) -> String {
        if let f = foldCache[s] { return f }
        let f = Self.asciiFold(s)
        foldCache[s] = f
        return f
    }

    static func asciiFold(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased() {
            switch ch {
            case "æ": out += "ae"
            case "ø": out += "o"
            case "å": out += "aa"
            case "a"..."z", "0"..."9": out.append(ch)
            case "-", " ": out += "-"
            default:
                let base = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars.first.map { Character($0) }
                if let base, ("a"..."z").contains(base) { out.append(base) }
            }
        }
        return out.isEmpty ? "foresatt" : out
    }
}
