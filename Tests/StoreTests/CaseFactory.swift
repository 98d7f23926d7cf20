import SaksgangCore
import TestSupport

/// Builds cases for the store tests: fixed ones with chosen keys and times, and random
/// ones that set or leave out every optional field.
enum CaseFactory {
    static let june20 = Timestamp(seconds: 1_750_406_400)  // 2025-06-20T08:00:00Z

    /// A minimal case with the key and times a test cares about.
    static func make(id: String, orgnr: String = "974600951", municipality: String = "4601",
                     lastChanged: Int64, exportTime: Int64 = 1_750_406_400, grade: Int? = 5) -> Case {
        Case(id: Pseudonym(id), source: "smx", school: School(orgnr: orgnr, municipality: municipality),
             lastChanged: Timestamp(seconds: lastChanged), exportTime: Timestamp(seconds: exportTime),
             pupil: Pupil(id: Pseudonym("P" + id), identifiedBy: .nationalNumber, grade: grade))
    }

    static func pick<T>(_ options: [T], _ rng: inout SplitMix64) -> T { options[Int(rng.next() % UInt64(options.count))] }

    static func maybe<T>(_ rng: inout SplitMix64, _ value: (inout SplitMix64) -> T) -> T? {
        rng.next() % 3 == 0 ? nil : value(&rng)
    }

    static func timestamp(_ rng: inout SplitMix64) -> Timestamp {
        let seconds = Int64(rng.next() % 400_000_000) + 1_500_000_000
        return rng.next() % 4 == 0 ? Timestamp(date: Timestamp(seconds: seconds).localDate) : Timestamp(seconds: seconds)
    }

    static func string(_ rng: inout SplitMix64, maxLength: Int = 30) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567æøåÆØÅ-_ \u{1F600}")
        return String((0..<Int(rng.next() % UInt64(maxLength + 1))).map { _ in pick(alphabet, &rng) })
    }

    static func event(_ rng: inout SplitMix64) -> Event {
        Event(kind: pick(EventKind.allCases, &rng), time: timestamp(&rng),
              initiative: maybe(&rng) { rng in pick(ContactInitiative.allCases, &rng) },
              channel: maybe(&rng) { rng in pick(ContactChannel.allCases, &rng) },
              minutesSent: maybe(&rng) { rng in rng.next() % 2 == 0 },
              guardiansTookPart: maybe(&rng) { rng in rng.next() % 2 == 0 },
              service: maybe(&rng) { rng in pick(ExternalService.allCases, &rng) },
              breach: maybe(&rng) { rng in rng.next() % 2 == 0 })
    }

    static func random(_ rng: inout SplitMix64, maxEvents: Int = 12) -> Case {
        let pupil = Pupil(
            id: maybe(&rng) { rng in Pseudonym(string(&rng)) }, identifiedBy: pick(PupilIdentification.allCases, &rng),
            gender: maybe(&rng) { rng in pick(Gender.allCases, &rng) },
            grade: maybe(&rng) { rng in Int(truncatingIfNeeded: rng.next()) >> Int(rng.next() % 64) },
            immigrantCategory: maybe(&rng) { rng in pick(ImmigrantCategory.allCases, &rng) },
            countryBackground: maybe(&rng) { rng in string(&rng, maxLength: 2) },
            nationalMinority: maybe(&rng) { rng in pick(NationalMinority.allCases, &rng) },
            sami: maybe(&rng) { rng in rng.next() % 2 == 0 }, minorityLanguage: maybe(&rng) { rng in rng.next() % 2 == 0 })
        return Case(
            id: Pseudonym(string(&rng)), source: string(&rng, maxLength: 8),
            school: School(orgnr: string(&rng, maxLength: 9), municipality: string(&rng, maxLength: 4),
                           name: maybe(&rng) { rng in string(&rng) }),
            registered: maybe(&rng) { rng in timestamp(&rng) }, lastChanged: timestamp(&rng), exportTime: timestamp(&rng),
            serious: maybe(&rng) { rng in rng.next() % 2 == 0 }, pupil: pupil,
            guardianNeedsInterpreter: maybe(&rng) { rng in rng.next() % 2 == 0 },
            knowledge: maybe(&rng) { rng in timestamp(&rng) },
            reportedBy: maybe(&rng) { rng in pick(Reporter.allCases, &rng) },
            violations: (0..<Int(rng.next() % 5)).map { _ in pick(ViolationKind.allCases, &rng) },
            perpetrator: maybe(&rng) { rng in pick(PerpetratorKind.allCases, &rng) },
            perpetratorCount: maybe(&rng) { rng in Int(rng.next() % 30) - 3 },
            events: (0..<Int(rng.next() % UInt64(maxEvents + 1))).map { _ in event(&rng) },
            homeContactCount: maybe(&rng) { rng in Int(rng.next() % 50) },
            externalServices: (0..<Int(rng.next() % 4)).map { _ in pick(ExternalService.allCases, &rng) },
            countyGovernorDecision: maybe(&rng) { rng in pick(CountyGovernorDecision.allCases, &rng) },
            closing: maybe(&rng) { rng in Closing(time: timestamp(&rng), reason: maybe(&rng) { rng in pick(ClosingReason.allCases, &rng) }) })
    }

    /// Every optional field set, every list non-empty.
    static func full() -> Case {
        Case(id: Pseudonym("CASEPSEUDONYMAAAA"), source: "smx",
             school: School(orgnr: "974600951", municipality: "4601", name: "Bergen skole"),
             registered: Timestamp(seconds: 1_740_000_000), lastChanged: Timestamp(seconds: 1_750_000_000),
             exportTime: Timestamp(seconds: 1_750_406_400), serious: true,
             pupil: Pupil(id: Pseudonym("PUPILPSEUDONYMBB"), identifiedBy: .dNumber, gender: .girl, grade: 7,
                          immigrantCategory: .c, countryBackground: "SO", nationalMinority: .kvensk, sami: false,
                          minorityLanguage: true),
             guardianNeedsInterpreter: false, knowledge: Timestamp(date: LocalDate(year: 2025, month: 2, day: 19)!),
             reportedBy: .guardian, violations: [.verbal, .ethnicity], perpetrator: .several, perpetratorCount: 3,
             events: [
                Event(kind: .homeContact, time: Timestamp(seconds: 1_740_100_000), initiative: .school, channel: .phone),
                Event(kind: .meeting, time: Timestamp(date: LocalDate(year: 2025, month: 2, day: 25)!),
                      minutesSent: true, guardiansTookPart: true),
                Event(kind: .externalHelp, time: Timestamp(seconds: 1_741_000_000), service: .ppt),
                Event(kind: .countyGovernorDecision, time: Timestamp(seconds: 1_745_000_000), breach: false),
             ],
             homeContactCount: 1, externalServices: [.ppt], countyGovernorDecision: .noBreach,
             closing: Closing(time: Timestamp(seconds: 1_749_000_000), reason: .resolved))
    }

    /// Every optional field nil, every list empty.
    static func bare() -> Case {
        Case(id: Pseudonym(""), source: "", school: School(orgnr: "", municipality: ""),
             lastChanged: Timestamp(seconds: 0, hasTime: false), exportTime: Timestamp(seconds: -1),
             pupil: Pupil(id: nil, identifiedBy: .none))
    }
}
