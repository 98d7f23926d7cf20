/// The record counts of one input file, as the manifest and the report's file table give
/// them: records read = inserted + updated + duplicates + quarantined.
public struct FileCounts: Sendable, Equatable {
    public var records: Int
    public var inserted: Int
    public var updated: Int
    public var duplicates: Int
    public var quarantined: Int

    public init(records: Int, inserted: Int, updated: Int, duplicates: Int, quarantined: Int) {
        self.records = records
        self.inserted = inserted
        self.updated = updated
        self.duplicates = duplicates
        self.quarantined = quarantined
    }

    var all: [Int] { [records, inserted, updated, duplicates, quarantined] }
}

/// The primary rule over the input files' counts (docs/disclosure.md, "Files"). An export
/// is often one school's or one municipality's, so a file's counts are counts of cases: a
/// file with any count from 1 to k−1 has all its counts withheld together, and its size in
/// bytes with them (the size gives the number of records within a few). Withholding the
/// whole row keeps `records = inserted + updated + duplicates + quarantined` from giving a
/// withheld count back, and a file's counts never change (a file is its content hash), so
/// two nights cannot be differenced either. A total over files is published only when no
/// file it sums is withheld.
public struct FileCountDisclosure: Sendable {
    public var threshold: Int

    public init(threshold: Int) {
        precondition(threshold >= 2)
        self.threshold = threshold
    }

    /// Whether the file's counts may be published: each is 0 or at least k.
    public func publishes(_ counts: FileCounts) -> Bool {
        counts.all.allSatisfy(publishes)
    }

    /// Whether a count of cases that stands alone (the cases retention removed tonight) may
    /// be published: 0 or at least k.
    public func publishes(_ count: Int) -> Bool { count == 0 || count >= threshold }
}
