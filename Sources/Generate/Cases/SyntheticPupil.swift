import SaksgangCore

/// A generated pupil with every raw personal value a vendor export may hold. Kept for the
/// pupil's later cases (repeat victims) and written in full into truth.json, so that a leak
/// test knows what to search for.
struct SyntheticPupil: Sendable {
    struct Guardian: Sendable {
        var number: String?
        var name: String
        var phone: String?
        var email: String?
        var needsInterpreter: Bool
        var language: String?
    }

    enum NumberKind: String, Sendable { case fodselsnummer, dNumber = "d_number" }

    /// Running number of the pupil in the run (truth's pupil key).
    var serial: Int
    /// Synthetic fødselsnummer or D-number (month + 80), nil for pupils known by a local id only.
    var number: String?
    var numberKind: NumberKind?
    var localId: String?
    var givenName: String
    var surname: String
    var gender: Gender?
    var birth: LocalDate
    var category: ImmigrantCategory?
    var country: String?
    var minority: NationalMinority?
    var sami: Bool
    var minorityLanguage: Bool
    var guardians: [Guardian]
    /// Every name and text of this pupil fits Windows-1252.
    var fitsWindows1252: Bool

    var fullName: String { givenName + " " + surname }
    var group: ImmigrantGroup { ImmigrantGroup(category) }
    var needsInterpreter: Bool? { guardians.isEmpty ? nil : guardians.contains { $0.needsInterpreter } }

    /// The grade in the school year of `date` (grade 1 is the autumn the pupil turns 6), or
    /// nil outside 1–10.
    func grade(on date: LocalDate) -> Int? {
        let (y, m, _) = date.components
        let schoolYear = m >= 8 ? y : y - 1
        let g = schoolYear - 5 - birth.year
        return (1...10).contains(g) ? g : nil
    }
}
