/// What happened to one input file in this run, for the report's section on input files.
/// File names are public (they are the vendor's export names, never a person's).
public struct FileSummary: Sendable, Equatable, Codable {
    public var name: String
    /// `smx`, `smc`, … as the pipeline names the format.
    public var format: String
    /// Records read.
    public var records: Int
    /// New cases stored.
    public var inserted: Int
    /// Cases stored before and updated by a newer version.
    public var updated: Int
    /// Records identical to or older than what the store holds.
    public var duplicates: Int
    /// Records set aside with a reason.
    public var quarantined: Int
    /// Already ingested in an earlier run (same content hash).
    public var skipped: Bool
    /// The reason code when the whole file was refused (`gzip_truncated`, …).
    public var errorReason: String?
    /// The counts are withheld by disclosure control (a count from 1 to k−1 among them):
    /// the table shows none of them. They are kept here only to say whether they reconcile.
    public var countsWithheld = false

    public init(name: String, format: String, records: Int = 0, inserted: Int = 0, updated: Int = 0,
                duplicates: Int = 0, quarantined: Int = 0, skipped: Bool = false,
                errorReason: String? = nil) {
        self.name = name
        self.format = format
        self.records = records
        self.inserted = inserted
        self.updated = updated
        self.duplicates = duplicates
        self.quarantined = quarantined
        self.skipped = skipped
        self.errorReason = errorReason
    }

    /// Every record read is accounted for: read = stored + updated + duplicates + quarantined.
    public var isReconciled: Bool { records == inserted + updated + duplicates + quarantined }
}
