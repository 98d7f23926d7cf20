extension FileSummary {
    /// The report's line for a file the manifest records: a skipped file says so, a file
    /// quarantined as a whole carries its reason code.
    public init(_ record: InputFileRecord) {
        self.init(name: record.name, format: record.format, records: record.records, inserted: record.inserted,
                  updated: record.updated, duplicates: record.duplicates, quarantined: record.quarantined,
                  skipped: record.status == .skipped,
                  errorReason: record.status == .quarantined ? (record.reason ?? "quarantined") : nil)
        countsWithheld = record.countsWithheld
    }
}
