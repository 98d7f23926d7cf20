import SaksgangCore

/// Counts, per mapped canonical field of an XML mapping, the records of a file in which the
/// field's attribute or element occurs at all (an empty `nasjonalMinoritet=""` occurs). A
/// field that occurs in no record of a file is most often a typo in its `from`
/// (`Elev/@kjon` for `Elev/@kjonn`): every value would silently be unknown, so the run names
/// the field in a warning. CSV needs no count: a column missing from the header is already
/// named. Counts only: no value is kept.
struct FieldFill {
    let mapping: CompiledMapping
    /// Per mapped field (in `CanonicalField` order), records with a value.
    private(set) var filled: [(field: CanonicalField, source: CompiledMapping.ValueSource, count: Int)]
    private(set) var records = 0

    init(_ mapping: CompiledMapping) {
        self.mapping = mapping
        filled = CanonicalField.allCases.compactMap { f in mapping.fields[f].map { (f, $0, 0) } }
    }

    mutating func add(_ raw: RawRecord, fileValues: [String?]) {
        records += 1
        for i in filled.indices {
            if case .slot(let s) = filled[i].source.place, raw.occurs(s) { filled[i].count += 1 }
        }
    }

    /// Warnings for the fields empty in every record; `skipping` columns already reported
    /// missing from a CSV header.
    func emptyFieldWarnings(skipping missingColumns: Set<String> = []) -> [SaksgangError] {
        guard records > 0, mapping.spec.format == .xml else { return [] }
        // A pupil is identified by either number: a file whose pupils all have one has no
        // other.
        let identities: Set<CanonicalField> = [.pupilNationalNumber, .pupilLocalId]
        let identified = filled.contains { identities.contains($0.field) && $0.count > 0 }
        return filled.filter { entry in
            if identified && identities.contains(entry.field) { return false }
            if case .slot = entry.source.place { return entry.count == 0 }
            return false
        }.compactMap { entry in
            let from = mapping.spec.fields[entry.field.rawValue]?.from ?? ""
            if missingColumns.contains(from) { return nil }
            return SaksgangError(.emptyField, "the field \(entry.field.rawValue) (from \(from)) occurs in no record of this file (every value is unknown): "
                                 + "is its 'from' in the mapping right?", at: .init(field: entry.field.rawValue))
        }
    }
}
